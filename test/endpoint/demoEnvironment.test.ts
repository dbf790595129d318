// The demo (npm start) and the test editor get the fake keys and nothing of the developer's own AWS settings.
import * as assert from 'node:assert/strict';

type Env = Record<string, string | undefined>;
// plain CommonJS helpers shared with scripts/start.mjs (bundled by esbuild like the sources)
const codeServer = require('../vscode/code-server.js') as { codeServerEnv(home: { env: Env }, extra: Env): Env };
const fakeAws = require('../vscode/fake-aws.js') as {
  fakeAwsKeys(): { accessKeyId: string; secretAccessKey: string };
  awsEnvFor(keys: { accessKeyId: string; secretAccessKey: string }, region: string): Env;
};

describe('the editor environment of the demo and the extension-host tests', () => {
  const saved = { ...process.env };
  after(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  it("keeps the fake keys and drops the developer's own AWS_* variables", () => {
    Object.assign(process.env, {
      AWS_PROFILE: 'my-work',
      AWS_SESSION_TOKEN: 'my-token',
      AWS_ENDPOINT_URL: 'https://127.0.0.1:9/the-users-own-endpoint',
    });
    const keys = fakeAws.fakeAwsKeys();
    const home = { env: { HOME: '/tmp/h' } };
    const env = codeServer.codeServerEnv(home, fakeAws.awsEnvFor(keys, 'us-east-1'));
    assert.equal(env.AWS_ACCESS_KEY_ID, keys.accessKeyId);
    assert.equal(env.AWS_REGION, 'us-east-1');
    for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL'])
      assert.equal(env[name], undefined, name);
    assert.equal(env.PATH, process.env.PATH, 'the rest of the environment stays');
  });
});
