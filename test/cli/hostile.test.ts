// The built CLI on files that are not files, and on text written to clear lines, retitle the window or fake a line.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminalJson, terminalText } from '../../server/src/cli/terminal';
import { ROOT, readExample } from '../support/workflows';

const CLI = join(ROOT, 'dist/cli.js');
const run = (args: string[], cwd = ROOT) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20000 });
// ESC (CSI, OSC), BEL, CR, backspace, C1 CSI, a line separator and a bidi override
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('cpworkflow validate: files that are not files', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpw-hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a link to /dev/zero and a FIFO at once, with exit 2 and the reason', () => {
    const zero = join(dir, 'zero.cpworkflow.json');
    symlinkSync('/dev/zero', zero);
    const fifo = join(dir, 'fifo.cpworkflow.json');
    execFileSync('mkfifo', [fifo]);
    const t = performance.now();
    for (const [f, kind] of [
      [zero, 'a device'],
      [fifo, 'a named pipe'],
    ]) {
      const r = run(['validate', f]);
      assert.equal(r.status, 2, `${f}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`not read: it is ${kind}; a workflow file is a regular file`));
    }
    assert.ok(performance.now() - t < 15_000);
    rmSync(zero);
    rmSync(fifo);
  });

  it('refuses a file over 50 MB before reading it', () => {
    const big = join(dir, 'big.cpworkflow.json');
    // a sparse file: 51 MB long, no disk used
    const fd = openSync(big, 'w');
    writeFileSync(fd, ' ', { flag: 'w' });
    closeSync(fd);
    execFileSync('truncate', ['-s', '51M', big]);
    const r = run(['validate', big]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /51 MB is over the 50 MB limit/);
    rmSync(big);
  });

  it('walks a folder without following links out of it, reports broken links and loops, and checks the rest', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'good.cpworkflow.json'), readExample('marketo-lead.cpworkflow.json'));
    writeFileSync(join(tree, 'sub', 'also.cpworkflow.json'), readExample('zendesk-ticket.cpworkflow.json'));
    symlinkSync('/dev/zero', join(tree, 'zero.cpworkflow.json'));
    symlinkSync(join(dir, 'nowhere'), join(tree, 'broken.cpworkflow.json'));
    symlinkSync('/', join(tree, 'root'));
    symlinkSync('..', join(tree, 'sub', 'up'));
    symlinkSync(join(tree, 'loop-b'), join(tree, 'loop-a'));
    symlinkSync(join(tree, 'loop-a'), join(tree, 'loop-b'));
    symlinkSync(join(tree, 'good.cpworkflow.json'), join(tree, 'sub', 'inside.cpworkflow.json'));
    const r = run(['validate', tree]);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^3 files checked: 0 errors/m, 'good, sub/also and the link inside the tree');
    assert.match(r.stderr, /zero\.cpworkflow\.json: skipped: a link to \/dev\/zero, outside/);
    assert.match(r.stderr, /broken\.cpworkflow\.json: no such file or folder/);
    assert.match(r.stderr, /root: skipped: a link to \/, outside/);
    assert.match(r.stderr, /sub\/up: skipped: a link back to a folder already searched/);
    assert.match(r.stderr, /loop-a: a loop of links/);
  });

  it('reports a file nested too deep as that file’s error and goes on with the others (text and JSON)', () => {
    const tree = join(dir, 'deep');
    mkdirSync(tree);
    writeFileSync(join(tree, 'a-deep.cpworkflow.json'), `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    writeFileSync(join(tree, 'b-good.cpworkflow.json'), readExample('marketo-lead.cpworkflow.json'));
    const text = run(['validate', tree]);
    assert.equal(text.status, 1, text.stderr);
    assert.match(
      text.stdout,
      /a-deep\.cpworkflow\.json:1:\d+ error json-syntax Objects and arrays nested more than 256/,
    );
    assert.match(text.stdout, /^2 files checked: \d+ errors?, 0 warnings \(1 file with errors\)/m);
    const json = run(['validate', '--format', 'json', tree]);
    assert.equal(JSON.parse(json.stdout).length, 2);
  });
});

