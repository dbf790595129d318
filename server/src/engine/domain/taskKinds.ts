// The task table (docs/rules.md §1b, TP-3, TP-4): which operators each TaskType takes, and which TaskProperties
// each TaskType + operator pair needs. Domain knowledge from AWS examples (cdk-appflow, aws-samples, the Customer
// Profiles S3 guide); the operator names themselves come from the generated model, never from a hand-copied list.
import { Connector, connectors, operatorPropertyKeys, taskTypes } from '../../generated/model';
import { Severity } from '../findings';
import { stringValue, type Node } from '../document';
import { isoUtc, startOfDayUtc } from './time';

/** Every task operator of the five Customer Profiles connectors, in model order. */
export const ALL_OPERATORS: readonly string[] = [...new Set(connectors.flatMap((c) => c.operators))];

export type OperatorFamily = 'projection' | 'comparison' | 'arithmetic' | 'mask' | 'validate' | 'noop';

// The four math operators share no prefix; everything else is grouped by its name in the model enums.
const ARITHMETIC = new Set(['ADDITION', 'SUBTRACTION', 'MULTIPLICATION', 'DIVISION']);

/** The family of a model operator; undefined for a name no connector has. */
export function operatorFamily(operator: string): OperatorFamily | undefined {
  if (!ALL_OPERATORS.includes(operator)) return undefined;
  if (operator === 'PROJECTION') return 'projection';
  if (operator === 'NO_OP') return 'noop';
  if (operator.startsWith('MASK_')) return 'mask';
  if (operator.startsWith('VALIDATE_')) return 'validate';
  if (ARITHMETIC.has(operator)) return 'arithmetic';
  return 'comparison';
}

const family = (f: OperatorFamily) => ALL_OPERATORS.filter((op) => operatorFamily(op) === f);

/** How a task's source and destination fields look for one kind of task. */
export type FieldCount = 'one' | 'some';

/** One TaskType + operator(s) row of the task table (docs/rules.md §1b, TP-3, TP-4). */
export interface TaskKind {
  readonly taskType: string;
  readonly operators: readonly string[];
  /** TP-3: keys the task needs */
  readonly requiredProperties: readonly string[];
  /** TP-3/TP-6: exactly one of these (a Filter comparison's VALUE or VALUES) */
  readonly oneOfProperties: readonly string[];
  /** customary keys; anything outside required, oneOf and optional is irrelevant (TP-4) */
  readonly optionalProperties: readonly string[];
  /** PAT-7: how many SourceFields the task reads */
  readonly sourceFields: FieldCount;
  /** PAT-7: the task writes a DestinationField */
  readonly destinationField: boolean;
  /** what the task does, for hovers and completion details */
  readonly summary: string;
}

const COMPARISONS = family('comparison');
const NONE: readonly string[] = [];

