// The local endpoint stands for AWS in the demo and the tests, so it is as strict as AWS about who signed what.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';
import { fakeAwsKeys, startLocalEndpoint, type LocalEndpoint } from './customerProfilesEndpoint.mjs';

const keys = fakeAwsKeys();
const PATH = '/domains/demo-domain/workflows';

async function signed(body: string, options: { date?: Date; claimedHash?: string } = {}) {
  const signer = new SignatureV4({
    service: 'profile',
    region: 'us-east-1',
    credentials: keys,
    sha256: Hash.bind(null, 'sha256'),
  });
  const headers: Record<string, string> = { host: '127.0.0.1', 'content-type': 'application/json' };
  if (options.claimedHash) headers['x-amz-content-sha256'] = options.claimedHash;
  const req = await signer.sign(
    { method: 'POST', protocol: 'http:', hostname: '127.0.0.1', path: PATH, headers, body },
    { signingDate: options.date ?? new Date() },
  );
  return req.headers;
}

function send(endpoint: LocalEndpoint, headers: Record<string, string>, body: string | Buffer) {
  return new Promise<{ status: number; type: string; message: string }>((resolve, reject) => {
    const req = request(`${endpoint.url}${PATH}`, { method: 'POST', headers, timeout: 10000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['x-amzn-errortype'] ?? '').split(':')[0],
          message: text ? (JSON.parse(text).Message ?? '') : '',
        });
      });
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

describe('the local endpoint is as strict as AWS', () => {
  let endpoint: LocalEndpoint;
  before(async () => {
    endpoint = await startLocalEndpoint({ credentials: { [keys.accessKeyId]: keys.secretAccessKey } });
  });
  after(() => endpoint.stop());

  it('answers a correctly signed request', async () => {
    const body = '{}';
    const res = await send(endpoint, await signed(body), body);
    assert.equal(res.status, 200);
    assert.deepEqual(endpoint.requests.at(-1)?.json, {});
  });

  it('hashes the body itself: a body swapped under a claimed x-amz-content-sha256 is refused', async () => {
    const original = '{"MaxResults":1}';
    const claimedHash = createHash('sha256').update(original).digest('hex');
    const headers = await signed(original, { claimedHash });
    const res = await send(endpoint, headers, '{"MaxResults":99}');
    assert.equal(res.type, 'InvalidSignatureException');
    assert.equal(endpoint.requests.at(-1)?.signatureValid, false);
    assert.equal(endpoint.requests.at(-1)?.json, undefined, 'the body of a refused request is not kept');
  });

  it('refuses a request signed more than 5 minutes off the clock, either way', async () => {
    for (const offset of [-6 * 60_000, 6 * 60_000, -25 * 365 * 86_400_000]) {
      const body = '{}';
      const res = await send(endpoint, await signed(body, { date: new Date(Date.now() + offset) }), body);
      assert.equal(res.status, 403, `offset ${offset}`);
      assert.equal(res.type, 'InvalidSignatureException');
      assert.match(res.message, offset < 0 ? /Signature expired/ : /Signature not yet current/);
    }
    const res = await send(endpoint, await signed('{}', { date: new Date(Date.now() - 4 * 60_000) }), '{}');
    assert.equal(res.status, 200, 'within 5 minutes is fine');
  });

  it('does not read a body over the size limit', async () => {
    const small = await startLocalEndpoint({ maxBodyBytes: 1024 });
    try {
      const body = Buffer.alloc(64 * 1024, 'a');
      const res = await send(small, { 'content-type': 'application/json' }, body);
      assert.equal(res.status, 413);
      assert.equal(small.requests.length, 0, 'nothing recorded');
    } finally {
      await small.stop();
    }
  });
});
