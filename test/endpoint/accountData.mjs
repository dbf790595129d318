// The offline account the local endpoint serves: domains and their object types (Fields/Keys), object type
// templates, AppFlow connector profiles with their entities and fields, and AppFlow flows. Two makers: the demo
// account (real-looking names that match examples/), and a random account from a seed (names and fields nobody
// chose, so tests derive their expectations from the data). Plain data, shared with no code under server/src.

/** AppFlow field types and the filter operators a connector offers for each (as DescribeConnectorEntity reports). */
const OPERATORS_BY_FIELD_TYPE = {
  id: ['PROJECTION', 'EQUAL_TO', 'NOT_EQUAL_TO'],
  string: ['PROJECTION', 'EQUAL_TO', 'NOT_EQUAL_TO', 'CONTAINS'],
  email: ['PROJECTION', 'EQUAL_TO', 'NOT_EQUAL_TO', 'CONTAINS'],
  phone: ['PROJECTION', 'EQUAL_TO', 'NOT_EQUAL_TO', 'CONTAINS'],
  picklist: ['PROJECTION', 'EQUAL_TO', 'NOT_EQUAL_TO'],
  reference: ['PROJECTION', 'EQUAL_TO', 'NOT_EQUAL_TO'],
  textarea: ['PROJECTION', 'CONTAINS'],
  boolean: ['PROJECTION', 'EQUAL_TO', 'NOT_EQUAL_TO'],
  int: [
    'PROJECTION',
    'LESS_THAN',
    'GREATER_THAN',
    'BETWEEN',
    'LESS_THAN_OR_EQUAL_TO',
    'GREATER_THAN_OR_EQUAL_TO',
    'EQUAL_TO',
    'NOT_EQUAL_TO',
  ],
  double: [
    'PROJECTION',
    'LESS_THAN',
    'GREATER_THAN',
    'BETWEEN',
    'LESS_THAN_OR_EQUAL_TO',
    'GREATER_THAN_OR_EQUAL_TO',
    'EQUAL_TO',
    'NOT_EQUAL_TO',
  ],
  date: ['PROJECTION', 'LESS_THAN', 'GREATER_THAN', 'BETWEEN', 'EQUAL_TO'],
  datetime: ['PROJECTION', 'LESS_THAN', 'GREATER_THAN', 'BETWEEN', 'EQUAL_TO'],
};
export const FIELD_TYPES = Object.keys(OPERATORS_BY_FIELD_TYPE);

/** The SaaS connectors that have AppFlow connector profiles (S3 sources name a bucket instead). */
export const PROFILE_CONNECTOR_TYPES = ['Salesforce', 'Servicenow', 'Marketo', 'Zendesk'];

/**
 * One entity field as the account data holds it.
 * @param {string} identifier
 * @param {string} label
 * @param {string} fieldType
 * @param {{ primaryKey?: boolean, incremental?: boolean }} [flags]
 */
export function entityField(identifier, label, fieldType, flags = {}) {
  return {
    identifier,
    label,
    fieldType,
    filterOperators: [...OPERATORS_BY_FIELD_TYPE[fieldType]],
    isPrimaryKey: flags.primaryKey === true,
    incremental: flags.incremental === true,
  };
}

/**
 * An object type that maps fields of the source: `mapped` are [fieldName, sourceField, target]; keys name the
 * fields they read, with their StandardIdentifiers.
 */
function objectType(description, mapped, keys, templateId) {
  return {
    Description: description,
    ...(templateId ? { TemplateId: templateId } : {}),
    Fields: Object.fromEntries(
      mapped.map(([name, source, target, contentType = 'STRING']) => [
        name,
        { Source: `_source.${source}`, Target: target, ContentType: contentType },
      ]),
    ),
    Keys: Object.fromEntries(
      keys.map(([keyName, fieldNames, standard]) => [
        keyName,
        [{ StandardIdentifiers: standard, FieldNames: fieldNames }],
      ]),
    ),
  };
}

const f = entityField;
const DEMO_DATE = Date.UTC(2026, 5, 1) / 1000;

