// The layering check of `npm test` (dependency-cruiser with .dependency-cruiser.cjs): clean on our tree, and it
// fails on an import cycle, so a cycle introduced later cannot pass.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/root';

const depcruise = (...paths: string[]) =>
  spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/.bin/depcruise'), ...paths, '--config', '.dependency-cruiser.cjs'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );

// what `npm run lint` excludes: build output, caches, the build script, and the fixtures (cruised only on purpose)
const LINT_EXCLUDE = /--exclude '([^']+)'/.exec(
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.lint as string,
)![1];

describe('layering (dependency-cruiser)', function () {
  this.timeout(60_000);

  it('finds no violation in any folder of ours: server/src, client/src, test, bench, scripts', () => {
    const r = depcruise('server/src', 'client/src', 'test', 'bench', 'scripts', '--exclude', LINT_EXCLUDE);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /no dependency violations found/);
  });

  it('fails on an import cycle and names both modules', () => {
    const r = depcruise('test/fixtures/layering-cycle');
    assert.notEqual(r.status, 0);
    assert.match(r.stdout, /no-cycles: test\/fixtures\/layering-cycle\/a\.ts/);
    assert.match(r.stdout, /layering-cycle\/b\.ts/);
  });

  // A forbidden import planted in the real tree (and removed again) fails the check, naming the rule that says why.
  const planted: [string, string, string, RegExp][] = [
    [
      'account → client',
      'server/src/account/planted.ts',
      "import '../../../client/src/constants';\n",
      /account-imports-only-engine-and-aws: server\/src\/account\/planted\.ts → client\/src\/constants\.ts/,
    ],
    [
      'engine → lsp',
      'server/src/engine/planted.ts',
      "import '../lsp/scheduler';\n",
      /engine-imports-only-engine-and-generated: server\/src\/engine\/planted\.ts → server\/src\/lsp\/scheduler\.ts/,
    ],
    [
      'bench → client',
      'bench/planted.mjs',
      "import '../client/src/constants.ts';\n",
      /tools-never-import-client: bench\/planted\.mjs → client\/src\/constants\.ts/,
    ],
    [
      'the LSP server → the CLI',
      'server/src/lsp/planted.ts',
      "import '../cli/terminal';\n",
      /lsp-imports-only-engine-account-and-protocol: server\/src\/lsp\/planted\.ts → server\/src\/cli\/terminal\.ts/,
    ],
  ];
  for (const [what, file, text, rule] of planted) {
    it(`fails on a planted import ${what}`, () => {
      const path = join(ROOT, file);
      writeFileSync(path, text);
      try {
        const r = depcruise(file);
        assert.notEqual(r.status, 0, r.stdout);
        assert.match(r.stdout, rule);
      } finally {
        rmSync(path, { force: true });
      }
    });
  }

  it('fails on a planted import server.ts → cli/ (server.ts only starts the LSP server)', () => {
    const path = join(ROOT, 'server/src/server.ts');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, `${original}import './cli/terminal';\n`);
    try {
      const r = depcruise('server/src/server.ts');
      assert.notEqual(r.status, 0, r.stdout);
      assert.match(r.stdout, /server-entry-imports-only-lsp: server\/src\/server\.ts → server\/src\/cli\/terminal\.ts/);
    } finally {
      writeFileSync(path, original);
    }
  });
});
