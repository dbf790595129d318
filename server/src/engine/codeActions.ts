// Quick fixes. Each reads a diagnostic's `code` and `data` (never its message) and the node at its range, and
// returns edits that leave strict JSON without the problem and without a new error: renames, replacements, removals,
// and inserts whose placeholders are values the checks accept. Unknown or stale diagnostics get no fix.
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { Node, ParsedWorkflow, isKey, keyOf, nodeAt, pathOf, prop } from './document';
import { SOURCE, closestFirst, quoted } from './findings';
import { ShapeName, connectors, shapes, taskTypes } from '../generated/model';
import {
  WorkflowTask,
  connectorByKey,
  connectorByOperatorShape,
  projectedFields,
  taskAt,
  workflowOf,
} from './workflowModel';
import {
  COMBINING_TASK_TYPES,
  operatorsFor,
  suggestedPropertyValue,
  taskTypesForOperator,
  identityMapTask,
} from './domain/taskKinds';
import {
  insertEntry,
  insertItem,
  insertItems,
  insertProperty,
  lineIndent,
  removeEntry,
  renameKey,
  replaceNode,
} from './jsonEdit';
import { defaultText, workflowSnippetOf } from './snippets';
import { instantOf, isoUtc, startOfDayUtc, startSoon } from './domain/time';
import { mapFieldsEdits } from './rules/account';

interface Fix {
  readonly title: string;
  readonly edits: TextEdit[];
}

interface FixContext {
  readonly doc: ParsedWorkflow;
  readonly diagnostic: Diagnostic;
  /** the node the diagnostic's range covers exactly (undefined when the range is not one node, e.g. a comma) */
  readonly node: Node | undefined;
  readonly data: Record<string, unknown>;
  readonly now: Date;
}

/** More choices than this become noise in the light-bulb menu. */
const MAX_CHOICES = 8;

export function codeActions(doc: ParsedWorkflow, diagnostics: readonly Diagnostic[], now: Date): CodeAction[] {
  const out: CodeAction[] = [];
  // two findings on one value (a model enum and a rule) often share a fix: offer it once, for both
  const byEdit = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
    const c: FixContext = {
      doc,
      diagnostic,
      node: nodeOfRange(doc, diagnostic),
      data: (diagnostic.data ?? {}) as Record<string, unknown>,
      now,
    };
    const fixes = (FIXES[diagnostic.code] ?? genericFixes)(c);
    fixes.forEach((f, i) => {
      const same = `${f.title}\n${JSON.stringify(f.edits)}`;
      const earlier = byEdit.get(same);
      if (earlier) {
        earlier.diagnostics!.push(diagnostic);
        // one of the findings leaves no other choice (OP-2's "VALIDATE_NON_NULL" among the enum's four)
        if (fixes.length === 1) earlier.isPreferred = true;
        return;
      }
      const action: CodeAction = {
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && fixes.length === 1 ? true : undefined,
        edit: { changes: { [doc.document.uri]: f.edits } },
      };
      byEdit.set(same, action);
      out.push(action);
    });
  }
  // an error's own fixes before those of a warning or a note on the same spot (the light bulb's first entry)
  const rank = (a: CodeAction) => Math.min(...a.diagnostics!.map((d) => d.severity ?? 1));
  return out
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i)
    .map(({ a }) => a);
}

/** The kind of the one action that applies every determined fix (LSP's `source.fixAll`, as ESLint's). */
const FIX_ALL_KIND = 'source.fixAll';

/**
 * Every determined fix (the one fix of a diagnostic that has exactly one) in one edit, for `source.fixAll` and the
 * "Fix All Problems" command; undefined when there is none. Fixes whose edits touch the same text as an earlier one
 * wait for the next run, so the edit never mangles the file.
 */
