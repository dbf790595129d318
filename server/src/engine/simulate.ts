// The dry run: what a workflow does to source records, as AppFlow documents its tasks (docs/preview.md cites each
// behaviour), in the order of Tasks: the projection (only projected fields flow), comparison filters, Validate,
// Mask, Truncate, Merge and Arithmetic (fields the flow makes), then Map / Map_all (what reaches the destination).
// Then the object type, when it is known: each Fields entry's `_source.X` → its target, and the key values a record
// will be matched by. Pure and synchronous; where AppFlow does not document a behaviour, a note says so instead of a
// silent guess.
import { ParsedWorkflow, stringValue } from './document';
import { WorkflowTask, isProjection, projectedFields, workflowOf } from './workflowModel';
import { sourceNameOf, type ObjectTypeFacts } from './accountSnapshot';
import { NUMERIC_DATA_TYPES } from './domain/dataTypes';

/** A source record: source field → value as the connector returns it. */
export type SourceRecord = Readonly<Record<string, unknown>>;

export interface SimulatedRecord {
  readonly index: number;
  readonly kept: boolean;
  /** the task (0-based index in Tasks) that dropped the record, and why */
  readonly droppedBy?: { readonly task: number; readonly reason: string };
  /** DestinationField → value: what the flow writes to Customer Profiles */
  readonly object?: Readonly<Record<string, unknown>>;
  /** when the object type is known: the key values it is matched by, and the attributes it sets */
  readonly profile?: {
    readonly keys: Readonly<Record<string, string>>;
    readonly attributes: Readonly<Record<string, unknown>>;
  };
  readonly problems: readonly string[];
}

export interface Simulation {
  readonly records: readonly SimulatedRecord[];
  /** what the run assumed where AppFlow does not document the behaviour, once each */
  readonly notes: readonly string[];
}

/** Notes on behaviour AppFlow does not document: said once per run, never guessed silently. */
const UNDOCUMENTED = {
  missingFilterField:
    'A filter on a field the record lacks drops it here; AppFlow does not document what a filter does with a missing value.',
  between:
    'BETWEEN keeps both bounds here (LOWER_BOUND ≤ value ≤ UPPER_BOUND); AppFlow does not document whether they are inclusive.',
  dropDataset: 'VALIDATION_ACTION DropDataset drops the whole run: every record of this run is shown dropped.',
  stringOrder: 'GREATER_THAN and LESS_THAN on text compare by code point here; AppFlow does not document a collation.',
} as const;

const DATE_TYPES = new Set(['date', 'datetime', 'timestamp']);

/** A value as the filter compares it (DATA_TYPE): a number, epoch milliseconds, or text. */
function comparable(value: unknown, dataType: string): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  const type = dataType.toLowerCase();
  if (NUMERIC_DATA_TYPES.has(type)) {
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    return Number.isFinite(n) ? n : undefined;
  }
  if (DATE_TYPES.has(type)) {
    if (typeof value === 'number') return value;
    const text = String(value).trim();
    if (/^\d+$/.test(text)) return Number(text);
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (type === 'boolean') return String(value).toLowerCase();
  return String(value);
}

const prop = (task: WorkflowTask, key: string) => stringValue(task.taskProperties.get(key)?.valueNode);