/**
 * The demo account: the domain and object types of examples/, connector profiles of every connector, entities
 * and fields, templates and flows. One finding is planted: the Zendesk-Ticket object type's profile key reads
 * `_source.requester_email`, which the Zendesk example never maps.
 */
export function demoAccount() {
  const salesforceAccount = [
    f('Id', 'Account ID', 'id', { primaryKey: true }),
    f('Name', 'Account Name', 'string'),
    f('Phone', 'Account Phone', 'phone'),
    f('BillingCity', 'Billing City', 'string'),
    f('BillingCountry', 'Billing Country', 'string'),
    f('Industry', 'Industry', 'picklist'),
    f('AnnualRevenue', 'Annual Revenue', 'double'),
    f('NumberOfEmployees', 'Employees', 'int'),
    f('IsDeleted', 'Deleted', 'boolean'),
    f('CreatedDate', 'Created Date', 'datetime', { incremental: true }),
    f('LastModifiedDate', 'Last Modified Date', 'datetime', { incremental: true }),
    f('Customer_Tier__c', 'Customer Tier', 'picklist'),
  ];
  const salesforceContact = [
    f('Id', 'Contact ID', 'id', { primaryKey: true }),
    f('AccountId', 'Account ID', 'reference'),
    f('FirstName', 'First Name', 'string'),
    f('LastName', 'Last Name', 'string'),
    f('Email', 'Email', 'email'),
    f('MobilePhone', 'Mobile Phone', 'phone'),
    f('LastModifiedDate', 'Last Modified Date', 'datetime', { incremental: true }),
  ];
  const salesforceCase = [
    f('Id', 'Case ID', 'id', { primaryKey: true }),
    f('CaseNumber', 'Case Number', 'string'),
    f('ContactId', 'Contact ID', 'reference'),
    f('Subject', 'Subject', 'string'),
    f('Status', 'Status', 'picklist'),
    f('LastModifiedDate', 'Last Modified Date', 'datetime', { incremental: true }),
  ];
  const marketoLeads = [
    f('id', 'Id', 'int', { primaryKey: true }),
    f('email', 'Email Address', 'email'),
    f('firstName', 'First Name', 'string'),
    f('lastName', 'Last Name', 'string'),
    f('phone', 'Phone Number', 'phone'),
    f('company', 'Company Name', 'string'),
    f('createdAt', 'Created At', 'datetime'),
    f('updatedAt', 'Updated At', 'datetime', { incremental: true }),
  ];
  const serviceNowIncident = [
    f('sys_id', 'Sys ID', 'id', { primaryKey: true }),
    f('number', 'Number', 'string'),
    f('caller_id', 'Caller', 'reference'),
    f('short_description', 'Short description', 'string'),
    f('priority', 'Priority', 'int'),
    f('state', 'State', 'picklist'),
    f('sys_created_on', 'Created', 'datetime', { incremental: true }),
    f('sys_updated_on', 'Updated', 'datetime', { incremental: true }),
  ];
  const zendeskTickets = [
    f('id', 'Id', 'int', { primaryKey: true }),
    f('requester_id', 'Requester', 'int'),
    f('requester_email', 'Requester email', 'email'),
    f('subject', 'Subject', 'string'),
    f('status', 'Status', 'picklist'),
    f('priority', 'Priority', 'picklist'),
    f('created_at', 'Created', 'datetime'),
    f('updated_at', 'Updated', 'datetime', { incremental: true }),
  ];
  const zendeskUsers = [
    f('id', 'Id', 'int', { primaryKey: true }),
    f('name', 'Name', 'string'),
    f('email', 'Email', 'email'),
    f('phone', 'Phone', 'phone'),
    f('updated_at', 'Updated', 'datetime', { incremental: true }),
  ];
  const entity = (name, label, fields) => ({ name, label, fields });
  const salesforceEntities = [
    entity('Account', 'Account', salesforceAccount),
    entity('Contact', 'Contact', salesforceContact),
    entity('Case', 'Case', salesforceCase),
  ];
  const connectorProfiles = [
    { name: 'salesforce-prod', connectorType: 'Salesforce', entities: salesforceEntities },
    { name: 'salesforce-sandbox', connectorType: 'Salesforce', entities: salesforceEntities },
    { name: 'marketo-prod', connectorType: 'Marketo', entities: [entity('leads', 'Leads', marketoLeads)] },
    {
      name: 'servicenow-prod',
      connectorType: 'Servicenow',
      entities: [entity('incident', 'Incident', serviceNowIncident)],
    },
    {
      name: 'zendesk-prod',
      connectorType: 'Zendesk',
      entities: [entity('tickets', 'Tickets', zendeskTickets), entity('users', 'Users', zendeskUsers)],
    },
  ];
  const salesforceAccountType = objectType(
    'Salesforce accounts',
    [
      ['AccountId', 'Id', '_profile.AccountNumber'],
      ['Name', 'Name', '_profile.BusinessName'],
      ['Phone', 'Phone', '_profile.BusinessPhoneNumber', 'PHONE_NUMBER'],
      ['BillingCity', 'BillingCity', '_profile.BillingAddress.City'],
      ['LastModified', 'LastModifiedDate', '_profile.Attributes.SalesforceLastModified'],
    ],
    [
      ['_salesforceAccountId', ['AccountId'], ['PROFILE', 'UNIQUE']],
      ['_account', ['AccountId'], ['LOOKUP_ONLY']],
    ],
    'Salesforce-Account',
  );
  const templates = {
    'Salesforce-Account': { SourceName: 'Salesforce', SourceObject: 'Account', ...pick(salesforceAccountType) },
    'Salesforce-Contact': template(
      'Salesforce',
      'Contact',
      [
        ['ContactId', 'Id', '_profile.Attributes.SalesforceContactId'],
        ['FirstName', 'FirstName', '_profile.FirstName'],
        ['LastName', 'LastName', '_profile.LastName'],
        ['Email', 'Email', '_profile.EmailAddress', 'EMAIL_ADDRESS'],
      ],
      [['_salesforceContactId', ['ContactId'], ['PROFILE', 'UNIQUE']]],
    ),
    'Zendesk-Users': template(
      'Zendesk',
      'users',
      [
        ['UserId', 'id', '_profile.Attributes.ZendeskUserId'],
        ['Email', 'email', '_profile.EmailAddress', 'EMAIL_ADDRESS'],
      ],
      [['_zendeskUserId', ['UserId'], ['PROFILE', 'UNIQUE']]],
    ),
    'ServiceNow-Incident': template(
      'ServiceNow',
      'incident',
      [
        ['IncidentId', 'sys_id', '_case.Attributes.IncidentId'],
        ['Caller', 'caller_id', '_profile.Attributes.ServiceNowCallerId'],
      ],
      [['_incident', ['IncidentId'], ['UNIQUE']]],
    ),
  };
  const domains = {
    'ExampleCorp-Profiles': {
      objectTypes: {
        'Salesforce-Account': salesforceAccountType,
        'Marketo-Lead': objectType(
          'Marketo leads',
          [
            ['LeadId', 'id', '_profile.Attributes.MarketoLeadId'],
            ['Email', 'email', '_profile.EmailAddress', 'EMAIL_ADDRESS'],
            ['FirstName', 'firstName', '_profile.FirstName'],
            ['LastName', 'lastName', '_profile.LastName'],
            ['UpdatedAt', 'updatedAt', '_profile.Attributes.MarketoUpdatedAt'],
          ],
          [
            ['_marketoLeadId', ['LeadId'], ['PROFILE', 'UNIQUE']],
            ['_email', ['Email'], ['PROFILE', 'LOOKUP_ONLY']],
          ],
        ),
        'ServiceNow-Incident': objectType(
          'ServiceNow incidents',
          [
            ['IncidentId', 'sys_id', '_case.Attributes.IncidentId'],
            ['Number', 'number', '_case.Attributes.Number'],
            ['Caller', 'caller_id', '_profile.Attributes.ServiceNowCallerId'],
            ['Description', 'short_description', '_case.Attributes.Description'],
            ['UpdatedOn', 'sys_updated_on', '_case.Attributes.UpdatedOn'],
          ],
          [
            ['_incident', ['IncidentId'], ['UNIQUE']],
            ['_caller', ['Caller'], ['PROFILE']],
          ],
        ),
        'Zendesk-Ticket': objectType(
          'Zendesk tickets',
          [
            ['TicketId', 'id', '_case.Attributes.TicketId'],
            ['RequesterId', 'requester_id', '_profile.Attributes.ZendeskUserId'],
            ['RequesterEmail', 'requester_email', '_profile.EmailAddress', 'EMAIL_ADDRESS'],
            ['Subject', 'subject', '_case.Attributes.Subject'],
            ['Status', 'status', '_case.Attributes.Status'],
          ],
          [
            ['_ticket', ['TicketId'], ['UNIQUE']],
            ['_requester', ['RequesterEmail'], ['PROFILE', 'LOOKUP_ONLY']],
          ],
        ),
        'S3-Customers': objectType(
          'Customers exported to S3',
          [
            ['AccountNumber', 'AccountNumber', '_profile.AccountNumber'],
            ['FirstName', 'FirstName', '_profile.FirstName'],
            ['LastName', 'LastName', '_profile.LastName'],
            ['Email', 'Email', '_profile.EmailAddress', 'EMAIL_ADDRESS'],
            ['Phone', 'PhoneNumber', '_profile.PhoneNumber', 'PHONE_NUMBER'],
          ],
          [['_accountNumber', ['AccountNumber'], ['PROFILE', 'UNIQUE']]],
        ),
        'S3-Orders': objectType('Orders', [['OrderId', 'OrderId', '_order.Id']], [['_order', ['OrderId'], ['UNIQUE']]]),
        'Failing-Type': objectType('Always fails (demo)', [], []),
      },
      failObjectTypes: ['Failing-Type'],
    },
    'demo-domain': { objectTypes: { 'Salesforce-Account': salesforceAccountType } },
  };
  const flows = [
    flowOf({
      flowName: 'Salesforce-Contacts-Nightly',
      connectorType: 'Salesforce',
      profile: 'salesforce-prod',
      entity: salesforceEntities[1],
      domainName: 'ExampleCorp-Profiles',
      objectTypeName: 'Salesforce-Contact',
      at: DEMO_DATE,
    }),
    flowOf({
      flowName: 'Zendesk-Users-Hourly',
      connectorType: 'Zendesk',
      profile: 'zendesk-prod',
      entity: connectorProfiles[4].entities[1],
      domainName: 'ExampleCorp-Profiles',
      objectTypeName: 'Zendesk-Users',
      at: DEMO_DATE + 86_400,
      schedule: 'rate(1hours)',
    }),
    flowOf({
      flowName: 'ServiceNow-Incidents-Legacy',
      connectorType: 'Servicenow',
      profile: 'servicenow-prod',
      entity: connectorProfiles[3].entities[0],
      domainName: 'ExampleCorp-Profiles',
      objectTypeName: 'ServiceNow-Incident',
      at: DEMO_DATE + 2 * 86_400,
      status: 'Suspended',
    }),
  ];
  return { domains, templates, connectorProfiles, flows };
}