export function fixAll(doc: ParsedWorkflow, diagnostics: readonly Diagnostic[], now: Date): CodeAction | undefined {
  const taken: [number, number][] = [];
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  const span = (e: TextEdit): [number, number] => [
    doc.document.offsetAt(e.range.start),
    doc.document.offsetAt(e.range.end),
  ];
  // edits that meet at one point (two inserts at one offset) clash too: their order would be arbitrary
  const clashes = ([s, e]: [number, number]) => taken.some(([ts, te]) => s <= te && ts <= e);
  for (const action of codeActions(doc, diagnostics, now)) {
    if (!action.isPreferred) continue;
    const mine = action.edit!.changes![doc.document.uri].map(span);
    if (mine.some(clashes)) continue;
    taken.push(...mine);
    edits.push(...action.edit!.changes![doc.document.uri]);
    fixed.push(...action.diagnostics!);
  }
  if (!edits.length) return undefined;
  return {
    title: `Fix all determined problems (${fixed.length})`,
    kind: FIX_ALL_KIND,
    diagnostics: fixed,
    edit: { changes: { [doc.document.uri]: edits } },
  };
}

function nodeOfRange(doc: ParsedWorkflow, d: Diagnostic): Node | undefined {
  const start = doc.document.offsetAt(d.range.start),
    end = doc.document.offsetAt(d.range.end);
  for (let n = nodeAt(doc, start); n; n = n.parent) {
    if (n.offset === start && n.offset + n.length === end) return n;
    // an object's opening brace stands for the object (where something inside it is missing)
    if (n.offset === start && end === start + 1 && (n.type === 'object' || n.type === 'array')) return n;
    if (n.offset < start) break;
  }
  return undefined;
}

// ---- the fixes every kind of finding shares, read from data ----

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
const isPrimitive = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function replaceWith(c: FixContext, value: unknown, title = `Change to ${show(value)}`): Fix[] {
  return c.node && !isKey(c.node) ? [{ title, edits: [replaceNode(c.doc, c.node, value)] }] : [];
}

function removeMember(c: FixContext, keyNode = c.node): Fix[] {
  return isKey(keyNode)
    ? [{ title: `Remove ${quoted(String(keyNode.value))}`, edits: [removeEntry(c.doc, keyNode.parent!)] }]
    : [];
}

function renameTo(c: FixContext, key: string): Fix[] {
  if (!isKey(c.node)) return [];
  // renaming onto a key the object already has would only trade one problem for another
  if (prop(c.node.parent!.parent, key)) return [];
  return [{ title: `Rename ${quoted(String(c.node.value))} to "${key}"`, edits: [renameKey(c.doc, c.node, key)] }];
}

function eachAllowed(c: FixContext, allowed: readonly string[]): Fix[] {
  const value = typeof c.node?.value === 'string' ? c.node.value : '';
  return closestFirst(value, allowed)
    .slice(0, MAX_CHOICES)
    .flatMap((v) => replaceWith(c, v));
}

/**
 * For rules that say what replaces the value (`replacement`), what to remove (`remove`), or which values fit
 * (`allowed`).
 */
function genericFixes(c: FixContext): Fix[] {
  const { data } = c;
  if (isPrimitive(data.replacement)) return replaceWith(c, data.replacement);
  if (data.remove === true) return removeMember(c);
  if (Array.isArray(data.allowed)) return eachAllowed(c, data.allowed as string[]);
  return [];
}

// ---- per code ----