describe('cpworkflow validate: nothing from a file reaches the terminal raw', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpw-term-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const hostile = '\u001b[2K\u001b]0;pwned\u0007\r0 errors\u009b31m\u2028\u202e';

  it('escapes control characters of values and file names in text output', () => {
    const f = join(dir, `x${'\u001b[2K\r'}.cpworkflow.json`);
    writeFileSync(
      f,
      readExample('marketo-lead.cpworkflow.json').replace(
        '"WorkflowType": "APPFLOW_INTEGRATION"',
        `"WorkflowType": ${JSON.stringify(hostile)}, ${JSON.stringify('Bogus\u001b')}: 1`,
      ),
    );
    const r = run(['validate', dir]);
    assert.equal(r.status, 1);
    for (const line of (r.stdout + r.stderr).split('\n')) assert.doesNotMatch(line, CONTROL, JSON.stringify(line));
    assert.match(r.stdout, /x\\u\{1b\}\[2K\\u\{d\}\.cpworkflow\.json:\d+:\d+ error enum/);
  });

  it('keeps JSON output JSON; a message quotes a hostile value with its controls as escapes', () => {
    const f = join(dir, 'j.cpworkflow.json');
    writeFileSync(f, `{"WorkflowType": ${JSON.stringify(hostile)}}`);
    const r = run(['validate', '--format', 'json', f]);
    assert.doesNotMatch(r.stdout, CONTROL);
    const out = JSON.parse(r.stdout);
    // quoted() writes the value as JSON with C1 and bidi marks escaped: the Problems view and every report show
    // the \u202e, never a mark that reorders the line
    const messages = out[0].diagnostics.map((d: { message: string }) => d.message).join('\n');
    assert.match(messages, /\\u202e/);
    assert.doesNotMatch(messages, /\u202e/);
  });

  it('one escaping for every output format: terminalText and terminalJson', () => {
    assert.equal(terminalText('a\u001b[1mb\nc\u009b\u202e'), 'a\\u{1b}[1mb\\u{a}c\\u{9b}\\u{202e}');
    assert.equal(terminalText('ünïcödé ✓ 🙂'), 'ünïcödé ✓ 🙂', 'printable text is left alone');
    const value = { m: hostile };
    assert.doesNotMatch(terminalJson(value), CONTROL);
    assert.deepEqual(JSON.parse(terminalJson(value, 2)), value);
  });
});

describe('cpworkflow validate: output lines that a CI runner would read as commands', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpw-runner-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a file name with ##[…] or a leading :: is no workflow command in the text output or on stderr', () => {
    const bad = readExample('marketo-lead.cpworkflow.json').replace('"APPFLOW_INTEGRATION"', '"APPFLOW"');
    writeFileSync(join(dir, '##[add-mask]secret.cpworkflow.json'), bad);
    writeFileSync(join(dir, '::stop-commands::x.cpworkflow.json'), bad);
    const r = run(
      [
        'validate',
        '##[add-mask]secret.cpworkflow.json',
        '::stop-commands::x.cpworkflow.json',
        '::missing::y.cpworkflow.json',
      ],
      dir,
    );
    assert.equal(r.status, 2, 'a missing file is a usage error');
    const lines = `${r.stdout}${r.stderr}`.split('\n');
    assert.ok(
      lines.some((l) => l.startsWith('## [add-mask]secret.cpworkflow.json:3:19 error enum')),
      r.stdout,
    );
    assert.ok(
      lines.some((l) => l.startsWith(': :stop-commands::x.cpworkflow.json:3:19 error enum')),
      r.stdout,
    );
    assert.ok(
      lines.some((l) => l.startsWith('cpworkflow: ::missing::y.cpworkflow.json')),
      r.stderr,
    );
    for (const l of lines) {
      assert.doesNotMatch(l, /##\[/, l);
      assert.doesNotMatch(l, /^\s*::/, l);
    }
    assert.equal(terminalText('::set-output name=x::1'), ': :set-output name=x::1');
  });
});