/** Whether a comparison filter keeps `value`; undefined when the value cannot be compared (a reason then). */
function filterKeeps(task: WorkflowTask, value: unknown, notes: Set<string>): { keep: boolean; reason?: string } {
  const op = task.operator ?? '';
  const dataType = prop(task, 'DATA_TYPE') ?? 'string';
  const v = comparable(value, dataType);
  const field = task.sourceFields[0]?.name ?? '';
  if (value === undefined || value === null) {
    notes.add(UNDOCUMENTED.missingFilterField);
    return { keep: false, reason: `no value for ${field}` };
  }
  if (v === undefined) return { keep: false, reason: `${field} ${JSON.stringify(value)} is not a ${dataType}` };
  const many = prop(task, 'VALUES');
  const values = (many !== undefined ? many.split(',') : [prop(task, 'VALUE') ?? '']).map((x) =>
    comparable(x.trim(), dataType),
  );
  const one = values[0];
  if (typeof v === 'string' && /THAN|BETWEEN/.test(op)) notes.add(UNDOCUMENTED.stringOrder);
  const shown = `${field} ${JSON.stringify(value)}`;
  switch (op) {
    case 'EQUAL_TO':
      return values.includes(v) ? { keep: true } : { keep: false, reason: `${shown} is not ${listed(task)}` };
    case 'NOT_EQUAL_TO':
      return !values.includes(v) ? { keep: true } : { keep: false, reason: `${shown} is ${listed(task)}` };
    case 'CONTAINS':
      return String(v).includes(String(one ?? ''))
        ? { keep: true }
        : { keep: false, reason: `${shown} does not contain ${JSON.stringify(prop(task, 'VALUE') ?? '')}` };
    case 'GREATER_THAN':
      return one !== undefined && v > one
        ? { keep: true }
        : { keep: false, reason: `${shown} is not above ${listed(task)}` };
    case 'GREATER_THAN_OR_EQUAL_TO':
      return one !== undefined && v >= one
        ? { keep: true }
        : { keep: false, reason: `${shown} is below ${listed(task)}` };
    case 'LESS_THAN':
      return one !== undefined && v < one
        ? { keep: true }
        : { keep: false, reason: `${shown} is not below ${listed(task)}` };
    case 'LESS_THAN_OR_EQUAL_TO':
      return one !== undefined && v <= one
        ? { keep: true }
        : { keep: false, reason: `${shown} is above ${listed(task)}` };
    case 'BETWEEN': {
      notes.add(UNDOCUMENTED.between);
      const lower = comparable(prop(task, 'LOWER_BOUND'), dataType);
      const upper = comparable(prop(task, 'UPPER_BOUND'), dataType);
      if (lower === undefined || upper === undefined) return { keep: false, reason: 'the bounds are not both set' };
      return v >= lower && v <= upper
        ? { keep: true }
        : {
            keep: false,
            reason: `${shown} is not between ${prop(task, 'LOWER_BOUND')} and ${prop(task, 'UPPER_BOUND')}`,
          };
    }
  }
  return { keep: true };
}

const listed = (task: WorkflowTask) => JSON.stringify(prop(task, 'VALUES') ?? prop(task, 'VALUE') ?? '');

/** Validate: whether `value` passes the operator. */
function validates(op: string, value: unknown): boolean {
  const text = value === undefined || value === null ? undefined : String(value);
  switch (op) {
    case 'VALIDATE_NON_NULL':
      return text !== undefined;
    case 'VALIDATE_NON_ZERO':
      return text !== undefined && Number(text) !== 0;
    case 'VALIDATE_NON_NEGATIVE':
      return text !== undefined && !(Number(text) < 0);
    case 'VALIDATE_NUMERIC':
      return text !== undefined && text.trim() !== '' && Number.isFinite(Number(text));
  }
  return true;
}

function mask(op: string, text: string, length: number, char: string): string {
  const chars = [...text];
  const n = Math.min(length, chars.length);
  if (op === 'MASK_ALL') return char.repeat(chars.length);
  if (op === 'MASK_FIRST_N') return char.repeat(n) + chars.slice(n).join('');
  if (op === 'MASK_LAST_N') return chars.slice(0, chars.length - n).join('') + char.repeat(n);
  return text;
}

function arithmetic(op: string, values: readonly number[]): number | undefined {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return undefined;
  const [first, ...rest] = values;
  switch (op) {
    case 'ADDITION':
      return rest.reduce((a, b) => a + b, first);
    case 'SUBTRACTION':
      return rest.reduce((a, b) => a - b, first);
    case 'MULTIPLICATION':
      return rest.reduce((a, b) => a * b, first);
    case 'DIVISION':
      return rest.reduce((a, b) => a / b, first);
  }
  return undefined;
}