const FIXES: Readonly<Record<string, (c: FixContext) => Fix[]>> = {
  'json-trailing-comma': (c) => [{ title: 'Remove the trailing comma', edits: [TextEdit.del(c.diagnostic.range)] }],
  // a BOM the editor hides (data.stored) is not in the text: only saving with another encoding removes it
  'json-bom': (c) =>
    c.data.stored ? [] : [{ title: 'Remove the byte-order mark', edits: [TextEdit.del(c.diagnostic.range)] }],

  'duplicate-key': (c) =>
    isKey(c.node)
      ? [{ title: `Remove the earlier ${quoted(String(c.node.value))}`, edits: [removeEntry(c.doc, c.node.parent!)] }]
      : [],

  'unknown-property': (c) => {
    if (c.data.appflowOnly) return removeMember(c);
    return [...(typeof c.data.suggestion === 'string' ? renameTo(c, c.data.suggestion) : []), ...removeMember(c)];
  },

  'missing-property': (c) => {
    const object = objectOfAnchor(c.node);
    const { property, target } = c.data as { property?: string; target?: ShapeName };
    if (!object || !property || !target || !shapes[target]) return [];
    const value = placeholder(c, [...pathOf(object), property], target);
    return [{ title: `Add "${property}"`, edits: [insertProperty(c.doc, object, property, value)] }];
  },

  // a model enum: a value or a TaskProperties key; operators get every allowed one the task's type takes
  enum: (c) => {
    const allowed = (c.data.allowed as string[] | undefined) ?? [];
    if (isKey(c.node))
      return c.data.appflowOnly
        ? removeMember(c)
        : typeof c.data.suggestion === 'string'
          ? renameTo(c, c.data.suggestion)
          : [];
    if (connectorByOperatorShape(c.data.shape as string | undefined))
      return eachAllowed(c, operatorsForTask(c, allowed));
    if (typeof c.data.suggestion === 'string') return replaceWith(c, c.data.suggestion);
    return eachAllowed(c, allowed);
  },

  type: (c) => typeFixes(c),

  'map-size': (c) => (c.data.count === 0 ? removeMember(c) : []),

  'OP-1': (c) => {
    const { key, intendedKey, missing } = c.data as { key?: string; intendedKey?: string; missing?: boolean };
    if (missing && intendedKey) return missingOperatorFixes(c, intendedKey);
    if (!key || !intendedKey) return [];
    return c.data.remove ? removeMember(c) : renameTo(c, intendedKey);
  },

  'PAT-12': (c) => {
    const { key, intendedKey, missingKey } = c.data as { key?: string; intendedKey?: string; missingKey?: string };
    if (missingKey) {
      const object = objectOfAnchor(c.node);
      if (!object) return [];
      const value = placeholder(
        c,
        [...pathOf(object), missingKey],
        shapes.SourceConnectorProperties.members![missingKey]?.target,
      );
      return [{ title: `Add "${missingKey}"`, edits: [insertProperty(c.doc, object, missingKey, value)] }];
    }
    if (!key || !intendedKey) return [];
    return c.data.remove ? removeMember(c) : renameTo(c, intendedKey);
  },

  'task-operator': (c) => {
    const out = eachAllowed(c, (c.data.allowed as string[] | undefined) ?? []);
    const task = taskOf(c);
    const connector = workflowOf(c.doc).connector;
    // another TaskType only helps when the connector has the operator at all
    const usable = !connector || connector.operators.includes(String(c.data.value));
    for (const t of usable ? ((c.data.taskTypes as string[] | undefined) ?? []) : []) {
      if (task?.taskTypeNode)
        out.push({ title: `Change TaskType to "${t}"`, edits: [replaceNode(c.doc, task.taskTypeNode, t)] });
    }
    return out;
  },

  'SCH-1': (c) => ((c.data.examples as string[] | undefined) ?? []).flatMap((e) => replaceWith(c, e)),

  'SCH-18': (c) =>
    typeof c.data.seconds === 'number'
      ? replaceWith(c, c.data.seconds, `Change to ${c.data.seconds} (epoch seconds)`)
      : [],

  // a zone-less time beside a Timezone: both readings, UTC (what is sent today) first
  'timestamp-utc': (c) => [
    ...replaceWith(c, c.data.replacement, `Mean UTC: ${show(c.data.replacement)}`),
    ...(typeof c.data.zoneReplacement === 'string'
      ? replaceWith(c, c.data.zoneReplacement, `Mean ${c.data.timezone} time: ${show(c.data.zoneReplacement)}`)
      : []),
  ],

  'TRG-2': (c) => {
    const w = workflowOf(c.doc);
    const replacement = c.data.replacement as { Scheduled?: unknown } | undefined;
    if (!replacement?.Scheduled) return [];
    if (c.data.missing === 'TriggerProperties' && w.triggerConfigNode?.type === 'object') {
      return [
        {
          title: 'Add TriggerProperties with a schedule',
          edits: [insertProperty(c.doc, w.triggerConfigNode, 'TriggerProperties', replacement)],
        },
      ];
    }
    if (c.data.missing === 'Scheduled' && w.triggerPropertiesNode?.type === 'object') {
      return [
        {
          title: 'Add a Scheduled schedule',
          edits: [insertProperty(c.doc, w.triggerPropertiesNode, 'Scheduled', replacement.Scheduled)],
        },
      ];
    }
    return [];
  },

  'TP-3': (c) => {
    const task = taskOf(c);
    const keys = (c.data.missingKeys as string[] | undefined) ?? [];
    if (!task || task.node.type !== 'object' || !keys.length) return [];
    const values = Object.fromEntries(keys.map((k) => [k, suggestedPropertyValue(task, k, c.now).value]));
    const title = `Add ${keys.map((k) => `"${k}"`).join(', ')}`;
    const props = task.taskPropertiesNode;
    if (!props) return [{ title, edits: [insertProperty(c.doc, task.node, 'TaskProperties', values)] }];
    if (props.type !== 'object') return [];
    // one insertion point: all the missing keys in one edit
    const text = (indent: string) =>
      keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(values[k])}`).join(`,\n${indent}`);
    return [{ title, edits: [insertEntry(c.doc, props, text)] }];
  },

  'PAT-1': (c) => {
    const { connectorKey, fields, insertAt } = c.data as {
      connectorKey?: string;
      fields?: string[];
      insertAt?: number;
    };
    const tasksNode = workflowOf(c.doc).tasksNode;
    // with no field to list the projection would be empty, itself an error (PAT-3)
    if (!connectorKey || !fields?.length || tasksNode?.type !== 'array') return [];
    const projection = {
      TaskType: 'Filter',
      ConnectorOperator: { [connectorKey]: 'PROJECTION' },
      SourceFields: fields,
    };
    return [
      {
        title: `Insert a projection task listing ${fields.length} field${fields.length === 1 ? '' : 's'}`,
        edits: [insertItem(c.doc, tasksNode, projection, insertAt ?? 0)],
      },
    ];
  },

  'PAT-2': (c) => {
    const w = workflowOf(c.doc);
    const task = taskOf(c),
      first = w.projections[0];
    if (!task || !first?.sourceFieldsNode || first.sourceFieldsNode.type !== 'array' || task === first) return [];
    const have = new Set(first.sourceFields.map((f) => f.name));
    const add = [...new Set(task.sourceFields.map((f) => f.name))].filter((f) => !have.has(f));
    const edits = add.length
      ? [
          insertEntry(c.doc, first.sourceFieldsNode, (indent) =>
            add.map((f) => JSON.stringify(f)).join(indent ? `,\n${indent}` : ', '),
          ),
        ]
      : [];
    return [
      {
        title: `Merge into the projection task (task ${first.index + 1})`,
        edits: [...edits, removeEntry(c.doc, task.node)],
      },
    ];
  },

  'PAT-3': (c) => {
    const fields = c.data.fields as string[] | undefined;
    return fields?.length && c.node?.type === 'array'
      ? [
          {
            title: `List ${fields.length} field${fields.length === 1 ? '' : 's'} the other tasks read`,
            edits: [replaceNode(c.doc, c.node, fields)],
          },
        ]
      : [];
  },

  // one action for every projected field no Map writes, offered on each of them
  'PAT-6': (c) => {
    const w = workflowOf(c.doc);
    const key = w.connector?.key;
    if (!key || w.tasksNode?.type !== 'array') return [];
    const written = new Set<string>();
    for (const t of w.tasks)
      if (t.taskType === 'Map' || (t.taskType && COMBINING_TASK_TYPES.has(t.taskType)))
        for (const f of t.sourceFields) written.add(f.name);
    const fields = [...projectedFields(w.projections)].filter((f) => !written.has(f));
    if (!fields.length) return [];
    const maps = fields.map((f) => identityMapTask(key, f));
    const title =
      fields.length === 1
        ? `Add a Map task for "${fields[0]}"`
        : `Add Map tasks for the ${fields.length} projected fields no Map writes`;
    return [{ title, edits: [insertItems(c.doc, w.tasksNode, maps)] }];
  },

  'PAT-4': (c) => addToProjection(c),
  'ACC-10': (c) => mapFieldsFixes(c),
  'ACC-12': (c) => mapFieldsFixes(c),
  'PAT-5': (c) => addToProjection(c),

  'PAT-7': (c) => {
    const task = taskOf(c);
    const { property, replacement } = c.data as { property?: string; replacement?: string };
    if (property !== 'DestinationField' || typeof replacement !== 'string' || !task || task.node.type !== 'object')
      return [];
    const title = `Set DestinationField to "${replacement}"`;
    return task.destinationFieldNode
      ? [{ title, edits: [replaceNode(c.doc, task.destinationFieldNode, replacement)] }]
      : [{ title, edits: [insertProperty(c.doc, task.node, 'DestinationField', replacement)] }];
  },

  'PAT-9': (c) => {
    const w = workflowOf(c.doc);
    const task = taskOf(c);
    const first = w.tasks[0];
    if (!task || !first || task === first || w.tasksNode?.type !== 'array') return [];
    const text = c.doc.text.slice(task.node.offset, task.node.offset + task.node.length);
    const indent = lineIndent(c.doc, first.node.offset);
    // move the text as written; re-indent its lines from its old depth to the first task's
    const moved = text
      .split('\n')
      .map((l, i) => (i === 0 ? l : indent + l.slice(lineIndent(c.doc, task.node.offset).length)))
      .join('\n');
    const multiline = /\n/.test(c.doc.text.slice(w.tasksNode.offset, first.node.offset));
    return [
      {
        title: 'Move the projection task first',
        edits: [
          TextEdit.insert(c.doc.document.positionAt(first.node.offset), `${moved},${multiline ? `\n${indent}` : ' '}`),
          removeEntry(c.doc, task.node),
        ],
      },
    ];
  },

  'PAT-13': (c) => {
    const config = objectOfAnchor(c.node);
    return config
      ? [
          {
            title: 'Add AppflowIntegration',
            edits: [
              insertProperty(
                c.doc,
                config,
                'AppflowIntegration',
                placeholder(c, [...pathOf(config), 'AppflowIntegration'], 'AppflowIntegration'),
              ),
            ],
          },
        ]
      : [];
  },

  'LIM-8': (c) => {
    const config = objectOfAnchor(c.node);
    // the workflow snippet's example name, which TPL-1 then asks the user to replace
    const path = config && [...pathOf(config), 'ConnectorProfileName'];
    return config && path
      ? [
          {
            title: 'Add "ConnectorProfileName"',
            edits: [
              insertProperty(c.doc, config, 'ConnectorProfileName', placeholder(c, path, 'ConnectorProfileName')),
            ],
          },
        ]
      : [];
  },
};

// ---- helpers ----

/** The object a "something is missing here" finding points at: its key's value, or the object whose brace it marks. */
function objectOfAnchor(node: Node | undefined): Node | undefined {
  const object = isKey(node) ? node.parent!.children?.[1] : node;
  return object?.type === 'object' ? object : undefined;
}

/**
 * The task the diagnostic's range is in, found in the current text (a task index in data would go stale once an edit
 * moves the tasks, so findings carry none).
 */
function taskOf(c: FixContext): WorkflowTask | undefined {
  return taskAt(c.doc, c.doc.document.offsetAt(c.diagnostic.range.start));
}

/** The operators an operator value may become: the connector's, narrowed to what the task's TaskType takes. */
function operatorsForTask(c: FixContext, allowed: readonly string[]): string[] {
  const n = c.node;
  const key = n && keyOf(n);
  const connector = connectorByKey(key?.value as string | undefined);
  const task = taskOf(c);
  // a second projection is never the fix for another task's operator (PAT-2 would follow)
  const another = workflowOf(c.doc).projections.some((p) => p !== task);
  const fit = operatorsFor(connector, task?.taskType).filter((op) => !(another && op === 'PROJECTION'));
  return allowed.length ? allowed.filter((op) => fit.includes(op)) : [...fit];
}

/** A task without ConnectorOperator: one fix per operator its TaskType and the connector both take. */
function missingOperatorFixes(c: FixContext, key: string): Fix[] {
  const task = taskOf(c);
  const connector = connectorByKey(key);
  if (!task || task.node.type !== 'object' || !connector) return [];
  // without a known TaskType every operator would do: nothing to choose between
  const ops = task.taskType && taskTypes.includes(task.taskType) ? operatorsFor(connector, task.taskType) : [];
  return ops.slice(0, MAX_CHOICES).map((op) => {
    const title = `Add ConnectorOperator { "${key}": "${op}" }`;
    const existing = task.connectorOperatorNode;
    if (existing?.type === 'object') return { title, edits: [insertProperty(c.doc, existing, key, op)] };
    return {
      title,
      edits: existing
        ? [replaceNode(c.doc, existing, { [key]: op })]
        : [insertProperty(c.doc, task.node, 'ConnectorOperator', { [key]: op })],
    };
  });
}

/** The field the object type reads that no Map writes, then every such field at once. */
function mapFieldsFixes(c: FixContext): Fix[] {
  const { field, all } = c.data;
  if (typeof field !== 'string' || !Array.isArray(all)) return [];
  const one = mapFieldsEdits(c.doc, [field]);
  const every = mapFieldsEdits(c.doc, all as string[]);
  return [
    ...(one.length ? [{ title: `Project and map "${field}"`, edits: one }] : []),
    ...(all.length > 1 && every.length
      ? [{ title: 'Project and map every field the object type reads', edits: every }]
      : []),
  ];
}

function addToProjection(c: FixContext): Fix[] {
  const projection = workflowOf(c.doc).projections[0];
  const field = c.data.field;
  if (!projection || typeof field !== 'string' || projection.sourceFieldsNode?.type !== 'array') return [];
  return [
    { title: `Add "${field}" to the projection task`, edits: [insertItem(c.doc, projection.sourceFieldsNode, field)] },
  ];
}

/**
 * The model's `type` errors whose fix is certain: a quoted number, an unquoted string value, a lone value for a list,
 * CloudFormation's list form of TaskProperties.
 */
function typeFixes(c: FixContext): Fix[] {
  const n = c.node;
  const expected = c.data.expected;
  if (!n) return [];
  if (expected === 'string' && (n.type === 'number' || n.type === 'boolean')) return replaceWith(c, String(n.value));
  if (expected === 'boolean' && n.type === 'string' && /^(true|false)$/i.test(n.value))
    return replaceWith(c, n.value.toLowerCase() === 'true');
  if ((expected === 'long' || expected === 'integer') && n.type === 'string' && /^-?\d+$/.test(n.value.trim()))
    return replaceWith(c, Number(n.value.trim()));
  if (expected === 'list' && (n.type === 'string' || n.type === 'number'))
    return replaceWith(c, [n.value], `Change to [${JSON.stringify(n.value)}]`);
  // CloudFormation's list form of TaskProperties: schemaCheck decoded it into data.replacement when every entry
  // converts
  const map = c.data.replacement;
  if (
    expected === 'map' &&
    c.data.shape === 'TaskPropertiesMap' &&
    n.type === 'array' &&
    map &&
    typeof map === 'object'
  ) {
    return replaceWith(c, map, 'Convert to the API\'s map form { "KEY": "value" }');
  }
  return [];
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

function placeholder(c: FixContext, path: readonly (string | number)[], target: ShapeName | undefined): unknown {
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

function timestampPlaceholder(c: FixContext, path: readonly (string | number)[]): string {
  const member = path[path.length - 1];
  const object = c.node && objectOfAnchor(c.node);
  // the instant the rules read: epoch milliseconds (SCH-18's warning) as meant
  const sibling = (name: string) => instantOf(prop(object, name));
  if (member === 'EndTime' && sibling('StartTime') !== undefined) return isoUtc(sibling('StartTime')! + MONTH_SECONDS);
  if (member === 'StartTime' && sibling('EndTime') !== undefined) return isoUtc(sibling('EndTime')! - MONTH_SECONDS);
  if (member === 'ScheduleStartTime') return isoUtc(startSoon(c.now));
  return isoUtc(startOfDayUtc(c.now));
}
