// Rules a team can configure and a verdict that does not change with the day (issue 22): cpworkflow.config.json
// found upward from each file, --rule, --time-checks and --now, in the built CLI and in the language server over
// stdio, on a repository laid out in a temporary folder.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, readExample } from '../support/workflows';
import { LspTestClient } from '../support/lspClient';
import { CLOCK_CODES, codes } from '../../server/src/engine/rules';

const CLI = join(ROOT, 'dist/cli.js');
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30000 });

/** The Salesforce example with its last Map task gone: its source field is projected but not mapped (PAT-6). */
function unmappedField(): { text: string; field: string } {
  const json = JSON.parse(readExample('salesforce-account.cpworkflow.json'));
  const tasks = json.IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks;
  const map = tasks.map((t: { TaskType: string }) => t.TaskType).lastIndexOf('Map');
  const [last] = tasks.splice(map, 1);
  return { text: JSON.stringify(json, null, 2), field: last.SourceFields[0] };
}

describe('rule configuration and the clock in the CLI', function () {
  this.timeout(60000);
  let repo: string;
  let file: string;
  const config = (json: unknown) => writeFileSync(join(repo, 'cpworkflow.config.json'), JSON.stringify(json));
  const codesIn = (stdout: string) =>
    [...stdout.matchAll(/^\S+:\d+:\d+ (error|warning|information) (\S+) /gm)].map((m) => m[1] + ' ' + m[2]);

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'cpw-config-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'flows', 'sales'), { recursive: true });
    file = join(repo, 'flows', 'sales', 'accounts.cpworkflow.json');
    writeFileSync(file, unmappedField().text);
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('a rule turned off in a config file two folders up is gone; another level is the level used', () => {
    assert.deepEqual(codesIn(run(['validate', file], repo).stdout), ['information PAT-6']);
    config({ rules: { 'PAT-6': 'off' } });
    const off = run(['validate', file], repo);
    assert.equal(off.status, 0, off.stderr);
    assert.deepEqual(codesIn(off.stdout), []);
    config({ rules: { 'PAT-6': 'error' } });
    const raised = run(['validate', file], repo);
    assert.equal(raised.status, 1);
    assert.deepEqual(codesIn(raised.stdout), ['error PAT-6']);
  });

  it('--rule wins over the file; SARIF shows the level used and records the overrides', () => {
    config({ rules: { 'PAT-6': 'off', 'SCH-6': 'off' } });
    const r = run(['validate', '--rule', 'PAT-6=warning', '--format', 'sarif', file], repo);
    assert.equal(r.status, 0, r.stderr);
    const [sarifRun] = JSON.parse(r.stdout).runs;
    assert.deepEqual(
      sarifRun.results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]),
      [['PAT-6', 'warning']],
    );
    const overrides = sarifRun.invocations[0].ruleConfigurationOverrides.map(
      (o: { descriptor: { id: string }; configuration: unknown }) => [o.descriptor.id, o.configuration],
    );
    assert.deepEqual(overrides.sort(), [
      ['PAT-6', { enabled: true, level: 'warning' }],
      ['SCH-6', { enabled: false }],
    ]);
  });

  it('a config file that cannot be used is exit 2 naming the file and the key, never a silent default', () => {
    const cases: [unknown, RegExp][] = [
      [{ rules: { 'PAT-66': 'off' } }, /cpworkflow\.config\.json: rules\.PAT-66: "PAT-66" is not a code of cpworkflow/],
      [{ rules: { 'PAT-6': 'loud' } }, /cpworkflow\.config\.json: rules\.PAT-6: the level of PAT-6 must be "off", /],
      [{ rule: {} }, /cpworkflow\.config\.json: rule: "rule" is not a setting/],
    ];
    for (const [json, message] of cases) {
      config(json);
      const r = run(['validate', file], repo);
      assert.equal(r.status, 2, JSON.stringify(json));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '', 'nothing is reported with a configuration that cannot be used');
    }
    writeFileSync(join(repo, 'cpworkflow.config.json'), '{ "rules": ');
    const notJson = run(['validate', file], repo);
    assert.equal(notJson.status, 2);
    assert.match(notJson.stderr, /cpworkflow\.config\.json: it is not JSON/);
    const badOption = run(['validate', '--rule', 'PAT-6', file], repo);
    assert.equal(badOption.status, 2);
    assert.match(badOption.stderr, /--rule takes CODE=LEVEL/);
  });

  it('the same file gives the same exit status with --now a week apart; --time-checks judges the clock', () => {
    // a start on 10 January: not yet past on the 5th, past on the 12th
    writeFileSync(
      file,
      readExample('salesforce-account.cpworkflow.json').replace(
        '"ScheduleStartTime": "2027-06-01T00:00:00Z"',
        '"ScheduleStartTime": "2027-01-10T00:00:00Z"',
      ),
    );
    const before = run(['validate', '--max-warnings', '0', '--now', '2027-01-05T09:00:00Z', file], repo);
    const after = run(['validate', '--max-warnings', '0', '--now', '2027-01-12T09:00:00Z', file], repo);
    assert.equal(before.status, 0, before.stdout);
    assert.equal(after.status, before.status, after.stdout);
    assert.deepEqual(codesIn(before.stdout), []);
    assert.deepEqual(codesIn(after.stdout), ['information SCH-13']);
    assert.match(
      after.stdout,
      /\(now is 2027-01-12T09:00:00Z\).*`cpworkflow create` and the editor report it as a warning/,
    );
    const judged = run(
      ['validate', '--max-warnings', '0', '--time-checks', '--now', '2027-01-12T09:00:00Z', file],
      repo,
    );
    assert.equal(judged.status, 1);
    assert.deepEqual(codesIn(judged.stdout), ['warning SCH-13']);
    config({ timeChecks: true });
    assert.deepEqual(codesIn(run(['validate', '--now', '2027-01-12T09:00:00Z', file], repo).stdout), [
      'warning SCH-13',
    ]);
    const badNow = run(['validate', '--now', 'next monday', file], repo);
    assert.equal(badNow.status, 2);
    assert.match(badNow.stderr, /--now takes an ISO-8601 time/);
  });

  it('docs/rules.md names exactly the clock-dependent codes, and the config schema every code', () => {
    const doc = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    const listed = /<!-- clock-codes -->(.*?)<!-- end of clock-codes -->/s.exec(doc)![1];
    assert.deepEqual([...listed.matchAll(/`([A-Z]+-\d+)`/g)].map((m) => m[1]).sort(), [...CLOCK_CODES].sort());
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/cpworkflow.config.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...codes].sort());
    assert.deepEqual(schema.properties.rules.properties['SCH-6'].enum, ['off', 'information', 'warning', 'error']);
  });
});

