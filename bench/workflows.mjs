// Generated workflow files for the benchmark: a Salesforce flow with one Filter PROJECTION task over every field and
// one Map task per field (the shape of AWS's own examples, the Map rows of docs/rules.md), pretty-printed as users
// keep them. The defects variant breaks 1% of the fields in ways users do (typos, wrong operators, unprojected
// fields), and stays valid JSON so every rule runs.

const DATA_TYPES = ['string', 'id', 'phone', 'datetime', 'boolean', 'double', 'email', 'picklist'];

export const fieldName = (i) => `Custom_Field_${String(i).padStart(5, '0')}__c`;

function mapTask(name, i) {
  const type = DATA_TYPES[i % DATA_TYPES.length];
  return {
    TaskType: 'Map',
    ConnectorOperator: { Salesforce: 'NO_OP' },
    SourceFields: [name],
    DestinationField: name,
    TaskProperties: { SOURCE_DATA_TYPE: type, DESTINATION_DATA_TYPE: type },
  };
}

// Each defect is one a user makes and the server reports; they rotate so every kind appears.
const DEFECTS = [
  (t) => {
    t.ConnectorOperator = { Salesforce: 'NO_OPP' };
  }, // misspelt operator (enum)
  (t) => {
    t.DestinationFeild = t.DestinationField;
    delete t.DestinationField;
  }, // misspelt property
  (t) => {
    t.TaskType = 'map';
  }, // wrong case (CASE-4)
  (t) => {
    t.SourceFields = [`${t.SourceFields[0]}_unprojected`];
  }, // not in the projection (PAT-4)
  (t) => {
    t.TaskProperties = { SOURCE_DATA_TYPE: '' };
  }, // empty property value (LIM-14)
];

/** The workflow with `fields` fields; `defects` breaks one field in a hundred (at least one). */
export function workflow(fields, { defects = false } = {}) {
  const names = Array.from({ length: fields }, (_, i) => fieldName(i + 1));
  const maps = names.map(mapTask);
  if (defects) {
    const every = Math.min(100, fields);
    let k = 0;
    for (let i = every - 1; i < maps.length; i += every) DEFECTS[k++ % DEFECTS.length](maps[i]);
  }
  return {
    DomainName: 'Bench-Profiles',
    WorkflowType: 'APPFLOW_INTEGRATION',
    IntegrationConfig: {
      AppflowIntegration: {
        FlowDefinition: {
          FlowName: `CP-Bench-${fields}`,
          Description: `Benchmark flow with ${fields} fields`,
          KmsArn: 'arn:aws:kms:us-east-1:210987654321:key/7c9a2f4e-3b1d-4e8a-9f60-2d5c8b1a4e73',
          SourceFlowConfig: {
            ConnectorProfileName: 'bench-salesforce-connection',
            ConnectorType: 'Salesforce',
            IncrementalPullConfig: { DatetimeTypeFieldName: 'LastModifiedDate' },
            SourceConnectorProperties: {
              Salesforce: { Object: 'Account', EnableDynamicFieldUpdate: false, IncludeDeletedRecords: false },
            },
          },
          Tasks: [
            { TaskType: 'Filter', ConnectorOperator: { Salesforce: 'PROJECTION' }, SourceFields: names },
            ...maps,
          ],
          TriggerConfig: {
            TriggerType: 'Scheduled',
            TriggerProperties: {
              Scheduled: {
                ScheduleExpression: 'rate(1hours)',
                DataPullMode: 'Incremental',
                ScheduleStartTime: '2030-06-01T00:00:00Z',
                FirstExecutionFrom: '2025-01-01T00:00:00Z',
                Timezone: 'America/New_York',
              },
            },
          },
        },
      },
    },
    ObjectTypeName: 'Salesforce-Account',
    RoleArn: 'arn:aws:iam::210987654321:role/CustomerProfilesWorkflowRole',
  };
}

export const workflowText = (fields, options) => `${JSON.stringify(workflow(fields, options), null, 2)}\n`;

/** Offsets in `text` the benchmark points at, in the middle Map task: just inside the quotes of its operator value
 * and of its SourceFields entry (completion before anything is typed: every candidate), the end of its
 * DestinationField value (where the typing happens) and its TaskType key (hovered). */
export function landmarks(text, fields) {
  const name = fieldName(Math.max(1, Math.ceil(fields / 2)));
  const task = text.indexOf(`"DestinationField": "${name}"`);
  const start = text.lastIndexOf('"TaskType"', task);
  const inside = (needle, from) => {
    const at = text.indexOf(needle, from);
    if (at < 0) throw new Error(`bench: no ${needle}`);
    return at;
  };
  const operator = inside('"NO_OP"', start) + 1;
  const sourceField = inside(`"${name}"`, inside('"SourceFields"', start)) + 1;
  const destination = inside(`"${name}"`, task + '"DestinationField": '.length) + 1 + name.length;
  return { taskTypeKey: start + 2, operator, sourceField, destinationEnd: destination };
}
