// Tasks (docs/rules.md §1b, TP-1…TP-7): each TaskType takes its own operators, and each TaskType + operator pair its
// own TaskProperties in its own formats. The pairs live in taskKinds.ts; this module only compares against them.
import { keyOf, stringValue } from '../document';
import { Finding, closestFirst, listOf, quoted } from '../findings';
import { operatorPropertyKeys } from '../../generated/model';
import { parseIsoTimestamp } from '../domain/time';
import { WorkflowTask, workflowOf } from '../workflowModel';
import { DOCS } from './docs';
import type { Fixes, Rule, RuleContext } from './types';
import { eachAllowed, genericFixes, taskOf } from './fixKit';
import { insertEntry, insertProperty, replaceNode } from '../jsonEdit';
import {
  DATE_DATA_TYPES,
  DATE_VALUE_KEYS,
  PROPERTIES_OF_ANY_TASK,
  PROPERTY_FORMATS,
  TaskKind,
  WRONG_OPERATOR_SEVERITY,
  operatorFamily,
  operatorsFor,
  operatorsForTaskType,
  propertiesOf,
  operandOrder,
  suggestedPropertyValue,
  taskKindOf,
  taskTypesForOperator,
} from '../domain/taskKinds';
import { taskAnchor } from './where';
import { valueOfType, valuesNotOfType } from '../domain/dataTypes';
import { safeJsonStringify } from '../controls';

declare module '../findings' {
  interface CodeData {
    /** an operator the task's TaskType does not take: the ones it takes, and the TaskTypes that take this one */
    'task-operator': {
      readonly taskType: string;
      readonly value: string;
      readonly allowed: readonly string[];
      readonly taskTypes: readonly string[];
      readonly replacement?: string;
    };
    'TP-3': {
      readonly missingKeys: readonly string[];
      readonly oneOf?: readonly string[];
      readonly suggestedValues: Readonly<Record<string, string>>;
    };
    'TP-4': { readonly property: string; readonly allowed: readonly string[]; readonly remove: true };
    'TP-5': {
      readonly property: string;
      readonly value?: string;
      readonly expected?: string;
      readonly allowed?: readonly string[];
      readonly unknownFields?: readonly string[];
      readonly sourceFields?: readonly string[];
      readonly replacement?: string;
    };
    'TP-6': { readonly property: string; readonly keep: string; readonly remove: true };
    'TP-7': { readonly property: string; readonly replacement?: string };
    /** a BETWEEN whose LOWER_BOUND is above its UPPER_BOUND: the fix swaps them */
    'TP-9': { readonly lower: string; readonly upper: string };
    /** a filter value that cannot be its own DATA_TYPE: the value it likely means, when one is clear */
    'TP-10': { readonly property: string; readonly dataType: string; readonly replacement?: string };
  }
}

function operatorMatrixFinding(ctx: RuleContext, task: WorkflowTask): Finding | undefined {
  const { taskType, operator } = task;
  if (!taskType || !operator || !operatorFamily(operator)) return undefined; // unknown names: the model's enum check
  const forType = operatorsForTaskType(taskType);
  if (forType.length === 0 || forType.includes(operator)) return undefined;
  const allowed = closestFirst(operator, operatorsFor(workflowOf(ctx.doc).connector, taskType));
  const homes = taskTypesForOperator(operator);
  return {
    code: 'task-operator',
    severity: WRONG_OPERATOR_SEVERITY[taskType] ?? 'warning',
    at: task.operatorMember!.valueNode!,
    href: DOCS.appflowTask,
    data: {
      rules: taskType === 'Map' ? ['§1b', 'PAT-7'] : ['§1b'],
      taskType,
      value: operator,
      allowed,
      taskTypes: homes,
      ...(allowed.length === 1 ? { replacement: allowed[0] } : {}),
    },
    message:
      `${operator} is not an operator of a ${taskType} task, which takes ${listOf(forType)}.` +
      (homes.length ? ` ${operator} belongs to a ${listOf(homes)} task.` : '') +
      (taskType === 'Filter' ? ` (AppFlow: "The operator ${operator} is not valid for filtering tasks.")` : ''),
  };
}