function pick(type) {
  return { Fields: type.Fields, Keys: type.Keys };
}

/** A template: what an object type made from it would map, and the source it is meant for. */
function template(sourceName, sourceObject, mapped, keys) {
  return { SourceName: sourceName, SourceObject: sourceObject, ...pick(objectType('', mapped, keys)) };
}

/** The AppFlow union member a connector type's properties and operators sit under ("Servicenow" → "ServiceNow"). */
export function connectorKey(connectorType) {
  return connectorType === 'Servicenow' ? 'ServiceNow' : connectorType;
}

/**
 * A flow as AppFlow's DescribeFlow returns it (member names and epoch-second timestamps of the wire): a Filter
 * projecting every field of the entity, a Map per field, an incremental scheduled trigger.
 * @param {{ flowName: string, connectorType: string, profile: string, entity: any, domainName: string,
 *   objectTypeName: string, at: number, schedule?: string, status?: string }} flow
 */
function flowOf({ flowName, connectorType, profile, entity, domainName, objectTypeName, at, schedule, status }) {
  const key = connectorKey(connectorType);
  const incremental = entity.fields.find((x) => x.incremental);
  const names = entity.fields.map((x) => x.identifier);
  return {
    flowArn: `arn:aws:appflow:us-east-1:210987654321:flow/${flowName}`,
    description: `Ingests ${connectorType} ${entity.label} into Customer Profiles`,
    flowName,
    kmsArn: 'arn:aws:kms:us-east-1:210987654321:key/7c9a2f4e-3b1d-4e8a-9f60-2d5c8b1a4e73',
    flowStatus: status ?? 'Active',
    sourceFlowConfig: {
      connectorType,
      connectorProfileName: profile,
      sourceConnectorProperties: { [key]: { object: entity.name } },
      ...(incremental ? { incrementalPullConfig: { datetimeTypeFieldName: incremental.identifier } } : {}),
    },
    destinationFlowConfigList: [
      {
        connectorType: 'CustomerProfiles',
        destinationConnectorProperties: { CustomerProfiles: { domainName, objectTypeName } },
      },
    ],
    tasks: [
      { sourceFields: names, connectorOperator: { [key]: 'PROJECTION' }, taskType: 'Filter', taskProperties: {} },
      ...entity.fields.map((x) => ({
        sourceFields: [x.identifier],
        connectorOperator: { [key]: 'NO_OP' },
        destinationField: x.identifier,
        taskType: 'Map',
        taskProperties: { DESTINATION_DATA_TYPE: x.fieldType, SOURCE_DATA_TYPE: x.fieldType },
      })),
    ],
    triggerConfig: {
      triggerType: 'Scheduled',
      triggerProperties: {
        Scheduled: {
          scheduleExpression: schedule ?? 'rate(1days)',
          dataPullMode: incremental ? 'Incremental' : 'Complete',
          scheduleStartTime: at + 3600,
          timezone: 'America/New_York',
        },
      },
    },
    createdAt: at,
    lastUpdatedAt: at,
    createdBy: 'arn:aws:iam::210987654321:user/local',
    lastUpdatedBy: 'arn:aws:iam::210987654321:user/local',
    tags: {},
    lastRunExecutionDetails: {
      mostRecentExecutionMessage: 'Successfully ran the flow.',
      mostRecentExecutionTime: at + 7200,
      mostRecentExecutionStatus: 'Successful',
    },
  };
}

