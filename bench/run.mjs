#!/usr/bin/env node
// `npm run bench`: builds the extension as it ships (`npm run package`), generates workflows of 10 to 5,000 fields
// (valid, and with 1% defects), and measures our language server and VS Code's own JSON language server (the peer)
// through real server processes over stdio. Prints a Markdown table and writes it, with the raw figures, to
// bench/.out/. Every figure is a median of several runs (percentiles where stated); machines are noisy.
//
//   node bench/run.mjs [--sizes 10,100,1000,5000] [--no-package] [--no-peer] [--no-vscode] [--no-create]
// [--no-account] [--quick] [--profile]
// The account rows (bench/account.mjs): didOpen → first account-aware diagnostics, and completion with the account
// cached, against the local endpoint serving the demo account.
// --profile also writes a CPU profile of the in-process validation of the largest file, and where its time goes
// (bench/.out/profile-validation.txt), with `node --cpu-prof` and bench/profile-summary.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { landmarks, workflowText } from './workflows.mjs';
import { bytes, median, ms, percentile, ratio, timed } from './stats.mjs';
import { peerServerPath, startOurs, startPeer } from './servers.mjs';
import { measureEditBurst } from './editBurst.mjs';
import { measureAccount } from './account.mjs';
import { measureWeb } from './web.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/.out');
const require = createRequire(join(ROOT, 'package.json'));

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000,5000' },
    'no-package': { type: 'boolean', default: false },
    'no-peer': { type: 'boolean', default: false },
    'no-vscode': { type: 'boolean', default: false },
    'no-create': { type: 'boolean', default: false },
    'no-account': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const SIZES = opts.sizes.split(',').map(Number);
const RUNS = opts.quick
  ? { start: 3, open: 3, typing: 5, requests: 50, cli: 3, parse: 7, activation: 1, create: 3 }
  : { start: 7, open: 5, typing: 11, requests: 200, cli: 5, parse: 21, activation: 3, create: 7 };

const TYPING_PAUSE_MS = 200;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (s) => process.stderr.write(`bench: ${s}\n`);
const fmtInt = (n) => n.toLocaleString('en-US');

