// Completion and hover from the account: domain and object type names, the connector profiles of the file's
// connector, the profile's objects, the object's fields (label, type, "primary key", "incremental"), and the
// `_source.` names the object type reads for DestinationField. Reads the snapshot only; a fact it lacks adds nothing.
import { Node, ParsedWorkflow, pathOf, stringValue } from './document';
import { projectedFields, workflowOf } from './workflowModel';
import {
  AccountSnapshot,
  EntityFieldFacts,
  accountReferences,
  fieldDetail,
  objectTypeOf,
  sourceFieldsOf,
  sourceNameOf,
} from './accountSnapshot';
import { keySources } from './rules/account';
import { mdCode, mdText } from './markdown';

export interface AccountProposal {
  readonly label: string;
  readonly detail: string;
  readonly markdown?: string;
}

/** Which account fact a value path asks for, or undefined where the account has nothing to say. */
type AccountSlot = 'domain' | 'objectType' | 'profile' | 'object' | 'field' | 'incremental' | 'destination';

function slotOf(path: readonly (string | number)[]): AccountSlot | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 1 && last === 'DomainName') return 'domain';
  if (path.length === 1 && last === 'ObjectTypeName') return 'objectType';
  if (last === 'ConnectorProfileName' && parent === 'SourceFlowConfig') return 'profile';
  if (last === 'Object' && path[path.length - 3] === 'SourceConnectorProperties') return 'object';
  if (parent === 'SourceFields' && path[path.length - 4] === 'Tasks') return 'field';
  if (last === 'DatetimeTypeFieldName') return 'incremental';
  if (last === 'DestinationField' && path[path.length - 3] === 'Tasks') return 'destination';
  return undefined;
}

/** Whether completion at this value path would use the account (a fetch in flight then marks the list incomplete). */
export const usesAccount = (path: readonly (string | number)[]): boolean => slotOf(path) !== undefined;

function fieldMarkdown(f: EntityFieldFacts): string {
  const ops = f.filterOperators.filter((o) => o !== 'PROJECTION');
  return [
    `**${mdText(f.identifier)}** — ${mdText(f.label)}`,
    '',
    `Type ${mdCode(f.fieldType)}${f.isPrimaryKey ? ', primary key' : ''}${f.incremental ? ', usable for incremental pulls' : ''}.`,
    '',
    ops.length ? `Filter operators: ${ops.map((o) => mdCode(o)).join(', ')}.` : 'No filter operators.',
  ].join('\n');
}

export function accountProposals(
  doc: ParsedWorkflow,
  path: readonly (string | number)[],
  account: AccountSnapshot,
): AccountProposal[] {
  const r = accountReferences(doc);
  switch (slotOf(path)) {
    case 'domain':
      return (account.domains ?? []).map((d) => ({ label: d, detail: 'domain in your account' }));
    case 'objectType': {
      const own = r.domainName ? (account.objectTypeNames.get(r.domainName) ?? []) : [];
      return [
        ...own.map((t) => ({ label: t, detail: `object type in ${r.domainName}` })),
        ...(account.templates ?? [])
          .filter((t) => !own.includes(t.id))
          .map((t) => ({ label: t.id, detail: `template: ${t.sourceName} ${t.sourceObject}` })),
      ];
    }
    case 'profile': {
      const type = workflowOf(doc).connector?.type;
      return (account.connectorProfiles ?? [])
        .filter((p) => !type || p.connectorType === type)
        .map((p) => ({ label: p.name, detail: `${p.connectorType} connection` }));
    }
    case 'object':
      return r.connectorProfileName
        ? (account.entities.get(r.connectorProfileName) ?? []).map((e) => ({
            label: e.name,
            detail: `${e.label} · ${r.connectorProfileName}`,
          }))
        : [];
    case 'field': {
      // in the projection, the fields it already lists are marked and offered last (a second copy is a duplicate)
      const w = workflowOf(doc);
      const task = w.tasks[path[path.length - 3] as number];
      const projected = projectedFields(w.projections);
      const inProjection = task !== undefined && w.projections.includes(task);
      const fields = sourceFieldsOf(account, r) ?? [];
      const ordered = inProjection
        ? [...fields.filter((f) => !projected.has(f.identifier)), ...fields.filter((f) => projected.has(f.identifier))]
        : fields;
      return fieldProposals(ordered).map((p) =>
        projected.has(p.label) ? { ...p, detail: `already projected · ${p.detail}` } : p,
      );
    }
    case 'incremental': {
      const fields = sourceFieldsOf(account, r) ?? [];
      return fieldProposals([...fields.filter((f) => f.incremental), ...fields.filter((f) => !f.incremental)]);
    }
    case 'destination': {
      const target = objectTypeOf(account, r);
      if (!target) return [];
      const keys = keySources(target.facts);
      const names = new Set<string>();
      for (const f of Object.values(target.facts.fields)) {
        const s = sourceNameOf(f.source);
        if (s) names.add(s);
      }
      // what a key reads first: a Map that misses it drops the record's link to a profile
      return [...names]
        .sort((a, b) => Number(keys.has(b)) - Number(keys.has(a)))
        .map((n) => ({
          label: n,
          detail: `_source.${n} in ${r.objectTypeName}${keys.has(n) ? ` · key ${keys.get(n)!.join(', ')}` : ''}`,
        }));
    }
  }
  return [];
}

const fieldProposals = (fields: readonly EntityFieldFacts[]): AccountProposal[] =>
  fields.map((f) => ({ label: f.identifier, detail: fieldDetail(f), markdown: fieldMarkdown(f) }));

/** Hover from the account: a source field's label, type and operators; an object type's keys and what feeds them. */
export function accountHover(doc: ParsedWorkflow, n: Node, account: AccountSnapshot): string | undefined {
  const path = pathOf(n);
  const text = stringValue(n);
  if (text === undefined) return undefined;
  const r = accountReferences(doc);
  const slot = slotOf(path);
  if (slot === 'field' || slot === 'incremental') {
    const f = sourceFieldsOf(account, r)?.find((x) => x.identifier === text);
    return f && fieldMarkdown(f);
  }
  if (slot === 'objectType') {
    const target = objectTypeOf(account, r);
    if (!target) return undefined;
    const feeds = new Map<string, string>();
    for (const t of workflowOf(doc).tasks)
      if (t.taskType === 'Map' && t.destinationField && t.sourceFields[0])
        feeds.set(t.destinationField, t.sourceFields[0].name);
    const lines = Object.entries(target.facts.keys).map(([keyName, list]) => {
      const reads = list.flatMap((k) => k.fieldNames.map((fn) => sourceNameOf(target.facts.fields[fn]?.source ?? '')));
      const described = reads
        .filter((s): s is string => !!s)
        .map(
          (s) =>
            `${mdCode(`_source.${s}`)} ← ${feeds.has(s) ? `Map from ${mdCode(feeds.get(s)!)}` : '**no Map writes it**'}`,
        );
      return `- key ${mdCode(keyName)} (${mdText(list.flatMap((k) => k.standardIdentifiers).join(', '))}): ${described.join('; ')}`;
    });
    return [
      `**${mdText(text)}** (${target.from === 'domain' ? `object type in ${mdText(r.domainName ?? '')}` : 'template'})`,
      '',
      ...(lines.length ? lines : ['No keys.']),
    ].join('\n');
  }
  return undefined;
}
