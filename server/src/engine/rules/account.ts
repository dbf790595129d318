// Checks against the user's account (docs/rules.md, ACC-*): what the service model cannot know and the create would
// only reveal at runtime. They read the AccountSnapshot in the rule context and say nothing about a fact it lacks,
// so an empty snapshot (account off, offline, still fetching) leaves the offline diagnostics exactly as they were.
import { NUMERIC_DATA_TYPES, valuesNotOfType } from '../domain/dataTypes';
import { TextEdit } from 'vscode-languageserver-types';
import { Node, ParsedWorkflow, keyOf, prop, stringValue } from '../document';
import { insertItem, insertItems } from '../jsonEdit';
import { Finding, closestFirst, listOf, quoted } from '../findings';
import { isProjection, workflowOf, type Workflow } from '../workflowModel';
import {
  AccountSnapshot,
  EntityFieldFacts,
  accountReferences,
  objectTypeOf,
  sourceFieldsOf,
  sourceNameOf,
} from '../accountSnapshot';
import { identityMapTask, operatorFamily } from '../domain/taskKinds';
import type { Fix, FixContext, Fixes, Rule, RuleContext } from './types';
import { genericFixes, replaceWith } from './fixKit';

declare module '../findings' {
  interface CodeData {
    'ACC-0': object;
    'ACC-1': { readonly allowed: readonly string[] };
    'ACC-2': { readonly allowed: readonly string[]; readonly template?: string };
    'ACC-3': { readonly allowed: readonly string[] };
    'ACC-4': { readonly allowed: readonly string[] };
    'ACC-5': { readonly allowed: readonly string[] };
    'ACC-6': { readonly allowed: readonly string[] };
    'ACC-7': { readonly allowed: readonly string[] };
    'ACC-8': { readonly allowed: readonly string[] };
    'ACC-9': { readonly allowed?: readonly string[] };
    /** a field the object type reads (for a key: ACC-10) that no Map writes, and every such field */
    /** `rename`: a Map reads `field` but writes it under another name (the finding is at that DestinationField) */
    'ACC-10': { readonly field: string; readonly all: readonly string[]; readonly rename?: true };
    'ACC-12': { readonly field: string; readonly all: readonly string[]; readonly rename?: true };
    'ACC-11': object;
    'ACC-13': { readonly replacement: string };
  }
}

const ACCOUNT_DOCS = {
  connectorProfiles: 'https://docs.aws.amazon.com/appflow/1.0/APIReference/API_DescribeConnectorProfiles.html',
  entityFields: 'https://docs.aws.amazon.com/appflow/1.0/APIReference/API_ConnectorEntityField.html',
  objectTypes: 'https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_PutProfileObjectType.html',
  objectTypeKeys: 'https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_ObjectTypeKey.html',
  domains: 'https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_ListDomains.html',
  flows: 'https://docs.aws.amazon.com/appflow/1.0/APIReference/API_ListFlows.html',
} as const;

/** Choices a fix offers, closest first. */
const MAX_CANDIDATES = 8;
const candidates = (value: string, all: readonly string[]) => closestFirst(value, all).slice(0, MAX_CANDIDATES);