function missingPropertyFinding(ctx: RuleContext, task: WorkflowTask, kind: TaskKind): Finding | undefined {
  const props = task.taskProperties;
  // most tasks have what they need: answer that without building anything
  if (
    kind.requiredProperties.every((k) => props.has(k)) &&
    (kind.oneOfProperties.length === 0 || kind.oneOfProperties.some((k) => props.has(k)))
  )
    return undefined;
  const missingKeys = kind.requiredProperties.filter((k) => !props.has(k));
  const missingOneOf = kind.oneOfProperties.length > 0 && !kind.oneOfProperties.some((k) => props.has(k));
  if (missingKeys.length === 0 && !missingOneOf) return undefined;
  const keys = missingOneOf ? [...missingKeys, kind.oneOfProperties[0]] : missingKeys;
  const names = [
    ...missingKeys.map((k) => `${quoted(k)}`),
    ...(missingOneOf ? [kind.oneOfProperties.map((k) => `${quoted(k)}`).join(' or ')] : []),
  ];
  const boundMissing = missingKeys.some((k) => k === 'LOWER_BOUND' || k === 'UPPER_BOUND');
  const suggestedValues = Object.fromEntries(keys.map((k) => [k, suggestedPropertyValue(task, k, ctx.now).value]));
  const propsKey = task.taskPropertiesNode && keyOf(task.taskPropertiesNode);
  return {
    code: 'TP-3',
    severity: 'warning',
    at: propsKey ?? task.operatorMember?.valueNode ?? taskAnchor(ctx, task),
    href: DOCS.appflowTask,
    data: {
      rules: boundMissing ? ['TP-3', 'TP-6'] : ['TP-3'],
      missingKeys: keys,
      ...(missingOneOf ? { oneOf: kind.oneOfProperties } : {}),
      suggestedValues,
    },
    message: `A ${task.taskType} ${task.operator} task needs TaskProperties ${listOf(names, 'and')}; ${task.taskPropertiesNode ? 'add' : 'add "TaskProperties": { … } with'} ${keys.length === 1 ? 'it' : 'them'}. ${kind.summary}`,
  };
}

function irrelevantPropertyFindings(task: WorkflowTask, kind: TaskKind): Finding[] {
  const allowed = propertiesOf(kind);
  const out: Finding[] = [];
  for (const [key, m] of task.taskProperties) {
    // unknown keys: the model's enum check (TP-1)
    if (!operatorPropertyKeys.includes(key) || allowed.includes(key)) continue;
    const meaningful = allowed.filter((k) => !PROPERTIES_OF_ANY_TASK.includes(k));
    out.push({
      code: 'TP-4',
      severity: 'warning',
      at: m.keyNode,
      href: DOCS.appflowTask,
      data: { rules: ['TP-4'], property: key, allowed: meaningful, remove: true },
      message: meaningful.length
        ? `${quoted(key)} has no effect on a ${task.taskType} ${task.operator} task, which takes ${listOf(meaningful)}. Remove it.`
        : `A ${task.taskType} ${task.operator} task takes no TaskProperties: ${quoted(key)} has no effect. Remove it.`,
    });
  }
  return out;
}

const PROPERTY_FORMAT_ENTRIES = Object.entries(PROPERTY_FORMATS);

