// Types for accountData.mjs: the account the local endpoint serves.

export interface EntityField {
  identifier: string;
  label: string;
  /** AppFlow field type: string, id, int, double, boolean, datetime, date, email, phone, picklist, reference… */
  fieldType: string;
  filterOperators: string[];
  isPrimaryKey: boolean;
  /** sourceProperties.isTimestampFieldForIncrementalQueries */
  incremental: boolean;
}

export interface Entity {
  name: string;
  label: string;
  fields: EntityField[];
}

export interface ConnectorProfileData {
  name: string;
  /** AppFlow ConnectorType: Salesforce, Servicenow, Marketo, Zendesk. */
  connectorType: string;
  entities: Entity[];
}

export interface ObjectTypeField {
  Source: string;
  Target: string;
  ContentType?: string;
}

export interface ObjectTypeKey {
  StandardIdentifiers: string[];
  FieldNames: string[];
}

export interface ObjectTypeData {
  Description?: string;
  TemplateId?: string;
  Fields: Record<string, ObjectTypeField>;
  Keys: Record<string, ObjectTypeKey[]>;
}

export interface DomainData {
  objectTypes: Record<string, ObjectTypeData>;
  failObjectTypes?: string[];
  failWorkflows?: boolean;
  /** Past workflows in every status a finished or stuck run shows (see customerProfilesEndpoint.d.mts). */
  history?: boolean;
}

export interface TemplateData {
  SourceName: string;
  SourceObject: string;
  Fields: Record<string, ObjectTypeField>;
  Keys: Record<string, ObjectTypeKey[]>;
}

export interface AccountData {
  domains: Record<string, DomainData>;
  templates: Record<string, TemplateData>;
  connectorProfiles: ConnectorProfileData[];
  /** Flows as AppFlow DescribeFlow returns them (lowerCamel members, epoch-second timestamps). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  flows: Array<{ flowName: string; [member: string]: any }>;
}

export const FIELD_TYPES: string[];
export const PROFILE_CONNECTOR_TYPES: string[];
export function entityField(
  identifier: string,
  label: string,
  fieldType: string,
  flags?: { primaryKey?: boolean; incremental?: boolean },
): EntityField;
export function connectorKey(connectorType: string): string;
/** The demo account: the domain and object types of examples/, with one planted mapping finding (Zendesk-Ticket). */
export function demoAccount(): AccountData;
/** An account nobody chose, the same for the same seed. */
export function randomAccount(seed: number): AccountData;
/** ACCOUNT_SEED when set (to replay a run), else a new random seed: log it. */
export function accountSeed(env?: NodeJS.ProcessEnv): number;
export const FIXED_ACCOUNT_SEED: number;
export function seedFrom(value: string | undefined, fixed: number): number;
/** mulberry32: the same sequence for the same seed. */
export function seededRandom(seed: number): () => number;
