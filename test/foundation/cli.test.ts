// The built CLI (dist/cli.js), run as a user or a CI pipeline would: output formats, exit codes, folders,
// unreadable, huge and binary files.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, EXAMPLES, readExample } from '../support/workflows';

const CLI = join(ROOT, 'dist/cli.js');
const run = (args: string[], cwd = ROOT) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30000 });

describe('cpworkflow validate (the built CLI)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpw-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on the examples folder and says how many files it checked', () => {
    const r = run(['validate', 'examples']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^5 files checked: 0 errors/m);
  });

  it('prints file:line:col severity code message, 1-based, and exits 1 on an error', () => {
    const f = join(dir, 'bad.cpworkflow.json');
    writeFileSync(
      f,
      readExample('marketo-lead.cpworkflow.json').replace(
        '"WorkflowType": "APPFLOW_INTEGRATION"',
        '"WorkflowType": "APPFLOW"',
      ),
    );
    const r = run(['validate', f], dir);
    assert.equal(r.status, 1);
    assert.match(
      r.stdout,
      /^bad\.cpworkflow\.json:3:19 error enum "APPFLOW" is not a valid WorkflowType\. .*APPFLOW_INTEGRATION/m,
    );
    assert.match(r.stdout, /1 file checked: 1 error/);
  });

  it('writes stable JSON with 0-based LSP ranges', () => {
    const f = join(dir, 'json.cpworkflow.json');
    writeFileSync(
      f,
      readExample('marketo-lead.cpworkflow.json').replace(
        '"RoleArn": "arn:aws:iam::210987654321:role/CustomerProfilesWorkflowRole"',
        '"RoleArn": 7',
      ),
    );
    const r = run(['validate', '--format', 'json', f]);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 1);
    assert.equal(out[0].file, f);
    const d = out[0].diagnostics.find((x: { code: string }) => x.code === 'type');
    assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity', 'source']);
    assert.equal(d.severity, 'error');
    assert.equal(d.source, 'cpworkflow');
    const line = readExample('marketo-lead.cpworkflow.json')
      .split('\n')
      .findIndex((l) => l.includes('"RoleArn"'));
    assert.deepEqual(d.range.start, { line, character: 13 });
  });

  it('searches folders recursively for *.cpworkflow.json only', () => {
    const nested = join(dir, 'nested', 'deeper');
    mkdirSync(nested, { recursive: true });
    copyFileSync(join(EXAMPLES, 's3-customers.cpworkflow.json'), join(nested, 'a.cpworkflow.json'));
    writeFileSync(join(nested, 'other.json'), '{ not a workflow');
    const r = run(['validate', join(dir, 'nested')]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^1 file checked/m);
  });

  it('exits 2 with a message on stderr for a missing file, and still checks the others', () => {
    const r = run(['validate', join(dir, 'nope.cpworkflow.json'), join(EXAMPLES, 's3-customers.cpworkflow.json')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nope\.cpworkflow\.json: no such file or folder/);
    assert.match(r.stdout, /1 file checked/);
  });

  it('exits 2 for an unreadable file', function () {
    // root reads any file whatever its mode; /proc/self/mem is a file whose read fails for root too (EIO)
    const f = join(dir, 'locked.cpworkflow.json');
    writeFileSync(f, '{}');
    chmodSync(f, 0);
    const r = run(['validate', process.getuid?.() === 0 ? '/proc/self/mem' : f]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read: E(ACCES|IO)/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run(['validate']).status, 2);
    assert.equal(run(['validate', '--format', 'xml', 'examples']).status, 2);
    assert.equal(run(['frobnicate']).status, 2);
    const bad = run(['validate', '--nope', 'examples']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--nope/);
  });

  it('answers --help and --version', () => {
    const h = run(['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /cpworkflow validate/);
    for (const cmd of ['validate', 'create', 'status']) {
      const sub = run([cmd, '--help']);
      assert.equal(sub.status, 0, `${cmd} --help: ${sub.stderr}`);
      assert.match(sub.stdout, new RegExp(`cpworkflow ${cmd} `));
    }
    const v = run(['--version']);
    assert.equal(v.status, 0);
    assert.match(v.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('checks a 1 MB file in seconds, not minutes', () => {
    const base = JSON.parse(readExample('s3-customers.cpworkflow.json'));
    const tasks = base.IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks;
    for (let i = 0; tasks.length < 4000; i++) {
      tasks[0].SourceFields.push(`Col${i}`);
      tasks.push({
        TaskType: 'Map',
        ConnectorOperator: { S3: 'NO_OP' },
        SourceFields: [`Col${i}`],
        DestinationField: `Col${i}`,
        TaskProperties: {},
      });
    }
    const f = join(dir, 'big.cpworkflow.json');
    const text = JSON.stringify(base, null, 2);
    assert.ok(text.length > 1_000_000, `${text.length} bytes`);
    writeFileSync(f, text);
    const r = run(['validate', '--format', 'json', f]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      JSON.parse(r.stdout)[0].diagnostics.filter((d: { severity: string }) => d.severity === 'error').length,
      0,
    );
  });

  it('reports a file of random bytes as not text, without crashing', () => {
    const f = join(dir, 'random.cpworkflow.json');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    writeFileSync(f, bytes);
    const r = run(['validate', f]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not a text file/);
    assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
  });

  it('reports a byte-order mark and bytes that are not UTF-8 as errors, as the AWS CLI refuses both', () => {
    const example = readExample('marketo-lead.cpworkflow.json');
    const bom = join(dir, 'bom.cpworkflow.json');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(example)]));
    let r = run(['validate', bom], dir);
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stdout, /^bom\.cpworkflow\.json:1:1 error json-bom .*Unexpected UTF-8 BOM/m);
    // Latin-1 "é" (0xE9) where UTF-8 has two bytes: the AWS CLI says "text contents could not be decoded"
    const latin1 = join(dir, 'latin1.cpworkflow.json');
    const at = example.indexOf('"Description": "') + '"Description": "'.length;
    writeFileSync(
      latin1,
      Buffer.concat([Buffer.from(example.slice(0, at)), Buffer.from([0xe9]), Buffer.from(example.slice(at))]),
    );
    r = run(['validate', latin1], dir);
    assert.equal(r.status, 1, r.stdout);
    const line = example.slice(0, at).split('\n').length;
    const column = at - example.lastIndexOf('\n', at - 1);
    assert.match(r.stdout, new RegExp(`^latin1\\.cpworkflow\\.json:${line}:${column} error json-encoding `, 'm'));
  });

  it('reports garbage text (no NUL bytes) as JSON errors, without crashing', () => {
    const f = join(dir, 'garbage.cpworkflow.json');
    writeFileSync(f, '\u00e9\u00ff}{]["\\x ' + 'ä'.repeat(200));
    const r = run(['validate', f]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /error json-syntax/);
  });
});
