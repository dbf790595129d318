// The account provider against the local endpoint: every page followed, one request per fact however many ask,
// a cache hit sends nothing, TTL and refresh, bounded concurrency, and an account that is down, slow, throttling or
// denies access becomes one clear sentence, asked again only after a back-off (never in a loop).
import * as assert from 'node:assert/strict';
import { AccountProvider, AccountProviders, completeSnapshot, settled } from '../../server/src/account';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFailure } from '../../server/src/account/provider';
import { accountNeeds, emptyAccountSnapshot } from '../../server/src/engine/accountSnapshot';
import { parseWorkflow } from '../../server/src/engine/document';
import { chooseFrom, cleanWorkflow, documentOf, startAccount, type AccountFixture } from './support';

describe('account provider (cache, de-duplication, failures)', function () {
  this.timeout(20000);
  let fx: AccountFixture;
  let clock = 1_000_000;
  const providers: AccountProvider[] = [];
  const provider = (over: Partial<ConstructorParameters<typeof AccountProvider>[0]> = {}) => {
    const p = new AccountProvider({ connection: fx.connection, now: () => clock, ...over }, 'test account');
    providers.push(p);
    return p;
  };
  const sent = (operation?: string) =>
    fx.endpoint.requests.filter((r) => !operation || r.operation === operation).length;

  before(async () => {
    fx = await startAccount('provider');
  });
  after(async () => {
    for (const p of providers) p.dispose();
    await fx?.stop();
  });
  beforeEach(() => {
    fx.endpoint.requests.length = 0;
    fx.endpoint.clearFaults();
  });

  it('follows every page and answers the facts a document needs', async () => {
    const choice = chooseFrom(fx.account);
    const doc = documentOf(cleanWorkflow(fx.account, choice));
    const s = await completeSnapshot(provider(), doc);
    assert.equal(s.unavailable, undefined);
    assert.deepEqual(
      s.connectorProfiles?.map((p) => p.name),
      fx.account.connectorProfiles.map((p) => p.name),
    );
    assert.ok(sent('DescribeConnectorProfiles') > 1, 'more than one page of connector profiles');
    assert.deepEqual(s.domains, Object.keys(fx.account.domains));
    assert.deepEqual(s.objectTypeNames.get(choice.domain), Object.keys(fx.account.domains[choice.domain].objectTypes));
    assert.deepEqual(
      s.entities.get(choice.profile.name)?.map((e) => e.name),
      choice.profile.entities.map((e) => e.name),
    );
    assert.deepEqual(
      [...s.fields.values()][0]?.map((f) => f.identifier),
      choice.entity.fields.map((f) => f.identifier),
    );
    assert.deepEqual(
      s.flowNames,
      fx.account.flows.map((f) => f.flowName),
    );
  });

  it('sends one request per fact however many files ask, and none on a cache hit', async () => {
    const p = provider();
    const docs = [1, 2, 3].map((i) =>
      parseWorkflow(documentOf(cleanWorkflow(fx.account), `file:///f${i}.cpworkflow.json`)),
    );
    for (const d of docs) p.snapshot(accountNeeds(d, emptyAccountSnapshot()));
    await settled(p);
    const pages = Math.ceil(fx.account.connectorProfiles.length / 2);
    assert.equal(sent('DescribeConnectorProfiles'), pages, 'one listing, however many files');
    assert.equal(sent('ListFlows'), Math.ceil(fx.account.flows.length / 2));
    const before = sent();
    const s = p.snapshot(accountNeeds(docs[0], emptyAccountSnapshot()));
    assert.equal(s.pending, false);
    assert.ok(s.connectorProfiles?.length);
    assert.equal(sent(), before, 'a cache hit sends no request');
  });

  it('asks again once the TTL has passed, and on refresh', async () => {
    const p = provider({ ttlMs: 60_000 });
    const need = [{ kind: 'flows' as const }];
    p.snapshot(need);
    await settled(p);
    assert.equal(sent('ListFlows'), Math.ceil(fx.account.flows.length / 2));
    clock += 59_000;
    p.snapshot(need);
    assert.equal(p.busy, false, 'still fresh');
    clock += 2_000;
    const stale = p.snapshot(need);
    assert.deepEqual(
      stale.flowNames,
      fx.account.flows.map((f) => f.flowName),
      'a stale fact answers meanwhile',
    );
    await settled(p);
    assert.equal(sent('ListFlows'), 2 * Math.ceil(fx.account.flows.length / 2));
    p.refresh();
    p.snapshot(need);
    await settled(p);
    assert.equal(sent('ListFlows'), 3 * Math.ceil(fx.account.flows.length / 2));
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    fx.endpoint.injectFault({ type: 'slow', delayMs: 120, times: 50 });
    const p = provider({ concurrency: 2 });
    const needs = fx.account.connectorProfiles.map((c) => ({ kind: 'entities' as const, profile: c.name }));
    let most = 0;
    const timer = setInterval(() => {
      most = Math.max(most, fx.endpoint.requests.filter((r) => r.status === undefined).length);
    }, 10);
    p.snapshot(needs);
    await settled(p);
    clearInterval(timer);
    assert.ok(most >= 1 && most <= 2, `at most 2 at once (saw ${most})`);
    assert.equal(sent('ListConnectorEntities') >= needs.length, true);
  });

  it('an endpoint that is down: one sentence, and not asked again before the back-off ends', async () => {
    const p = provider({ connection: { ...fx.connection, endpointUrl: 'http://127.0.0.1:9' } });
    p.snapshot([{ kind: 'domains' }]);
    await settled(p);
    const s = p.snapshot([{ kind: 'domains' }]);
    assert.match(
      s.unavailable ?? '',
      /^Can't reach http:\/\/127\.0\.0\.1:9 \(connection refused\): trying again in 30 s\.$/,
    );
    assert.equal(p.busy, false, 'no retry loop');
    assert.equal(p.requestsStarted, 1);
    clock += 31_000;
    p.snapshot([{ kind: 'domains' }]);
    assert.equal(p.requestsStarted, 2, 'asked again after the back-off');
    await settled(p);
  });

  it('an endpoint slower than the timeout: "no answer in time"', async () => {
    fx.endpoint.injectFault({ type: 'slow', delayMs: 3000, operation: 'ListFlows' });
    const p = provider({ connection: { ...fx.connection, timeoutMs: 300 } });
    const started = Date.now();
    p.snapshot([{ kind: 'flows' }]);
    await settled(p);
    assert.ok(Date.now() - started < 2500, 'gave up at the timeout');
    assert.match(
      p.snapshot([{ kind: 'flows' }]).unavailable ?? '',
      /^AppFlow ListFlows got no answer in time: trying again in 30 s\.$/,
    );
  });

  it('throttling: one request (no SDK retries), then a doubling back-off', async () => {
    fx.endpoint.injectFault({ type: 'throttle', operation: 'ListDomains', times: 2 });
    const p = provider();
    p.snapshot([{ kind: 'domains' }]);
    await settled(p);
    assert.equal(sent('ListDomains'), 1, 'no retry in a loop');
    assert.match(
      p.snapshot([{ kind: 'domains' }]).unavailable ?? '',
      /^Customer Profiles ListDomains was throttled: trying again in 2 s\.$/,
    );
    clock += 2_100;
    p.snapshot([{ kind: 'domains' }]);
    await settled(p);
    assert.equal(sent('ListDomains'), 2);
    assert.match(p.snapshot([{ kind: 'domains' }]).unavailable ?? '', /trying again in 4 s\.$/);
    clock += 4_100;
    p.snapshot([{ kind: 'domains' }]);
    await settled(p);
    const s = p.snapshot([{ kind: 'domains' }]);
    assert.equal(s.unavailable, undefined);
    assert.deepEqual(s.domains, Object.keys(fx.account.domains));
  });

  it('names the profile\'s own region once it is read, not "default region"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpw-region-'));
    try {
      const config = join(dir, 'config');
      writeFileSync(config, '[profile regional]\nregion = eu-west-3\n');
      fx.sandbox.setEnv({ AWS_CONFIG_FILE: config, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined });
      const all = new AccountProviders();
      const p = all.providerFor({ profile: 'regional', endpointUrl: fx.endpoint.url, timeoutMs: 2000 });
      assert.equal(p.label, 'profile regional, default region');
      p.snapshot([{ kind: 'domains' }]);
      await settled(p);
      assert.equal(p.label, 'profile regional, eu-west-3');
      all.dispose();
    } finally {
      fx.sandbox.setEnv({ AWS_CONFIG_FILE: undefined });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('access denied: says so, names the call, and other facts still arrive', async () => {
    fx.endpoint.injectFault({ type: 'accessDenied', operation: 'DescribeConnectorProfiles' });
    const p = provider();
    p.snapshot([{ kind: 'connectorProfiles' }, { kind: 'flows' }]);
    await settled(p);
    const s = p.snapshot([{ kind: 'connectorProfiles' }, { kind: 'flows' }]);
    assert.match(
      s.unavailable ?? '',
      /AppFlow DescribeConnectorProfiles: access denied \(User: .* is not authorized .*\): trying again in 30 s\.$/,
    );
    assert.equal(s.connectorProfiles, undefined);
    assert.deepEqual(
      s.flowNames,
      fx.account.flows.map((f) => f.flowName),
    );
  });

  it('AWS_ENDPOINT_URL_APPFLOW and AWS_ENDPOINT_URL_CUSTOMER_PROFILES send each service to its own endpoint', async () => {
    const region = fx.connection.region;
    try {
      // AppFlow's own variable points at a dead port, Customer Profiles' (and the shared one) at the endpoint
      fx.sandbox.setEnv({
        AWS_ENDPOINT_URL: fx.endpoint.url,
        AWS_ENDPOINT_URL_CUSTOMER_PROFILES: fx.endpoint.url,
        AWS_ENDPOINT_URL_APPFLOW: 'http://127.0.0.1:9',
      });
      const p = provider({ connection: { region, timeoutMs: 2000 } });
      p.snapshot([{ kind: 'domains' }, { kind: 'flows' }]);
      await settled(p);
      const s = p.snapshot([{ kind: 'domains' }, { kind: 'flows' }]);
      assert.deepEqual(s.domains, Object.keys(fx.account.domains));
      assert.equal(s.flowNames, undefined);
      assert.match(s.unavailable ?? '', /Can't reach .* \(connection refused\)/);
      // and the other way round
      fx.sandbox.setEnv({
        AWS_ENDPOINT_URL_CUSTOMER_PROFILES: 'http://127.0.0.1:9',
        AWS_ENDPOINT_URL_APPFLOW: undefined,
      });
      const q = provider({ connection: { region, timeoutMs: 2000 } });
      q.snapshot([{ kind: 'domains' }, { kind: 'flows' }]);
      await settled(q);
      const t = q.snapshot([{ kind: 'domains' }, { kind: 'flows' }]);
      assert.deepEqual(
        t.flowNames,
        fx.account.flows.map((f) => f.flowName),
        'AWS_ENDPOINT_URL for AppFlow',
      );
      assert.match(t.unavailable ?? '', /Can't reach .* \(connection refused\)/);
    } finally {
      fx.sandbox.setEnv({
        AWS_ENDPOINT_URL: undefined,
        AWS_ENDPOINT_URL_CUSTOMER_PROFILES: undefined,
        AWS_ENDPOINT_URL_APPFLOW: undefined,
      });
    }
  });
});

describe('what an account failure says', () => {
  it('one sentence without the SDK hint for developers', () => {
    const err = Object.assign(
      new Error(
        'Unexpected token < in JSON at position 0\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.',
      ),
      { name: 'SyntaxError' },
    );
    const said = describeFailure(err, { kind: 'domains' } as never, 30_000);
    assert.doesNotMatch(said, /Deserialization error|\$response|hidden field/);
    assert.match(said, /Unexpected token < in JSON at position 0\): trying again in 30 s\.$/);
    assert.doesNotMatch(said, /Refresh Account/);
    assert.doesNotMatch(said, /\n/);
  });
});