/** One record through the tasks. */
function runRecord(
  tasks: readonly WorkflowTask[],
  projected: ReadonlySet<string> | undefined,
  record: SourceRecord,
  index: number,
  notes: Set<string>,
): SimulatedRecord {
  // only projected fields flow (a flow with no projection passes every field)
  const fields = new Map<string, unknown>();
  for (const [k, v] of Object.entries(record)) if (!projected || projected.has(k)) fields.set(k, v);
  const object: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const task of tasks) {
    const op = task.operator ?? '';
    const first = task.sourceFields[0]?.name;
    switch (task.taskType) {
      case 'Filter': {
        if (isProjection(task)) break;
        const r = filterKeeps(task, first === undefined ? undefined : fields.get(first), notes);
        if (!r.keep)
          return { index, kept: false, droppedBy: { task: task.index, reason: r.reason ?? op }, problems: [] };
        break;
      }
      case 'Validate': {
        const value = first === undefined ? undefined : fields.get(first);
        if (validates(op, value)) break;
        const action = prop(task, 'VALIDATION_ACTION') ?? 'DropRecord';
        if (action === 'DropDataset') notes.add(UNDOCUMENTED.dropDataset);
        return {
          index,
          kept: false,
          droppedBy: { task: task.index, reason: `${first} ${JSON.stringify(value ?? null)} fails ${op} (${action})` },
          problems: [],
        };
      }
      case 'Mask': {
        const value = first === undefined ? undefined : fields.get(first);
        if (first !== undefined && value !== undefined && value !== null)
          fields.set(
            first,
            mask(op, String(value), Number(prop(task, 'MASK_LENGTH') ?? 0), prop(task, 'MASK_VALUE') ?? '*'),
          );
        break;
      }
      case 'Truncate': {
        const value = first === undefined ? undefined : fields.get(first);
        const length = Number(prop(task, 'TRUNCATE_LENGTH'));
        if (first !== undefined && typeof value === 'string' && Number.isFinite(length))
          fields.set(first, [...value].slice(0, length).join(''));
        break;
      }
      case 'Merge': {
        const format = prop(task, 'CONCAT_FORMAT');
        const names = task.sourceFields.map((f) => f.name);
        const text = format
          ? format.replace(/\$\{([^}]*)\}/g, (_, n: string) => String(fields.get(n) ?? ''))
          : names.map((n) => String(fields.get(n) ?? '')).join('');
        if (task.destinationField) fields.set(task.destinationField, text);
        break;
      }
      case 'Arithmetic': {
        const order = prop(task, 'MATH_OPERATION_FIELDS_ORDER');
        const names = order ? order.split(',').map((n) => n.trim()) : task.sourceFields.map((f) => f.name);
        const result = arithmetic(
          op,
          names.map((n) => Number(fields.get(n))),
        );
        if (result === undefined)
          problems.push(`Tasks[${task.index}] ${op}: not every field of ${names.join(', ')} is a number`);
        if (task.destinationField) fields.set(task.destinationField, result ?? null);
        break;
      }
      case 'Map': {
        if (task.destinationField && first !== undefined) {
          if (fields.has(first)) object[task.destinationField] = fields.get(first);
          else problems.push(`no value for ${first}: ${task.destinationField} is not written`);
        }
        break;
      }
      case 'Map_all':
        for (const [k, v] of fields) object[k] = v;
        break;
    }
  }
  return { index, kept: true, object, problems };
}

/** The object type's view of a kept record: its attributes and its key values (a problem per key source missing). */
function profileOf(
  record: SimulatedRecord,
  objectType: ObjectTypeFacts,
): { profile: NonNullable<SimulatedRecord['profile']>; problems: string[] } {
  const object = record.object ?? {};
  const attributes: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(objectType.fields)) {
    const s = sourceNameOf(f.source);
    if (s !== undefined && object[s] !== undefined) attributes[f.target || name] = object[s];
  }
  const keys: Record<string, string> = {};
  const problems: string[] = [];
  for (const [keyName, list] of Object.entries(objectType.keys)) {
    const parts: string[] = [];
    let missing: string | undefined;
    for (const k of list)
      for (const fieldName of k.fieldNames) {
        const source = objectType.fields[fieldName]?.source ?? '';
        const s = sourceNameOf(source);
        const v = s === undefined ? undefined : object[s];
        if (v === undefined || v === null || v === '') missing ??= source || fieldName;
        else parts.push(String(v));
      }
    if (missing) problems.push(`no value for ${missing}: this record cannot be matched to a profile by ${keyName}`);
    else if (parts.length) keys[keyName] = parts.join(' ');
  }
  return { profile: { keys, attributes }, problems };
}

/** Runs `records` through the workflow's tasks (and the object type, when given). */
export function simulate(
  doc: ParsedWorkflow,
  records: readonly SourceRecord[],
  objectType?: ObjectTypeFacts,
): Simulation {
  const w = workflowOf(doc);
  const notes = new Set<string>();
  const projected = w.projections.length ? projectedFields(w.projections) : undefined;
  let out = records.map((r, i) => runRecord(w.tasks, projected, r, i, notes));
  // DropDataset: one failing record drops the run
  const dataset = out.find(
    (r) => !r.kept && r.droppedBy && prop(w.tasks[r.droppedBy.task], 'VALIDATION_ACTION') === 'DropDataset',
  );
  if (dataset)
    out = out.map((r) =>
      r.kept
        ? {
            index: r.index,
            kept: false,
            droppedBy: { task: dataset.droppedBy!.task, reason: 'the run is dropped (DropDataset)' },
            problems: r.problems,
          }
        : r,
    );
  if (objectType)
    out = out.map((r) => {
      if (!r.kept) return r;
      const { profile, problems } = profileOf(r, objectType);
      return { ...r, profile, problems: [...r.problems, ...problems] };
    });
  return { records: out, notes: [...notes] };
}
