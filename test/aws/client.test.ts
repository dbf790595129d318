// The client builder: credentials from the SDK's standard chain for a chosen profile (shared files,
// credential_process, SSO), region and endpoint resolved as the AWS CLI resolves them, proxy support,
// and the errors a user meets when none of it is set up. No credential value may reach any output.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { join } from 'node:path';

import {
  createCustomerProfilesClient,
  createWorkflow,
  explainAwsError,
  listProfiles,
  redactCredentials,
  resolveAwsSettings,
  toCreateWorkflowInput,
} from '../../server/src/aws';
import { startLocalEndpoint, type LocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { ROOT } from '../support/root';
import { captureOutput, createSandbox, failure, fakeKeys, type FakeKeys, type Sandbox } from './support';

const FIXTURE_TEXT = readFileSync(join(ROOT, 'test/fixtures/aws/timestamps.cpworkflow.json'), 'utf8');
const input = () => toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT));

describe('client builder: profiles, regions, endpoints, proxy', function () {
  this.timeout(20000);
  const main = fakeKeys();
  const other = fakeKeys();
  let endpoint: LocalEndpoint;
  let frankfurt: LocalEndpoint;
  let sandbox: Sandbox;

  before(async () => {
    const credentials = { [main.accessKeyId]: main.secretAccessKey, [other.accessKeyId]: other.secretAccessKey };
    const domains = { 'demo-domain': { objectTypes: ['Salesforce-Account'] } };
    endpoint = await startLocalEndpoint({ credentials, domains });
    frankfurt = await startLocalEndpoint({ credentials, domains, region: 'eu-central-1' });
  });
  after(async () => {
    await endpoint?.stop();
    await frankfurt?.stop();
  });
  beforeEach(() => {
    sandbox = createSandbox();
    endpoint.requests.length = 0;
    frankfurt.requests.length = 0;
  });
  afterEach(() => sandbox.restore());

  const credentialsIni = (name: string, k: FakeKeys) =>
    `[${name}]\naws_access_key_id = ${k.accessKeyId}\naws_secret_access_key = ${k.secretAccessKey}\n`;

  async function send(options: Parameters<typeof createCustomerProfilesClient>[0]) {
    const client = await createCustomerProfilesClient(options);
    try {
      return await createWorkflow(client, input());
    } finally {
      client.destroy();
    }
  }

  it("signs with the chosen profile's keys and uses the profile's region", async () => {
    sandbox.writeCredentials(credentialsIni('default', main) + credentialsIni('team', other));
    sandbox.writeConfig('[profile team]\nregion = eu-central-1\n');
    const settings = await resolveAwsSettings({ profile: 'team', endpointUrl: frankfurt.url });
    assert.deepEqual([settings.region, settings.regionSource], ['eu-central-1', 'profile']);
    await send({ profile: 'team', endpointUrl: frankfurt.url });
    assert.equal(frankfurt.requests[0].accessKeyId, other.accessKeyId);
    assert.equal(frankfurt.requests[0].signingRegion, 'eu-central-1');
    assert.equal(frankfurt.requests[0].signatureValid, true);
  });

  it('honours AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL as the AWS CLI does; options win over them', async () => {
    sandbox.writeCredentials(credentialsIni('default', main) + credentialsIni('team', other));
    sandbox.writeConfig('[profile team]\nregion = ap-southeast-2\n');
    sandbox.setEnv({ AWS_PROFILE: 'team', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: endpoint.url });
    const settings = await resolveAwsSettings();
    assert.deepEqual(
      [settings.profile, settings.region, settings.regionSource, settings.endpointUrl, settings.endpointSource],
      ['team', 'us-east-1', 'environment', endpoint.url, 'environment'],
    );
    await send({});
    assert.equal(endpoint.requests[0].accessKeyId, other.accessKeyId);
    assert.equal(endpoint.requests[0].signingRegion, 'us-east-1');

    await send({ profile: 'default', region: 'eu-central-1', endpointUrl: frankfurt.url });
    assert.equal(frankfurt.requests[0].accessKeyId, main.accessKeyId);
  });

  it('uses environment keys before the default profile when no profile is named', async () => {
    sandbox.writeCredentials(credentialsIni('default', other));
    sandbox.setEnv({ AWS_ACCESS_KEY_ID: main.accessKeyId, AWS_SECRET_ACCESS_KEY: main.secretAccessKey });
    await send({ region: 'us-east-1', endpointUrl: endpoint.url });
    assert.equal(endpoint.requests[0].accessKeyId, main.accessKeyId);
  });

  it('names the environment keys as signer only when both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set, as the SDK uses them', async () => {
    sandbox.writeCredentials(credentialsIni('default', other));
    sandbox.setEnv({ AWS_ACCESS_KEY_ID: main.accessKeyId });
    assert.equal((await resolveAwsSettings({ region: 'us-east-1' })).signer, 'profile');
    await send({ region: 'us-east-1', endpointUrl: endpoint.url });
    assert.equal(endpoint.requests[0].accessKeyId, other.accessKeyId, 'the SDK signed with the profile, as named');
    sandbox.setEnv({ AWS_SECRET_ACCESS_KEY: main.secretAccessKey });
    assert.equal((await resolveAwsSettings({ region: 'us-east-1' })).signer, 'environment');
    assert.equal((await resolveAwsSettings({ region: 'us-east-1', profile: 'default' })).signer, 'profile');
  });

  it('says whether the profile exists in either shared file, reading them once for everything', async () => {
    sandbox.writeCredentials(credentialsIni('creds-only', main));
    sandbox.writeConfig('[profile conf-only]\nregion = eu-west-1\n');
    assert.equal((await resolveAwsSettings({ profile: 'creds-only' })).profileExists, true);
    assert.equal((await resolveAwsSettings({ profile: 'conf-only' })).profileExists, true);
    const missing = await resolveAwsSettings({ profile: 'nope', region: 'us-east-1', endpointUrl: endpoint.url });
    assert.equal(missing.profileExists, false);
    const err = await failure(createCustomerProfilesClient({}, missing));
    assert.equal((err as Error).name, 'ProfileNotFoundError');
  });

  it('gets credentials from a credential_process profile', async () => {
    const script = join(sandbox.dir, 'creds.js');
    writeFileSync(
      script,
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(other.accessKeyId)}, SecretAccessKey: ${JSON.stringify(other.secretAccessKey)} }));`,
    );
    sandbox.writeConfig(`[profile proc]\nregion = us-east-1\ncredential_process = "${process.execPath}" "${script}"\n`);
    await send({ profile: 'proc', endpointUrl: endpoint.url });
    assert.equal(endpoint.requests[0].accessKeyId, other.accessKeyId);
  });

  it('lists the profiles of both shared files', async () => {
    sandbox.writeCredentials(credentialsIni('default', main) + credentialsIni('ci', other));
    sandbox.writeConfig('[profile team]\nregion = eu-central-1\n[sso-session corp]\nsso_region = us-east-1\n');
    assert.deepEqual(await listProfiles(), ['ci', 'default', 'team']);
  });

  it('asks for a region when neither the options, the environment nor the profile has one', async () => {
    sandbox.writeCredentials(credentialsIni('default', main));
    const x = explainAwsError(await failure(createCustomerProfilesClient({ endpointUrl: endpoint.url })), {
      profile: 'default',
    });
    assert.equal(x.code, 'NoRegion');
    assert.match(x.text, /No AWS region is set for profile "default"\. Choose a region/);
  });

  it('explains missing credentials and sends nothing', async () => {
    const x = explainAwsError(await failure(send({ region: 'us-east-1', endpointUrl: endpoint.url })), {
      operation: 'CreateIntegrationWorkflow',
    });
    assert.equal(x.code, 'NoCredentials');
    assert.match(x.advice, /aws configure --profile default.*aws configure sso --profile default/);
    assert.equal(endpoint.requests.length, 0);
  });

  it('explains an unknown profile', async () => {
    sandbox.writeCredentials(credentialsIni('default', main));
    const err = await failure(send({ profile: 'nosuch', region: 'us-east-1', endpointUrl: endpoint.url }));
    const x = explainAwsError(err, { profile: 'nosuch' });
    assert.equal(x.code, 'ProfileNotFound', x.text);
    assert.match(x.advice, /Profile "nosuch" is not in the shared config or credentials files/);
  });

  it('says to run aws sso login for the profile when its SSO session has expired', async () => {
    const startUrl = 'https://example-corp.awsapps.com/start';
    sandbox.writeConfig(
      `[profile sso-dev]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Dev\nregion = us-east-1\n`,
    );
    const cache = join(sandbox.home, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      join(cache, `${createHash('sha1').update(startUrl).digest('hex')}.json`),
      JSON.stringify({
        startUrl,
        region: 'us-east-1',
        accessToken: 'expired-token',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
    );
    const x = explainAwsError(await failure(send({ profile: 'sso-dev', endpointUrl: endpoint.url })), {
      profile: 'sso-dev',
    });
    assert.equal(x.code, 'SsoExpired', x.text);
    assert.match(x.advice, /run `aws sso login --profile sso-dev`/);
    assert.equal(endpoint.requests.length, 0);
  });

  it('reports a wrong secret key as a rejected signature', async () => {
    sandbox.setEnv({ AWS_ACCESS_KEY_ID: main.accessKeyId, AWS_SECRET_ACCESS_KEY: other.secretAccessKey });
    const x = explainAwsError(await failure(send({ region: 'us-east-1', endpointUrl: endpoint.url })), {});
    assert.equal(x.code, 'InvalidSignatureException');
    assert.match(x.text, /signature we calculated does not match.*check the secret access key of profile "default"/);
    assert.equal(endpoint.requests[0].signatureValid, false);
  });

  it('tunnels through an HTTP proxy when one is given, or when the environment names one', async () => {
    const tunnels: string[] = [];
    const proxy: Server = createServer((socket) => {
      socket.once('data', (head) => {
        const target = /^CONNECT (\S+) HTTP/.exec(head.toString())?.[1];
        if (!target) return socket.destroy();
        tunnels.push(target);
        const [host, port] = target.split(':');
        const upstream = connect(Number(port), host, () => {
          socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(socket);
          socket.pipe(upstream);
        });
        upstream.on('error', () => socket.destroy());
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      sandbox.setEnv({ AWS_ACCESS_KEY_ID: main.accessKeyId, AWS_SECRET_ACCESS_KEY: main.secretAccessKey });
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
      await send({ region: 'us-east-1', endpointUrl: endpoint.url, proxy: { url: proxyUrl } });
      assert.deepEqual(tunnels, [`127.0.0.1:${endpoint.port}`]);
      assert.equal(endpoint.requests[0].signatureValid, true);
      // as the AWS CLI: HTTP_PROXY for an http: endpoint from the environment, unless NO_PROXY names the host
      sandbox.setEnv({ HTTP_PROXY: proxyUrl, NO_PROXY: 'example.com' });
      await send({ region: 'us-east-1', endpointUrl: endpoint.url });
      assert.equal(tunnels.length, 2, 'environment proxy used');
      sandbox.setEnv({ HTTP_PROXY: proxyUrl, NO_PROXY: 'localhost,127.0.0.1' });
      await send({ region: 'us-east-1', endpointUrl: endpoint.url });
      assert.equal(tunnels.length, 2, 'NO_PROXY bypasses the proxy');
      // VS Code's http.noProxy arrives with the proxy option
      sandbox.setEnv({ HTTP_PROXY: undefined, NO_PROXY: undefined });
      await send({ region: 'us-east-1', endpointUrl: endpoint.url, proxy: { url: proxyUrl, noProxy: ['127.0.0.1'] } });
      assert.equal(tunnels.length, 2, 'http.noProxy bypasses the proxy');
      assert.equal(endpoint.requests.length, 4);
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });

  it('never shows a credential value, whatever fails', async () => {
    sandbox.writeCredentials(credentialsIni('default', main));
    const texts: string[] = [];
    const { output } = await captureOutput(async () => {
      for (const fault of ['accessDenied', 'throttle', 'internal', 'expiredToken', 'reset'] as const) {
        endpoint.injectFault({ type: fault, times: fault === 'throttle' ? 3 : 1 });
        texts.push(
          explainAwsError(await failure(send({ region: 'us-east-1', endpointUrl: endpoint.url })), {
            profile: 'default',
          }).text,
        );
      }
      sandbox.setEnv({
        AWS_ACCESS_KEY_ID: main.accessKeyId,
        AWS_SECRET_ACCESS_KEY: other.secretAccessKey,
        AWS_SESSION_TOKEN: other.secretAccessKey,
      });
      texts.push(explainAwsError(await failure(send({ region: 'us-east-1', endpointUrl: endpoint.url })), {}).text);
      // a message that quotes credentials (as a misbehaving credential_process might) is redacted
      texts.push(
        explainAwsError(
          new Error(
            `process printed ${main.accessKeyId} ${main.secretAccessKey} aws_secret_access_key=${other.secretAccessKey}`,
          ),
          {},
        ).text,
      );
    });
    const everything = texts.join('\n') + output + JSON.stringify(endpoint.requests);
    for (const secret of [main.secretAccessKey, other.secretAccessKey])
      assert.ok(!everything.includes(secret), 'a secret key leaked');
    assert.ok(!(texts.join('\n') + output).includes(main.accessKeyId), 'an access key id leaked');
    assert.match(texts.at(-1)!, /process printed <access key id> <redacted> aws_secret_access_key=<redacted>/);
    assert.equal(
      redactCredentials('WorkflowId 0123456789abcdef0123456789abcdef'),
      'WorkflowId 0123456789abcdef0123456789abcdef',
    );
  });
});
