// An account whose answers would break a budget, through the real path (the local endpoint serving them, the
// provider, the engine): names longer than the request allows are dropped on arrival, a listing stops at its item
// budget and ACC-0 says so in one item, and typing a connection's name letter by letter asks nothing per prefix.
import * as assert from 'node:assert/strict';
import { AccountProvider, completeSnapshot, settled, snapshotFor } from '../../server/src/account';
import { parseWorkflow } from '../../server/src/engine/document';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { LISTING_BUDGET } from '../../server/src/aws/pages';
import { accountSeed, randomAccount, type AccountData } from '../endpoint/accountData.mjs';
import { fakeAwsKeys, startLocalEndpoint, type LocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { createSandbox, type Sandbox } from '../aws/support';
import { chooseFrom, cleanWorkflow, documentOf, flowOf, type Choice } from './support';

type Entity = AccountData['connectorProfiles'][number]['entities'][number];
const HUGE = 'N'.repeat(3 * 1024 * 1024);

describe('account answers within a budget (hostile sizes)', function () {
  this.timeout(60000);
  let endpoint: LocalEndpoint;
  let sandbox: Sandbox;
  let account: AccountData;
  let choice: Choice;
  let crowded: AccountData['connectorProfiles'][number];
  const providers: AccountProvider[] = [];
  const provider = () => {
    const p = new AccountProvider(
      { connection: { endpointUrl: endpoint.url, region: endpoint.region, timeoutMs: 20000 } },
      'test account',
    );
    providers.push(p);
    return p;
  };
  const sent = (operation: string) => endpoint.requests.filter((r) => r.operation === operation).length;
  const service = createWorkflowLanguageService({ now: () => new Date('2026-12-01T00:00:00Z') });

  before(async () => {
    const seed = accountSeed();
    console.log(`    [budget] account seed ${seed} (replay: ACCOUNT_SEED=${seed})`);
    account = randomAccount(seed);
    choice = chooseFrom(account);
    // two 3 MB names among the chosen object's fields and among the connection's objects
    // (each answer stays under the HTTP layer's 8 MB cap, which refuses a larger one whole)
    const field = { ...choice.entity.fields[0], identifier: `${HUGE}a`, label: 'huge' };
    choice.entity.fields.push(field, { ...field, identifier: `${HUGE}b` });
    choice.profile.entities.push({ ...choice.entity, name: `${HUGE}x`, label: 'huge', fields: [] });
    // a connection with more objects than a listing holds
    const template: Entity = { name: '', label: '', fields: [] } as unknown as Entity;
    crowded = { ...choice.profile, name: 'crowded-connection', entities: [] };
    for (let i = 0; i < LISTING_BUDGET.maxItems + 500; i++)
      crowded.entities.push({ ...template, name: `Object${i}`, label: `Object ${i}` });
    account.connectorProfiles.push(crowded);
    const keys = fakeAwsKeys();
    // pages of 100, as AppFlow and Customer Profiles give them
    endpoint = await startLocalEndpoint({
      account,
      pageSize: 100,
      credentials: { [keys.accessKeyId]: keys.secretAccessKey },
    });
    sandbox = createSandbox();
    sandbox.setEnv({ AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey });
  });
  after(async () => {
    for (const p of providers) p.dispose();
    sandbox?.restore();
    await endpoint?.stop();
  });
  beforeEach(() => {
    endpoint.requests.length = 0;
  });

  it('drops names longer than the request allows; a misspelt field is checked against the rest at once', async () => {
    const json = cleanWorkflow(account, choice);
    flowOf(json).Tasks[0].SourceFields.push(`${choice.sources[0]}_zz`);
    const doc = documentOf(json);
    const s = await completeSnapshot(provider(), doc);
    const fields = [...s.fields.values()][0]!;
    assert.ok(fields.length > 0);
    assert.ok(
      fields.every((f) => f.identifier.length <= 2048 && f.label.length <= 256),
      'no field name over 2048 characters, no label over 256',
    );
    const objects = s.entities.get(choice.profile.name)!;
    assert.ok(objects.every((e) => e.name.length <= 512));
    const started = process.hrtime.bigint();
    const diagnostics = service.validate(doc, {}, s);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`      validate ${ms.toFixed(1)} ms, diagnostics ${JSON.stringify(diagnostics).length} bytes`);
    const typo = diagnostics.find((d) => d.code === 'ACC-6')!;
    assert.ok(typo, 'the misspelt field is reported');
    assert.ok(typo.message.length < 2000, `a bounded message (${typo.message.length} characters)`);
    assert.ok(JSON.stringify(diagnostics).length < 200_000, 'the published diagnostics stay small');
  });

  it('a connection listing more objects than the budget: the first 50,000, and one ACC-0 item that says so', async () => {
    const json = cleanWorkflow(account, choice);
    const source = flowOf(json).SourceFlowConfig;
    source.ConnectorProfileName = crowded.name;
    const doc = documentOf(json);
    const s = await completeSnapshot(provider(), doc);
    assert.equal(s.entities.get(crowded.name)?.length, LISTING_BUDGET.maxItems);
    assert.match(
      s.unavailable ?? '',
      /AppFlow ListConnectorEntities listed more than 50,000 items; the checks use what fits/,
    );
    const acc0 = service.validate(doc, {}, s).filter((d) => d.code === 'ACC-0');
    assert.equal(acc0.length, 1);
  });

  it('typing ConnectorProfileName letter by letter asks for no connection objects or fields until the name is whole', async () => {
    const p = provider();
    const json = cleanWorkflow(account, choice);
    const name = choice.profile.name;
    // the lists first (as when the file was opened)
    await completeSnapshot(p, documentOf(json));
    endpoint.requests.length = 0;
    p.refresh();
    await completeSnapshot(p, documentOf(json));
    const whole = sent('ListConnectorEntities') + sent('DescribeConnectorEntity');
    endpoint.requests.length = 0;
    for (let n = 1; n < name.length; n++) {
      flowOf(json).SourceFlowConfig.ConnectorProfileName = name.slice(0, n);
      snapshotFor(p, parseWorkflow(documentOf(json)));
      await settled(p);
    }
    const prefix = name.slice(0, -1);
    assert.equal(
      sent('ListConnectorEntities') + sent('DescribeConnectorEntity'),
      0,
      `no request for the ${name.length - 1} prefixes ("${prefix[0]}" … "${prefix}")`,
    );
    assert.ok(whole >= 2, 'the whole name asks for its objects and fields');
  });
});