// ---- build: the bundles as they ship, copied aside so a concurrent `npm run build` cannot change them mid-run
function build() {
  const dist = join(OUT, 'dist');
  let vsix;
  if (!opts['no-package']) {
    log('npm run package (production bundles and the .vsix)…');
    try {
      execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      vsix = statSync(join(ROOT, 'dist/cpworkflow.vsix')).size;
    } catch (e) {
      log(`npm run package failed (${e.message.split('\n')[0]}); measuring the development build`);
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
  } else if (!existsSync(join(ROOT, 'dist/server.js'))) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const bundles = {};
  for (const name of readdirSync(join(ROOT, 'dist'))) {
    if (!name.endsWith('.js')) continue;
    cpSync(join(ROOT, 'dist', name), join(dist, name));
    bundles[name] = statSync(join(dist, name)).size;
  }
  return { dist, bundles, vsix };
}

// The engine alone, bundled from source as the server bundles it, timed in a child process (engine-timing.mjs).
async function engineTimes(files) {
  const esbuild = require('esbuild');
  const bundle = (outfile, minify) =>
    esbuild.build({
      entryPoints: [join(ROOT, 'bench/engine-entry.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      mainFields: ['module', 'main'],
      minify,
    });
  const outfile = join(OUT, 'engine.cjs');
  await bundle(outfile, !opts['no-package']);
  const r = await wallTime(
    ['--expose-gc', join(ROOT, 'bench/engine-timing.mjs'), outfile, String(RUNS.parse), ...files],
    { log: true },
  );
  if (r.code !== 0) throw new Error(`engine timing failed: ${r.output}`);
  if (opts.profile) {
    const dir = join(OUT, 'profiles');
    rmSync(dir, { recursive: true, force: true });
    const largest = files[files.length - 2]; // the largest valid file
    const readable = join(OUT, 'engine-readable.cjs'); // unminified, so the profile names functions and modules
    await bundle(readable, false);
    await wallTime([
      '--expose-gc',
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      join(ROOT, 'bench/engine-timing.mjs'),
      readable,
      '40',
      largest,
    ]);
    const [profile] = readdirSync(dir);
    const summary = await wallTime([join(ROOT, 'bench/profile-summary.mjs'), join(dir, profile), '20'], { log: true });
    writeFileSync(
      join(OUT, 'profile-validation.txt'),
      `node --cpu-prof bench/engine-timing.mjs (40 validations of ${largest})\n${summary.output}`,
    );
    log(`profile of the validation: bench/.out/profile-validation.txt`);
  }
  return JSON.parse(r.output);
}

/** The generated workflow of `fields` fields as a file, whatever sizes this run measures. */
function writeWorkflowFile(fields, options = {}) {
  const file = join(OUT, 'workflows', `${fields}-fields${options.defects ? '-defects' : ''}.cpworkflow.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, workflowText(fields, options));
  return file;
}

function writeWorkflows() {
  const dir = join(OUT, 'workflows');
  mkdirSync(dir, { recursive: true });
  const files = {};
  for (const n of SIZES) {
    for (const defects of [false, true]) {
      const text = workflowText(n, { defects });
      const file = join(dir, `${n}-fields${defects ? '-defects' : ''}.cpworkflow.json`);
      writeFileSync(file, text);
      files[`${n}${defects ? 'd' : ''}`] = { file, text, marks: landmarks(text, n) };
    }
  }
  return files;
}

/** Runs a whole process (`node` when `command` is omitted); resolves with its wall time and exit code. */
function wallTime(args, { command = process.execPath, env, log } = {}) {
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const child = spawn(command, args, {
      env: env ?? process.env,
      stdio: ['ignore', log ? 'pipe' : 'ignore', log ? 'pipe' : 'ignore'],
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    child.on('error', rej);
    child.on('exit', (code) => res({ ms: performance.now() - t0, code, output }));
  });
}

// ---- a real VS Code: the harness's code-server in headless Chromium, one launch per run
async function measureActivation(file) {
  if (!existsSync(join(ROOT, 'test/vscode/launcher.js')) || !peerServerPath(ROOT))
    return { pending: 'the VS Code harness is not installed (scripts/install-code-server.sh .cache/code-server)' };
  const runs = [];
  for (let i = 0; i < RUNS.activation; i++) {
    const result = join(OUT, `activation-${i}.json`);
    rmSync(result, { force: true });
    const r = await wallTime([join(ROOT, 'bench/vscode/run-activation.js'), result, file], { log: true });
    writeFileSync(join(OUT, `activation-${i}.log`), r.output);
    if (r.code !== 0 || !existsSync(result))
      return { pending: `the harness run failed (exit ${r.code}); see bench/.out/activation-${i}.log` };
    runs.push(JSON.parse(readFileSync(result, 'utf8')));
  }
  return {
    activateMs: median(runs.map((r) => r.activateMs)),
    openToDiagnosticsMs: median(runs.map((r) => r.openToDiagnosticsMs)),
    awsSdkModules: [...new Set(runs.flatMap((r) => r.awsSdkModules))],
    runs: runs.length,
  };
}

// ---- `cpworkflow create` beside the AWS CLI, both against the same local Customer Profiles endpoint
async function measureCreate(dist, file) {
  const endpointModule = join(ROOT, 'test/endpoint/customerProfilesEndpoint.mjs');
  if (!existsSync(endpointModule)) return { pending: 'no local endpoint (test/endpoint/customerProfilesEndpoint.mjs)' };
  const { startLocalEndpoint } = await import(pathToFileURL(endpointModule).href);
  // made-up keys that only this run knows
  const accessKeyId = `AKIABENCH${randomBytes(6).toString('hex').toUpperCase().slice(0, 11)}`;
  const secretAccessKey = `bench-${randomBytes(16).toString('hex')}`;
  const endpoint = await startLocalEndpoint({
    region: 'us-east-1',
    credentials: { [accessKeyId]: secretAccessKey },
    domains: { 'Bench-Profiles': { objectTypes: ['Salesforce-Account'] } },
  });
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(OUT, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(OUT, 'no-aws-credentials'),
    AWS_PAGER: '',
  };
  delete env.AWS_PROFILE;
  const where = ['--endpoint-url', endpoint.url, '--region', 'us-east-1'];
  const awsArgs = ['customer-profiles', 'create-integration-workflow', '--cli-input-json', `file://${file}`, ...where];
  const contenders = [['cpworkflow', process.execPath, [join(dist, 'cli.js'), 'create', file, '--yes', ...where]]];
  for (const [name, command] of [
    ['aws (PATH)', 'aws'],
    ['aws (/usr/bin, v2)', '/usr/bin/aws'],
  ]) {
    const version = await wallTime(['--version'], { command, env, log: true }).catch(() => undefined);
    if (version?.code === 0) contenders.push([`${name} ${version.output.split(/\s/)[0]}`, command, awsArgs]);
  }
  if (contenders.length === 1) {
    await endpoint.stop();
    return { pending: 'no AWS CLI on this machine (aws on PATH or /usr/bin/aws)' };
  }
  const times = Object.fromEntries(contenders.map(([name]) => [name, []]));
  try {
    // in turn, A B C A B C …, so a drift of the machine's speed falls on all of them
    for (let i = 0; i < RUNS.create + 1; i++) {
      for (const [name, command, args] of contenders) {
        const r = await wallTime(args, { command, env, log: true });
        if (r.code !== 0) return { pending: `${name} failed (exit ${r.code}): ${r.output.slice(0, 300)}` };
        if (i > 0) times[name].push(r.ms);
      }
    }
  } finally {
    await endpoint.stop();
  }
  return Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)]));
}

