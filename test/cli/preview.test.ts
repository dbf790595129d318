// `cpworkflow preview` as a user runs it (the built dist/cli.js): the examples' sample records (JSON array and CSV),
// JSON Lines, records it cannot read (exit 2, naming the file), a file with errors (exit 1, nothing simulated), and
// --account against the local endpoint serving an account nobody chose: the profile keys each record gets.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/root';
import { chooseFrom, cleanWorkflow, startAccount, type AccountFixture } from '../account/support';

const CLI = join(ROOT, 'dist/cli.js');
const example = (name: string) => join(ROOT, 'examples', name);

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: process.env }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface Report {
  records: {
    index: number;
    kept: boolean;
    object?: Record<string, unknown>;
    droppedBy?: { task: number; reason: string };
    profile?: { keys: Record<string, string>; attributes: Record<string, unknown> };
    problems: string[];
  }[];
  runs: { at: string; local?: string; from?: string; to?: string }[];
  notes: string[];
}

describe('cpworkflow preview (the built CLI)', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpw-preview-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('the Salesforce example on its sample records: kept, dropped by the Validate task, and the next runs', async () => {
    const r = await cli([
      'preview',
      example('salesforce-account.cpworkflow.json'),
      '--records',
      example('records/salesforce-account.records.json'),
      '--format',
      'json',
      '--now',
      '2027-06-01T02:30:00Z',
      '--runs',
      '2',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(
      report.records.map((x) => x.kept),
      [true, false, true],
    );
    assert.equal(report.records[0].object!.Name, 'Example Corp');
    assert.equal(report.records[0].object!.Fax, undefined, 'Fax is not projected');
    assert.deepEqual(report.records[1].droppedBy, { task: 6, reason: 'Id null fails VALIDATE_NON_NULL (DropRecord)' });
    assert.deepEqual(report.records[2].problems, ['no value for Phone: Phone is not written']);
    assert.deepEqual(
      report.runs.map((x) => [x.at, x.from, x.to]),
      [
        ['2027-06-01T03:00:00Z', '2027-06-01T02:00:00Z', '2027-06-01T03:00:00Z'],
        ['2027-06-01T04:00:00Z', '2027-06-01T03:00:00Z', '2027-06-01T04:00:00Z'],
      ],
    );
    assert.match(report.runs[0].local!, /America\/New_York$/);
  });

  it('CSV with a header row (S3): each column a source field; text output says what was kept', async () => {
    const r = await cli([
      'preview',
      example('s3-customers.cpworkflow.json'),
      '--records',
      example('records/s3-customers.records.csv'),
      '--now',
      '2026-12-08T00:00:00Z',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /: 2 of 2 records kept\n/);
    assert.match(r.stdout, /record 0: kept → \{"AccountNumber":"AC-1001","FirstName":"Ada",/);
    assert.doesNotMatch(r.stdout, /not projected, so not imported/);
  });

  it('JSON Lines', async () => {
    const records = write('r.jsonl', '{"Id":"1","Name":"A"}\n\n{"Name":"no id"}\n');
    const r = await cli([
      'preview',
      example('salesforce-account.cpworkflow.json'),
      '--records',
      records,
      '--format',
      'json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as Report).records.map((x) => x.kept),
      [true, false],
    );
  });

  it('records it cannot read: exit 2 naming the file, nothing on stdout', async () => {
    for (const [name, text, why] of [
      ['broken.json', '[{"Id": 1', /broken\.json: not JSON/],
      ['numbers.json', '[1, 2]', /numbers\.json: record 0 is not an object/],
      ['lines.jsonl', '{"Id":1}\nnot json\n', /lines\.jsonl: line 2 is not JSON/],
    ] as const) {
      const r = await cli(['preview', example('salesforce-account.cpworkflow.json'), '--records', write(name, text)]);
      assert.equal(r.code, 2, name);
      assert.match(r.stderr, why);
      assert.equal(r.stdout, '');
    }
    const r = await cli(['preview', example('salesforce-account.cpworkflow.json'), '--records', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /it is a folder/);
  });

  it('a workflow file with errors: reported as validate does, exit 1, nothing simulated', async () => {
    const bad = write('bad.cpworkflow.json', '{"DomainName": "d", }');
    const records = write('one.json', '[{"Id":"1"}]');
    const r = await cli(['preview', bad, '--records', records]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.cpworkflow\.json:1:\d+ error json-/);
    assert.match(r.stderr, /nothing was simulated/);
    assert.equal(r.stdout, '');
  });

  it('--format mermaid and svg: the picture, with a hostile field name kept as text', async () => {
    const w = JSON.parse(readFileSync(example('salesforce-account.cpworkflow.json'), 'utf8'));
    w.IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks[0].SourceFields.push(
      '<script>x</script>"]; %%\u001b[31m',
    );
    const file = write('hostile.cpworkflow.json', JSON.stringify(w, null, 2));
    const mermaid = await cli(['preview', file, '--format', 'mermaid']);
    assert.equal(mermaid.code, 0, mermaid.stderr);
    assert.match(mermaid.stdout, /^flowchart LR\n/);
    assert.match(mermaid.stdout, /f0 -->\|"Tasks#91;1#93;"\| d0/);
    assert.ok(!mermaid.stdout.includes('<script>') && !mermaid.stdout.includes('\u001b'));
    const svg = await cli(['preview', file, '--format', 'svg']);
    assert.equal(svg.code, 0, svg.stderr);
    assert.match(svg.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    for (const name of ['Id', 'Name', 'Phone', 'BillingCity', 'LastModifiedDate'])
      assert.ok(svg.stdout.includes(`>${name}</text>`), name);
    assert.ok(svg.stdout.includes('&lt;script&gt;x&lt;/script&gt;&quot;'), 'the name is text, not markup');
    assert.ok(!svg.stdout.includes('<script') && !svg.stdout.includes('\u001b'));
    // one edge per Map, laid out left to right
    assert.equal(svg.stdout.match(/<polyline /g)?.length, 5);
    assert.match(svg.stdout, /stroke-dasharray="5 4"/, 'the projected field no Map writes is dashed');
  });

  describe('--account (an account nobody chose)', () => {
    let fx: AccountFixture;
    before(async () => {
      fx = await startAccount('preview');
    });
    after(async () => fx?.stop());

    it('each kept record gets the key values its object type matches it by, or a problem per missing key source', async () => {
      const choice = chooseFrom(fx.account);
      const file = write('account.cpworkflow.json', JSON.stringify(cleanWorkflow(fx.account, choice), null, 2));
      const full = Object.fromEntries(choice.sources.map((s, i) => [s, `value-${i}`]));
      const lacking = { ...full, [choice.keySources[0]]: '' };
      const records = write('account.json', JSON.stringify([full, lacking]));
      const r = await cli([
        'preview',
        file,
        '--records',
        records,
        '--format',
        'json',
        '--account',
        '--region',
        fx.endpoint.region,
        '--endpoint-url',
        fx.endpoint.url,
      ]);
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout) as Report;
      const first = report.records[0];
      assert.ok(first.profile, 'the object type is known with the account');
      assert.ok(Object.keys(first.profile.keys).length > 0, JSON.stringify(first.profile));
      assert.ok(
        Object.values(first.profile.keys).some((v) => v.includes(full[choice.keySources[0]])),
        JSON.stringify(first.profile.keys),
      );
      assert.ok(
        report.records[1].problems.some((p) => p.startsWith(`no value for _source.${choice.keySources[0]}`)),
        JSON.stringify(report.records[1].problems),
      );
    });
  });
});
