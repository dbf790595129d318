// `cpworkflow list` and `cpworkflow import-flow` as a user runs them: the built dist/cli.js against the local endpoint
// (2 workflows a page; the demo account's AppFlow flows).
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';

import { startLocalEndpoint, type LocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { prepareSubmission } from '../../server/src/aws';
import { cliEnv, createSandbox, fakeKeys, runCli, type Sandbox } from './support';

/** A control character other than a newline, or a bidi override (what a terminal would act on). */
const controlIn = (text: string) =>
  [...text].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 0x20 && c !== '\n') || (n >= 0x7f && n <= 0x9f) || (n >= 0x202a && n <= 0x202e);
  });

describe('cpworkflow list and import-flow (the built CLI against the local endpoint)', function () {
  this.timeout(30000);
  const keys = fakeKeys();
  let endpoint: LocalEndpoint;
  let sandbox: Sandbox;

  before(async () => {
    sandbox = createSandbox();
    endpoint = await startLocalEndpoint({
      credentials: { [keys.accessKeyId]: keys.secretAccessKey },
      domains: { 'demo-domain': { objectTypes: ['Salesforce-Account'], history: true } },
    });
  });
  after(async () => {
    await endpoint?.stop();
    sandbox?.restore();
  });
  beforeEach(() => {
    endpoint.requests.length = 0;
    endpoint.clearFaults();
  });

  const env = (extra: NodeJS.ProcessEnv = {}) => ({ ...cliEnv(sandbox, keys), ...extra });
  const list = (...args: string[]) =>
    runCli(['list', '--domain', 'demo-domain', ...args], {
      cwd: sandbox.dir,
      env: env({ AWS_ENDPOINT_URL: endpoint.url }),
    });
  const lists = () => endpoint.requests.filter((r) => r.operation === 'ListWorkflows');

  it('prints one line per workflow, newest first, from every page', async () => {
    const r = await list();
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 7, r.stdout);
    assert.equal(lists().length, 4, 'four pages of at most two');
    assert.ok(lists().every((q) => q.signatureValid));
    assert.match(lines[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}COMPLETE {5}[0-9a-f]{32} {2}Workflow completed\.$/);
    const times = lines.map((l) => l.slice(0, 20));
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
  });

  it('--format json: the ListWorkflows members with ISO timestamps', async () => {
    const r = await list('--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const items = JSON.parse(r.stdout);
    assert.equal(items.length, 7);
    assert.deepEqual(Object.keys(items[0]), [
      'WorkflowId',
      'WorkflowType',
      'Status',
      'StatusDescription',
      'CreatedAt',
      'LastUpdatedAt',
    ]);
    assert.equal(items[0].WorkflowType, 'APPFLOW_INTEGRATION');
    assert.match(items[0].CreatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(Date.parse(items[0].LastUpdatedAt) >= Date.parse(items[0].CreatedAt));
  });

  it('--status filters on the service side (any case); an unknown status is a usage error, nothing sent', async () => {
    const r = await list('--status', 'failed', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).map((w: { Status: string }) => w.Status),
      ['FAILED'],
    );
    assert.deepEqual(lists()[0].json, { Status: 'FAILED' });
    endpoint.requests.length = 0;
    const bad = await list('--status', 'DONE');
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /--status must be one of NOT_STARTED, IN_PROGRESS, COMPLETE, FAILED, SPLIT, RETRY, CANCELLED/,
    );
    assert.equal(endpoint.requests.length, 0);
  });

  it('exit 4 with the service words on an AWS error; exit 2 without --domain', async () => {
    endpoint.injectFault({ type: 'accessDenied', operation: 'ListWorkflows' });
    const denied = await list();
    assert.equal(denied.code, 4);
    assert.match(denied.stderr, /not authorized to perform: profile:ListWorkflows/);
    assert.equal(denied.stdout, '');
    const unknown = await runCli(['list', '--domain', 'nope'], {
      cwd: sandbox.dir,
      env: env({ AWS_ENDPOINT_URL: endpoint.url }),
    });
    assert.equal(unknown.code, 4);
    assert.match(unknown.stderr, /Domain nope does not exist/);
    const usage = await runCli(['list'], { cwd: sandbox.dir, env: env() });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /list needs --domain/);
  });

  it('throttling that outlasts the retries is exit 4 and says to wait', async () => {
    endpoint.injectFault({ type: 'throttle', operation: 'ListWorkflows', times: 10 });
    const r = await list();
    assert.equal(r.code, 4);
    assert.match(r.stderr, /throttled/);
  });

  describe('a service that answers with control characters', () => {
    let server: Server;
    let url: string;
    before(async () => {
      server = createServer((req, res) => {
        if (req.url?.startsWith('/domains/err/')) {
          res.writeHead(400, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'BadRequestException' });
          return res.end(JSON.stringify({ Message: 'bad\u001b[31m red\u009b1m' }));
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            Items: [
              {
                WorkflowId: 'w\u001b]0;owned\u0007',
                WorkflowType: 'APPFLOW_INTEGRATION',
                Status: 'FAILED',
                StatusDescription: 'done\u001b[2J\rrewritten \u202eevil',
                CreatedAt: 1700000000,
                LastUpdatedAt: 1700000000,
              },
            ],
          }),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('text output shows them escaped; JSON keeps them JSON-escaped', async () => {
      const r = await runCli(['list', '--domain', 'd'], { cwd: sandbox.dir, env: env({ AWS_ENDPOINT_URL: url }) });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!controlIn(r.stdout), JSON.stringify(r.stdout));
      assert.equal(
        r.stdout,
        '2023-11-14T22:13:20Z  FAILED       w\\u{1b}]0;owned\\u{7}  done\\u{1b}[2J\\u{d}rewritten \\u{202e}evil\n',
      );
      const j = await runCli(['list', '--domain', 'd', '--format', 'json'], {
        cwd: sandbox.dir,
        env: env({ AWS_ENDPOINT_URL: url }),
      });
      assert.equal(JSON.parse(j.stdout)[0].StatusDescription, 'done\u001b[2J\rrewritten \u202eevil');
      assert.ok(!controlIn(j.stdout));
    });

    it("the service's error message reaches stderr escaped", async () => {
      const r = await runCli(['list', '--domain', 'err'], { cwd: sandbox.dir, env: env({ AWS_ENDPOINT_URL: url }) });
      assert.equal(r.code, 4);
      assert.match(r.stderr, /bad\\u\{1b\}\[31m red\\u\{9b\}1m/);
      assert.ok(!controlIn(r.stderr), JSON.stringify(r.stderr));
    });
  });

  describe('import-flow: a flow of the demo account (AppFlow DescribeFlow, signed for "appflow")', () => {
    const importFlow = (...args: string[]) =>
      runCli(['import-flow', ...args], {
        cwd: sandbox.dir,
        env: { ...cliEnv(sandbox, keys), AWS_ENDPOINT_URL_APPFLOW: endpoint.url },
      });

    it('prints the flow as a clean .cpworkflow.json: source, tasks, trigger; notes on stderr', async () => {
      const r = await importFlow(
        'Salesforce-Contacts-Nightly',
        '--domain',
        'ExampleCorp-Profiles',
        '--object-type',
        'Salesforce-Contact',
        '--role-arn',
        'arn:aws:iam::123456789012:role/CustomerProfilesAppFlow',
      );
      assert.equal(r.code, 0, r.stderr);
      const describe = endpoint.requests.filter((q) => q.operation === 'DescribeFlow');
      assert.equal(describe.length, 1);
      assert.equal(describe[0].signingService, 'appflow');
      assert.equal(describe[0].signatureValid, true);
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.DomainName, 'ExampleCorp-Profiles');
      assert.equal(doc.ObjectTypeName, 'Salesforce-Contact');
      const fd = doc.IntegrationConfig.AppflowIntegration.FlowDefinition;
      assert.equal(fd.FlowName, 'Salesforce-Contacts-Nightly-profiles');
      assert.equal(fd.SourceFlowConfig.ConnectorType, 'Salesforce');
      assert.equal(fd.SourceFlowConfig.ConnectorProfileName, 'salesforce-prod');
      assert.ok(fd.Tasks.length > 1 && fd.Tasks.every((t: { TaskType: string }) => t.TaskType));
      assert.equal(fd.TriggerConfig.TriggerProperties.Scheduled.ScheduleExpression, 'rate(1days)');
      const checked = prepareSubmission(r.stdout, 'file:///x.cpworkflow.json');
      assert.deepEqual(
        checked.errors.map((d) => d.message),
        [],
      );
      assert.match(r.stderr, /note: destinationFlowConfigList: dropped; Customer Profiles is the destination/);
      assert.match(r.stderr, /note: FlowName: "Salesforce-Contacts-Nightly-profiles"/);
      assert.doesNotMatch(r.stderr, /RoleArn: set/, 'the role was given');
    });

    it("without --domain and --object-type, the flow's Customer Profiles destination gives them", async () => {
      const r = await importFlow('Zendesk-Users-Hourly');
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout);
      assert.deepEqual([doc.DomainName, doc.ObjectTypeName], ['ExampleCorp-Profiles', 'Zendesk-Users']);
      assert.doesNotMatch(r.stderr, /DomainName: set/);
      assert.match(r.stderr, /note: RoleArn: set the IAM role/);
    });

    it('an unknown flow is exit 4 with the service words; no FLOW_NAME is a usage error', async () => {
      const r = await importFlow('No-Such-Flow');
      assert.equal(r.code, 4);
      assert.match(r.stderr, /Flow No-Such-Flow does not exist/);
      assert.equal(r.stdout, '');
      const usage = await importFlow();
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /import-flow needs exactly one FLOW_NAME/);
    });
  });
});
