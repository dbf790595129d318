// The local account endpoint speaks both services' wire protocols: each operation answers with its own signing
// name only, every list pages, and DescribeFlow returns a whole flow. Data from a random seed (logged; replay it
// with ACCOUNT_SEED=<n>): expectations come from the data, never from names chosen here.
import * as assert from 'node:assert/strict';
import {
  AppflowClient,
  DescribeConnectorEntityCommand,
  DescribeFlowCommand,
  type ConnectorType,
  ListConnectorEntitiesCommand,
  paginateDescribeConnectorProfiles,
  paginateListFlows,
} from '@aws-sdk/client-appflow';
import {
  CustomerProfilesClient,
  GetProfileObjectTypeCommand,
  GetProfileObjectTypeTemplateCommand,
  ListDomainsCommand,
  ListProfileObjectTypesCommand,
  ListProfileObjectTypeTemplatesCommand,
} from '@aws-sdk/client-customer-profiles';
import { fakeAwsKeys, startLocalEndpoint, type LocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { accountSeed, randomAccount, type AccountData } from '../endpoint/accountData.mjs';

describe('local account endpoint (Customer Profiles + AppFlow on one port)', () => {
  const seed = accountSeed();
  let endpoint: LocalEndpoint;
  let account: AccountData;
  let appflow: AppflowClient;
  let profiles: CustomerProfilesClient;
  const keys = fakeAwsKeys();

  before(async () => {
    console.log(`    account seed ${seed} (replay: ACCOUNT_SEED=${seed})`);
    account = randomAccount(seed);
    endpoint = await startLocalEndpoint({ account, credentials: { [keys.accessKeyId]: keys.secretAccessKey } });
    const config = { region: endpoint.region, endpoint: endpoint.url, credentials: keys, maxAttempts: 1 };
    appflow = new AppflowClient(config);
    profiles = new CustomerProfilesClient(config);
  });
  after(async () => {
    appflow?.destroy();
    profiles?.destroy();
    await endpoint?.stop();
  });

  it('lists every connector profile across pages, and filters by connector type', async () => {
    const names: string[] = [];
    for await (const page of paginateDescribeConnectorProfiles({ client: appflow }, {}))
      names.push(...(page.connectorProfileDetails ?? []).map((p) => `${p.connectorProfileName}:${p.connectorType}`));
    assert.deepEqual(
      names,
      account.connectorProfiles.map((p) => `${p.name}:${p.connectorType}`),
    );
    const pages = endpoint.requests.filter((r) => r.operation === 'DescribeConnectorProfiles').length;
    assert.ok(pages > 1, `more than one page (${pages})`);
    const type = account.connectorProfiles[0].connectorType as ConnectorType;
    const ofType: string[] = [];
    for await (const page of paginateDescribeConnectorProfiles({ client: appflow }, { connectorType: type }))
      ofType.push(...(page.connectorProfileDetails ?? []).map((p) => p.connectorProfileName ?? ''));
    assert.deepEqual(
      ofType,
      account.connectorProfiles.filter((p) => p.connectorType === type).map((p) => p.name),
    );
  });

  it('pages entities and describes each field with type, operators, key and incremental flags', async () => {
    const profile = account.connectorProfiles[account.connectorProfiles.length - 1];
    const entities: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await appflow.send(
        new ListConnectorEntitiesCommand({ connectorProfileName: profile.name, nextToken }),
      );
      entities.push(...Object.values(page.connectorEntityMap ?? {}).flatMap((list) => list.map((e) => e.name ?? '')));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.deepEqual(
      entities,
      profile.entities.map((e) => e.name),
    );
    const entity = profile.entities[profile.entities.length - 1];
    const described = await appflow.send(
      new DescribeConnectorEntityCommand({ connectorProfileName: profile.name, connectorEntityName: entity.name }),
    );
    assert.deepEqual(
      described.connectorEntityFields?.map((x) => ({
        identifier: x.identifier,
        fieldType: x.supportedFieldTypeDetails?.v1?.fieldType,
        filterOperators: x.supportedFieldTypeDetails?.v1?.filterOperators,
        isPrimaryKey: x.isPrimaryKey,
        incremental: x.sourceProperties?.isTimestampFieldForIncrementalQueries,
      })),
      entity.fields.map((x) => ({
        identifier: x.identifier,
        fieldType: x.fieldType,
        filterOperators: x.filterOperators,
        isPrimaryKey: x.isPrimaryKey,
        incremental: x.incremental,
      })),
    );
  });

  it('lists every flow across pages and describes one whole (source, tasks, trigger, epoch timestamps)', async () => {
    const names: string[] = [];
    for await (const page of paginateListFlows({ client: appflow }, {}))
      names.push(...(page.flows ?? []).map((f) => f.flowName ?? ''));
    assert.deepEqual(
      names,
      account.flows.map((f) => f.flowName),
    );
    const flow = account.flows[account.flows.length - 1];
    const described = await appflow.send(new DescribeFlowCommand({ flowName: flow.flowName }));
    assert.equal(described.sourceFlowConfig?.connectorProfileName, flow.sourceFlowConfig.connectorProfileName);
    assert.equal(described.tasks?.length, flow.tasks.length);
    assert.equal(described.tasks?.[0].taskType, 'Filter');
    assert.equal(described.triggerConfig?.triggerType, 'Scheduled');
    assert.equal(described.createdAt?.getTime(), flow.createdAt * 1000);
  });

  it('pages domains, object types and templates, and returns Fields and Keys', async () => {
    const domains: string[] = [];
    let token: string | undefined;
    do {
      const page = await profiles.send(new ListDomainsCommand({ NextToken: token, MaxResults: 1 }));
      domains.push(...(page.Items ?? []).map((d) => d.DomainName ?? ''));
      token = page.NextToken;
    } while (token);
    assert.deepEqual(domains, Object.keys(account.domains));
    const domain = domains[domains.length - 1];
    const types: string[] = [];
    do {
      const page = await profiles.send(new ListProfileObjectTypesCommand({ DomainName: domain, NextToken: token }));
      types.push(...(page.Items ?? []).map((t) => t.ObjectTypeName ?? ''));
      token = page.NextToken;
    } while (token);
    assert.deepEqual(types, Object.keys(account.domains[domain].objectTypes));
    const type = await profiles.send(new GetProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: types[0] }));
    assert.deepEqual(type.Keys, account.domains[domain].objectTypes[types[0]].Keys);
    assert.deepEqual(type.Fields, account.domains[domain].objectTypes[types[0]].Fields);
    const templates: string[] = [];
    do {
      const page = await profiles.send(new ListProfileObjectTypeTemplatesCommand({ NextToken: token }));
      templates.push(...(page.Items ?? []).map((t) => t.TemplateId ?? ''));
      token = page.NextToken;
    } while (token);
    assert.deepEqual(templates, Object.keys(account.templates));
    const template = await profiles.send(new GetProfileObjectTypeTemplateCommand({ TemplateId: templates[0] }));
    assert.equal(template.SourceObject, account.templates[templates[0]].SourceObject);
  });

  it('rejects an AppFlow call signed as "profile" and a Customer Profiles call signed as "appflow"', async () => {
    const config = { region: endpoint.region, endpoint: endpoint.url, credentials: keys, maxAttempts: 1 };
    const wrongAppflow = new AppflowClient({ ...config, signingName: 'profile' } as never);
    const wrongProfiles = new CustomerProfilesClient({ ...config, signingName: 'appflow' } as never);
    try {
      await assert.rejects(
        wrongAppflow.send(new DescribeFlowCommand({ flowName: account.flows[0].flowName })),
        (err: Error) => err.name === 'InvalidSignatureException' && /'appflow'/.test(err.message),
      );
      await assert.rejects(
        wrongProfiles.send(new ListDomainsCommand({})),
        (err: Error) => err.name === 'InvalidSignatureException' && /'profile'/.test(err.message),
      );
    } finally {
      wrongAppflow.destroy();
      wrongProfiles.destroy();
    }
  });
});