function formatFindings(task: WorkflowTask, kind: TaskKind): Finding[] {
  const out: Finding[] = [];
  const relevant = propertiesOf(kind);
  for (const [key, format] of PROPERTY_FORMAT_ENTRIES) {
    const m = task.taskProperties.get(key);
    const value = stringValue(m?.valueNode);
    if (!relevant.includes(key) || !value || format.valid(value)) continue; // "" is the model's pattern error (TP-2)
    const allowed = format.values ? closestFirst(value, format.values) : undefined;
    out.push({
      code: 'TP-5',
      severity: 'warning',
      at: m!.valueNode!,
      href: DOCS.appflowTask,
      data: {
        rules: ['TP-5'],
        property: key,
        value,
        expected: format.expected,
        ...(allowed ? { allowed } : {}),
      },
      message: `${key} ${quoted(value)} is not ${format.expected}.`,
    });
  }
  const order = task.taskProperties.get('MATH_OPERATION_FIELDS_ORDER');
  const orderValue = stringValue(order?.valueNode);
  if (relevant.includes('MATH_OPERATION_FIELDS_ORDER') && orderValue) {
    const sources = new Set(task.sourceFields.map((f) => f.name));
    const unknownFields = orderValue
      .split(',')
      .map((f) => f.trim())
      .filter((f) => !sources.has(f));
    if (unknownFields.length) {
      out.push({
        code: 'TP-5',
        severity: 'warning',
        at: order!.valueNode!,
        href: DOCS.appflowTask,
        data: {
          rules: ['TP-5'],
          property: 'MATH_OPERATION_FIELDS_ORDER',
          unknownFields,
          sourceFields: [...sources],
          ...(sources.size ? { replacement: operandOrder(task) } : {}),
        },
        message: `MATH_OPERATION_FIELDS_ORDER names ${listOf(
          unknownFields.map((f) => `${quoted(f)}`),
          'and',
        )}, not in this task's SourceFields; it lists the SourceFields, comma-separated, in operand order (e.g. "${operandOrder(task)}").`,
      });
    }
  }
  return out;
}

function valueChoiceFinding(task: WorkflowTask, kind: TaskKind): Finding | undefined {
  if (kind.oneOfProperties.length < 2) return undefined;
  const present = kind.oneOfProperties.filter((k) => task.taskProperties.has(k));
  if (present.length < 2) return undefined;
  // the later key in the file is the one to remove
  const [first, second] = present
    .map((k) => task.taskProperties.get(k)!)
    .sort((a, b) => a.keyNode.offset - b.keyNode.offset);
  return {
    code: 'TP-6',
    severity: 'warning',
    at: second.keyNode,
    href: DOCS.appflowTask,
    data: { rules: ['TP-6'], property: second.key, keep: first.key, remove: true },
    message: `A filter takes either VALUE (one value) or VALUES (comma-separated, any of them matches), not both: remove ${quoted(second.key)} or ${quoted(first.key)}.`,
  };
}

// AppFlow compares datetime/date filter values as epoch milliseconds (cdk-appflow writes them so); 9 or 10 digits
// are epoch seconds (1973 to 2286), which as milliseconds would be January 1970.
const EPOCH_SECONDS_DIGITS = /^\d{9,10}$/;

/** One filter value for a date field: undefined when it is epoch milliseconds, else what it should be (if known). */
function dateValueProblem(item: string): { fixed?: string; seconds: boolean } | undefined {
  const value = item.trim();
  if (EPOCH_SECONDS_DIGITS.test(value)) return { fixed: `${value}000`, seconds: true };
  if (/^\d+$/.test(value)) return undefined;
  const iso = parseIsoTimestamp(value);
  return { fixed: iso ? String(Math.round(iso.epochSeconds * 1000)) : undefined, seconds: false };
}

function dateValueFindings(task: WorkflowTask, kind: TaskKind): Finding[] {
  const dataType = stringValue(task.taskProperties.get('DATA_TYPE')?.valueNode);
  if (!dataType || !DATE_DATA_TYPES.has(dataType.toLowerCase())) return [];
  const out: Finding[] = [];
  for (const key of [...DATE_VALUE_KEYS, 'VALUES']) {
    const m = task.taskProperties.get(key);
    const value = stringValue(m?.valueNode);
    if (!propertiesOf(kind).includes(key) || !value) continue;
    // VALUES: comma-separated, each item checked like VALUE
    const items = key === 'VALUES' ? value.split(',') : [value];
    const problems = items.map(dateValueProblem);
    const bad = items.filter((_, i) => problems[i]);
    if (bad.length === 0) continue;
    const fixable = problems.every((p) => !p || p.fixed !== undefined);
    const replacement = fixable ? items.map((item, i) => problems[i]?.fixed ?? item.trim()).join(',') : undefined;
    const seconds = problems.some((p) => p?.seconds);
    out.push({
      code: 'TP-7',
      severity: 'warning',
      at: m!.valueNode!,
      href: DOCS.appflowTask,
      data: { rules: ['TP-7'], property: key, ...(replacement ? { replacement } : {}) },
      message:
        `${key} for a ${dataType} field should be epoch milliseconds as a string` +
        (seconds
          ? ` (${bad.map((b) => `"${b.trim()}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} epoch seconds, January 1970 as milliseconds)`
          : '') +
        (replacement
          ? `: "${replacement}".`
          : `, e.g. "1746057600000" for 2025-05-01T00:00:00Z; ${bad.map((b) => `"${b.trim()}"`).join(', ')} cannot be read as a date.`),
    });
  }
  return out;
}