function referenceChecks(ctx: RuleContext, account: AccountSnapshot): Finding[] {
  const out: Finding[] = [];
  const doc = ctx.doc;
  const w = workflowOf(doc);
  const r = accountReferences(doc);
  const where = account.label ? ` (${account.label})` : '';
  const domainNode = prop(doc.root, 'DomainName');
  if (r.domainName && domainNode && account.domains && !account.domains.includes(r.domainName)) {
    out.push({
      code: 'ACC-1',
      severity: 'warning',
      at: domainNode,
      href: ACCOUNT_DOCS.domains,
      data: { rules: ['ACC-1'], allowed: candidates(r.domainName, account.domains) },
      message: `Domain "${r.domainName}" does not exist in this account and region${where}. ${
        account.domains.length
          ? `Domains: ${listOf(candidates(r.domainName, account.domains).slice(0, 5))}.`
          : 'It has no domains.'
      }`,
    });
  }
  const typeNode = prop(doc.root, 'ObjectTypeName');
  const typeNames = r.domainName ? account.objectTypeNames.get(r.domainName) : undefined;
  if (r.objectTypeName && typeNode && typeNames && !typeNames.includes(r.objectTypeName)) {
    const template = account.templates?.find((t) => t.id === r.objectTypeName);
    out.push({
      code: 'ACC-2',
      severity: 'warning',
      at: typeNode,
      href: ACCOUNT_DOCS.objectTypes,
      data: { rules: ['ACC-2'], allowed: candidates(r.objectTypeName, typeNames), template: template?.id },
      message:
        `Object type "${r.objectTypeName}" does not exist in domain "${r.domainName}"; records would be rejected. ` +
        (template
          ? `A template of that name exists (${template.sourceName} ${template.sourceObject}): create the object type from it first ` +
            `(aws customer-profiles put-profile-object-type --domain-name ${r.domainName} --object-type-name ${template.id} --template-id ${template.id} --description "…").`
          : typeNames.length
            ? `Object types in the domain: ${listOf(candidates(r.objectTypeName, typeNames).slice(0, 5))}.`
            : 'The domain has no object types yet; create one with put-profile-object-type.'),
    });
  }
  const flowNameNode = prop(w.flowDefinitionNode, 'FlowName');
  if (r.flowName && flowNameNode && account.flowNames?.includes(r.flowName)) {
    out.push({
      code: 'ACC-13',
      severity: 'error',
      at: flowNameNode,
      href: ACCOUNT_DOCS.flows,
      data: { rules: ['ACC-13'], replacement: freeFlowName(r.flowName, account.flowNames) },
      message: `An AppFlow flow named "${r.flowName}" already exists in this account and region${where}; flow names are unique there, so the create would fail. Choose another name, e.g. "${freeFlowName(r.flowName, account.flowNames)}".`,
    });
  }
  if (w.connector && w.connector.type !== 'S3') out.push(...connectorChecks(ctx, account, w));
  return out;
}

function freeFlowName(name: string, taken: readonly string[]): string {
  const base = name.replace(/-\d+$/, '');
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}

function connectorChecks(ctx: RuleContext, account: AccountSnapshot, w: Workflow): Finding[] {
  const out: Finding[] = [];
  const r = accountReferences(ctx.doc);
  const connectorType = w.connector!.type;
  const profileNode = prop(w.sourceFlowConfigNode, 'ConnectorProfileName');
  if (r.connectorProfileName && profileNode && account.connectorProfiles) {
    const ofType = account.connectorProfiles.filter((p) => p.connectorType === connectorType).map((p) => p.name);
    const found = account.connectorProfiles.find((p) => p.name === r.connectorProfileName);
    if (!found || found.connectorType !== connectorType) {
      const choices = candidates(r.connectorProfileName, ofType);
      out.push({
        code: found ? 'ACC-4' : 'ACC-3',
        severity: 'warning',
        at: profileNode,
        href: ACCOUNT_DOCS.connectorProfiles,
        data: { rules: [found ? 'ACC-4' : 'ACC-3'], allowed: choices },
        message:
          (found
            ? `Connector profile "${found.name}" is a ${found.connectorType} connection, not ${connectorType}. `
            : `No AppFlow connector profile "${r.connectorProfileName}" exists in this account and region. `) +
          (choices.length
            ? `${connectorType} connections: ${listOf(choices.slice(0, 5))}.`
            : `There is no ${connectorType} connection; create one in the AppFlow console.`),
      });
    }
  }
  const entities = r.connectorProfileName ? account.entities.get(r.connectorProfileName) : undefined;
  const objectNode = prop(prop(w.sourceConnectorPropertiesNode, w.connector!.key), 'Object');
  if (r.object && objectNode && entities && !entities.some((e) => e.name === r.object)) {
    const choices = candidates(
      r.object,
      entities.map((e) => e.name),
    );
    out.push({
      code: 'ACC-5',
      severity: 'warning',
      at: objectNode,
      href: ACCOUNT_DOCS.entityFields,
      data: { rules: ['ACC-5'], allowed: choices },
      message: `Connection "${r.connectorProfileName}" has no object "${r.object}". Objects it has: ${listOf(choices.slice(0, 5))}.`,
    });
  }
  const fields = sourceFieldsOf(account, r);
  if (fields) out.push(...fieldChecks(ctx, w, fields));
  return out;
}