export const TASK_KINDS: readonly TaskKind[] = [
  {
    taskType: 'Filter',
    operators: family('projection'),
    requiredProperties: NONE,
    oneOfProperties: NONE,
    optionalProperties: NONE,
    sourceFields: 'some',
    destinationField: false,
    summary: 'Projection: lists every source field the flow pulls.',
  },
  {
    taskType: 'Filter',
    operators: COMPARISONS.filter((op) => op !== 'BETWEEN'),
    requiredProperties: ['DATA_TYPE'],
    oneOfProperties: ['VALUE', 'VALUES'],
    optionalProperties: NONE,
    sourceFields: 'one',
    destinationField: false,
    summary: 'Filter: keeps records whose field compares to VALUE (or any of the comma-separated VALUES).',
  },
  {
    taskType: 'Filter',
    operators: ['BETWEEN'],
    requiredProperties: ['DATA_TYPE', 'LOWER_BOUND', 'UPPER_BOUND'],
    oneOfProperties: NONE,
    optionalProperties: NONE,
    sourceFields: 'one',
    destinationField: false,
    summary: 'Filter: keeps records whose field lies between LOWER_BOUND and UPPER_BOUND.',
  },
  {
    taskType: 'Map',
    operators: family('noop'),
    requiredProperties: NONE,
    oneOfProperties: NONE,
    optionalProperties: ['SOURCE_DATA_TYPE', 'DESTINATION_DATA_TYPE'],
    sourceFields: 'one',
    destinationField: true,
    summary: 'Map: copies one source field to DestinationField.',
  },
  {
    taskType: 'Merge',
    operators: family('noop'),
    requiredProperties: ['CONCAT_FORMAT'],
    oneOfProperties: NONE,
    optionalProperties: NONE,
    sourceFields: 'some',
    destinationField: true,
    summary: 'Merge: concatenates source fields into DestinationField.',
  },
  {
    taskType: 'Truncate',
    operators: family('noop'),
    requiredProperties: ['TRUNCATE_LENGTH'],
    oneOfProperties: NONE,
    optionalProperties: NONE,
    sourceFields: 'one',
    destinationField: false,
    summary: 'Truncate: cuts a field to TRUNCATE_LENGTH characters.',
  },
  {
    taskType: 'Mask',
    operators: ['MASK_ALL'],
    requiredProperties: ['MASK_VALUE'],
    oneOfProperties: NONE,
    optionalProperties: ['MASK_LENGTH'],
    sourceFields: 'one',
    destinationField: false,
    summary: 'Mask: replaces every character of a field with MASK_VALUE.',
  },
  {
    taskType: 'Mask',
    operators: family('mask').filter((op) => op !== 'MASK_ALL'),
    requiredProperties: ['MASK_LENGTH', 'MASK_VALUE'],
    oneOfProperties: NONE,
    optionalProperties: NONE,
    sourceFields: 'one',
    destinationField: false,
    summary: 'Mask: replaces MASK_LENGTH characters of a field with MASK_VALUE.',
  },
  {
    taskType: 'Validate',
    operators: family('validate'),
    requiredProperties: ['VALIDATION_ACTION'],
    oneOfProperties: NONE,
    optionalProperties: NONE,
    sourceFields: 'one',
    destinationField: false,
    summary: 'Validate: checks a field and applies VALIDATION_ACTION to records that fail.',
  },
  {
    taskType: 'Arithmetic',
    operators: family('arithmetic'),
    requiredProperties: ['MATH_OPERATION_FIELDS_ORDER'],
    oneOfProperties: NONE,
    optionalProperties: NONE,
    sourceFields: 'some',
    destinationField: true,
    summary: 'Arithmetic: computes DestinationField from the source fields in MATH_OPERATION_FIELDS_ORDER.',
  },
];

const taskTypesWhere = (test: (k: TaskKind) => boolean): ReadonlySet<string> =>
  new Set(TASK_KINDS.filter(test).map((k) => k.taskType));
/**
 * TaskTypes that combine several fields into an intermediate DestinationField a later Map reads (cdk-appflow's
 * pattern).
 */
export const COMBINING_TASK_TYPES = taskTypesWhere((k) => k.destinationField && k.sourceFields === 'some');

/** §1b: how wrong an operator outside the matrix is, per TaskType. Filter/Mask/Validate/Arithmetic fail in AppFlow. */
export const WRONG_OPERATOR_SEVERITY: Readonly<Record<string, Severity>> = {
  Filter: 'error',
  Mask: 'error',
  Validate: 'error',
  Arithmetic: 'error',
  Map: 'warning',
  Merge: 'warning',
  Truncate: 'warning',
};

// No public use of SUBFIELD_CATEGORY_MAP is known (§2b), so it is never called irrelevant.
export const PROPERTIES_OF_ANY_TASK: readonly string[] = ['SUBFIELD_CATEGORY_MAP'];