/** TP-10: a comparison filter's values are of its own DATA_TYPE ("50,000" is no number, "yes" no boolean). */
function valueTypeFindings(task: WorkflowTask, kind: TaskKind): Finding[] {
  const dataType = stringValue(task.taskProperties.get('DATA_TYPE')?.valueNode);
  if (!dataType) return [];
  const out: Finding[] = [];
  for (const key of ['VALUE', 'VALUES', 'LOWER_BOUND', 'UPPER_BOUND']) {
    const entry = task.taskProperties.get(key);
    const text = stringValue(entry?.valueNode);
    if (!propertiesOf(kind).includes(key) || text === undefined) continue;
    const bad = valuesNotOfType(text, key === 'VALUES', dataType);
    if (bad.length === 0) continue;
    const replacement = key === 'VALUES' ? undefined : valueOfType(text, dataType);
    const word = dataType.toLowerCase() === 'boolean' ? 'true or false' : 'a number';
    out.push({
      code: 'TP-10',
      severity: 'warning',
      at: entry!.valueNode!,
      href: DOCS.appflowTask,
      data: { rules: ['TP-10'], property: key, dataType, ...(replacement ? { replacement } : {}) },
      message:
        `${key} ${bad.map((b) => quoted(b)).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not ${word}, but DATA_TYPE is ${quoted(dataType)}: ` +
        `AppFlow compares the field as ${dataType}, so this filter matches no record` +
        (replacement
          ? `. Write ${quoted(replacement)}.`
          : ` (write ${word}${key === 'VALUES' ? ', comma-separated' : ''}).`),
    });
  }
  return out;
}

