// Cases for the projection + Map pattern (§3) and the integration as a whole.
import { Json, RuleCase, fd, m, mapTask, mark, source, tasksOf, useConnector, workflowText } from '../support';

const projection = (w: Json) => tasksOf(w)[0];

export const projectionCases: RuleCase[] = [
  {
    rule: 'PAT-1',
    code: 'PAT-1',
    severity: 'error',
    name: 'no projection task',
    bad: workflowText((w) => {
      const t = tasksOf(w).slice(1);
      delete fd(w).Tasks;
      fd(w)[m('Tasks')] = t;
    }),
    good: workflowText(),
    data: { fields: ['Id', 'Name', 'Phone', 'LastModifiedDate'], connectorKey: 'Salesforce', insertAt: 0 },
    message: /You must specify a projection task/,
  },
  {
    rule: 'PAT-2',
    code: 'PAT-2',
    severity: 'warning',
    name: 'a second projection task',
    bad: workflowText((w) => {
      tasksOf(w).splice(1, 0, {
        TaskType: 'Filter',
        ConnectorOperator: { Salesforce: m('PROJECTION') },
        SourceFields: ['Name'],
      });
    }),
    good: workflowText(),
  },
  {
    rule: 'PAT-3',
    code: 'PAT-3',
    severity: 'error',
    name: 'projection with no SourceFields',
    bad: workflowText((w) => {
      projection(w).SourceFields = mark([]);
    }),
    good: workflowText((w) => {
      projection(w).SourceFields = ['Id', 'Name', 'Phone', 'LastModifiedDate'];
    }),
    data: { fields: ['Id', 'Name', 'Phone', 'LastModifiedDate'] },
  },
  {
    rule: 'PAT-4',
    code: 'PAT-4',
    severity: 'warning',
    name: 'mapped field not projected',
    bad: workflowText((w) => {
      const t = mapTask('Email');
      t.SourceFields = [m('Email')];
      tasksOf(w).push(t);
    }),
    good: workflowText((w) => {
      tasksOf(w).push(mapTask('Email'));
      projection(w).SourceFields.push('Email');
    }),
    data: { field: 'Email' },
  },
  {
    rule: 'PAT-5',
    code: 'PAT-5',
    severity: 'warning',
    name: 'a Merge source misspelt: the field CONCAT_FORMAT names is the fix',
    bad: workflowText((w) => {
      projection(w).SourceFields.push('FirstName', 'LastName');
      tasksOf(w).push({
        TaskType: 'Merge',
        ConnectorOperator: { Salesforce: 'NO_OP' },
        SourceFields: ['FirstName', m('LastNme')],
        DestinationField: 'FullName',
        TaskProperties: { CONCAT_FORMAT: '${FirstName} ${LastName}' },
      });
    }),
    good: workflowText((w) => {
      projection(w).SourceFields.push('FirstName', 'LastName');
      tasksOf(w).push({
        TaskType: 'Merge',
        ConnectorOperator: { Salesforce: 'NO_OP' },
        SourceFields: ['FirstName', 'LastName'],
        DestinationField: 'FullName',
        TaskProperties: { CONCAT_FORMAT: '${FirstName} ${LastName}' },
      });
    }),
    data: { field: 'LastNme', replacement: 'LastName' },
    message: /CONCAT_FORMAT names "LastName" instead/,
  },
  {
    rule: 'PAT-5',
    code: 'PAT-5',
    severity: 'warning',
    name: 'validated field not projected',
    bad: workflowText((w) => {
      tasksOf(w)[5].SourceFields = [m('Email')];
    }),
    good: workflowText((w) => {
      tasksOf(w)[5].SourceFields = ['Phone'];
    }),
    data: { field: 'Email' },
  },
  {
    rule: 'PAT-6',
    code: 'PAT-6',
    severity: 'information',
    name: 'projected field nobody maps',
    bad: workflowText((w) => {
      projection(w).SourceFields.push(m('Fax'));
    }),
    good: workflowText((w) => {
      projection(w).SourceFields.push('Fax');
      tasksOf(w).push(mapTask('Fax'));
    }),
    data: { field: 'Fax' },
  },
  {
    rule: 'PAT-6',
    code: 'PAT-6',
    severity: 'warning',
    name: 'a projection and no Map task at all: one warning at Tasks',
    bad: workflowText((w) => {
      const t = tasksOf(w).filter((task: Json) => task.TaskType !== 'Map');
      delete fd(w).Tasks;
      fd(w)[m('Tasks')] = t;
    }),
    good: workflowText(),
    data: { fields: ['Id', 'Name', 'Phone', 'LastModifiedDate'] },
    message: /projection of 4 fields but no Map task: .* every run imports nothing/,
  },
  {
    rule: 'PAT-7',
    code: 'PAT-7',
    severity: 'error',
    name: 'Map without DestinationField',
    bad: workflowText((w) => {
      const t = tasksOf(w)[2];
      delete t.DestinationField;
      t.TaskType = m('Map');
    }),
    good: workflowText(),
    data: { property: 'DestinationField', replacement: 'Name' },
  },
  {
    rule: 'PAT-7',
    code: 'PAT-7',
    severity: 'error',
    name: 'Map with an empty DestinationField',
    bad: workflowText((w) => {
      tasksOf(w)[2].DestinationField = m('');
    }),
    good: workflowText(),
    data: { replacement: 'Name' },
  },
  {
    rule: 'PAT-7',
    code: 'PAT-7',
    severity: 'warning',
    name: 'Map with two source fields',
    bad: workflowText((w) => {
      tasksOf(w)[2].SourceFields = mark(['Name', 'Phone']);
    }),
    good: workflowText(),
    data: { count: 2 },
  },
  {
    rule: 'PAT-8',
    code: 'PAT-8',
    severity: 'warning',
    name: 'two Maps to one DestinationField',
    bad: workflowText((w) => {
      tasksOf(w)[3].DestinationField = m('Name');
    }),
    good: workflowText(),
    data: { field: 'Name' },
  },
  {
    rule: 'PAT-16',
    code: 'PAT-16',
    severity: 'warning',
    name: 'DestinationField in the object type syntax',
    bad: workflowText((w) => {
      tasksOf(w)[2].DestinationField = m('_source.Name');
    }),
    good: workflowText(),
    data: { replacement: 'Name' },
  },
  {
    rule: 'PAT-9',
    code: 'PAT-9',
    severity: 'information',
    name: 'projection not first',
    bad: workflowText((w) => {
      const [p] = tasksOf(w).splice(0, 1);
      p.ConnectorOperator.Salesforce = m('PROJECTION');
      tasksOf(w).push(p);
    }),
    good: workflowText(),
  },
  {
    rule: 'PAT-10',
    code: 'PAT-4',
    severity: 'warning',
    name: 'S3 column a task reads but the projection omits',
    bad: workflowText((w) => {
      useConnector(w, 'S3');
      const t = mapTask('Email', {}, 'S3');
      t.SourceFields = [m('Email')];
      tasksOf(w).push(t);
    }),
    good: workflowText((w) => {
      useConnector(w, 'S3');
      tasksOf(w).push(mapTask('Email', {}, 'S3'));
      projection(w).SourceFields.push('Email');
    }),
  },
  {
    rule: 'PAT-13',
    code: 'PAT-13',
    severity: 'error',
    name: 'IntegrationConfig without AppflowIntegration',
    bad: workflowText((w) => {
      delete w.IntegrationConfig;
      w[m('IntegrationConfig')] = {};
    }),
    good: workflowText(),
    data: { property: 'AppflowIntegration' },
  },
  {
    rule: 'PAT-15',
    code: 'PAT-15',
    severity: 'information',
    name: 'ObjectTypeName that is not the Salesforce template',
    bad: workflowText((w) => {
      w.ObjectTypeName = m('Accounts');
    }),
    good: workflowText(),
    data: { template: 'Salesforce-Account' },
  },
  {
    rule: 'PAT-15',
    code: 'PAT-15',
    severity: 'warning',
    name: 'a Contact flow into the Salesforce-Account template',
    bad: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.Object = 'Contact';
      w.ObjectTypeName = m('Salesforce-Account');
    }),
    good: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.Object = 'Contact';
      w.ObjectTypeName = 'Salesforce-Contact';
    }),
    data: { replacement: 'Salesforce-Contact' },
    message: /template for Salesforce "Account", but this flow reads "Contact".*Use "Salesforce-Contact"\./,
  },
  {
    rule: 'PAT-15',
    code: 'PAT-15',
    severity: 'warning',
    name: 'a custom object into a template: no template is claimed for it',
    bad: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.Object = 'Invoice__c';
      w.ObjectTypeName = m('Salesforce-Account');
    }),
    // a custom object has no template: any other name passes
    good: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.Object = 'Invoice__c';
      w.ObjectTypeName = 'Invoice';
    }),
    message: /Use an object type made for "Invoice__c"\./,
  },
  {
    rule: 'LIM-12',
    code: 'length',
    severity: 'error',
    name: 'source field name over 2048 characters',
    bad: workflowText((w) => {
      projection(w).SourceFields.push(m('f'.repeat(2049)));
    }),
    good: workflowText(),
  },
  {
    rule: 'LIM-13',
    code: 'length',
    severity: 'error',
    name: 'DestinationField over 256 characters',
    bad: workflowText((w) => {
      tasksOf(w)[2].DestinationField = m('d'.repeat(257));
    }),
    good: workflowText(),
  },
];
