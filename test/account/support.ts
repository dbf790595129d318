// Account tests run against an account nobody chose: randomAccount(seed), the seed logged (replay with
// ACCOUNT_SEED=<n>). A clean workflow file is derived from the data (an object type, the entity whose fields it
// reads, a connection of that entity); each test breaks it in one way and derives what it expects from the data.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { accountSeed, connectorKey, randomAccount, type AccountData } from '../endpoint/accountData.mjs';
import { fakeAwsKeys, startLocalEndpoint, type LocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { createSandbox, type Sandbox } from '../aws/support';

export interface AccountFixture {
  seed: number;
  account: AccountData;
  endpoint: LocalEndpoint;
  sandbox: Sandbox;
  /** connection options for the provider: the endpoint, its region, the sandbox's keys */
  connection: { endpointUrl: string; region: string; timeoutMs: number };
  stop(): Promise<void>;
}

export async function startAccount(label: string): Promise<AccountFixture> {
  const seed = accountSeed();
  console.log(`    [${label}] account seed ${seed} (replay: ACCOUNT_SEED=${seed})`);
  const account = randomAccount(seed);
  const keys = fakeAwsKeys();
  const endpoint = await startLocalEndpoint({ account, credentials: { [keys.accessKeyId]: keys.secretAccessKey } });
  const sandbox = createSandbox();
  sandbox.setEnv({ AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey });
  return {
    seed,
    account,
    endpoint,
    sandbox,
    connection: { endpointUrl: endpoint.url, region: endpoint.region, timeoutMs: 5000 },
    async stop() {
      sandbox.restore();
      await endpoint.stop();
    },
  };
}

/** The pieces of the account a clean file is made of. */
export interface Choice {
  domain: string;
  objectType: string;
  profile: AccountData['connectorProfiles'][number];
  entity: AccountData['connectorProfiles'][number]['entities'][number];
  /** X of every `_source.X` the object type reads */
  sources: string[];
  /** the source names its Keys read */
  keySources: string[];
}

/**
 * An object type and a connection whose entity has every field the object type reads, with at least two fields (so
 * that one is not a key): the checks that need two fields, or a field no key reads, run on every seed.
 */
export function chooseFrom(account: AccountData): Choice {
  for (const [domain, d] of Object.entries(account.domains))
    for (const [objectType, t] of Object.entries(d.objectTypes)) {
      const sources = Object.values(t.Fields).map((f) => f.Source.replace(/^_source\./, ''));
      const keySources = Object.values(t.Keys)
        .flat()
        .flatMap((k) => k.FieldNames.map((n) => t.Fields[n].Source.replace(/^_source\./, '')));
      for (const profile of account.connectorProfiles)
        for (const entity of profile.entities)
          if (
            sources.length >= 2 &&
            sources.some((s) => !keySources.includes(s)) &&
            sources.every((s) => entity.fields.some((f) => f.identifier === s))
          )
            return { domain, objectType, profile, entity, sources, keySources: [...new Set(keySources)] };
    }
  throw new Error('the random account has no object type of two or more fields, one not a key, that one entity has');
}

/** A flow name the account does not have. */
export const freeFlowName = (account: AccountData) => {
  for (let i = 1; ; i++) if (!account.flows.some((f) => f.flowName === `cp-test-flow-${i}`)) return `cp-test-flow-${i}`;
};

export interface TaskJson {
  TaskType: string;
  ConnectorOperator: Record<string, string>;
  SourceFields: string[];
  DestinationField?: string;
  TaskProperties?: Record<string, string>;
}

/** A workflow that the account finds nothing wrong with: project and map every field the object type reads. */
export function cleanWorkflow(account: AccountData, c: Choice = chooseFrom(account)) {
  const key = connectorKey(c.profile.connectorType);
  const incremental = c.entity.fields.find((f) => f.incremental);
  const fields = [...c.sources];
  return {
    DomainName: c.domain,
    WorkflowType: 'APPFLOW_INTEGRATION',
    IntegrationConfig: {
      AppflowIntegration: {
        FlowDefinition: {
          FlowName: freeFlowName(account),
          KmsArn: 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555',
          SourceFlowConfig: {
            ConnectorProfileName: c.profile.name,
            ConnectorType: c.profile.connectorType,
            ...(incremental ? { IncrementalPullConfig: { DatetimeTypeFieldName: incremental.identifier } } : {}),
            SourceConnectorProperties: { [key]: { Object: c.entity.name } },
          },
          Tasks: <TaskJson[]>[
            { TaskType: 'Filter', ConnectorOperator: { [key]: 'PROJECTION' }, SourceFields: fields },
            ...fields.map((f) => ({
              TaskType: 'Map',
              ConnectorOperator: { [key]: 'NO_OP' },
              SourceFields: [f],
              DestinationField: f,
              TaskProperties: {},
            })),
          ],
          TriggerConfig: {
            TriggerType: 'Scheduled',
            TriggerProperties: {
              Scheduled: {
                ScheduleExpression: 'rate(1days)',
                DataPullMode: incremental ? 'Incremental' : 'Complete',
                ScheduleStartTime: 4102444800,
              },
            },
          },
        },
      },
    },
    ObjectTypeName: c.objectType,
    RoleArn: 'arn:aws:iam::123456789012:role/CustomerProfilesWorkflowRole',
  };
}

export type WorkflowJson = ReturnType<typeof cleanWorkflow>;

export const documentOf = (json: unknown, uri = 'file:///test/account.cpworkflow.json') =>
  TextDocument.create(uri, 'cpworkflow', 1, JSON.stringify(json, null, 2));

export const flowOf = (w: WorkflowJson) => w.IntegrationConfig.AppflowIntegration.FlowDefinition;