/** VALIDATION_ACTION values: DropRecord in two AWS sources, DropDataset in cdk-appflow only (§2b, §9). */
const VALIDATION_ACTIONS: readonly string[] = ['DropRecord', 'DropDataset'];

// The usual values: the console's mask character and the record-level action.
const USUAL_VALUES: Readonly<Record<string, string>> = { MASK_VALUE: '*', VALIDATION_ACTION: 'DropRecord' };
// Placeholders every check accepts, for keys whose right value only the user knows.
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  DATA_TYPE: 'string',
  VALUE: 'value',
  VALUES: 'value',
  LOWER_BOUND: '0',
  UPPER_BOUND: '100',
  TRUNCATE_LENGTH: '255',
  MASK_LENGTH: '4',
  CONCAT_FORMAT: ' ',
  SOURCE_DATA_TYPE: 'string',
  DESTINATION_DATA_TYPE: 'string',
};

/** TP-7: data types whose filter values AppFlow compares as epoch milliseconds (cdk-appflow sends Date.getTime()). */
/** What the tables below read of a task (workflowModel's WorkflowTask has it; this module stays below that one). */
export interface TaskFacts {
  readonly sourceFields: readonly { readonly name: string }[];
  readonly taskProperties: ReadonlyMap<string, { readonly valueNode: Node | undefined }>;
}

export const DATE_DATA_TYPES: ReadonlySet<string> = new Set(['datetime', 'date']);
export const DATE_VALUE_KEYS: readonly string[] = ['VALUE', 'LOWER_BOUND', 'UPPER_BOUND'];

/** MATH_OPERATION_FIELDS_ORDER as AppFlow wants it: the task's SourceFields, comma-separated, in operand order. */
export const operandOrder = (task: TaskFacts): string => [...new Set(task.sourceFields.map((f) => f.name))].join(',');

export interface SuggestedValue {
  readonly value: string;
  /** why this value, for completion; absent for a placeholder only the user can replace */
  readonly note?: string;
}

/** The value to suggest for a TaskProperties key of `task` (completion, TP-3 and its fix): one the checks accept. */
export function suggestedPropertyValue(task: TaskFacts, key: string, now: Date): SuggestedValue {
  if (USUAL_VALUES[key]) return { value: USUAL_VALUES[key], note: 'the usual value' };
  if (key === 'MATH_OPERATION_FIELDS_ORDER' && task.sourceFields.length)
    return { value: operandOrder(task), note: 'the operands in order' };
  const dataType = stringValue(task.taskProperties.get('DATA_TYPE')?.valueNode);
  if (DATE_VALUE_KEYS.includes(key) && dataType && DATE_DATA_TYPES.has(dataType.toLowerCase())) {
    // a bound pair spans today; a single value is today's start (TP-7: epoch milliseconds as a string)
    const day = startOfDayUtc(now) + (key === 'UPPER_BOUND' ? 86400 : 0);
    return { value: String(day * 1000), note: `${isoUtc(day)} in epoch milliseconds` };
  }
  return { value: PLACEHOLDERS[key] ?? 'value' };
}

/** TP-5: value formats AppFlow (and cdk-appflow) insist on. */
export const PROPERTY_FORMATS: Readonly<
  Record<
    string,
    { readonly valid: (value: string) => boolean; readonly expected: string; readonly values?: readonly string[] }
  >
> = {
  TRUNCATE_LENGTH: { valid: (v) => /^[1-9]\d*$/.test(v), expected: 'a positive whole number as a string, e.g. "10"' },
  MASK_LENGTH: { valid: (v) => /^[1-9]\d*$/.test(v), expected: 'a positive whole number as a string, e.g. "4"' },
  MASK_VALUE: { valid: (v) => [...v].length === 1, expected: 'a single character, e.g. "*"' },
  VALIDATION_ACTION: {
    valid: (v) => VALIDATION_ACTIONS.includes(v),
    expected: 'DropRecord (skip the record) or DropDataset (stop the flow run)',
    values: VALIDATION_ACTIONS,
  },
};