/** A bound as a number to compare: a number (or epoch milliseconds), or an ISO-8601 date; undefined otherwise. */
function boundValue(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^\d{4}-\d\d-\d\d/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** TP-9: BETWEEN keeps the records from LOWER_BOUND to UPPER_BOUND; the other way round it keeps none. */
function emptyRangeFinding(task: WorkflowTask): Finding | undefined {
  if (task.taskType !== 'Filter' || task.operator !== 'BETWEEN') return undefined;
  const lowerNode = task.taskProperties.get('LOWER_BOUND')?.valueNode;
  const upperNode = task.taskProperties.get('UPPER_BOUND')?.valueNode;
  const lower = stringValue(lowerNode),
    upper = stringValue(upperNode);
  const a = boundValue(lower),
    b = boundValue(upper);
  // both must be read the same way: two numbers, or two dates
  const sameKind = /^\d{4}-/.test(lower ?? '') === /^\d{4}-/.test(upper ?? '');
  if (a === undefined || b === undefined || !sameKind || a <= b) return undefined;
  return {
    code: 'TP-9',
    severity: 'warning',
    at: lowerNode!,
    href: DOCS.appflowTask,
    data: { rules: ['TP-9'], lower: lower!, upper: upper! },
    message: `LOWER_BOUND ${quoted(lower)} is above UPPER_BOUND ${quoted(upper)}: a BETWEEN filter keeps the records between them, so this one keeps none and the flow imports nothing. Swap the bounds.`,
  };
}

export const taskRules: readonly Rule[] = [
  {
    name: 'between-bounds',
    ids: ['TP-9'],
    check: (ctx) => workflowOf(ctx.doc).tasks.flatMap((t) => emptyRangeFinding(t) ?? []),
  },
  {
    name: 'task-type-operator',
    ids: ['§1b'],
    check(ctx) {
      const out: Finding[] = [];
      for (const t of workflowOf(ctx.doc).tasks) {
        const f = operatorMatrixFinding(ctx, t);
        if (f) out.push(f);
      }
      return out;
    },
  },
  {
    name: 'task-properties',
    ids: ['TP-3', 'TP-4', 'TP-5', 'TP-6', 'TP-7', 'TP-10'],
    check(ctx) {
      const out: Finding[] = [];
      const { connector, tasks } = workflowOf(ctx.doc);
      for (const task of tasks) {
        const kind = taskKindOf(task.taskType, task.operator);
        // a list (CloudFormation form) or other non-object is the model's type error
        if (!kind || (task.taskPropertiesNode && task.taskPropertiesNode.type !== 'object')) continue;
        // an operator the connector lacks is the error; the properties follow the operator chosen instead
        if (connector && task.operator && !connector.operators.includes(task.operator)) continue;
        const missing = missingPropertyFinding(ctx, task, kind);
        if (missing) out.push(missing);
        out.push(...irrelevantPropertyFindings(task, kind), ...formatFindings(task, kind));
        const choice = valueChoiceFinding(task, kind);
        if (choice) out.push(choice);
        out.push(...dateValueFindings(task, kind), ...valueTypeFindings(task, kind));
      }
      return out;
    },
  },
];

export const taskFixes: Fixes<'task-operator' | 'TP-3' | 'TP-4' | 'TP-5' | 'TP-6' | 'TP-7' | 'TP-9' | 'TP-10'> = {
  'TP-10': genericFixes,
  'TP-9': (c) => {
    const task = taskOf(c);
    const lowerNode = task?.taskProperties.get('LOWER_BOUND')?.valueNode;
    const upperNode = task?.taskProperties.get('UPPER_BOUND')?.valueNode;
    const { lower, upper } = c.data;
    // only while the file still holds what the check saw
    if (!lowerNode || !upperNode || stringValue(lowerNode) !== lower || stringValue(upperNode) !== upper) return [];
    return [
      {
        title: `Swap the bounds: ${quoted(upper)} to ${quoted(lower)}`,
        edits: [replaceNode(c.doc, lowerNode, upper), replaceNode(c.doc, upperNode, lower)],
      },
    ];
  },

  'task-operator': (c) => {
    const out = eachAllowed(c, c.data.allowed ?? []);
    const task = taskOf(c);
    const connector = workflowOf(c.doc).connector;
    // another TaskType only helps when the connector has the operator at all
    const usable = !connector || connector.operators.includes(String(c.data.value));
    for (const t of usable ? (c.data.taskTypes ?? []) : []) {
      if (task?.taskTypeNode)
        out.push({ title: `Change TaskType to "${t}"`, edits: [replaceNode(c.doc, task.taskTypeNode, t)] });
    }
    return out;
  },

  'TP-3': (c) => {
    const task = taskOf(c);
    const keys = c.data.missingKeys ?? [];
    if (!task || task.node.type !== 'object' || !keys.length) return [];
    const values = Object.fromEntries(keys.map((k) => [k, suggestedPropertyValue(task, k, c.now).value]));
    const title = `Add ${keys.map((k) => `"${k}"`).join(', ')}`;
    const props = task.taskPropertiesNode;
    if (!props) return [{ title, edits: [insertProperty(c.doc, task.node, 'TaskProperties', values)] }];
    if (props.type !== 'object') return [];
    // one insertion point: all the missing keys in one edit
    const text = (indent: string) =>
      keys.map((k) => `${safeJsonStringify(k)}: ${safeJsonStringify(values[k])}`).join(`,\n${indent}`);
    return [{ title, edits: [insertEntry(c.doc, props, text)] }];
  },

  'TP-4': genericFixes,
  'TP-5': genericFixes,
  'TP-6': genericFixes,
  'TP-7': genericFixes,
};
