// What the rule modules' quick fixes share: edits that replace, remove or rename the flagged node, the task a finding
// is in, and placeholders that pass every check. Fixes read a diagnostic's code and data (never its message) and the
// node at its range, and return edits that leave strict JSON without the problem and without a new error.
import { Node, ParsedWorkflow, isKey, keyOf, pathOf, prop } from '../document';
import { Code, closestFirst, quoted } from '../findings';
import { ShapeName, connectors, shapes } from '../../generated/model';
import { WorkflowTask, connectorByKey, taskAt, workflowOf } from '../workflowModel';
import { operatorsFor, taskTypesForOperator } from '../domain/taskKinds';
import { insertProperty, removeEntry, renameKey, replaceNode } from '../jsonEdit';
import { defaultText, workflowSnippetOf } from '../snippets';
import { instantOf, isoUtc, startOfDayUtc, startSoon } from '../domain/time';
import type { Fix, FixContext, GenericFixData } from './types';
import { safeJsonStringify } from '../controls';

/** What every fix may read besides its data: the document, the diagnostic, the node it covers and the clock. */
export type FixSite = Omit<FixContext<Code>, 'data'>;

/** More choices than this become noise in the light-bulb menu. */
export const MAX_CHOICES = 8;

/** A value in a fix's title: quoted and cut as in messages, controls and bidi marks escaped. */
export const show = (v: unknown) => (typeof v === 'string' ? quoted(v) : safeJsonStringify(v));
const isPrimitive = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

export function replaceWith(c: FixSite, value: unknown, title = `Change to ${show(value)}`): Fix[] {
  return c.node && !isKey(c.node) ? [{ title, edits: [replaceNode(c.doc, c.node, value)] }] : [];
}

export function removeMember(c: FixSite, keyNode = c.node): Fix[] {
  return isKey(keyNode)
    ? [{ title: `Remove ${quoted(String(keyNode.value))}`, edits: [removeEntry(c.doc, keyNode.parent!)] }]
    : [];
}

export function renameTo(c: FixSite, key: string): Fix[] {
  if (!isKey(c.node)) return [];
  // renaming onto a key the object already has would only trade one problem for another
  if (prop(c.node.parent!.parent, key)) return [];
  return [
    { title: `Rename ${quoted(String(c.node.value))} to ${quoted(key)}`, edits: [renameKey(c.doc, c.node, key)] },
  ];
}

export function eachAllowed(c: FixSite, allowed: readonly string[]): Fix[] {
  const value = typeof c.node?.value === 'string' ? c.node.value : '';
  return closestFirst(value, allowed)
    .slice(0, MAX_CHOICES)
    .flatMap((v) => replaceWith(c, v));
}

/**
 * For codes whose data says what replaces the value (`replacement`), that the member goes (`remove`), or which values
 * fit (`allowed`).
 */
export function genericFixes(c: FixSite & { readonly data: Readonly<GenericFixData> }): Fix[] {
  const { data } = c;
  if (isPrimitive(data.replacement)) return replaceWith(c, data.replacement);
  if (data.remove === true) return removeMember(c);
  if (Array.isArray(data.allowed)) return eachAllowed(c, data.allowed);
  return [];
}

/** The object a "something is missing here" finding points at: its key's value, or the object whose brace it marks. */
export function objectOfAnchor(node: Node | undefined): Node | undefined {
  const object = isKey(node) ? node.parent!.children?.[1] : node;
  return object?.type === 'object' ? object : undefined;
}

/**
 * The task the diagnostic's range is in, found in the current text (a task index in data would go stale once an edit
 * moves the tasks, so findings carry none).
 */
export function taskOf(c: FixSite): WorkflowTask | undefined {
  return taskAt(c.doc, c.doc.document.offsetAt(c.diagnostic.range.start));
}