// ---- the random account --------------------------------------------------------------------------

/** mulberry32: a small deterministic generator, so a failing seed replays exactly. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ta', 're', 'vu', 'zen', 'dor', 'qui', 'pe', 'xa', 'no', 'bri', 'sol', 'fa'];

/**
 * An account nobody chose: random names (with the punctuation AWS allows), 2–4 profiles of every connector
 * (more than a page), 2–5 entities each with 4–12 fields of random types, one primary key, zero to two
 * incremental fields, 2 domains of 2–5 object types whose Keys read random fields, 2–4 templates, 2–5 flows.
 * @param {number} seed
 */
export function randomAccount(seed) {
  const rand = seededRandom(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const choice = (list) => list[Math.floor(rand() * list.length)];
  const used = new Set();
  const word = (parts) => Array.from({ length: parts }, () => choice(SYLLABLES)).join('');
  const unique = (make) => {
    for (;;) {
      const n = make();
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const connectorProfiles = [];
  for (const connectorType of PROFILE_CONNECTOR_TYPES) {
    const entities = Array.from({ length: int(2, 5) }, () => {
      const name = unique(() => cap(word(int(2, 3))) + (rand() < 0.3 ? '__c' : ''));
      const fieldNames = new Set();
      const fields = Array.from({ length: int(4, 12) }, (_, i) => {
        let id;
        do id = (i === 0 ? 'Id' : '') + word(int(1, 3)) + (rand() < 0.2 ? '_' + word(1) : '');
        while (fieldNames.has(id));
        fieldNames.add(id);
        const fieldType = i === 0 ? 'id' : choice(FIELD_TYPES);
        return entityField(id, `${cap(word(1))} ${cap(word(2))}`, fieldType, {
          primaryKey: i === 0,
          incremental: fieldType === 'datetime' && rand() < 0.7,
        });
      });
      return { name, label: `${cap(word(2))} ${cap(word(1))}`, fields };
    });
    for (let p = int(2, 4); p > 0; p--) {
      connectorProfiles.push({
        name: unique(() => `${word(2)}-${connectorType.toLowerCase()}.${int(1, 99)}`),
        connectorType,
        entities,
      });
    }
  }
  const typeFor = (entity, description) => {
    const chosen = entity.fields.filter(() => rand() < 0.6);
    if (chosen.length === 0) chosen.push(entity.fields[0]);
    const mapped = chosen.map((x) => [cap(x.identifier), x.identifier, `_profile.Attributes.${cap(x.identifier)}`]);
    const keyFields = [mapped[0][0], ...(mapped.length > 2 && rand() < 0.5 ? [mapped[2][0]] : [])];
    const keys = keyFields.map((k, i) => [`_${word(2)}${i}`, [k], i === 0 ? ['PROFILE', 'UNIQUE'] : ['LOOKUP_ONLY']]);
    return objectType(description, mapped, keys);
  };
  const allEntities = connectorProfiles.flatMap((p) => p.entities.map((e) => ({ profile: p, entity: e })));
  const domains = {};
  for (let d = 0; d < 2; d++) {
    const objectTypes = {};
    for (let t = int(2, 5); t > 0; t--) {
      const { entity } = choice(allEntities);
      objectTypes[unique(() => `${cap(word(2))}-${entity.name}`)] = typeFor(entity, `${entity.label} records`);
    }
    domains[unique(() => `${cap(word(2))}_${word(1)}-${int(1, 9)}`)] = { objectTypes };
  }
  const templates = {};
  for (let t = int(2, 4); t > 0; t--) {
    const { profile, entity } = choice(allEntities);
    templates[unique(() => `${profile.connectorType}-${entity.name}-${word(1)}`)] = {
      SourceName: profile.connectorType,
      SourceObject: entity.name,
      ...pick(typeFor(entity, '')),
    };
  }
  const domainNames = Object.keys(domains);
  const flows = Array.from({ length: int(2, 5) }, (_, i) => {
    const { profile, entity } = choice(allEntities);
    const domainName = choice(domainNames);
    return flowOf({
      flowName: unique(() => `${cap(word(2))}-${word(2)}-${int(1, 999)}`),
      connectorType: profile.connectorType,
      profile: profile.name,
      entity,
      domainName,
      objectTypeName: choice(Object.keys(domains[domainName].objectTypes)),
      at: DEMO_DATE + i * 3600,
    });
  });
  return { domains, templates, connectorProfiles, flows };
}

/** A seed for a random account: ACCOUNT_SEED replays one, else a new one (log it). */
export function accountSeed(env = process.env) {
  return seedFrom(env.ACCOUNT_SEED, FIXED_ACCOUNT_SEED);
}

/**
 * The seed `npm test` uses when nothing else is asked: the same account every run, so two runs say the same. The
 * names in it are still drawn by the generator, not chosen by a test. `npm run fuzz` sets ACCOUNT_SEED=random.
 */
export const FIXED_ACCOUNT_SEED = 20261207;

/** A seed from an environment value: a number replays it, `random` draws a new one, anything else is `fixed`. */
export function seedFrom(value, fixed) {
  if (value === 'random') return Math.floor(Math.random() * 2 ** 31);
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n >>> 0 : fixed;
}
