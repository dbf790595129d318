// The Customer Profiles task pattern (docs/rules.md PAT-1…PAT-11): one Filter/PROJECTION task lists every source
// field the flow pulls, then one Map per field. AppFlow rejects a flow without a projection ("You must specify a
// projection task or a MAP_ALL task", and Customer Profiles has no Map_all), and silently drops fields nobody
// projected.
import { keyOf, stringValue } from '../document';
import { Finding, listOf, nearest, quoted } from '../findings';
import { Workflow, WorkflowTask, isProjection, projectedFields, taskName, workflowOf } from '../workflowModel';
import { DOCS } from './docs';
import type { Fix, FixContext, Fixes, Rule } from './types';
import { TextEdit } from 'vscode-languageserver-types';
import { identityMapTask } from '../domain/taskKinds';
import {
  insertEntry,
  insertItem,
  insertItems,
  lineIndent,
  removeEntry,
  replaceNode,
  insertProperty,
} from '../jsonEdit';
import { genericFixes, replaceWith, taskOf } from './fixKit';

declare module '../findings' {
  interface CodeData {
    /** no projection: the fields the other tasks read, to list in one inserted at `insertAt` */
    'PAT-1': {
      readonly connectorKey: string | undefined;
      readonly fields: readonly string[];
      readonly insertAt: number;
    };
    'PAT-2': object;
    'PAT-3': { readonly fields: readonly string[] };
    /** `replacement`: the field a Merge's CONCAT_FORMAT names that its SourceFields lack */
    'PAT-4': { readonly field: string; readonly replacement?: string };
    'PAT-5': { readonly field: string; readonly replacement?: string };
    /** `fields`: every projected field, when no task is a Map */
    'PAT-6': { readonly field: string; readonly fields?: readonly string[] };
    /** a Map without DestinationField (`property`, the source as `replacement`), or with `count` SourceFields */
    'PAT-7': { readonly property?: 'DestinationField'; readonly replacement?: string; readonly count?: number };
    'PAT-8': { readonly field: string };
    'PAT-9': object;
    /** a DestinationField written in the object type's own syntax: the name without `_source.`/`_profile.` */
    'PAT-16': { readonly replacement: string };
  }
}
import { COMBINING_TASK_TYPES, TASK_KINDS, operatorFamily } from '../domain/taskKinds';
import { taskAnchor } from './where';
import { safeJsonStringify } from '../controls';

// PAT-5: every other TaskType reads fields the projection must fetch, besides Map and comparison filters (PAT-4)
const READING_TASK_TYPES = new Set(TASK_KINDS.map((k) => k.taskType).filter((t) => t !== 'Map' && t !== 'Filter'));

/** PAT-4 for Map and comparison Filter tasks, PAT-5 for the other field-reading tasks, undefined otherwise. */
function projectionRuleFor(task: WorkflowTask): 'PAT-4' | 'PAT-5' | undefined {
  if (task.taskType === 'Map') return 'PAT-4';
  if (task.taskType === 'Filter')
    return task.operator && operatorFamily(task.operator) === 'comparison' ? 'PAT-4' : undefined;
  return task.taskType && READING_TASK_TYPES.has(task.taskType) ? 'PAT-5' : undefined;
}

/** Every source field the non-projection tasks read, in file order, once each: what a projection should list. */
function fieldsToProject(w: Workflow): string[] {
  const out = new Set<string>();
  for (const t of w.tasks)
    if (!isProjection(t)) for (const f of t.sourceFields) if (!w.intermediateFields.has(f.name)) out.add(f.name);
  return [...out];
}

