// `cpworkflow create` and `cpworkflow status` as a user runs them: the built dist/cli.js against the local endpoint.
// Exit codes, both output formats, refusal before sending, confirmation on a terminal, no credential in any output.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startLocalEndpoint, type LocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { ROOT } from '../support/root';
import { cliEnv, createSandbox, fakeKeys, type Sandbox } from './support';

const CLI = join(ROOT, 'dist/cli.js');
const FIXTURE_TEXT = readFileSync(join(ROOT, 'test/fixtures/aws/timestamps.cpworkflow.json'), 'utf8');
// the endpoint runs one workflow step per batch of the request, 250 records each
const STEPS = JSON.parse(FIXTURE_TEXT).IntegrationConfig.AppflowIntegration.Batches.length;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('cpworkflow create / status (the built CLI against the local endpoint)', function () {
  this.timeout(30000);
  const keys = fakeKeys();
  let endpoint: LocalEndpoint;
  let sandbox: Sandbox;
  const outputs: string[] = [];

  before(async () => {
    assert.ok(existsSync(CLI), 'dist/cli.js is built (npm run build)');
    sandbox = createSandbox();
    endpoint = await startLocalEndpoint({
      credentials: { [keys.accessKeyId]: keys.secretAccessKey },
      domains: {
        'demo-domain': { objectTypes: ['Salesforce-Account', 'Broken-Type'], failObjectTypes: ['Broken-Type'] },
      },
      // steps long enough for a poll to see IN_PROGRESS even on a loaded machine
      timing: { startMs: 30, stepMs: 400 },
    });
  });
  after(async () => {
    await endpoint?.stop();
    sandbox?.restore();
  });
  beforeEach(() => {
    endpoint.requests.length = 0;
  });

  const env = () => cliEnv(sandbox, keys);

  /** Runs a command asynchronously (the endpoint lives in this process), stdin closed unless given. */
  function run(file: string, args: string[], input = '', environment: NodeJS.ProcessEnv = env()): Promise<Run> {
    return new Promise((resolve) => {
      const child = execFile(
        file,
        args,
        { cwd: sandbox.dir, env: environment, timeout: 25000 },
        (err, stdout, stderr) => {
          outputs.push(stdout, stderr);
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
        },
      );
      child.stdin?.end(input);
    });
  }
  const cli = (...args: string[]) =>
    run(process.execPath, [CLI, ...args, '--endpoint-url', endpoint.url, '--poll-interval', '0.05']);
  const file = (name: string, text: string) => {
    writeFileSync(join(sandbox.dir, name), text);
    return name;
  };
  const creates = () => endpoint.requests.filter((r) => r.operation === 'CreateIntegrationWorkflow');

  it('creates with --yes and prints only the WorkflowId', async () => {
    const r = await cli('create', file('ok.cpworkflow.json', FIXTURE_TEXT), '--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^[a-f0-9]{32}\n$/);
    assert.equal(creates().length, 1);
    assert.equal(creates()[0].signatureValid, true);
  });

  it('prints {"WorkflowId","Message"} with --format json', async () => {
    const r = await cli('create', file('ok.cpworkflow.json', FIXTURE_TEXT), '--yes', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['WorkflowId', 'Message']);
    assert.match(out.WorkflowId, /^[a-f0-9]{32}$/);
  });

  it('refuses a file with errors: exit 1, the errors on stderr, nothing sent', async () => {
    const r = await cli(
      'create',
      file('bad.cpworkflow.json', FIXTURE_TEXT.replace('"APPFLOW_INTEGRATION"', '"APPFLOW"')),
      '--yes',
    );
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^bad\.cpworkflow\.json:3:\d+ error /m);
    assert.match(r.stderr, /not sent: bad\.cpworkflow\.json has 1 error/);
    assert.equal(r.stdout, '');
    assert.equal(endpoint.requests.length, 0);
  });

  it('never prompts without a terminal: --yes is required (exit 2, nothing sent)', async () => {
    const r = await cli('create', file('ok.cpworkflow.json', FIXTURE_TEXT));
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /no terminal to ask on; pass --yes to create flow "CP-Salesforce-Account-Timestamps" → domain "demo-domain", object type "Salesforce-Account", region us-east-1/,
    );
    assert.equal(endpoint.requests.length, 0);
  });

  it('asks on a terminal, naming the warnings, and sends only after "y"', async () => {
    const name = file('ok.cpworkflow.json', FIXTURE_TEXT);
    // `script` gives the CLI a pseudo-terminal; its stdin is what the user types.
    const command = `"${process.execPath}" "${CLI}" create ${name} --endpoint-url ${endpoint.url}`;
    const no = await run('script', ['-qec', command, '/dev/null'], 'n\n');
    assert.match(
      no.stdout,
      /Create workflow: flow "CP-Salesforce-Account-Timestamps" .*The file has \d+ warnings? \(above\)\. \[y\/N\]/,
    );
    assert.match(no.stdout, /not sent\./);
    assert.equal(endpoint.requests.length, 0);
    const yes = await run('script', ['-qec', command, '/dev/null'], 'y\n');
    assert.equal(yes.code, 0, yes.stdout);
    assert.match(yes.stdout, /^[a-f0-9]{32}\r?$/m);
    assert.equal(creates().length, 1);
  });

  it('--wait follows the workflow to COMPLETE with progress on stderr', async () => {
    const r = await cli('create', file('ok.cpworkflow.json', FIXTURE_TEXT), '--yes', '--wait');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^[a-f0-9]{32}\n$/);
    assert.match(r.stderr, new RegExp(`IN_PROGRESS: \\d/${STEPS} steps`));
    assert.match(r.stderr, new RegExp(`COMPLETE: ${STEPS}/${STEPS} steps, ${250 * STEPS} records processed`));
  });

  it('--wait exits 5 on FAILED and shows the error and the failed step (json)', async () => {
    const r = await cli(
      'create',
      file('broken.cpworkflow.json', FIXTURE_TEXT.replace('"Salesforce-Account"', '"Broken-Type"')),
      '--yes',
      '--wait',
      '--format',
      'json',
    );
    assert.equal(r.code, 5, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.Status, 'FAILED');
    assert.match(out.ErrorDescription, /failed/);
    assert.match(out.FailedSteps[0].ExecutionMessage, /access denied/);
    assert.match(r.stderr, /ended FAILED: .*\n {2}failed step CP-Salesforce-Account-Timestamps: .*access denied/);
  });

  it('exits 4 on a service error, with the file position and the request id', async () => {
    const r = await cli(
      'create',
      file('nodomain.cpworkflow.json', FIXTURE_TEXT.replace('"demo-domain"', '"missing-domain"')),
      '--yes',
    );
    assert.equal(r.code, 4);
    assert.match(
      r.stderr,
      /^cpworkflow: nodomain\.cpworkflow\.json:2:3: Domain missing-domain does not exist in us-east-1\. .*\(request id [0-9a-f-]{36}\)/m,
    );
    assert.equal(r.stdout, '');
  });

  it('status shows one look, or waits to the end, in both formats', async () => {
    const created = await cli('create', file('ok.cpworkflow.json', FIXTURE_TEXT), '--yes');
    const id = created.stdout.trim();
    const look = await cli('status', id, '--domain', 'demo-domain');
    assert.equal(look.code, 0, look.stderr);
    assert.match(
      look.stdout,
      new RegExp(`^(NOT_STARTED|IN_PROGRESS|COMPLETE): \\d/${STEPS} steps, \\d+ records processed\\n$`),
    );
    const waited = await cli('status', id, '--domain', 'demo-domain', '--wait', '--format', 'json');
    assert.equal(waited.code, 0, waited.stderr);
    assert.deepEqual(JSON.parse(waited.stdout), {
      WorkflowId: id,
      Status: 'COMPLETE',
      StepsCompleted: STEPS,
      TotalSteps: STEPS,
      RecordsProcessed: 250 * STEPS,
    });
    const unknown = await cli('status', '0'.repeat(32), '--domain', 'demo-domain');
    assert.equal(unknown.code, 4);
    assert.match(unknown.stderr, /Workflow 0{32} does not exist in domain demo-domain/);
    const usage = await cli('status', id);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /status needs --domain/);
  });

  it('never prints the user name or password of an endpoint URL (refused connection, missing confirmation)', async () => {
    const name = file('ok.cpworkflow.json', FIXTURE_TEXT);
    const secretUrl = 'http://admin:s3cretPass@127.0.0.1:9';
    const refused = await run(process.execPath, [CLI, 'create', name, '--yes', '--endpoint-url', secretUrl]);
    assert.equal(refused.code, 4, refused.stderr);
    assert.match(refused.stderr, /Could not connect to http:\/\/127\.0\.0\.1:9/);
    const unconfirmed = await run(process.execPath, [CLI, 'create', name, '--endpoint-url', secretUrl]);
    assert.match(unconfirmed.stderr, /, endpoint http:\/\/127\.0\.0\.1:9/);
    for (const r of [refused, unconfirmed]) assert.ok(!/s3cretPass|admin/.test(r.stderr + r.stdout), r.stderr);
  });

  it('names the profile, not AWS_ACCESS_KEY_ID, as signer when the environment has no secret key', async () => {
    const { AWS_SECRET_ACCESS_KEY: _secret, ...idOnly } = env();
    const r = await run(
      process.execPath,
      [CLI, 'create', file('ok.cpworkflow.json', FIXTURE_TEXT), '--endpoint-url', endpoint.url],
      '',
      idOnly,
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /region us-east-1, profile "default", endpoint /);
    assert.doesNotMatch(r.stderr, /AWS_ACCESS_KEY_ID/);
  });

  it('reports a named profile that no shared file defines before asking to confirm (exit 4, nothing sent)', async () => {
    const r = await cli('create', file('ok.cpworkflow.json', FIXTURE_TEXT), '--profile', 'nope');
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /Profile "nope" is not in the shared config or credentials files/);
    assert.doesNotMatch(r.stderr, /confirmation needed/);
    assert.equal(endpoint.requests.length, 0);
  });

  it('printed no credential value in any of the runs above', () => {
    const all = outputs.join('\n');
    assert.ok(outputs.length >= 20, 'the runs above were gathered');
    assert.ok(!all.includes(keys.secretAccessKey), 'the secret key leaked into CLI output');
    assert.ok(!all.includes(keys.accessKeyId), 'the access key id leaked into CLI output');
  });
});