const errorsIn = (diagnostics) => diagnostics.filter((d) => (d.severity ?? 1) <= 2).length; // errors and warnings

/** One server process for one size: opens, typing, completion, hover, then its peak RSS. */
async function measureServer(start, files, n, { requests = true, burst = false } = {}) {
  const { session, startMs } = await start();
  const r = { startMs };
  try {
    for (const variant of ['', 'd']) {
      const { text } = files[`${n}${variant}`];
      let diagnostics = [];
      const open = await timed(RUNS.open, 1, async (i) => {
        const uri = `file:///bench/open-${n}${variant}-${i}.cpworkflow.json`;
        const res = await session.open(uri, text);
        session.close(uri);
        diagnostics = res.diagnostics;
        return res.ms;
      });
      r[`open${variant}`] = median(open);
      r[`errors${variant}`] = errorsIn(diagnostics);
      r[`diagnostics${variant}`] = diagnostics.length;

      const uri = `file:///bench/typing-${n}${variant}.cpworkflow.json`;
      await session.open(uri, text);
      const { destinationEnd } = files[`${n}${variant}`].marks;
      let typed = 0;
      // one keystroke at a time, 200 ms apart (60 words a minute), each timed until its own diagnostics
      const typing = await timed(RUNS.typing, 1, async () => {
        await sleep(TYPING_PAUSE_MS);
        return (await session.type(uri, destinationEnd + typed++, 'x')).ms;
      });
      r[`typing${variant}`] = median(typing);
      if (variant === '' && burst) {
        // a fast burst: 10 keystrokes 50 ms apart, timed from the last one to the diagnostics of the final version
        const bursts = await timed(Math.ceil(RUNS.typing / 2), 1, async () => {
          await sleep(TYPING_PAUSE_MS);
          for (let k = 0; k < 9; k++) {
            session.typeAhead(uri, destinationEnd + typed++, 'x');
            await sleep(50);
          }
          return (await session.type(uri, destinationEnd + typed++, 'x')).ms;
        });
        r.burst = median(bursts);
      }
      if (variant === '' && requests) {
        const { operator, sourceField, taskTypeKey } = files[`${n}`].marks;
        for (const [key, method, offset, cap] of [
          ['completeOperator', 'textDocument/completion', operator, 'completionProvider'],
          ['completeSourceField', 'textDocument/completion', sourceField, 'completionProvider'],
          ['hover', 'textDocument/hover', taskTypeKey, 'hoverProvider'],
        ]) {
          if (!session.capabilities[cap]) {
            r[key] = 'n/a (not implemented)';
            continue;
          }
          let last;
          const times = await timed(RUNS.requests, 5, async () => {
            const res = await session.timedRequest(method, uri, offset);
            last = res.result;
            return res.ms;
          });
          const count = Array.isArray(last) ? last.length : last?.items?.length;
          r[key] = { p50: percentile(times, 50), p95: percentile(times, 95), results: count ?? (last ? 1 : 0) };
        }
      }
      session.close(uri);
    }
    r.peakRss = session.lsp.peakRss();
  } finally {
    await session.stop();
  }
  return r;
}