export const projectionRules: readonly Rule[] = [
  {
    name: 'projection-task',
    ids: ['PAT-1', 'PAT-2', 'PAT-3', 'PAT-9'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      if (w.tasksNode?.type !== 'array') return [];
      const { projections } = w;
      const out: Finding[] = [];
      if (projections.length === 0) {
        const fields = fieldsToProject(w);
        out.push({
          code: 'PAT-1',
          severity: 'error',
          at: keyOf(w.tasksNode) ?? w.tasksNode,
          href: DOCS.s3Integration,
          data: { rules: ['PAT-1'], connectorKey: w.connector?.key, fields, insertAt: 0 },
          message:
            'Tasks has no Filter task with the PROJECTION operator, so AppFlow rejects the flow ("You must specify a projection task or a MAP_ALL task"; ' +
            'Customer Profiles has no Map_all). Add first: { "TaskType": "Filter", "ConnectorOperator": { ' +
            `"${w.connector?.key ?? '<connector>'}": "PROJECTION" }, "SourceFields": [${fields
              .slice(0, 5)
              .map((f) => JSON.stringify(f))
              .join(', ')}${fields.length > 5 ? ', …' : ''}] }.`,
        });
        return out;
      }
      const [first, ...extra] = projections;
      for (const p of extra) {
        out.push({
          code: 'PAT-2',
          severity: 'warning',
          at: p.operatorMember!.valueNode!,
          href: DOCS.s3Integration,
          data: { rules: ['PAT-2'] },
          message: `T${taskName(p).slice(1)}, is a second PROJECTION task (the first is ${taskName(first)}). Keep one projection that lists every source field; move these SourceFields into it.`,
        });
      }
      let toProject: string[] | undefined; // once, however many projections are empty
      for (const p of projections) {
        if (p.sourceFieldsNode?.type === 'array' && (p.sourceFieldsNode.children?.length ?? 0) === 0) {
          const fields = (toProject ??= fieldsToProject(w));
          out.push({
            code: 'PAT-3',
            severity: 'error',
            at: p.sourceFieldsNode,
            href: DOCS.s3Integration,
            data: { rules: ['PAT-3'], fields },
            message: `The PROJECTION task lists no SourceFields, so the flow pulls nothing. List every source field to pull${
              fields.length
                ? `, e.g. ${listOf(
                    fields.slice(0, 5).map((f) => `${quoted(f)}`),
                    'and',
                  )}`
                : ''
            }.`,
          });
        }
      }
      if (first.index !== 0) {
        out.push({
          code: 'PAT-9',
          severity: 'information',
          at: first.operatorMember!.valueNode!,
          href: DOCS.s3Integration,
          data: { rules: ['PAT-9'] },
          message: `The PROJECTION task is task ${first.index + 1} of ${w.tasks.length}; AWS's examples and tools put it first, where readers look for the fields the flow pulls.`,
        });
      }
      return out;
    },
  },
  {
    name: 'projected-fields',
    ids: ['PAT-4', 'PAT-5', 'PAT-6', 'PAT-10'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      const { projections, intermediateFields: intermediate } = w;
      if (projections.length === 0) return [];
      const projected = projectedFields(projections);
      const consumed = new Set<string>();
      const out: Finding[] = [];
      for (const task of w.tasks) {
        const rule = projectionRuleFor(task);
        if (task.taskType === 'Map' || (task.taskType && COMBINING_TASK_TYPES.has(task.taskType)))
          for (const f of task.sourceFields) consumed.add(f.name);
        if (!rule) continue;
        const expected = concatFormatNames(task).filter((n) => !task.sourceFields.some((f) => f.name === n));
        for (const f of task.sourceFields) {
          if (projected.has(f.name) || intermediate.has(f.name)) continue;
          // PAT-10: an S3 projection must list every CSV column; a column a task reads is certainly one
          const rules = rule === 'PAT-4' && w.connector?.type === 'S3' ? ['PAT-4', 'PAT-10'] : [rule];
          // a Merge whose CONCAT_FORMAT names a field its SourceFields lack: the one it likely meant
          const meant = nearest(f.name, expected);
          out.push({
            code: rule,
            severity: 'warning',
            at: f.node,
            href: DOCS.s3Integration,
            data: { rules, field: f.name, ...(meant ? { replacement: meant } : {}) },
            message:
              `${quoted(f.name)} is not in the PROJECTION task's SourceFields, so AppFlow does not fetch it and this ${task.taskType} task sees no value. ` +
              (meant
                ? `CONCAT_FORMAT names ${quoted(meant)} instead: change the source field to it, or add ${quoted(f.name)} to the projection.`
                : `Add ${quoted(f.name)} to the projection.`),
          });
        }
      }
      // no Map at all: the flow fetches and writes nothing; one warning at Tasks instead of one note per field
      if (!w.tasks.some((t) => t.taskType === 'Map' || t.taskType === 'Map_all')) {
        const fields = [...projected];
        if (fields.length > 0 && w.tasksNode)
          out.push({
            code: 'PAT-6',
            severity: 'warning',
            at: keyOf(w.tasksNode) ?? w.tasksNode,
            href: DOCS.s3Integration,
            data: { rules: ['PAT-6'], field: fields[0], fields },
            message: `Tasks has a projection of ${fields.length} field${fields.length === 1 ? '' : 's'} but no Map task: AppFlow fetches them and writes nothing to Customer Profiles, so every run imports nothing. Add a Map task for each field the object type reads.`,
          });
        return out;
      }
      for (const p of projections) {
        for (const f of p.sourceFields) {
          if (consumed.has(f.name)) continue;
          consumed.add(f.name); // once per field
          out.push({
            code: 'PAT-6',
            severity: 'information',
            at: f.node,
            href: DOCS.s3Integration,
            data: { rules: ['PAT-6'], field: f.name },
            message: `${quoted(f.name)} is projected but no Map task writes it, so it does not reach the profile object. Add a Map task for it if the object type needs it.`,
          });
        }
      }
      return out;
    },
  },
  {
    name: 'map-task',
    ids: ['PAT-7', 'PAT-8', 'PAT-16'],
    check(ctx) {
      const out: Finding[] = [];
      const destinations = new Map<string, WorkflowTask>();
      for (const task of workflowOf(ctx.doc).tasks) {
        if (task.taskType !== 'Map' || task.node.type !== 'object') continue;
        const source = task.sourceFields[0]?.name;
        const dest = task.destinationFieldNode;
        const prefixed = dest?.type === 'string' ? /^_(source|profile)\.(.+)$/.exec(dest.value as string) : null;
        if (prefixed) {
          out.push({
            code: 'PAT-16',
            severity: 'warning',
            at: dest!,
            href: DOCS.s3Integration,
            data: { rules: ['PAT-16'], replacement: prefixed[2] },
            message: `DestinationField ${quoted(dest!.value)} is written in the object type's syntax: a Map writes a plain field name, which the object type then reads as _source.${prefixed[2]}. As written, the object type would look for _source._${prefixed[1]}.${prefixed[2]} and find nothing. Use ${quoted(prefixed[2])}.`,
          });
        }
        if (!dest || (dest.type === 'string' && dest.value === '')) {
          out.push({
            code: 'PAT-7',
            severity: 'error',
            at: dest ?? taskAnchor(ctx, task),
            href: DOCS.s3Integration,
            data: {
              rules: ['PAT-7'],
              property: 'DestinationField',
              ...(source ? { replacement: source } : {}),
            },
            message: `This Map task has ${dest ? 'an empty' : 'no'} DestinationField: name the profile object field it writes${source ? `, e.g. "DestinationField": ${quoted(source)}` : ''}.`,
          });
        }
        const n = task.sourceFieldsNode?.type === 'array' ? (task.sourceFieldsNode.children?.length ?? 0) : undefined;
        if (n !== undefined && n !== 1) {
          out.push({
            code: 'PAT-7',
            severity: 'warning',
            at: task.sourceFieldsNode!,
            href: DOCS.s3Integration,
            data: { rules: ['PAT-7'], count: n },
            message: `A Map task copies exactly one source field; this one lists ${n}. Use one Map task per field${n > 1 ? ' (or a Merge task to combine fields)' : ''}.`,
          });
        }
        if (dest?.type === 'string' && dest.value !== '') {
          const name = dest.value as string;
          const earlier = destinations.get(name);
          if (earlier === undefined) destinations.set(name, task);
          else {
            out.push({
              code: 'PAT-8',
              severity: 'warning',
              at: dest,
              href: DOCS.s3Integration,
              data: { rules: ['PAT-8'], field: name },
              message: `T${taskName(earlier).slice(1)}, already maps to DestinationField ${quoted(name)}; two Map tasks writing one field leave only one value. Map to another field or remove one task.`,
            });
          }
        }
      }
      return out;
    },
  },
];

