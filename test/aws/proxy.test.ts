// Which requests go through the proxy: NO_PROXY (and VS Code's http.noProxy) entries with wildcards and ports, read
// by proxy-from-env.
import * as assert from 'node:assert/strict';

import { proxyFor } from '../../server/src/aws/client';

const PROXY = 'http://proxy.example:3128';
const AWS_ENDPOINT = 'https://profile.us-east-1.amazonaws.com';

describe('proxy: NO_PROXY and http.noProxy', () => {
  it('NO_PROXY=*.amazonaws.com reaches AWS directly, other hosts through the proxy', () => {
    const env = { HTTPS_PROXY: PROXY, NO_PROXY: '*.amazonaws.com' };
    assert.equal(proxyFor(AWS_ENDPOINT, undefined, env), undefined);
    assert.equal(proxyFor('https://example.com', undefined, env)?.url, PROXY);
  });

  it('NO_PROXY=127.0.0.1:9999 bypasses the proxy on port 9999 only', () => {
    const env = { HTTP_PROXY: PROXY, NO_PROXY: '127.0.0.1:9999' };
    assert.equal(proxyFor('http://127.0.0.1:9999', undefined, env), undefined);
    assert.equal(proxyFor('http://127.0.0.1:8080', undefined, env)?.url, PROXY);
  });

  it('NO_PROXY=* reaches every host directly', () => {
    const env = { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY, NO_PROXY: '*' };
    assert.equal(proxyFor(AWS_ENDPOINT, undefined, env), undefined);
    assert.equal(proxyFor('http://127.0.0.1:8080', undefined, env), undefined);
  });

  it('ignores ALL_PROXY, as the AWS CLI does', () => {
    assert.equal(proxyFor(AWS_ENDPOINT, undefined, { ALL_PROXY: 'socks5://127.0.0.1:1080' }), undefined);
    assert.equal(proxyFor(AWS_ENDPOINT, undefined, { all_proxy: PROXY, HTTPS_PROXY: PROXY })?.url, PROXY);
  });

  it("VS Code's http.noProxy entries match the same way, and the setting wins over the environment", () => {
    const setting = { url: PROXY, strictSSL: false, noProxy: ['*.amazonaws.com', '127.0.0.1:9999'] };
    const env = { HTTPS_PROXY: 'http://other.example:8080', NO_PROXY: '*' };
    assert.equal(proxyFor(AWS_ENDPOINT, setting, env), undefined);
    assert.equal(proxyFor('http://127.0.0.1:9999', setting, env), undefined);
    assert.deepEqual(proxyFor('http://127.0.0.1:8080', setting, env), { ...setting, url: PROXY });
  });
});
