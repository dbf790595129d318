// The request the SDK sends for a file must equal what `aws customer-profiles create-integration-workflow
// --cli-input-json file://F` sends: same method, path and JSON body (timestamps as epoch seconds). Compared against
// a body recorded from the AWS CLI and, live, against every `aws` installed here (Debian's awscli v2 is required;
// .ci/run installs it).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';

import { createCustomerProfilesClient, createWorkflow, toCreateWorkflowInput } from '../../server/src/aws';
import { startLocalEndpoint, type LocalEndpoint, type RecordedRequest } from '../endpoint/customerProfilesEndpoint.mjs';
import { DEBIAN_AWS, awsExecutables } from '../support/awsCli';
import { ROOT } from '../support/root';
import { EXAMPLES, exampleFiles } from '../support/workflows';
import { createSandbox, fakeKeys, type Sandbox } from './support';

const run = promisify(execFile);
const FIXTURES = join(ROOT, 'test/fixtures/aws');
// timestamp-forms: every other form botocore reads (RFC 1123, compact ISO, asctime, US order, PST ignored, UTC+2
// inverted, epoch seconds as a string rounded to microseconds, 14 digits as a date, 8 digits as epoch seconds)
const inputFiles = () => [
  join(FIXTURES, 'timestamps.cpworkflow.json'),
  join(FIXTURES, 'timestamp-forms.cpworkflow.json'),
  ...exampleFiles().map((f) => join(EXAMPLES, f)),
];

describe('wire equality with the AWS CLI', function () {
  this.timeout(60000);
  const keys = fakeKeys();
  let endpoint: LocalEndpoint;
  let sandbox: Sandbox;
  let client: CustomerProfilesClient;

  before(async () => {
    sandbox = createSandbox();
    sandbox.setEnv({ AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey });
    const domains: Record<string, { objectTypes: string[] }> = {};
    for (const f of inputFiles()) {
      const d = JSON.parse(readFileSync(f, 'utf8'));
      (domains[d.DomainName] ??= { objectTypes: [] }).objectTypes.push(d.ObjectTypeName);
    }
    endpoint = await startLocalEndpoint({ credentials: { [keys.accessKeyId]: keys.secretAccessKey }, domains });
    client = await createCustomerProfilesClient({ region: 'us-east-1', endpointUrl: endpoint.url });
  });
  after(async () => {
    client?.destroy();
    await endpoint?.stop();
    sandbox?.restore();
  });

  async function sentBySdk(file: string): Promise<RecordedRequest> {
    const before = endpoint.requests.length;
    await createWorkflow(client, toCreateWorkflowInput(JSON.parse(readFileSync(file, 'utf8'))));
    assert.equal(endpoint.requests.length, before + 1, 'one request');
    return endpoint.requests[before];
  }

  async function sentByCli(aws: string, file: string): Promise<RecordedRequest> {
    const before = endpoint.requests.length;
    await run(
      aws,
      [
        'customer-profiles',
        'create-integration-workflow',
        '--cli-input-json',
        `file://${file}`,
        '--endpoint-url',
        endpoint.url,
        '--region',
        'us-east-1',
        '--output',
        'json',
      ],
      {
        // only what the CLI needs: fake keys, the sandbox's empty config files, no pager
        env: {
          PATH: process.env.PATH,
          HOME: sandbox.home,
          AWS_ACCESS_KEY_ID: keys.accessKeyId,
          AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
          AWS_CONFIG_FILE: sandbox.configFile,
          AWS_SHARED_CREDENTIALS_FILE: sandbox.credentialsFile,
          AWS_PAGER: '',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
        timeout: 30000,
      },
    );
    assert.equal(endpoint.requests.length, before + 1, `${aws} sent one request`);
    return endpoint.requests[before];
  }

  it('sends the body the AWS CLI sent when the fixture was recorded (every timestamp form)', async () => {
    const recorded = JSON.parse(readFileSync(join(FIXTURES, 'timestamps.cli-request.json'), 'utf8'));
    const sdk = await sentBySdk(join(FIXTURES, 'timestamps.cpworkflow.json'));
    assert.equal(sdk.method, recorded.method);
    assert.equal(sdk.path, recorded.path);
    assert.deepEqual(sdk.json, recorded.body);
    // fractional seconds are dropped, zoneless ISO is UTC, offsets are applied
    const batches = (
      sdk.json as { IntegrationConfig: { AppflowIntegration: { Batches: { StartTime: number; EndTime: number }[] } } }
    ).IntegrationConfig.AppflowIntegration.Batches;
    assert.deepEqual(batches, [
      { StartTime: 1700000000, EndTime: 1704067200 },
      { StartTime: 1706745600, EndTime: 1706871600 },
    ]);
  });

  it("Debian's awscli is installed (apt-get install awscli), so the live comparison below is real", () => {
    assert.ok(
      existsSync(DEBIAN_AWS),
      `${DEBIAN_AWS} is missing: install it with apt-get install awscli (.ci/run does)`,
    );
  });

  // one test however many AWS CLIs the machine has (Debian's v1 always, a v2 where one is on PATH): the count of tests
  // is the same on every machine, and each CLI found is compared
  it('sends the same method, path and body as every AWS CLI installed, for the fixture and every example', async () => {
    const clis = awsExecutables();
    assert.ok(clis.length > 0, 'no aws on PATH');
    for (const aws of clis) {
      const { stdout } = await run(aws, ['--version'], { env: { PATH: process.env.PATH, HOME: sandbox.home } });
      assert.match(stdout, /^aws-cli\/[12]\./);
      console.log(`      compared with ${aws}: ${stdout.trim().split(' ')[0]}`);
      for (const file of inputFiles()) {
        const cli = await sentByCli(aws, file);
        const sdk = await sentBySdk(file);
        assert.equal(cli.signatureValid, true, `${aws}: the endpoint verified the CLI signature`);
        assert.equal(sdk.method, cli.method, `${aws}: ${file}`);
        assert.equal(sdk.path, cli.path, `${aws}: ${file}`);
        assert.deepEqual(sdk.json, cli.json, `${aws}: ${file}`);
        assert.equal(sdk.headers['content-type'], cli.headers['content-type'], `${aws}: ${file}`);
      }
    }
  });
});
