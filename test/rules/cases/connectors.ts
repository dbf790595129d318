// Cases for the source connector: operator keys, SourceConnectorProperties, connector choice and casing (§1, §3, §6).
import { RuleCase, fd, m, mark, source, tasksOf, useConnector, workflowText } from '../support';

export const connectorCases: RuleCase[] = [
  {
    rule: 'TYPE-1',
    code: 'type',
    severity: 'error',
    name: 'IncludeDeletedRecords as the string "true"',
    bad: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.IncludeDeletedRecords = m('true');
    }),
    good: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.IncludeDeletedRecords = true;
    }),
    data: { expected: 'boolean' },
  },
  {
    rule: 'TYPE-1',
    code: 'type',
    severity: 'error',
    name: 'IncludeDeletedRecords as the number 1 (botocore: not a bool)',
    bad: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.IncludeDeletedRecords = mark(1);
    }),
    good: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.IncludeDeletedRecords = true;
    }),
    message: /must be true or false, not a number/,
  },
  {
    rule: 'ROLE-1',
    code: 'ROLE-1',
    severity: 'warning',
    name: 'RoleArn naming a user',
    bad: workflowText((w) => {
      w.RoleArn = m('arn:aws:iam::210987654321:user/ingest-bot');
    }),
    good: workflowText(),
    data: { kind: 'user' },
  },
  {
    rule: 'ROLE-1',
    code: 'ROLE-1',
    severity: 'warning',
    name: 'RoleArn naming a group',
    bad: workflowText((w) => {
      w.RoleArn = m('arn:aws:iam::210987654321:group/data-engineers');
    }),
    good: workflowText(),
    data: { kind: 'group' },
  },
  {
    rule: 'KMS-1',
    code: 'KMS-1',
    severity: 'information',
    name: 'KmsArn as an alias ARN',
    bad: workflowText((w) => {
      fd(w).KmsArn = m('arn:aws:kms:us-east-1:210987654321:alias/customer-profiles');
    }),
    good: workflowText(),
  },
  {
    rule: 'OP-1',
    code: 'OP-1',
    severity: 'error',
    name: 'ConnectorOperator keyed for another connector',
    bad: workflowText((w) => {
      tasksOf(w)[1].ConnectorOperator = { [m('Zendesk')]: 'NO_OP' };
    }),
    good: workflowText(),
    data: { intendedKey: 'Salesforce', key: 'Zendesk', remove: false },
    message: /must be "Salesforce"/,
  },
  {
    rule: 'OP-1',
    code: 'OP-1',
    severity: 'error',
    name: 'a second ConnectorOperator member',
    bad: workflowText((w) => {
      tasksOf(w)[1].ConnectorOperator = { Salesforce: 'NO_OP', [m('S3')]: 'NO_OP' };
    }),
    good: workflowText(),
    data: { intendedKey: 'Salesforce', remove: true },
  },
  {
    rule: 'OP-1',
    code: 'OP-1',
    severity: 'warning',
    name: 'no ConnectorOperator',
    bad: workflowText((w) => {
      const t = tasksOf(w)[1];
      delete t.ConnectorOperator;
      t.TaskType = m('Map');
    }),
    good: workflowText(),
    data: { intendedKey: 'Salesforce', missing: true },
  },
  {
    rule: '§1a',
    code: 'enum',
    severity: 'error',
    name: 'operator the connector does not have',
    bad: workflowText((w) => {
      useConnector(w, 'Marketo');
      tasksOf(w).push(comparison('Marketo', m('EQUAL_TO')));
    }),
    good: workflowText((w) => {
      useConnector(w, 'Marketo');
      tasksOf(w).push(comparison('Marketo', 'GREATER_THAN'));
    }),
    message:
      /"EQUAL_TO" is not a Marketo operator; Marketo allows for a Filter task: PROJECTION, LESS_THAN, GREATER_THAN or BETWEEN\./,
    data: { connectorKey: 'Marketo' },
  },
  {
    rule: 'PAT-12',
    code: 'PAT-12',
    severity: 'error',
    name: 'SourceConnectorProperties for another connector',
    bad: workflowText((w) => {
      source(w).SourceConnectorProperties = { [m('ServiceNow')]: { Object: 'Account' } };
    }),
    good: workflowText(),
    data: { key: 'ServiceNow', intendedKey: 'Salesforce' },
  },
  {
    rule: 'PAT-12',
    code: 'PAT-12',
    severity: 'error',
    name: 'SourceConnectorProperties without the connector member',
    bad: workflowText((w) => {
      delete source(w).SourceConnectorProperties;
      source(w)[m('SourceConnectorProperties')] = {};
    }),
    good: workflowText(),
    data: { missingKey: 'Salesforce' },
  },
  {
    rule: 'PAT-14',
    code: 'PAT-14',
    severity: 'warning',
    name: 'Zendesk source in a workflow',
    bad: workflowText((w) => {
      useConnector(w, 'Zendesk');
      source(w).ConnectorType = m('Zendesk');
    }),
    good: workflowText((w) => {
      useConnector(w, 'Marketo');
    }),
  },
  {
    rule: 'PAT-14',
    code: 'PAT-14',
    severity: 'warning',
    name: 'S3 source in a workflow',
    bad: workflowText((w) => {
      useConnector(w, 'S3');
      source(w).ConnectorType = m('S3');
    }),
    good: workflowText((w) => {
      useConnector(w, 'Servicenow');
    }),
  },
  {
    rule: 'LIM-8',
    code: 'LIM-8',
    severity: 'warning',
    name: 'SaaS source without ConnectorProfileName',
    bad: workflowText((w) => {
      const s = source(w);
      delete s.ConnectorProfileName;
      const fdef = w.IntegrationConfig.AppflowIntegration.FlowDefinition;
      delete fdef.SourceFlowConfig;
      fdef[m('SourceFlowConfig')] = s;
    }),
    good: workflowText(),
    data: { property: 'ConnectorProfileName' },
  },
  {
    rule: 'LIM-8',
    code: 'pattern',
    severity: 'error',
    name: 'ConnectorProfileName with a space',
    bad: workflowText((w) => {
      source(w).ConnectorProfileName = m('my connection');
    }),
    good: workflowText((w) => {
      source(w).ConnectorProfileName = 'my-connection';
    }),
  },
  {
    rule: 'CASE-1',
    code: 'enum',
    severity: 'error',
    name: 'ConnectorType that is no connector',
    bad: workflowText((w) => {
      source(w).ConnectorType = m('Dynamics');
    }),
    good: workflowText(),
  },
  {
    rule: 'CASE-2',
    code: 'CASE-2',
    severity: 'warning',
    name: 'ConnectorType "ServiceNow"',
    bad: workflowText((w) => {
      useConnector(w, 'Servicenow');
      source(w).ConnectorType = m('ServiceNow');
    }),
    good: workflowText((w) => {
      useConnector(w, 'Servicenow');
    }),
    data: { replacement: 'Servicenow' },
  },
  {
    rule: 'CASE-3',
    code: 'unknown-property',
    severity: 'error',
    name: 'operator key spelt like the type',
    bad: workflowText((w) => {
      useConnector(w, 'Servicenow');
      tasksOf(w)[1].ConnectorOperator = { [m('Servicenow')]: 'NO_OP' };
    }),
    good: workflowText((w) => {
      useConnector(w, 'Servicenow');
    }),
    data: { suggestion: 'ServiceNow' },
  },
  {
    rule: 'CASE-4',
    code: 'enum',
    severity: 'error',
    name: 'TaskType in the wrong case',
    bad: workflowText((w) => {
      tasksOf(w)[1].TaskType = m('MAP');
    }),
    good: workflowText(),
    data: { suggestion: 'Map' },
  },
];

/** A comparison Filter on LastModifiedDate (projected in the base workflow). */
export function comparison(
  connectorKey: string,
  operator: string,
  properties: Record<string, string> = { DATA_TYPE: 'datetime', VALUE: '1735689600000' },
) {
  return {
    TaskType: 'Filter',
    ConnectorOperator: { [connectorKey]: operator },
    SourceFields: ['LastModifiedDate'],
    TaskProperties: properties,
  };
}