function fieldChecks(ctx: RuleContext, w: Workflow, fields: readonly EntityFieldFacts[]): Finding[] {
  const out: Finding[] = [];
  const r = accountReferences(ctx.doc);
  const byName = new Map(fields.map((f) => [f.identifier, f]));
  const names = fields.map((f) => f.identifier);
  // `taken`: names a replacement must not be (those a projection already lists: a second copy would be a duplicate)
  // the closest names of one misspelling, once per validation however often the file repeats it
  const closest = new Map<string, string[]>();
  const unknownField = (name: string, node: Node, taken?: ReadonlySet<string>): Finding => {
    const memo = `${taken ? 'p' : 'm'}${name}`;
    const allowed = closest.get(memo) ?? candidates(name, taken ? names.filter((n) => !taken.has(n)) : names);
    closest.set(memo, allowed);
    return {
      code: 'ACC-6',
      severity: 'warning',
      at: node,
      href: ACCOUNT_DOCS.entityFields,
      data: { rules: ['ACC-6'], allowed },
      message: `Object ${quoted(r.object ?? '')} of connection ${quoted(r.connectorProfileName ?? '')} has no field ${quoted(name)}. Closest: ${listOf(
        allowed.slice(0, 5).map((a) => quoted(a)),
      )}.`,
    };
  };
  for (const task of w.tasks) {
    const taken = isProjection(task) ? new Set(task.sourceFields.map((f) => f.name)) : undefined;
    for (const f of task.sourceFields) {
      if (w.intermediateFields.has(f.name) || byName.has(f.name)) continue;
      out.push(unknownField(f.name, f.node, taken));
    }
    // a comparison Filter: the operator and the values must suit the field
    if (task.taskType !== 'Filter' || isProjection(task) || !task.operator) continue;
    if (operatorFamily(task.operator) !== 'comparison') continue;
    const field = byName.get(task.sourceFields[0]?.name ?? '');
    if (!field) continue;
    const operatorNode = task.operatorMember?.valueNode;
    if (operatorNode && !field.filterOperators.includes(task.operator)) {
      const allowed = field.filterOperators.filter((o) => o !== 'PROJECTION');
      out.push({
        code: 'ACC-8',
        severity: 'warning',
        at: operatorNode,
        href: ACCOUNT_DOCS.entityFields,
        data: { rules: ['ACC-8'], allowed: allowed },
        message: `Field "${field.identifier}" (${field.fieldType}) cannot be filtered with ${task.operator}; it supports ${listOf(allowed)}.`,
      });
    }
    const dataType = task.taskProperties.get('DATA_TYPE');
    const dataTypeValue = stringValue(dataType?.valueNode);
    if (dataType?.valueNode && dataTypeValue !== undefined && dataTypeValue !== field.fieldType) {
      out.push({
        code: 'ACC-9',
        severity: 'warning',
        at: dataType.valueNode,
        href: ACCOUNT_DOCS.entityFields,
        data: { rules: ['ACC-9'], allowed: [field.fieldType] },
        message: `DATA_TYPE is "${dataTypeValue}", but field "${field.identifier}" is ${field.fieldType}: use "${field.fieldType}".`,
      });
    }
    // values against DATA_TYPE itself are TP-10's, offline; these are against the account's type when they differ
    for (const key of dataTypeValue === field.fieldType ? [] : ['VALUE', 'VALUES', 'LOWER_BOUND', 'UPPER_BOUND']) {
      const entry = task.taskProperties.get(key);
      const text = stringValue(entry?.valueNode);
      if (!entry?.valueNode || text === undefined) continue;
      const bad = valuesNotOfType(text, key === 'VALUES', field.fieldType);
      if (bad.length)
        out.push({
          code: 'ACC-9',
          severity: 'warning',
          at: entry.valueNode,
          href: ACCOUNT_DOCS.entityFields,
          data: { rules: ['ACC-9'] },
          message: `${key} ${listOf(bad.map((b) => `"${b}"`))} ${bad.length > 1 ? 'are' : 'is'} not ${
            NUMERIC_DATA_TYPES.has(field.fieldType) ? 'a number' : 'true or false'
          }, but field "${field.identifier}" is ${field.fieldType}.`,
        });
    }
  }
  const incrementalNode = prop(w.incrementalPullConfigNode, 'DatetimeTypeFieldName');
  const incrementalName = stringValue(incrementalNode);
  if (incrementalNode && incrementalName !== undefined) {
    const field = byName.get(incrementalName);
    const usable = fields.filter((f) => f.incremental).map((f) => f.identifier);
    if (!field) out.push(unknownField(incrementalName, incrementalNode));
    else if (!field.incremental)
      out.push({
        code: 'ACC-7',
        severity: 'warning',
        at: incrementalNode,
        href: ACCOUNT_DOCS.entityFields,
        data: { rules: ['ACC-7'], allowed: usable },
        message: `Field "${incrementalName}" cannot drive incremental pulls (it is not a timestamp field for incremental queries). ${
          usable.length
            ? `Fields that can: ${listOf(usable)}.`
            : `Object "${r.object}" has none: use DataPullMode Complete.`
        }`,
      });
  }
  return out;
}