/** The fields a Merge's CONCAT_FORMAT names ("${FirstName} ${LastName}"), in order; none for other tasks. */
function concatFormatNames(task: WorkflowTask): string[] {
  if (task.taskType !== 'Merge') return [];
  const format = stringValue(task.taskProperties.get('CONCAT_FORMAT')?.valueNode);
  return format ? [...format.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]) : [];
}

/**
 * The source field the Merge's CONCAT_FORMAT expects instead (when the check found one), then: add the finding's
 * field to the first projection's SourceFields.
 */
function addToProjection(c: FixContext<'PAT-4' | 'PAT-5'>): Fix[] {
  const projection = workflowOf(c.doc).projections[0];
  const field = c.data.field;
  const change = typeof c.data.replacement === 'string' ? replaceWith(c, c.data.replacement) : [];
  if (!projection || typeof field !== 'string' || projection.sourceFieldsNode?.type !== 'array') return change;
  return [
    ...change,
    { title: `Add "${field}" to the projection task`, edits: [insertItem(c.doc, projection.sourceFieldsNode, field)] },
  ];
}

export const projectionFixes: Fixes<
  'PAT-1' | 'PAT-2' | 'PAT-3' | 'PAT-4' | 'PAT-5' | 'PAT-6' | 'PAT-7' | 'PAT-8' | 'PAT-9' | 'PAT-16'
> = {
  'PAT-16': genericFixes,

  'PAT-1': (c) => {
    const { connectorKey, fields, insertAt } = c.data;
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
            add.map((f) => safeJsonStringify(f)).join(indent ? `,\n${indent}` : ', '),
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
    const fields = c.data.fields;
    return fields?.length && c.node?.type === 'array'
      ? [
          {
            title: `List ${fields.length} field${fields.length === 1 ? '' : 's'} the other tasks read`,
            edits: [replaceNode(c.doc, c.node, fields)],
          },
        ]
      : [];
  },

  'PAT-4': addToProjection,
  'PAT-5': addToProjection,

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

  'PAT-7': (c) => {
    const task = taskOf(c);
    const { property, replacement } = c.data;
    if (property !== 'DestinationField' || typeof replacement !== 'string' || !task || task.node.type !== 'object')
      return [];
    const title = `Set DestinationField to "${replacement}"`;
    return task.destinationFieldNode
      ? [{ title, edits: [replaceNode(c.doc, task.destinationFieldNode, replacement)] }]
      : [{ title, edits: [insertProperty(c.doc, task.node, 'DestinationField', replacement)] }];
  },

  'PAT-8': null,

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
};
