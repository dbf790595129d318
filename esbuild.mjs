// Bundles the extension (dist/client.js), the language server (dist/server.js), the CLI (dist/cli.js) and the
// test files (out/test/). `--production` minifies for the .vsix, without source maps (no setting reads them);
// `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  logLevel: 'warning',
  minify: production,
  mainFields: ['module', 'main'],
  // docs/rules.md ships inside the CLI: SARIF's rule list is its Codes table
  loader: { '.md': 'text' },
};

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!name.startsWith('.') && name !== 'fixtures') out.push(...testEntries(p));
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// The client imports the engine and the AWS library through their entry modules (index.ts); this tells esbuild
// that our own modules have no side effects on import, so dist/client.js keeps only what the client calls.
const ownModulesArePure = {
  name: 'own-modules-are-pure',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData?.pure) return undefined;
      const r = await build.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        pluginData: { pure: true },
      });
      if (r.errors.length || !r.path.includes(`${join('server', 'src')}`)) return undefined;
      return { ...r, sideEffects: false };
    });
  },
};

const builds = [
  // dist/submission.js: what the submission commands require() on first use (the AWS SDK, the engine), kept out of
  // dist/client.js so that activation does not parse it.
  {
    ...common,
    entryPoints: { client: 'client/src/extension.ts', submission: 'client/src/aws/awsModules.ts' },
    outdir: 'dist',
    external: ['vscode'],
    plugins: [ownModulesArePure],
  },
  {
    ...common,
    // dist/account.js: the account library (and the SDK) that the server loads only when the account is turned on
    entryPoints: {
      server: 'server/src/server.ts',
      cli: 'server/src/cli/main.ts',
      account: 'server/src/account/index.ts',
      // dist/svg.js: ELK and the SVG writer, loaded by the CLI only for preview --format svg
      svg: 'server/src/cli/svg.ts',
    },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    // dist/web/extension.js: the extension in the browser (package.json "browser"), with the LSP client for a worker
    entryPoints: { extension: 'client/src/web/extension.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    plugins: [ownModulesArePure],
  },
  {
    ...common,
    // dist/web/server.js: the language server as a Web Worker (vscode.dev, github.dev); no Node built-in may enter
    entryPoints: { server: 'server/src/browserServer.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
    // csv-parse's own browser build (its Node build needs Buffer); its package exports name no browser entry
    alias: { 'csv-parse/sync': resolvePath('node_modules/csv-parse/dist/esm/sync.js') },
  },
];
if (!production) {
  // Tests import the sources directly; mocha and vscode stay external so the test runner supplies them.
  builds.push({
    ...common,
    entryPoints: testEntries('test').filter((f) => !f.startsWith(join('test', 'vscode'))),
    outdir: 'out/test',
    outbase: 'test',
    // our code is bundled into each test (it imports .mjs, .md and JSON, which Node's require cannot all load);
    // packages are required from node_modules at run time, not copied into every test file (139 MB → a few)
    packages: 'external',
    external: ['mocha', 'vscode', 'playwright-core'],
  });
}

// a test moved or deleted must not keep running from an old bundle
if (!production) rmSync('out/test', { recursive: true, force: true });

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