describe('rule configuration in the language server', function () {
  this.timeout(30000);
  let repo: string;
  let client: LspTestClient | undefined;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'cpw-lsp-config-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'flows', 'sales'), { recursive: true });
  });
  afterEach(async () => {
    await client?.shutdown();
    client = undefined;
    rmSync(repo, { recursive: true, force: true });
  });

  it('honours the config file two folders up, and re-reads it when it changes', async () => {
    writeFileSync(join(repo, 'cpworkflow.config.json'), JSON.stringify({ rules: { 'PAT-6': 'off' } }));
    const path = join(repo, 'flows', 'sales', 'accounts.cpworkflow.json');
    const { text } = unmappedField();
    writeFileSync(path, text);
    client = new LspTestClient();
    const registered: unknown[] = [];
    client.connection.onRequest('client/registerCapability', (p: unknown) => void registered.push(p));
    await client.initialize(undefined, { didChangeWatchedFiles: { dynamicRegistration: true } });
    const uri = pathToFileURL(path).href;
    await client.open(uri, text);
    const first = await client.diagnostics(uri);
    assert.deepEqual(
      first.diagnostics.map((d) => d.code),
      [],
      'PAT-6 is off for this folder',
    );
    assert.match(JSON.stringify(registered), /\*\*\/cpworkflow\.config\.json/, 'the server asked to watch the files');
    writeFileSync(join(repo, 'cpworkflow.config.json'), JSON.stringify({ rules: { 'PAT-6': 'error' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(repo, 'cpworkflow.config.json')).href, type: 2 }],
    });
    const again = await client.diagnostics(uri);
    assert.deepEqual(
      again.diagnostics.map((d) => [d.code, d.severity]),
      [['PAT-6', 1]],
    );
  });

  it('a config file that cannot be used gets one diagnostic of its own, at the key', async () => {
    const configPath = join(repo, 'cpworkflow.config.json');
    writeFileSync(configPath, '{\n  "rules": { "PAT-66": "off" }\n}\n');
    const path = join(repo, 'flows', 'sales', 'accounts.cpworkflow.json');
    const { text } = unmappedField();
    client = new LspTestClient();
    await client.initialize();
    const uri = pathToFileURL(path).href;
    await client.open(uri, text);
    const onConfig = await client.diagnostics(pathToFileURL(configPath).href);
    assert.equal(onConfig.diagnostics.length, 1);
    const [d] = onConfig.diagnostics;
    assert.match(d.message, /^rules\.PAT-66: "PAT-66" is not a code of cpworkflow/);
    assert.deepEqual(d.range.start, { line: 1, character: 13 });
    // its rules do not apply (and it says so): the workflow file keeps its own severities
    const published = await client.diagnostics(uri);
    assert.deepEqual(
      published.diagnostics.map((x) => [x.code, x.severity]),
      [['PAT-6', 3]],
    );
  });
});
