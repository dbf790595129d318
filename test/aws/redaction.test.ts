// What may be shown, logged or stored of a URL or an error: no user:password, key, secret or session token.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { explainAwsError, redactCredentials } from '../../server/src/aws';
import { fakeAwsKeys } from '../endpoint/customerProfilesEndpoint.mjs';

describe('credential redaction', () => {
  it('an error about an endpoint URL with a user name and password names the endpoint without them', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const x = explainAwsError(refused, {
      operation: 'CreateIntegrationWorkflow',
      endpointUrl: 'http://admin:s3cretPass@127.0.0.1:9',
    });
    assert.equal(x.code, 'ConnectionRefused');
    assert.match(x.text, /Could not connect to http:\/\/127\.0\.0\.1:9: connection refused/);
    assert.ok(!/s3cretPass|admin/.test(x.text + x.advice), x.text);
  });

  it('removes session tokens (long base64) and secret keys, but keeps workflow ids and ordinary words', () => {
    const token = randomBytes(300).toString('base64');
    const secret = randomBytes(30).toString('base64');
    const out = redactCredentials(`token ${token} secret ${secret} workflow 0123456789abcdef0123456789abcdef`, {});
    assert.equal(out, 'token <redacted> secret <redacted> workflow 0123456789abcdef0123456789abcdef');
  });

  it("removes the environment's own credential values whatever their shape", () => {
    const env = { AWS_SECRET_ACCESS_KEY: 'not-forty-chars-but-secret', AWS_SESSION_TOKEN: 'tok-short-123' };
    assert.equal(
      redactCredentials('sent not-forty-chars-but-secret and tok-short-123', env),
      'sent <redacted> and <redacted>',
    );
  });

  it('the fake keys every test and the demo use are shaped like real ones, and both are redacted', () => {
    const keys = fakeAwsKeys();
    assert.match(keys.accessKeyId, /^AKIA[A-Z2-7]{16}$/);
    assert.equal(keys.secretAccessKey.length, 40);
    assert.equal(redactCredentials(`${keys.accessKeyId} ${keys.secretAccessKey}`, {}), '<access key id> <redacted>');
  });
});
