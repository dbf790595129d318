// Cases for the trigger and schedule (§4); timestamps are in timestamps.ts.
import {
  Json,
  RuleCase,
  epoch,
  fd,
  m,
  mark,
  scheduledOf,
  source,
  tasksOf,
  useConnector,
  workflowText,
} from '../support';

const trigger = (w: Json) => fd(w).TriggerConfig;
/** An Event flow: no schedule, no incremental pull, no batches; the Salesforce object is `object`. */
function eventFlow(w: Json, object = 'AccountChangeEvent') {
  delete trigger(w).TriggerProperties;
  trigger(w).TriggerType = 'Event';
  delete source(w).IncrementalPullConfig;
  source(w).SourceConnectorProperties.Salesforce.Object = object;
  delete w.IntegrationConfig.AppflowIntegration.Batches;
}

export const triggerCases: RuleCase[] = [
  {
    rule: 'TRG-1',
    code: 'enum',
    severity: 'error',
    name: 'unknown TriggerType',
    bad: workflowText((w) => {
      trigger(w).TriggerType = m('Schedule');
    }),
    good: workflowText(),
    data: { suggestion: 'Scheduled' },
  },
  {
    rule: 'TRG-2',
    code: 'TRG-2',
    severity: 'error',
    name: 'Scheduled without TriggerProperties',
    bad: workflowText((w) => {
      delete trigger(w).TriggerProperties;
      trigger(w).TriggerType = m('Scheduled');
    }),
    good: workflowText(),
    data: { missing: 'TriggerProperties' },
  },
  {
    rule: 'TRG-2',
    code: 'missing-property',
    severity: 'error',
    name: 'Scheduled without ScheduleExpression',
    bad: workflowText((w) => {
      const s = scheduledOf(w);
      delete s.ScheduleExpression;
      delete trigger(w).TriggerProperties.Scheduled;
      trigger(w).TriggerProperties[m('Scheduled')] = s;
    }),
    good: workflowText(),
    data: { property: 'ScheduleExpression' },
  },
  {
    rule: 'TRG-3',
    code: 'TRG-3',
    severity: 'warning',
    name: 'OnDemand with TriggerProperties',
    bad: workflowText((w) => {
      const p = trigger(w).TriggerProperties;
      delete trigger(w).TriggerProperties;
      trigger(w).TriggerType = 'OnDemand';
      trigger(w)[m('TriggerProperties')] = p;
      delete source(w).IncrementalPullConfig;
      delete w.IntegrationConfig.AppflowIntegration.Batches;
    }),
    good: workflowText((w) => {
      delete trigger(w).TriggerProperties;
      trigger(w).TriggerType = 'OnDemand';
      delete source(w).IncrementalPullConfig;
      delete w.IntegrationConfig.AppflowIntegration.Batches;
    }),
  },
  {
    rule: 'TRG-4',
    code: 'TRG-4',
    severity: 'warning',
    name: 'Event trigger on Marketo',
    bad: workflowText((w) => {
      eventFlow(w);
      useConnector(w, 'Marketo');
      trigger(w).TriggerType = m('Event');
    }),
    good: workflowText((w) => eventFlow(w)),
    data: { supported: ['Salesforce'] },
  },
  {
    rule: 'TRG-5',
    code: 'TRG-5',
    severity: 'information',
    name: 'Salesforce Event flow on a plain object',
    bad: workflowText((w) => eventFlow(w, m('Account'))),
    good: workflowText((w) => eventFlow(w)),
    data: { replacement: 'AccountChangeEvent' },
  },
  {
    rule: 'TRG-6',
    code: 'TRG-6',
    severity: 'information',
    name: 'IncrementalPullConfig on an OnDemand flow',
    bad: workflowText((w) => {
      delete trigger(w).TriggerProperties;
      trigger(w).TriggerType = 'OnDemand';
      const i = source(w).IncrementalPullConfig;
      delete source(w).IncrementalPullConfig;
      source(w)[m('IncrementalPullConfig')] = i;
    }),
    good: workflowText((w) => {
      delete trigger(w).TriggerProperties;
      trigger(w).TriggerType = 'OnDemand';
      delete source(w).IncrementalPullConfig;
      delete w.IntegrationConfig.AppflowIntegration.Batches;
    }),
  },
  {
    rule: 'TRG-7',
    code: 'unknown-property',
    severity: 'error',
    name: 'AppFlow-only FlowErrorDeactivationThreshold',
    bad: workflowText((w) => {
      scheduledOf(w)[m('FlowErrorDeactivationThreshold')] = 3;
    }),
    good: workflowText(),
    message: /Amazon AppFlow API/,
    data: { appflowOnly: true },
  },
  {
    rule: 'INC-1',
    code: 'INC-1',
    severity: 'warning',
    name: 'DatetimeTypeFieldName mapped as a string',
    bad: workflowText((w) => {
      source(w).IncrementalPullConfig.DatetimeTypeFieldName = m('LastModifiedDate');
      tasksOf(w)[4].TaskProperties = { SOURCE_DATA_TYPE: 'string', DESTINATION_DATA_TYPE: 'string' };
    }),
    good: workflowText((w) => {
      tasksOf(w)[4].TaskProperties = { SOURCE_DATA_TYPE: 'datetime', DESTINATION_DATA_TYPE: 'datetime' };
    }),
    data: { field: 'LastModifiedDate', type: 'string', taskIndex: 4 },
    message: /If "LastModifiedDate" is a date-time field, correct SOURCE_DATA_TYPE .* such as "SystemModstamp"/,
  },
  {
    rule: 'INC-1',
    code: 'INC-1',
    severity: 'warning',
    name: 'a Filter DATA_TYPE string beside a Map that reads the field as datetime',
    bad: workflowText((w) => {
      source(w).IncrementalPullConfig.DatetimeTypeFieldName = 'LastModifiedDate';
      tasksOf(w)[4].TaskProperties = { SOURCE_DATA_TYPE: 'datetime', DESTINATION_DATA_TYPE: 'datetime' };
      tasksOf(w).push({
        TaskType: 'Filter',
        ConnectorOperator: { Salesforce: 'GREATER_THAN' },
        SourceFields: ['LastModifiedDate'],
        TaskProperties: { DATA_TYPE: mark('string'), VALUE: '1735689600000' },
      });
    }),
    good: workflowText((w) => {
      tasksOf(w)[4].TaskProperties = { SOURCE_DATA_TYPE: 'datetime', DESTINATION_DATA_TYPE: 'datetime' };
      tasksOf(w).push({
        TaskType: 'Filter',
        ConnectorOperator: { Salesforce: 'GREATER_THAN' },
        SourceFields: ['LastModifiedDate'],
        TaskProperties: { DATA_TYPE: 'datetime', VALUE: '1735689600000' },
      });
    }),
    data: { replacement: 'datetime', property: 'DATA_TYPE' },
    message: /but Tasks\[4\] reads it as SOURCE_DATA_TYPE "datetime".*Change DATA_TYPE to "datetime"/,
  },
  {
    rule: 'SCH-11',
    code: 'SCH-11',
    severity: 'information',
    name: 'IncrementalPullConfig with DataPullMode Complete',
    bad: workflowText((w) => {
      scheduledOf(w).DataPullMode = 'Complete';
      const i = source(w).IncrementalPullConfig;
      delete source(w).IncrementalPullConfig;
      source(w)[m('IncrementalPullConfig')] = i;
    }),
    good: workflowText(),
  },
  {
    rule: 'SCH-1',
    code: 'SCH-1',
    severity: 'error',
    name: 'not a schedule expression',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = m('every 1 hour');
    }),
    good: workflowText(),
  },
  {
    rule: 'SCH-2',
    code: 'SCH-2',
    severity: 'warning',
    name: 'EventBridge form rate(1 hour)',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = m('rate(1 hour)');
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = 'rate(1hours)';
    }),
    data: { replacement: 'rate(1hours)' },
    message: /EventBridge/,
  },
  {
    rule: 'SCH-2',
    code: 'SCH-2',
    severity: 'warning',
    name: 'singular unit rate(2day)',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = m('rate(2day)');
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = 'rate(2days)';
    }),
    data: { replacement: 'rate(2days)' },
  },
  {
    rule: 'SCH-3',
    code: 'SCH-3',
    severity: 'warning',
    name: 'cron expression',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = m('cron(0 12 * * ? *)');
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = 'rate(1days)';
    }),
  },
  {
    rule: 'SCH-4',
    code: 'SCH-4',
    severity: 'warning',
    name: 'weeks',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = m('rate(1weeks)');
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = 'rate(7days)';
    }),
    data: { replacement: 'rate(7days)' },
  },
  {
    rule: 'SCH-4',
    code: 'SCH-4',
    severity: 'warning',
    name: 'months',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = m('rate(1months)');
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = 'rate(30days)';
    }),
  },
  {
    rule: 'SCH-5',
    code: 'SCH-5',
    severity: 'error',
    name: 'zero rate',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = m('rate(0hours)');
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = 'rate(1hours)';
    }),
  },
  {
    rule: 'SCH-6',
    code: 'SCH-6',
    severity: 'warning',
    name: 'every 5 minutes from S3',
    bad: workflowText((w) => {
      useConnector(w, 'S3');
      scheduledOf(w).ScheduleExpression = m('rate(5minutes)');
    }),
    good: workflowText((w) => {
      useConnector(w, 'S3');
      scheduledOf(w).ScheduleExpression = 'rate(15minutes)';
    }),
    data: { replacement: 'rate(15minutes)', minimumMinutes: 15 },
  },
  {
    rule: 'SCH-7',
    code: 'SCH-7',
    severity: 'information',
    // AppFlow's own ScheduledTriggerProperties example is rate(5minutes): no SCH-6 warning for a SaaS source
    name: 'every 5 minutes from Salesforce',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = m('rate(5minutes)');
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = 'rate(1hours)';
    }),
    data: { connector: 'Salesforce' },
  },
  {
    rule: 'SCH-7',
    code: 'SCH-7',
    severity: 'information',
    name: 'every 30 minutes from Salesforce',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = m('rate(30minutes)');
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleExpression = 'rate(1hours)';
    }),
  },
  {
    rule: 'SCH-10',
    code: 'enum',
    severity: 'error',
    name: 'DataPullMode misspelt',
    bad: workflowText((w) => {
      scheduledOf(w).DataPullMode = m('Incremantal');
    }),
    good: workflowText(),
  },
  {
    rule: 'SCH-12',
    code: 'SCH-12',
    severity: 'warning',
    name: 'FirstExecutionFrom in the future',
    bad: workflowText((w) => {
      scheduledOf(w).FirstExecutionFrom = mark(epoch('2098-01-01T00:00:00Z'));
      delete w.IntegrationConfig.AppflowIntegration.Batches;
    }),
    good: workflowText((w) => {
      scheduledOf(w).FirstExecutionFrom = epoch('2025-06-01T00:00:00Z');
      delete w.IntegrationConfig.AppflowIntegration.Batches;
    }),
  },
  {
    rule: 'SCH-13',
    code: 'SCH-13',
    severity: 'warning',
    name: 'ScheduleStartTime in the past',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleStartTime = mark(epoch('2025-06-01T00:00:00Z'));
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleStartTime = epoch('2098-06-01T00:00:00Z');
    }),
    data: { replacement: epoch('2026-11-28T12:05:00Z') },
  },
  {
    rule: 'SCH-14',
    code: 'SCH-14',
    severity: 'error',
    name: 'ScheduleEndTime before ScheduleStartTime',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleEndTime = mark(epoch('2098-01-01T00:00:00Z'));
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleEndTime = epoch('2099-06-01T00:00:00Z');
    }),
  },
  {
    rule: 'TRG-8',
    code: 'TRG-8',
    severity: 'warning',
    name: 'Scheduled flow reading a change event',
    bad: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.Object = m('AccountChangeEvent');
    }),
    good: workflowText(),
    data: { replacement: 'Account' },
  },
  {
    rule: 'SCH-19',
    code: 'SCH-19',
    severity: 'warning',
    name: 'ScheduleEndTime already past',
    bad: workflowText((w) => {
      const s = scheduledOf(w);
      s.ScheduleStartTime = epoch('2025-01-01T00:00:00Z');
      s[m('ScheduleEndTime')] = epoch('2025-06-01T00:00:00Z');
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleEndTime = epoch('2099-06-01T00:00:00Z');
    }),
    data: { remove: true },
  },
  {
    rule: 'SCH-15',
    code: 'SCH-15',
    severity: 'warning',
    name: 'FirstExecutionFrom after ScheduleStartTime',
    bad: workflowText((w) => {
      const s = scheduledOf(w);
      s.ScheduleStartTime = '2025-06-01T00:00:00Z';
      s.FirstExecutionFrom = m('2025-07-01T00:00:00Z');
      delete w.IntegrationConfig.AppflowIntegration.Batches;
    }),
    good: workflowText((w) => {
      const s = scheduledOf(w);
      s.ScheduleStartTime = '2025-06-01T00:00:00Z';
      s.FirstExecutionFrom = '2025-05-01T00:00:00Z';
      delete w.IntegrationConfig.AppflowIntegration.Batches;
    }),
  },
  {
    rule: 'SCH-16',
    code: 'SCH-16',
    severity: 'warning',
    name: 'Timezone that is no IANA name',
    bad: workflowText((w) => {
      scheduledOf(w).Timezone = m('America/NewYork');
    }),
    good: workflowText((w) => {
      scheduledOf(w).Timezone = 'America/New_York';
    }),
    message: /"America\/New_York"/,
  },
  {
    rule: 'SCH-16',
    code: 'SCH-16',
    severity: 'warning',
    name: 'Timezone BST: read as Asia/Dhaka, meant Europe/London',
    bad: workflowText((w) => {
      scheduledOf(w).Timezone = m('BST');
    }),
    good: workflowText((w) => {
      scheduledOf(w).Timezone = 'Europe/London';
    }),
    data: { allowed: ['Europe/London'] },
    message: /read it as "Asia\/Dhaka".*"Europe\/London"/,
  },
  {
    rule: 'SCH-16',
    code: 'SCH-16',
    severity: 'warning',
    name: 'Timezone PST: the zones that use it, Los Angeles first',
    bad: workflowText((w) => {
      scheduledOf(w).Timezone = m('PST');
    }),
    good: workflowText((w) => {
      scheduledOf(w).Timezone = 'America/Los_Angeles';
    }),
    message: /The zones that use "PST" today: "America\/Los_Angeles"/,
  },
  {
    rule: 'SCH-16',
    code: 'SCH-16',
    severity: 'information',
    name: 'Timezone US/Pacific: an IANA link',
    bad: workflowText((w) => {
      scheduledOf(w).Timezone = m('US/Pacific');
    }),
    good: workflowText((w) => {
      scheduledOf(w).Timezone = 'America/Los_Angeles';
    }),
    data: { allowed: ['America/Los_Angeles'] },
    message: /link\) for "America\/Los_Angeles"; write the canonical name/,
  },
  {
    rule: 'SCH-17',
    code: 'range',
    severity: 'error',
    name: 'ScheduleOffset over 36000',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleOffset = mark(40000);
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleOffset = 36000;
    }),
  },
  ...['3600.0', '3.6e3', '36E2'].map((written): RuleCase => ({
    rule: 'SCH-17',
    code: 'type',
    severity: 'error',
    name: `ScheduleOffset written ${written} (botocore: a float, not an int)`,
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleOffset = mark(3600);
    }).replace('⟦3600⟧', `⟦${written}⟧`),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleOffset = 3600;
    }),
    data: { integer: 3600 },
    message: /AWS CLI reads .* as a float and refuses it before sending\. Write 3600\./,
  })),
  {
    rule: 'LIM-17',
    code: 'range',
    severity: 'error',
    name: 'negative ScheduleOffset',
    bad: workflowText((w) => {
      scheduledOf(w).ScheduleOffset = mark(-1);
    }),
    good: workflowText((w) => {
      scheduledOf(w).ScheduleOffset = 0;
    }),
  },
  {
    rule: 'LIM-18',
    code: 'length',
    severity: 'error',
    name: 'DatetimeTypeFieldName over 256 characters',
    bad: workflowText((w) => {
      source(w).IncrementalPullConfig.DatetimeTypeFieldName = m('d'.repeat(257));
    }),
    good: workflowText(),
  },
];
