// An AppFlow flow (DescribeFlow's answer, as the SDK returns it) becomes a CreateIntegrationWorkflow file: source,
// tasks and trigger kept, AppFlow-only members dropped and named, the destination left to Customer Profiles.
import * as assert from 'node:assert/strict';
import { FlowImportError, prepareSubmission, workflowFromFlow } from '../../server/src/aws';

const described = () => ({
  $metadata: { httpStatusCode: 200, requestId: 'r-1' },
  flowArn: 'arn:aws:appflow:us-east-1:111122223333:flow/sf-accounts',
  description: 'Accounts from Salesforce',
  flowName: 'sf-accounts',
  kmsArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  flowStatus: 'Active',
  sourceFlowConfig: {
    connectorType: 'Salesforce',
    apiVersion: 'v58.0',
    connectorProfileName: 'salesforce-prod',
    sourceConnectorProperties: {
      Salesforce: { object: 'Account', enableDynamicFieldUpdate: false, dataTransferApi: 'AUTOMATIC' },
    },
    incrementalPullConfig: { datetimeTypeFieldName: 'LastModifiedDate' },
  },
  destinationFlowConfigList: [
    { connectorType: 'S3', destinationConnectorProperties: { S3: { bucketName: 'somewhere' } } },
  ],
  tasks: [
    {
      sourceFields: ['Id', 'Name'],
      connectorOperator: { Salesforce: 'PROJECTION' },
      taskType: 'Filter',
      taskProperties: {},
    },
    {
      sourceFields: ['Id'],
      connectorOperator: { Salesforce: 'NO_OP' },
      destinationField: 'Id',
      taskType: 'Map',
      taskProperties: { DESTINATION_DATA_TYPE: 'id', SOURCE_DATA_TYPE: 'id' },
    },
    {
      sourceFields: ['Name'],
      connectorOperator: { Salesforce: 'NO_OP' },
      destinationField: 'Name',
      taskType: 'Map',
      taskProperties: { DESTINATION_DATA_TYPE: 'string', SOURCE_DATA_TYPE: 'string' },
    },
    { sourceFields: [], connectorOperator: { Salesforce: 'NO_OP' }, taskType: 'Map_all', taskProperties: {} },
  ],
  triggerConfig: {
    triggerType: 'Scheduled',
    triggerProperties: {
      Scheduled: {
        scheduleExpression: 'rate(1hours)',
        dataPullMode: 'Incremental',
        scheduleStartTime: new Date('2030-01-01T00:00:00Z'),
        timezone: 'America/New_York',
        flowErrorDeactivationThreshold: 5,
      },
    },
  },
  createdAt: new Date('2026-01-01T00:00:00Z'),
  tags: { team: 'crm' },
});