// TaskType → operator → row: looked up for every task by several rules, so without building a key string
const kindByTypeAndOperator = new Map<string, Map<string, TaskKind>>();
for (const kind of TASK_KINDS) {
  if (!kindByTypeAndOperator.has(kind.taskType)) kindByTypeAndOperator.set(kind.taskType, new Map());
  for (const op of kind.operators) kindByTypeAndOperator.get(kind.taskType)!.set(op, kind);
}

/** The §2b row for a TaskType + operator pair the matrix allows. */
export const taskKindOf = (taskType: string | undefined, operator: string | undefined): TaskKind | undefined =>
  taskType === undefined || operator === undefined ? undefined : kindByTypeAndOperator.get(taskType)?.get(operator);

const operatorsByTaskType = new Map<string, readonly string[]>(
  taskTypes.map((t) => {
    const allowed = new Set(TASK_KINDS.filter((k) => k.taskType === t).flatMap((k) => k.operators));
    return [t, ALL_OPERATORS.filter((op) => allowed.has(op))];
  }),
);

/** §1b: the operators a TaskType takes (before the connector's own list narrows them). */
export const operatorsForTaskType = (taskType: string): readonly string[] => operatorsByTaskType.get(taskType) ?? NONE;

/**
 * §1a ∩ §1b: the operators a task may use: its connector's (any connector's without one), narrowed by its TaskType when
 * that is a known one.
 */
export function operatorsFor(connector: Connector | undefined, taskType: string | undefined): readonly string[] {
  const own = connector?.operators ?? ALL_OPERATORS;
  if (taskType === undefined || !operatorsByTaskType.has(taskType)) return own;
  const byType = operatorsForTaskType(taskType);
  return own.filter((op) => byType.includes(op));
}

/** The TaskTypes that take `operator`, for "use it in a … task" messages. */
export const taskTypesForOperator = (operator: string): string[] =>
  taskTypes.filter((t) => taskKindOf(t, operator) !== undefined);

const allProperties = (kind: TaskKind): readonly string[] => [
  ...kind.requiredProperties,
  ...kind.oneOfProperties,
  ...kind.optionalProperties,
  ...PROPERTIES_OF_ANY_TASK,
];
// rules ask this for every task, so each row's list is built once
const propertiesByKind = new Map<TaskKind, readonly string[]>(TASK_KINDS.map((kind) => [kind, allProperties(kind)]));

/** Every TaskProperties key a task of this kind may carry, required first. */
export const propertiesOf = (kind: TaskKind): readonly string[] => propertiesByKind.get(kind) ?? allProperties(kind);

// The table must only name keys the model knows; a model update that drops one fails loudly in tests.
export const unknownTableKeys = (): string[] =>
  TASK_KINDS.flatMap(propertiesOf)
    .concat(Object.keys(PROPERTY_FORMATS))
    .filter((k) => !operatorPropertyKeys.includes(k));

/** A Map task that copies source field `field` to the DestinationField of the same name (the Customer Profiles
 * pattern: the object type reads it as `_source.<field>`). */
export const identityMapTask = (connectorKey: string, field: string) => ({
  TaskType: 'Map',
  ConnectorOperator: { [connectorKey]: 'NO_OP' },
  SourceFields: [field],
  DestinationField: field,
  TaskProperties: {},
});

/** OP-2: operator names people write for the real ones (VALIDATE_NOT_NULL: terraform-provider-aws#36741). */
export const OPERATOR_MISSPELLINGS: Readonly<Record<string, string>> = {
  VALIDATE_NOT_NULL: 'VALIDATE_NON_NULL',
  VALIDATE_NOT_ZERO: 'VALIDATE_NON_ZERO',
  VALIDATE_NOT_NEGATIVE: 'VALIDATE_NON_NEGATIVE',
  NOOP: 'NO_OP',
};