async function startTimes(start) {
  return median(
    await timed(RUNS.start, 1, async () => {
      const { session, startMs } = await start();
      await session.stop();
      return startMs;
    }),
  );
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const { dist, bundles, vsix } = build();
  const files = writeWorkflows();
  log('full validation in-process…');
  const engine = await engineTimes(SIZES.flatMap((n) => [files[`${n}`].file, files[`${n}d`].file]));
  const schemaFile = join(ROOT, 'schemas/cpworkflow.schema.json');
  const peerPath = opts['no-peer'] ? undefined : peerServerPath(ROOT);
  if (!peerPath && !opts['no-peer'])
    log('the peer is not installed (scripts/install-code-server.sh .cache/code-server); its columns stay empty');

  const ours = () => startOurs(dist);
  const peer = () => startPeer(peerPath, schemaFile);
  const peerPush = () => startPeer(peerPath, schemaFile, { push: true });

  const results = {
    sizes: SIZES,
    bytes: {},
    parse: {},
    engine: {},
    ours: {},
    peer: {},
    peerPush: {},
    cli: {},
    bundles,
    vsix,
  };
  log('server start…');
  results.start = { ours: await startTimes(ours), peer: peerPath ? await startTimes(peer) : NaN };
  for (const n of SIZES) {
    const { text, file } = files[`${n}`];
    results.bytes[n] = Buffer.byteLength(text);
    const ev = engine[file],
      evd = engine[files[`${n}d`].file];
    results.parse[n] = ev.jsonParse;
    results.engine[n] = {
      ms: ev.validate,
      steady: ev.steady,
      errors: ev.errorsAndWarnings,
      msDefects: evd.validate,
      diagnosticsDefects: evd.diagnostics,
      phases: ev.phases,
    };
    log(`${fmtInt(n)} fields: ours…`);
    results.ours[n] = await measureServer(ours, files, n, { burst: true });
    if (peerPath) {
      log(`${fmtInt(n)} fields: peer…`);
      results.peer[n] = await measureServer(peer, files, n);
      results.peerPush[n] = await measureServer(peerPush, files, n, { requests: false });
    }
    results.cli[n] = median(
      await timed(RUNS.cli, 1, async () => (await wallTime([join(dist, 'cli.js'), 'validate', file])).ms),
    );
  }
  log('edit burst: 10,000 changes on a 3.9 MB workflow…');
  results.editBurst = await measureEditBurst(dist);
  if (!opts['no-create']) {
    log('cpworkflow create vs aws customer-profiles create-integration-workflow…');
    results.create = await measureCreate(dist, writeWorkflowFile(100));
  }
  if (!opts['no-account']) {
    log('the account (local endpoint, demo account)…');
    results.account = await measureAccount(dist, ROOT, { opens: RUNS.open, requests: RUNS.requests });
  }
  log('the language server in a browser Web Worker (Chromium)…');
  results.web = await measureWeb(ROOT, dist, readFileSync(writeWorkflowFile(1000), 'utf8'), RUNS.open);
  if (!opts['no-vscode']) {
    log('activation in a real VS Code (code-server)…');
    results.activation = await measureActivation(writeWorkflowFile(100, { defects: true }));
  }
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  const table = render(results);
  writeFileSync(join(OUT, 'table.md'), table);
  process.stdout.write(table);
}