describe('an AppFlow flow as a CreateIntegrationWorkflow file', () => {
  const imported = () =>
    workflowFromFlow(described(), { domainName: 'demo-domain', objectTypeName: 'Salesforce-Account' });

  it('keeps source, tasks and trigger in the request form, with a new flow name', () => {
    const { document } = imported();
    assert.deepEqual(Object.keys(document), [
      'DomainName',
      'WorkflowType',
      'ObjectTypeName',
      'RoleArn',
      'IntegrationConfig',
    ]);
    const fd = (document.IntegrationConfig as Record<string, Record<string, Record<string, unknown>>>)
      .AppflowIntegration.FlowDefinition;
    const tasks = fd.Tasks as unknown[];
    assert.equal(fd.FlowName, 'sf-accounts-profiles');
    assert.equal(fd.Description, 'Accounts from Salesforce');
    assert.equal(fd.KmsArn, described().kmsArn);
    assert.deepEqual(fd.SourceFlowConfig, {
      ConnectorProfileName: 'salesforce-prod',
      ConnectorType: 'Salesforce',
      IncrementalPullConfig: { DatetimeTypeFieldName: 'LastModifiedDate' },
      SourceConnectorProperties: { Salesforce: { Object: 'Account', EnableDynamicFieldUpdate: false } },
    });
    assert.equal(tasks.length, 3, 'the Map_all task is gone');
    assert.deepEqual(tasks[1], {
      ConnectorOperator: { Salesforce: 'NO_OP' },
      DestinationField: 'Id',
      SourceFields: ['Id'],
      TaskProperties: { DESTINATION_DATA_TYPE: 'id', SOURCE_DATA_TYPE: 'id' },
      TaskType: 'Map',
    });
    assert.deepEqual(fd.TriggerConfig, {
      TriggerType: 'Scheduled',
      TriggerProperties: {
        Scheduled: {
          ScheduleExpression: 'rate(1hours)',
          DataPullMode: 'Incremental',
          ScheduleStartTime: '2030-01-01T00:00:00Z',
          Timezone: 'America/New_York',
        },
      },
    });
    assert.equal(document.RoleArn, 'arn:aws:iam::111122223333:role/YOUR-CUSTOMER-PROFILES-ROLE');
  });

  it('names everything it dropped, and what is still to set', () => {
    const { notes } = imported();
    const has = (re: RegExp) =>
      assert.ok(
        notes.some((n) => re.test(n)),
        `${re} in\n${notes.join('\n')}`,
      );
    has(/^FlowDefinition\.SourceFlowConfig\.apiVersion: dropped \(an AppFlow member/);
    has(/^FlowDefinition\.SourceFlowConfig\.SourceConnectorProperties\.Salesforce\.dataTransferApi: dropped/);
    has(/^FlowDefinition\.Tasks\[3\]: the Map_all task dropped/);
    has(/ScheduledTriggerProperties|Scheduled\.flowErrorDeactivationThreshold: dropped/);
    has(/^destinationFlowConfigList: dropped; Customer Profiles is the destination/);
    has(/^tags: dropped/);
    has(/^FlowName: "sf-accounts-profiles", not "sf-accounts"/);
    has(/^RoleArn: set the IAM role/);
    assert.ok(!notes.some((n) => /flowStatus|createdAt|\$metadata/.test(n)), 'state of the old flow is not noise');
  });

  it('the file it makes passes the same checks as Create, without an error or a warning', () => {
    const p = prepareSubmission(JSON.stringify(imported().document, null, 2), 'file:///w/x.cpworkflow.json');
    assert.deepEqual(
      [...p.errors, ...p.warnings].map((d) => `${d.code} ${d.message}`),
      [],
    );
    assert.ok(p.input, 'it becomes a request');
  });

  it('a source Customer Profiles cannot read from is refused with the sources it can', () => {
    const flow = described();
    flow.sourceFlowConfig.connectorType = 'Slack';
    assert.throws(
      () => workflowFromFlow(flow),
      (e: unknown) =>
        e instanceof FlowImportError &&
        /reads from Slack; Customer Profiles workflows read from .*Salesforce/.test(e.message),
    );
  });

  it("a flow into Customer Profiles gives its destination's domain and object type", () => {
    const flow = {
      ...described(),
      destinationFlowConfigList: [
        {
          connectorType: 'CustomerProfiles',
          destinationConnectorProperties: { CustomerProfiles: { domainName: 'acme', objectTypeName: 'Account' } },
        },
      ],
    };
    const { document, notes } = workflowFromFlow(flow);
    assert.equal(document.DomainName, 'acme');
    assert.equal(document.ObjectTypeName, 'Account');
    assert.ok(!notes.some((n) => /^(DomainName|ObjectTypeName): set/.test(n)));
  });

  it('a ScheduleStartTime in the past (the old flow started long ago) is dropped, with a note', () => {
    const { document, notes } = workflowFromFlow(described(), { now: Date.parse('2031-01-01T00:00:00Z') });
    const fd = (document.IntegrationConfig as Record<string, Record<string, Record<string, unknown>>>)
      .AppflowIntegration.FlowDefinition as {
      TriggerConfig: { TriggerProperties: { Scheduled: Record<string, unknown> } };
    };
    assert.equal(fd.TriggerConfig.TriggerProperties.Scheduled.ScheduleStartTime, undefined);
    assert.equal(fd.TriggerConfig.TriggerProperties.Scheduled.ScheduleExpression, 'rate(1hours)');
    assert.ok(notes.some((n) => /^ScheduleStartTime 2030-01-01T00:00:00Z: dropped, being in the past/.test(n)));
  });

  it('without a domain or object type the file says what to set', () => {
    const { document, notes } = workflowFromFlow(described());
    assert.equal(document.DomainName, 'YOUR-DOMAIN');
    assert.ok(notes.some((n) => n.startsWith('DomainName: set')));
    assert.ok(notes.some((n) => n.startsWith('ObjectTypeName: set')));
  });
});
