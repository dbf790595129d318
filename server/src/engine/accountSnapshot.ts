// What the engine knows of the user's AWS account: a snapshot of facts, possibly empty or partial, handed in
// synchronously by a shell (server/src/account fetches and caches them). A fact that is absent is unknown, never
// "empty": the account checks say nothing about what they do not know. `accountNeeds` tells the shell which facts
// a document would use, so that fetching stays outside the engine.
import { ParsedWorkflow, prop, stringValue } from './document';
import { workflowOf } from './workflowModel';

/** One field of a connector entity (AppFlow DescribeConnectorEntity). */
export interface EntityFieldFacts {
  readonly identifier: string;
  readonly label: string;
  /** AppFlow's fieldType: string, id, int, double, boolean, datetime, date, … */
  readonly fieldType: string;
  readonly filterOperators: readonly string[];
  readonly isPrimaryKey: boolean;
  /** sourceProperties.isTimestampFieldForIncrementalQueries */
  readonly incremental: boolean;
}

export interface ObjectTypeKeyFacts {
  readonly standardIdentifiers: readonly string[];
  readonly fieldNames: readonly string[];
}

/** An object type or template: its Fields (name → Source such as `_source.Email`) and Keys. */
export interface ObjectTypeFacts {
  readonly fields: Readonly<Record<string, { readonly source: string; readonly target: string }>>;
  readonly keys: Readonly<Record<string, readonly ObjectTypeKeyFacts[]>>;
}

export interface TemplateSummary {
  readonly id: string;
  readonly sourceName: string;
  readonly sourceObject: string;
}

export interface AccountSnapshot {
  /** "profile default, us-east-1": where the facts come from, for messages */
  readonly label: string;
  readonly domains?: readonly string[];
  /** domain → its object type names */
  readonly objectTypeNames: ReadonlyMap<string, readonly string[]>;
  /** factKey(domain, objectType) → the object type */
  readonly objectTypes: ReadonlyMap<string, ObjectTypeFacts>;
  readonly templates?: readonly TemplateSummary[];
  /** template id → the template's Fields and Keys */
  readonly templateDetails: ReadonlyMap<string, ObjectTypeFacts>;
  readonly connectorProfiles?: readonly { readonly name: string; readonly connectorType: string }[];
  /** connector profile → its entities (objects) */
  readonly entities: ReadonlyMap<string, readonly { readonly name: string; readonly label: string }[]>;
  /** factKey(profile, entity) → the entity's fields */
  readonly fields: ReadonlyMap<string, readonly EntityFieldFacts[]>;
  readonly flowNames?: readonly string[];
  /** a fetch is in flight: completion lists are incomplete */
  readonly pending: boolean;
  /** why some facts could not be had (no credentials, access denied, throttled, offline), in one sentence */
  readonly unavailable?: string;
}

/** The key of a fact about a pair (domain + object type, profile + entity). */
export const factKey = (a: string, b: string): string => `${a}\u0000${b}`;

export const emptyAccountSnapshot = (label = ''): AccountSnapshot => ({
  label,
  objectTypeNames: new Map(),
  objectTypes: new Map(),
  templateDetails: new Map(),
  entities: new Map(),
  fields: new Map(),
  pending: false,
});

/** A fact a document would use; the shell fetches what its cache lacks. */
export type AccountFact =
  | { readonly kind: 'domains' | 'templates' | 'connectorProfiles' | 'flows' }
  | { readonly kind: 'objectTypeNames'; readonly domain: string }
  | { readonly kind: 'objectType'; readonly domain: string; readonly objectType: string }
  | { readonly kind: 'template'; readonly id: string }
  | { readonly kind: 'entities'; readonly profile: string; readonly connectorType?: string }
  | { readonly kind: 'fields'; readonly profile: string; readonly entity: string; readonly connectorType?: string };

/** A stable string for a fact, for caches and de-duplication. */
export function factId(f: AccountFact): string {
  switch (f.kind) {
    case 'objectTypeNames':
      return `objectTypeNames:${f.domain}`;
    case 'objectType':
      return `objectType:${factKey(f.domain, f.objectType)}`;
    case 'template':
      return `template:${f.id}`;
    case 'entities':
      return `entities:${f.profile}`;
    case 'fields':
      return `fields:${factKey(f.profile, f.entity)}`;
    default:
      return f.kind;
  }
}