/** The operators an operator value may become: the connector's, narrowed to what the task's TaskType takes. */
export function operatorsForTask(c: FixSite, allowed: readonly string[]): string[] {
  const n = c.node;
  const key = n && keyOf(n);
  const connector = connectorByKey(key?.value as string | undefined);
  const task = taskOf(c);
  // a second projection is never the fix for another task's operator (PAT-2 would follow)
  const another = workflowOf(c.doc).projections.some((p) => p !== task);
  const fit = operatorsFor(connector, task?.taskType).filter((op) => !(another && op === 'PROJECTION'));
  return allowed.length ? allowed.filter((op) => fit.includes(op)) : [...fit];
}

/** An "Add <property>" fix on the object the finding points at, with a placeholder every check accepts. */
export function addProperty(c: FixSite, property: string, target: ShapeName | undefined): Fix[] {
  const object = objectOfAnchor(c.node);
  if (!object || !target || !shapes[target]) return [];
  const value = placeholder(c, [...pathOf(object), property], target);
  return [{ title: `Add "${property}"`, edits: [insertProperty(c.doc, object, property, value)] }];
}

// ---- placeholders that pass every check ----

// Required values no example supplies: enums whose first value would raise another finding.
const ENUM_PLACEHOLDERS: Partial<Record<ShapeName, string>> = { TriggerType: 'OnDemand' };

/** The value the workflow snippet for the file's connector has at `path` (list indexes read as its first item). */
function exampleAt(doc: ParsedWorkflow, path: readonly (string | number)[]): unknown {
  const snippet = workflowSnippetOf((workflowOf(doc).connector ?? connectors[0]).type);
  if (!snippet) return undefined;
  let v: unknown = JSON.parse(defaultText(snippet.body));
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? v[0] : (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

export function placeholder(c: FixSite, path: readonly (string | number)[], target: ShapeName | undefined): unknown {
  if (!target) return {};
  const s = shapes[target];
  if (s.type === 'timestamp') return timestampPlaceholder(c, path);
  // inside a task the workflow example (a projection) is no guide to what this task needs
  const inTask = taskOf(c) !== undefined;
  if (!inTask) {
    const example = exampleAt(c.doc, path);
    if (example !== undefined && (s.type !== 'string' || typeof example === 'string')) return example;
  }
  if (inTask && path[path.length - 1] === 'TaskType') {
    const task = taskOf(c);
    const fits = task?.operator ? taskTypesForOperator(task.operator) : [];
    if (fits.length) return fits[0];
  }
  switch (s.type) {
    case 'enum':
      return ENUM_PLACEHOLDERS[target] ?? s.values![0];
    case 'string':
      return s.length?.min ? 'x'.repeat(s.length.min) : '';
    case 'list':
      return [];
    case 'map':
      return {};
    case 'boolean':
      return false;
    case 'long':
    case 'integer':
      return s.range?.min ?? 0;
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, m] of Object.entries(s.members!))
        if (m.required) out[name] = placeholder(c, [...path, name], m.target);
      return out;
    }
    default:
      return '';
  }
}

// A batch spans a month from its other end; other times are today's start, or startSoon for a schedule start.
const MONTH_SECONDS = 30 * 24 * 3600;

function timestampPlaceholder(c: FixSite, path: readonly (string | number)[]): string {
  const member = path[path.length - 1];
  const object = c.node && objectOfAnchor(c.node);
  // the instant the rules read: epoch milliseconds (SCH-18's warning) as meant
  const sibling = (name: string) => instantOf(prop(object, name));
  if (member === 'EndTime' && sibling('StartTime') !== undefined) return isoUtc(sibling('StartTime')! + MONTH_SECONDS);
  if (member === 'StartTime' && sibling('EndTime') !== undefined) return isoUtc(sibling('EndTime')! - MONTH_SECONDS);
  if (member === 'ScheduleStartTime') return isoUtc(startSoon(c.now));
  return isoUtc(startOfDayUtc(c.now));
}