/** The values of a filter property that do not parse as the field's type (numbers and booleans only). */
/** What the file's Map tasks write: DestinationField → the task's value node. */
function mapDestinations(w: Workflow): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const t of w.tasks) if (t.taskType === 'Map' && t.destinationField) out.set(t.destinationField, t.node);
  return out;
}

/** The source names (`_source.X` → X) an object type's keys read, each with the key names that read it. */
export function keySources(facts: {
  fields: Readonly<Record<string, { source: string }>>;
  keys: Readonly<Record<string, readonly { fieldNames: readonly string[] }[]>>;
}): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [keyName, list] of Object.entries(facts.keys))
    for (const k of list)
      for (const fieldName of k.fieldNames) {
        const source = sourceNameOf(facts.fields[fieldName]?.source ?? '');
        if (source) out.set(source, [...(out.get(source) ?? []), keyName]);
      }
  return out;
}

function mappingChecks(ctx: RuleContext, account: AccountSnapshot): Finding[] {
  const out: Finding[] = [];
  const r = accountReferences(ctx.doc);
  const target = objectTypeOf(account, r);
  const w = workflowOf(ctx.doc);
  if (!target || w.tasksNode?.type !== 'array') return out;
  const written = mapDestinations(w);
  const read = new Set(
    Object.values(target.facts.fields).flatMap((f) => {
      const s = sourceNameOf(f.source);
      return s ? [s] : [];
    }),
  );
  const byKey = keySources(target.facts);
  const whose = target.from === 'domain' ? `object type "${r.objectTypeName}"` : `template "${r.objectTypeName}"`;
  const Whose = whose[0].toUpperCase() + whose.slice(1);
  const tasksKey = keyOf(w.tasksNode) ?? w.tasksNode;
  const missing = [...read].filter((s) => !written.has(s));
  // a Map that reads X but writes it as Y, which the object type does not read: the data it expects, renamed on
  // the way; the finding goes to that DestinationField, whose fix is the name, not a second Map
  const renamedBy = new Map<string, Node>();
  for (const t of w.tasks) {
    const from = t.sourceFields[0]?.name;
    const to = t.destinationFieldNode;
    if (t.taskType !== 'Map' || !from || to?.type !== 'string' || to.value === from) continue;
    if (missing.includes(from) && !read.has(to.value as string) && !renamedBy.has(from)) renamedBy.set(from, to);
  }
  const unwritten = missing.filter((s) => !renamedBy.has(s));
  for (const [source, node] of renamedBy) {
    const keys = byKey.get(source);
    const code = keys ? 'ACC-10' : 'ACC-12';
    out.push({
      code,
      severity: 'warning',
      at: node,
      href: ACCOUNT_DOCS.objectTypeKeys,
      data: { rules: [code], field: source, all: unwritten, rename: true },
      message:
        `This Map reads ${quoted(source)} but writes it as ${quoted(node.value as string)}, while ${whose} reads _source.${source}` +
        (keys
          ? ` for its key ${listOf(
              keys.map((k) => quoted(k)),
              'and',
            )}`
          : '') +
        `: the data it expects never arrives. Change DestinationField to ${quoted(source)}.`,
    });
  }
  for (const source of unwritten) {
    const keys = byKey.get(source);
    out.push({
      code: keys ? 'ACC-10' : 'ACC-12',
      severity: keys ? 'warning' : 'information',
      at: keys ? tasksKey : (prop(ctx.doc.root, 'ObjectTypeName') ?? tasksKey),
      href: ACCOUNT_DOCS.objectTypeKeys,
      data: { rules: [keys ? 'ACC-10' : 'ACC-12'], field: source, all: unwritten },
      message: keys
        ? `No Map task writes "${source}", which ${whose} reads as _source.${source} for its key ${listOf(
            keys.map((k) => `"${k}"`),
            'and',
          )}: records would fail to match or create profiles. Add a Map task with "DestinationField": "${source}" (and project the field).`
        : `${Whose} reads _source.${source}, but no Map task writes "${source}", so that field stays empty.`,
    });
  }
  if (read.size > 0)
    for (const [destination, taskNode] of written) {
      const node = prop(taskNode, 'DestinationField') ?? taskNode;
      if (read.has(destination) || [...renamedBy.values()].includes(node)) continue;
      out.push({
        code: 'ACC-11',
        severity: 'information',
        at: node,
        href: ACCOUNT_DOCS.objectTypes,
        data: { rules: ['ACC-11'] },
        message: `${Whose} reads no _source.${destination}, so what this Map writes is dropped. It reads: ${listOf(
          [...read].slice(0, 8),
        )}.`,
      });
    }
  return out;
}