/** The names a workflow file refers to in the account. */
export interface AccountReferences {
  readonly domainName?: string;
  readonly objectTypeName?: string;
  readonly flowName?: string;
  readonly connectorProfileName?: string;
  readonly object?: string;
}

export function accountReferences(doc: ParsedWorkflow): AccountReferences {
  const w = workflowOf(doc);
  const sourceProperties = w.connector ? prop(w.sourceConnectorPropertiesNode, w.connector.key) : undefined;
  return {
    domainName: stringValue(prop(doc.root, 'DomainName')),
    objectTypeName: stringValue(prop(doc.root, 'ObjectTypeName')),
    flowName: stringValue(prop(w.flowDefinitionNode, 'FlowName')),
    connectorProfileName: stringValue(prop(w.sourceFlowConfigNode, 'ConnectorProfileName')),
    object: stringValue(prop(sourceProperties, 'Object')),
  };
}

/**
 * The facts this document would use, given what is already known (the template of an object type is needed only
 * once the domain is known to lack it).
 */
export function accountNeeds(doc: ParsedWorkflow, known: AccountSnapshot): AccountFact[] {
  const r = accountReferences(doc);
  const connectorType = workflowOf(doc).connector?.type;
  const out: AccountFact[] = [{ kind: 'domains' }, { kind: 'templates' }, { kind: 'flows' }];
  if (r.domainName) {
    out.push({ kind: 'objectTypeNames', domain: r.domainName });
    const names = known.objectTypeNames.get(r.domainName);
    if (r.objectTypeName && names?.includes(r.objectTypeName))
      out.push({ kind: 'objectType', domain: r.domainName, objectType: r.objectTypeName });
    else if (r.objectTypeName && names && known.templates?.some((t) => t.id === r.objectTypeName))
      out.push({ kind: 'template', id: r.objectTypeName });
  }
  // S3 sources name a bucket, not a connector profile
  if (connectorType !== 'S3') out.push({ kind: 'connectorProfiles' });
  // a connection's objects and an object's fields only for names the account lists once the list is known: typing a
  // name letter by letter asks nothing for each prefix; before the lists arrive (a file just opened) everything is
  // asked at once, so the first account-aware diagnostics do not wait a round per level
  const profile = r.connectorProfileName;
  const profiles = known.connectorProfiles;
  if (profile && (!profiles || profiles.some((p) => p.name === profile))) {
    out.push({ kind: 'entities', profile, connectorType });
    const object = r.object;
    const objects = known.entities.get(profile);
    if (object && (!objects || objects.some((e) => e.name === object)))
      out.push({ kind: 'fields', profile, entity: object, connectorType });
  }
  return out;
}

/** The object type the file's mapping must feed: the domain's, else the template of that name. */
export function objectTypeOf(
  account: AccountSnapshot,
  r: AccountReferences,
): { facts: ObjectTypeFacts; from: 'domain' | 'template' } | undefined {
  if (!r.domainName || !r.objectTypeName) return undefined;
  const own = account.objectTypes.get(factKey(r.domainName, r.objectTypeName));
  if (own) return { facts: own, from: 'domain' };
  const template = account.templateDetails.get(r.objectTypeName);
  return template ? { facts: template, from: 'template' } : undefined;
}

/** The fields of the file's source object, when the account knows them. */
export function sourceFieldsOf(
  account: AccountSnapshot,
  r: AccountReferences,
): readonly EntityFieldFacts[] | undefined {
  return r.connectorProfileName && r.object ? account.fields.get(factKey(r.connectorProfileName, r.object)) : undefined;
}

/** `_source.X` → X (what a Map task's DestinationField must be for the object type to read it). */
export function sourceNameOf(source: string): string | undefined {
  return source.startsWith('_source.') ? source.slice('_source.'.length) : undefined;
}

/** A one-line description of a field for completion details and hovers: "Account ID · id · primary key". */
export function fieldDetail(f: EntityFieldFacts): string {
  return [
    f.label,
    f.fieldType,
    ...(f.isPrimaryKey ? ['primary key'] : []),
    ...(f.incremental ? ['incremental'] : []),
  ].join(' · ');
}
