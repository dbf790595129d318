// Cases for tasks: the TaskType/operator matrix (§1b) and TaskProperties (§2).
import { RuleCase, m, mark, tasksOf, workflowText } from '../support';
import { comparison } from './connectors';

const mask = (properties: unknown) => ({
  TaskType: 'Mask',
  ConnectorOperator: { Salesforce: 'MASK_LAST_N' },
  SourceFields: ['Phone'],
  TaskProperties: properties,
});

export const taskCases: RuleCase[] = [
  {
    rule: '§1b',
    code: 'task-operator',
    severity: 'error',
    name: 'Filter task with NO_OP',
    bad: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', m('NO_OP'), {}));
    }),
    good: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'GREATER_THAN'));
    }),
    message: /NO_OP is not an operator of a Filter task.*not valid for filtering tasks/,
    data: { taskTypes: ['Map', 'Merge', 'Truncate'] },
  },
  {
    rule: '§1b',
    code: 'task-operator',
    severity: 'warning',
    name: 'Map task with a comparison operator',
    bad: workflowText((w) => {
      tasksOf(w)[1].ConnectorOperator = { Salesforce: m('EQUAL_TO') };
    }),
    good: workflowText(),
    data: { allowed: ['NO_OP'], replacement: 'NO_OP' },
  },
  {
    rule: '§1b',
    code: 'task-operator',
    severity: 'error',
    name: 'Mask task with a validation operator',
    bad: workflowText((w) => {
      const t = mask({ MASK_LENGTH: '4', MASK_VALUE: '*' });
      t.ConnectorOperator.Salesforce = m('VALIDATE_NON_NULL');
      tasksOf(w).push(t);
    }),
    good: workflowText((w) => {
      tasksOf(w).push(mask({ MASK_LENGTH: '4', MASK_VALUE: '*' }));
    }),
  },
  {
    rule: '§1a',
    code: 'enum',
    severity: 'error',
    name: 'AppFlow-only task type Map_all',
    bad: workflowText((w) => {
      tasksOf(w)[1].TaskType = m('Map_all');
    }),
    good: workflowText(),
    message: /belongs to the Amazon AppFlow API.*PROJECTION/,
    data: { appflowOnly: true },
  },
  {
    rule: 'OP-2',
    code: 'enum',
    severity: 'error',
    name: 'VALIDATE_NOT_NULL',
    bad: workflowText((w) => {
      tasksOf(w)[5].ConnectorOperator = { Salesforce: m('VALIDATE_NOT_NULL') };
    }),
    good: workflowText(),
    message: /^"VALIDATE_NOT_NULL" is a common misspelling of "VALIDATE_NON_NULL"/,
    data: { suggestion: 'VALIDATE_NON_NULL', misspelling: true },
  },
  {
    rule: 'TP-1',
    code: 'enum',
    severity: 'error',
    name: 'TaskProperties key not in the model',
    bad: workflowText((w) => {
      tasksOf(w)[1].TaskProperties = { [m('SOURCE_TYPE')]: 'id' };
    }),
    good: workflowText((w) => {
      tasksOf(w)[1].TaskProperties = { SOURCE_DATA_TYPE: 'id' };
    }),
    data: { suggestion: 'SOURCE_DATA_TYPE' },
  },
  {
    rule: 'TP-1',
    code: 'enum',
    severity: 'error',
    name: 'AppFlow-only TaskProperties key',
    bad: workflowText((w) => {
      tasksOf(w)[1].TaskProperties = { [m('EXCLUDE_SOURCE_FIELDS_LIST')]: '[]' };
    }),
    good: workflowText(),
    message: /Amazon AppFlow API/,
    data: { appflowOnly: true },
  },
  {
    rule: '§2a',
    code: 'type',
    severity: 'error',
    name: 'CloudFormation list TaskProperties',
    bad: workflowText((w) => {
      tasksOf(w)[1].TaskProperties = mark([{ OperatorPropertyKey: 'SOURCE_DATA_TYPE', Property: 'id' }]);
    }),
    good: workflowText((w) => {
      tasksOf(w)[1].TaskProperties = { SOURCE_DATA_TYPE: 'id' };
    }),
    message: /CloudFormation.*\{"SOURCE_DATA_TYPE": "id"\}/,
    data: { replacement: { SOURCE_DATA_TYPE: 'id' } },
  },
  {
    rule: 'TP-2',
    code: 'pattern',
    severity: 'error',
    name: 'empty TaskProperties value',
    bad: workflowText((w) => {
      tasksOf(w)[1].TaskProperties.SOURCE_DATA_TYPE = m('');
    }),
    good: workflowText(),
  },
  {
    rule: 'TP-3',
    code: 'TP-3',
    severity: 'warning',
    name: 'Validate task without VALIDATION_ACTION',
    bad: workflowText((w) => {
      const t = tasksOf(w)[5];
      delete t.TaskProperties;
      t[m('TaskProperties')] = {};
    }),
    good: workflowText(),
    data: { missingKeys: ['VALIDATION_ACTION'], suggestedValues: { VALIDATION_ACTION: 'DropRecord' } },
  },
  {
    rule: 'TP-3',
    code: 'TP-3',
    severity: 'warning',
    name: 'Mask task with no TaskProperties at all',
    bad: workflowText((w) => {
      const t = mask({});
      delete t.TaskProperties;
      t.ConnectorOperator.Salesforce = m('MASK_LAST_N');
      tasksOf(w).push(t);
    }),
    good: workflowText((w) => {
      tasksOf(w).push(mask({ MASK_LENGTH: '4', MASK_VALUE: '*' }));
    }),
    data: { missingKeys: ['MASK_LENGTH', 'MASK_VALUE'] },
  },
  {
    rule: 'TP-3',
    code: 'TP-3',
    severity: 'warning',
    name: 'comparison filter without DATA_TYPE and VALUE',
    bad: workflowText((w) => {
      const t = comparison('Salesforce', 'GREATER_THAN', {});
      delete (t as { TaskProperties?: unknown }).TaskProperties;
      (t as Record<string, unknown>)[m('TaskProperties')] = {};
      tasksOf(w).push(t);
    }),
    good: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'GREATER_THAN'));
    }),
    data: { missingKeys: ['DATA_TYPE', 'VALUE'], oneOf: ['VALUE', 'VALUES'] },
  },
  {
    rule: 'TP-4',
    code: 'TP-4',
    severity: 'warning',
    name: 'TRUNCATE_LENGTH on a Map',
    bad: workflowText((w) => {
      tasksOf(w)[1].TaskProperties[m('TRUNCATE_LENGTH')] = '5';
    }),
    good: workflowText(),
    data: { property: 'TRUNCATE_LENGTH', allowed: ['SOURCE_DATA_TYPE', 'DESTINATION_DATA_TYPE'] },
  },
  {
    rule: 'TP-4',
    code: 'TP-4',
    severity: 'warning',
    name: 'DATA_TYPE on PROJECTION',
    bad: workflowText((w) => {
      tasksOf(w)[0].TaskProperties = { [m('DATA_TYPE')]: 'string' };
    }),
    good: workflowText((w) => {
      tasksOf(w)[0].TaskProperties = {};
    }),
  },
  {
    rule: 'TP-5',
    code: 'TP-5',
    severity: 'warning',
    name: 'MASK_LENGTH not a positive number',
    bad: workflowText((w) => {
      tasksOf(w).push(mask({ MASK_LENGTH: m('four'), MASK_VALUE: '*' }));
    }),
    good: workflowText((w) => {
      tasksOf(w).push(mask({ MASK_LENGTH: '4', MASK_VALUE: '*' }));
    }),
  },
  {
    rule: 'TP-5',
    code: 'TP-5',
    severity: 'warning',
    name: 'MASK_VALUE longer than one character',
    bad: workflowText((w) => {
      tasksOf(w).push(mask({ MASK_LENGTH: '4', MASK_VALUE: m('**') }));
    }),
    good: workflowText((w) => {
      tasksOf(w).push(mask({ MASK_LENGTH: '4', MASK_VALUE: '#' }));
    }),
  },
  {
    rule: 'TP-5',
    code: 'TP-5',
    severity: 'warning',
    name: 'VALIDATION_ACTION not a known action',
    bad: workflowText((w) => {
      tasksOf(w)[5].TaskProperties.VALIDATION_ACTION = m('droprecord');
    }),
    good: workflowText((w) => {
      tasksOf(w)[5].TaskProperties.VALIDATION_ACTION = 'DropDataset';
    }),
    data: { allowed: ['DropRecord', 'DropDataset'] },
  },
  {
    rule: 'TP-5',
    code: 'TP-5',
    severity: 'warning',
    name: 'MATH_OPERATION_FIELDS_ORDER names a field the task does not read',
    bad: workflowText((w) => {
      tasksOf(w).push({
        TaskType: 'Arithmetic',
        ConnectorOperator: { Salesforce: 'ADDITION' },
        SourceFields: ['Id', 'Phone'],
        DestinationField: 'Id,Phone',
        TaskProperties: { MATH_OPERATION_FIELDS_ORDER: m('Id,Fax') },
      });
    }),
    good: workflowText((w) => {
      tasksOf(w).push({
        TaskType: 'Arithmetic',
        ConnectorOperator: { Salesforce: 'ADDITION' },
        SourceFields: ['Id', 'Phone'],
        DestinationField: 'Id,Phone',
        TaskProperties: { MATH_OPERATION_FIELDS_ORDER: 'Id,Phone' },
      });
    }),
    data: { unknownFields: ['Fax'] },
  },
  {
    rule: 'TP-6',
    code: 'TP-6',
    severity: 'warning',
    name: 'VALUE and VALUES both set',
    bad: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'EQUAL_TO', { DATA_TYPE: 'string', VALUE: 'a', [m('VALUES')]: 'a,b' }));
    }),
    good: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'EQUAL_TO', { DATA_TYPE: 'string', VALUES: 'a,b' }));
    }),
    data: { property: 'VALUES', keep: 'VALUE' },
  },
  {
    rule: 'TP-6',
    code: 'TP-3',
    severity: 'warning',
    name: 'BETWEEN without UPPER_BOUND',
    bad: workflowText((w) => {
      const t = comparison('Salesforce', 'BETWEEN', {});
      delete (t as { TaskProperties?: unknown }).TaskProperties;
      (t as Record<string, unknown>)[m('TaskProperties')] = { DATA_TYPE: 'datetime', LOWER_BOUND: '1735689600000' };
      tasksOf(w).push(t);
    }),
    good: workflowText((w) => {
      tasksOf(w).push(
        comparison('Salesforce', 'BETWEEN', {
          DATA_TYPE: 'datetime',
          LOWER_BOUND: '1735689600000',
          UPPER_BOUND: '1746057600000',
        }),
      );
    }),
    data: { missingKeys: ['UPPER_BOUND'] },
  },
  {
    rule: 'TP-9',
    code: 'TP-9',
    severity: 'warning',
    name: 'BETWEEN with its bounds the wrong way round',
    bad: workflowText((w) => {
      tasksOf(w).push(
        comparison('Salesforce', 'BETWEEN', {
          DATA_TYPE: 'datetime',
          LOWER_BOUND: m('1746057600000'),
          UPPER_BOUND: '1735689600000',
        }),
      );
    }),
    good: workflowText((w) => {
      tasksOf(w).push(
        comparison('Salesforce', 'BETWEEN', {
          DATA_TYPE: 'datetime',
          LOWER_BOUND: '1735689600000',
          UPPER_BOUND: '1746057600000',
        }),
      );
    }),
    data: { lower: '1746057600000', upper: '1735689600000' },
  },
  {
    rule: 'TP-10',
    code: 'TP-10',
    severity: 'warning',
    name: 'a number filter VALUE with a thousands separator',
    bad: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'GREATER_THAN', { DATA_TYPE: 'double', VALUE: m('50,000') }));
    }),
    good: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'GREATER_THAN', { DATA_TYPE: 'double', VALUE: '50000' }));
    }),
    data: { property: 'VALUE', replacement: '50000' },
    message: /VALUE "50,000" is not a number, but DATA_TYPE is "double".*Write "50000"\./,
  },
  {
    rule: 'TP-10',
    code: 'TP-10',
    severity: 'warning',
    name: 'a boolean filter VALUES item that is not true or false',
    bad: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'EQUAL_TO', { DATA_TYPE: 'boolean', VALUES: m('true,yes') }));
    }),
    good: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'EQUAL_TO', { DATA_TYPE: 'boolean', VALUE: 'true' }));
    }),
    data: { property: 'VALUES', dataType: 'boolean' },
    message: /VALUES "yes" is not true or false/,
  },
  {
    rule: 'TP-9',
    code: 'TP-9',
    severity: 'warning',
    name: 'BETWEEN on numbers with an empty range',
    bad: workflowText((w) => {
      tasksOf(w).push(
        comparison('Salesforce', 'BETWEEN', { DATA_TYPE: 'double', LOWER_BOUND: m('500'), UPPER_BOUND: '50' }),
      );
    }),
    good: workflowText((w) => {
      tasksOf(w).push(
        comparison('Salesforce', 'BETWEEN', { DATA_TYPE: 'double', LOWER_BOUND: '50', UPPER_BOUND: '500' }),
      );
    }),
  },
  {
    rule: 'TP-7',
    code: 'TP-7',
    severity: 'warning',
    name: 'ISO date as a datetime filter value',
    bad: workflowText((w) => {
      tasksOf(w).push(
        comparison('Salesforce', 'GREATER_THAN', { DATA_TYPE: 'datetime', VALUE: m('2025-01-01T00:00:00Z') }),
      );
    }),
    good: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'GREATER_THAN', { DATA_TYPE: 'datetime', VALUE: '1735689600000' }));
    }),
    data: { replacement: '1735689600000' },
  },
  {
    rule: 'TP-7',
    code: 'TP-7',
    severity: 'warning',
    name: 'words as a datetime filter value',
    bad: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'LESS_THAN', { DATA_TYPE: 'date', VALUE: m('yesterday') }));
    }),
    good: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'LESS_THAN', { DATA_TYPE: 'string', VALUE: 'yesterday' }));
    }),
  },
  {
    rule: 'TP-7',
    code: 'TP-7',
    severity: 'warning',
    name: 'epoch seconds as a datetime filter value',
    bad: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'GREATER_THAN', { DATA_TYPE: 'datetime', VALUE: m('1735689600') }));
    }),
    good: workflowText((w) => {
      tasksOf(w).push(comparison('Salesforce', 'GREATER_THAN', { DATA_TYPE: 'datetime', VALUE: '1735689600000' }));
    }),
    data: { replacement: '1735689600000' },
    message: /epoch seconds/,
  },
  {
    rule: 'TP-7',
    code: 'TP-7',
    severity: 'warning',
    name: 'VALUES items in seconds and ISO on a date field',
    bad: workflowText((w) => {
      tasksOf(w).push(
        comparison('Salesforce', 'EQUAL_TO', {
          DATA_TYPE: 'date',
          VALUES: m('1735689600000,1738368000, 2025-03-01T00:00:00Z'),
        }),
      );
    }),
    good: workflowText((w) => {
      tasksOf(w).push(
        comparison('Salesforce', 'EQUAL_TO', {
          DATA_TYPE: 'date',
          VALUES: '1735689600000,1738368000000,1740787200000',
        }),
      );
    }),
    data: { property: 'VALUES', replacement: '1735689600000,1738368000000,1740787200000' },
  },
  {
    rule: 'LIM-14',
    code: 'length',
    severity: 'error',
    name: 'TaskProperties value over 2048 characters',
    bad: workflowText((w) => {
      tasksOf(w)[1].TaskProperties.SOURCE_DATA_TYPE = m('x'.repeat(2049));
    }),
    good: workflowText((w) => {
      tasksOf(w)[1].TaskProperties.SOURCE_DATA_TYPE = 'x'.repeat(2048);
    }),
  },
];