// ---- the table
function render(R) {
  const rows = [];
  const row = (measure, fields, ours, peer, rat = '', target = '') =>
    rows.push(`| ${measure} | ${fields} | ${ours} | ${peer} | ${rat} | ${target} |`);
  const peerOn = Object.keys(R.peer).length > 0;
  const pv = (v) => (peerOn ? v : 'n/a');
  const check = (ok) => (ok ? '✅' : '❌');
  const big = Math.max(...R.sizes);
  const mid = R.sizes.includes(1000) ? 1000 : undefined;
  const targets = [];

  row(
    'Server start → `initialize` result',
    '–',
    ms(R.start.ours),
    pv(ms(R.start.peer)),
    ratio(R.start.ours, R.start.peer),
    `≤ 150 ms ${check(R.start.ours <= 150)}`,
  );
  targets.push(['server start ≤ 150 ms', R.start.ours <= 150, ms(R.start.ours)]);
  for (const n of R.sizes) row('File size', fmtInt(n), bytes(R.bytes[n]), '', '', '');
  for (const n of R.sizes) row('`JSON.parse` (the floor, in-process)', fmtInt(n), ms(R.parse[n]), '', '', '');
  for (const [label, key] of [
    ['Full validation in-process, steady (engine `validate` of a fresh document, over and over)', 'steady'],
    ['Full validation in-process, fresh heap (collected before each run)', 'ms'],
  ]) {
    for (const n of R.sizes) {
      const t = R.engine[n][key];
      const limit = 10 * R.parse[n];
      row(
        label,
        fmtInt(n),
        ms(t),
        '',
        '',
        n === big
          ? `≤ 10× JSON.parse = ${ms(limit)} ${check(t <= limit)}${mid ? `; ${fmtInt(n)}/${fmtInt(mid)} = ${(t / R.engine[mid][key]).toFixed(1)}× (≤ 6×)` : ''}`
          : `${(t / R.parse[n]).toFixed(1)}× JSON.parse`,
      );
    }
  }
  {
    const { steady, ms: fresh } = R.engine[big];
    const x = (t) => (t / R.parse[big]).toFixed(1);
    targets.push([
      `full validation at ${fmtInt(big)} ≤ 10× JSON.parse`,
      Math.max(steady, fresh) <= 10 * R.parse[big],
      `steady ${ms(steady)} = ${x(steady)}×, fresh heap ${ms(fresh)} = ${x(fresh)}×`,
    ]);
  }
  const lspRows = [
    ['`didOpen` → diagnostics', 'open'],
    ['`didOpen` → diagnostics, 1% defects', 'opend'],
    ['Typing: one-character `didChange` → diagnostics (keystrokes 200 ms apart; scheduling included)', 'typing'],
    ['Typing, 1% defects', 'typingd'],
  ];
  for (const [label, key] of lspRows) {
    for (const n of R.sizes) {
      const o = R.ours[n][key],
        p = R.peer[n]?.[key];
      let target = '';
      if (key === 'typing' && n === big) {
        const ok = o <= 0.5 * p;
        target = `≤ 0.5× peer ${check(ok)}`;
        targets.push([`typing at ${fmtInt(n)} ≤ 0.5× the peer`, ok, `${ms(o)} vs ${ms(p)} = ${ratio(o, p)}×`]);
      }
      if ((key === 'open' || key === 'typing') && n === big && mid) {
        const g = o / R.ours[mid][key];
        target += `${target ? '; ' : ''}${fmtInt(n)}/${fmtInt(mid)} = ${g.toFixed(1)}× (≤ 6×) ${check(g <= 6)}`;
      }
      row(label, fmtInt(n), ms(o), pv(ms(p)), ratio(o, p), target);
    }
  }
  for (const n of R.sizes)
    row('Typing burst: 10 keystrokes 50 ms apart, last one → diagnostics', fmtInt(n), ms(R.ours[n].burst), '', '', '');
  if (R.editBurst) {
    const e = R.editBurst;
    row(
      `Edit burst: ${fmtInt(e.changes)} one-character changes sent at once on ${bytes(e.bytes)}, last → diagnostics (peak RSS ${bytes(e.peakRss)})`,
      fmtInt(8500),
      ms(e.settleMs),
      '',
      '',
      `≤ 5 s ${check(e.settleMs <= 5000)}`,
    );
  }
  if (peerOn) {
    for (const n of R.sizes)
      row(
        'Typing, peer pushing (no pull capability; its 500 ms debounce)',
        fmtInt(n),
        ms(R.ours[n].typing),
        ms(R.peerPush[n].typing),
        ratio(R.ours[n].typing, R.peerPush[n].typing),
        '',
      );
  }
  for (const [label, key] of [
    ['Completion at an operator value, p50 / p95', 'completeOperator'],
    ['Completion at a `SourceFields` entry, p50 / p95', 'completeSourceField'],
    ['Hover on a key, p50 / p95', 'hover'],
  ]) {
    for (const n of R.sizes) {
      const o = R.ours[n][key],
        p = R.peer[n]?.[key];
      const fmt = (v) => (typeof v === 'string' ? v : v ? `${ms(v.p50)} / ${ms(v.p95)}` : 'n/a');
      let target = '';
      if (key !== 'hover' && n === big) {
        const ok = typeof o === 'object' && o.p95 <= 20;
        target = `p95 ≤ 20 ms ${typeof o === 'object' ? check(ok) : '(pending)'}`;
        targets.push([
          `${label.split(',')[0]} p95 ≤ 20 ms at ${fmtInt(n)}`,
          typeof o === 'object' ? ok : undefined,
          fmt(o),
        ]);
      }
      row(
        label,
        fmtInt(n),
        fmt(o),
        pv(fmt(p)),
        typeof o === 'object' && typeof p === 'object' ? ratio(o.p95, p.p95) : '',
        target,
      );
    }
  }
  const W = R.web;
  if (W) {
    row(
      'Browser: open → first diagnostics, a fresh Web Worker (its start included)',
      '1,000',
      ms(W.coldMs),
      '',
      '',
      '',
    );
    row('Browser: open → first diagnostics, a worker already running', '1,000', ms(W.warmMs), '', '', '');
    for (const [name, s] of Object.entries(W.sizes))
      row(`Bundle \`dist/web/${name}.js\` (gzip)`, '–', `${bytes(s.bytes)} (${bytes(s.gzip)})`, '', '', '');
  }
  const AC = R.account;
  if (AC) {
    row(
      '`didOpen` → first diagnostics, account on (offline checks do not wait for the account)',
      'example',
      ms(AC.firstDiagnostics),
      '',
      '',
      '',
    );
    row(
      '`didOpen` → first account-aware diagnostics (facts fetched after the open, local endpoint)',
      'example',
      ms(AC.firstAccountDiagnostics),
      '',
      '',
      '',
    );
    const ok = AC.completion.p95 <= 20;
    row(
      'Completion at a `SourceFields` entry with the account cached, p50 / p95',
      'example',
      `${ms(AC.completion.p50)} / ${ms(AC.completion.p95)}`,
      '',
      '',
      `p95 ≤ 20 ms ${check(ok)}`,
    );
    targets.push(['account completion p95 ≤ 20 ms (cached)', ok, `${ms(AC.completion.p95)}`]);
  }
  for (const n of R.sizes)
    row(
      'Peak RSS of the server (VmHWM)',
      fmtInt(n),
      bytes(R.ours[n].peakRss),
      pv(bytes(R.peer[n]?.peakRss)),
      ratio(R.ours[n].peakRss, R.peer[n]?.peakRss),
      '',
    );
  for (const n of R.sizes) row('`cpworkflow validate FILE` (whole process)', fmtInt(n), ms(R.cli[n]), '', '', '');
  if (mid) {
    const growth = [
      ['didOpen', R.ours[big].open / R.ours[mid].open],
      ['typing', R.ours[big].typing / R.ours[mid].typing],
      ['full validation steady', R.engine[big].steady / R.engine[mid].steady],
      ['fresh heap', R.engine[big].ms / R.engine[mid].ms],
    ];
    targets.push([
      `linear growth: ${fmtInt(big)} fields ≤ 6× the ${fmtInt(mid)}-field time`,
      growth.every(([, g]) => g <= 6),
      growth.map(([what, g]) => `${what} ${g.toFixed(1)}×`).join(', '),
    ]);
  }
  for (const [name, size] of Object.entries(R.bundles)) row(`Bundle \`dist/${name}\``, '–', bytes(size), '', '', '');
  row('`.vsix` (`npm run package`)', '–', R.vsix ? bytes(R.vsix) : 'n/a (package failed)', '', '', '');
  const A = R.activation;
  if (!A || A.pending)
    row(
      'Extension activation in a real VS Code (code-server)',
      '–',
      `pending: ${A?.pending ?? 'not measured (--no-vscode)'}`,
      '',
      '',
      '',
    );
  else {
    const sdkFree = A.awsSdkModules.length === 0;
    row(
      `Extension activation in a real VS Code (code-server): \`activate()\` with the server started, median of ${A.runs}`,
      '–',
      ms(A.activateMs),
      '',
      '',
      `AWS SDK not loaded ${check(sdkFree)}`,
    );
    row(
      'Open a workflow in that VS Code → its diagnostics shown',
      '100, 1% defects',
      ms(A.openToDiagnosticsMs),
      '',
      '',
      '',
    );
    targets.push([
      'activation does not load the AWS SDK',
      sdkFree,
      sdkFree ? 'no @aws-sdk module or dist/submission.js in the extension host' : A.awsSdkModules.join(', '),
    ]);
  }
  const C = R.create;
  if (!C || C.pending)
    row(
      '`cpworkflow create` vs the AWS CLI (local endpoint)',
      '–',
      `pending: ${C?.pending ?? 'not measured (--no-create)'}`,
      '',
      '',
      '',
    );
  else {
    const [ours, ...aws] = Object.entries(C);
    for (const [name, t] of aws) {
      const ok = ours[1] <= 0.5 * t;
      row(
        `\`cpworkflow create --yes\` vs \`${name} customer-profiles create-integration-workflow --cli-input-json\`, whole process, local endpoint`,
        '100',
        ms(ours[1]),
        ms(t),
        ratio(ours[1], t),
        `≤ 0.5× ${check(ok)}`,
      );
      targets.push([`cpworkflow create ≤ 0.5× ${name}`, ok, `${ms(ours[1])} vs ${ms(t)} = ${ratio(ours[1], t)}×`]);
    }
  }

  const lines = [
    '| Measure (median unless stated) | Fields | cpworkflow | Peer: VS Code JSON server | Ours/peer | Target |',
    '|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
    'Sanity: errors and warnings on the valid files (should be 0): ' +
      R.sizes
        .map((n) => `${fmtInt(n)}: ours ${R.ours[n].errors}${peerOn ? `, peer ${R.peer[n].errors}` : ''}`)
        .join('; '),
    `Where steady full validation of the ${fmtInt(big)}-field file goes (medians of its phases, in-process): ` +
      Object.entries(R.engine[big].phases)
        .filter(([, t]) => t >= 0.5)
        .sort((a, b) => b[1] - a[1])
        .map(([name, t]) => `${name} ${ms(t)}`)
        .join(', ') +
      '.',
    'Diagnostics on the 1%-defects files: ' +
      R.sizes
        .map((n) => `${fmtInt(n)}: ours ${R.ours[n].diagnosticsd}${peerOn ? `, peer ${R.peer[n].diagnosticsd}` : ''}`)
        .join('; '),
    '',
    'Targets:',
    ...targets.map(([name, ok, figure]) => `- ${ok === undefined ? '⏳' : check(ok)} ${name}: ${figure}`),
    '',
  ];
  return lines.join('\n');
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exitCode = 1;
});