export const accountRules: readonly Rule[] = [
  {
    name: 'account-references',
    ids: ['ACC-1', 'ACC-2', 'ACC-3', 'ACC-4', 'ACC-5', 'ACC-6', 'ACC-7', 'ACC-8', 'ACC-9', 'ACC-13'],
    check: (ctx) => (ctx.account && ctx.doc.root ? referenceChecks(ctx, ctx.account) : []),
  },
  {
    name: 'account-mapping',
    ids: ['ACC-10', 'ACC-11', 'ACC-12'],
    check: (ctx) => (ctx.account && ctx.doc.root ? mappingChecks(ctx, ctx.account) : []),
  },
];

/** ACC-0: the one information item when the account could not answer, at the very start of the file. */
export function accountUnavailable(account: AccountSnapshot | undefined): Finding[] {
  if (!account?.unavailable) return [];
  return [
    {
      code: 'ACC-0',
      severity: 'information',
      at: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      data: { rules: ['ACC-0'] },
      message: `Account checks are incomplete. ${account.unavailable}`,
    },
  ];
}

/**
 * ACC-10/ACC-12 fix: a Map task per field (X → X, as the object type reads `_source.X`) at the end of Tasks, and
 * each field added to the projection where it is missing.
 */
function mapFieldsEdits(doc: ParsedWorkflow, fields: readonly string[]): TextEdit[] {
  const w = workflowOf(doc);
  if (w.tasksNode?.type !== 'array' || !w.connector || fields.length === 0) return [];
  const key = w.connector.key;
  const written = mapDestinations(w);
  const todo = fields.filter((f) => !written.has(f));
  const edits: TextEdit[] = [];
  const projection = w.projections[0];
  const projected = new Set(projection?.sourceFields.map((f) => f.name));
  const toProject = todo.filter((f) => !projected.has(f));
  if (projection?.sourceFieldsNode?.type === 'array' && toProject.length)
    edits.push(...toProject.map((f) => insertItem(doc, projection.sourceFieldsNode!, f)));
  // the Map tasks in one insert, laid out as Format Document would
  if (todo.length)
    edits.push(
      insertItems(
        doc,
        w.tasksNode,
        todo.map((f) => identityMapTask(key, f)),
      ),
    );
  return edits;
}

/** The field the object type reads that no Map writes, then every such field at once. */
function mapFieldsFixes(c: FixContext<'ACC-10' | 'ACC-12'>): Fix[] {
  const { field, all } = c.data;
  if (typeof field !== 'string' || !Array.isArray(all)) return [];
  // the Map that renames the field: its DestinationField is the fix, and a second Map beside it would be wrong
  if (c.data.rename === true)
    return c.node?.type === 'string' ? replaceWith(c, field, `Change DestinationField to "${field}"`) : [];
  const one = mapFieldsEdits(c.doc, [field]);
  const every = mapFieldsEdits(c.doc, all);
  return [
    ...(one.length ? [{ title: `Project and map "${field}"`, edits: one }] : []),
    ...(all.length > 1 && every.length
      ? [{ title: 'Project and map every field the object type reads', edits: every }]
      : []),
  ];
}

export const accountFixes: Fixes<
  | 'ACC-0'
  | 'ACC-1'
  | 'ACC-2'
  | 'ACC-3'
  | 'ACC-4'
  | 'ACC-5'
  | 'ACC-6'
  | 'ACC-7'
  | 'ACC-8'
  | 'ACC-9'
  | 'ACC-10'
  | 'ACC-11'
  | 'ACC-12'
  | 'ACC-13'
> = {
  'ACC-0': null,
  'ACC-1': genericFixes,
  'ACC-2': genericFixes,
  'ACC-3': genericFixes,
  'ACC-4': genericFixes,
  'ACC-5': genericFixes,
  'ACC-6': genericFixes,
  'ACC-7': genericFixes,
  'ACC-8': genericFixes,
  'ACC-9': genericFixes,
  'ACC-10': mapFieldsFixes,
  'ACC-11': null,
  'ACC-12': mapFieldsFixes,
  'ACC-13': genericFixes,
};
