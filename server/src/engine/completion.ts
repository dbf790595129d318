// Completion that knows the domain: keys with their documentation (required first, never one already there), enum
// values, the operators a task's connector AND TaskType allow, only the connector's key where one key fits, the
// TaskProperties of the task's operator, time zones, rate expressions, timestamps, field names from the projection,
// and the snippets of snippets/cpworkflow.json where their value belongs.
// Reads the per-version parse and its domain view; nothing here walks all tasks more than once per request.
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  MarkupKind,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import { ParsedWorkflow, rangeOf } from './document';
import { Cursor, KeyCursor, TextSpan, ValueCursor, cursorAt } from './cursor';
import { ShapeAtPath, shapeAt } from './shapePath';
import { ShapeName, connectors, operatorPropertyKeys, shapes, taskTypes } from '../generated/model';
import {
  WorkflowTask,
  connectorByKey,
  isProjection,
  membersOf,
  projectedFields,
  taskAt,
  workflowOf,
} from './workflowModel';
import {
  COMBINING_TASK_TYPES,
  PROPERTY_FORMATS,
  operatorsFor,
  propertiesOf,
  suggestedPropertyValue,
  taskKindOf,
} from './domain/taskKinds';
import {
  connectorMarkdown,
  memberMarkdown,
  operatorMarkdown,
  shapeMarkdown,
  taskPropertyMarkdown,
  taskPropertyNeed,
  taskTypeMarkdown,
} from './modelDocs';
import { SNIPPETS, WorkflowSnippet, contextOf, snippetsFor, withConnectorKey, withFieldChoices } from './snippets';
import { canonicalTimeZones } from './domain/timeZones';
import { isoUtc, startOfDayUtc, startSoon } from './domain/time';
import { RATE_EXAMPLES } from './domain/scheduleExpression';
import { DATA_TYPE_KEYS, dataTypesOf } from './domain/dataTypes';
import type { AccountSnapshot } from './accountSnapshot';
import { accountProposals, usesAccount } from './accountCompletion';
import { safeJsonStringify } from './controls';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
// VS Code opens the suggestions again once an empty value is inserted, as its JSON support does
const SUGGEST_AGAIN = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** Longer lists (a projection's 5,000 fields) are narrowed to what is typed and marked incomplete, so the editor asks
 * again as the user types instead of receiving megabytes per keystroke. */
export const MAX_ITEMS = 500;

export function completions(doc: ParsedWorkflow, offset: number, now: Date, account?: AccountSnapshot): CompletionList {
  const cursor = cursorAt(doc, offset);
  if (!cursor) return EMPTY;
  const start = cursor.replace.offset + (cursor.quoted ? 1 : 0);
  const typed = doc.text.slice(start, Math.max(start, offset));
  let proposals = cursor.kind === 'key' ? keyProposals(doc, cursor) : valueProposalsAt(doc, cursor, now, typed);
  const fromAccount = account && cursor.kind === 'value' && usesAccount(cursor.path);
  if (fromAccount) proposals = withAccountProposals(doc, cursor, account, proposals);
  // while the account is being asked, the list may grow: the editor asks again as the user types
  const isIncomplete =
    proposals.length > MAX_ITEMS || proposals.some((p) => p.narrowed) || (fromAccount === true && account!.pending);
  if (proposals.length > MAX_ITEMS) proposals = narrowed(proposals, (p) => p.label, typed);
  const range = spanRange(doc, cursor.replace);
  const alternatives = asksForAlternatives(cursor, typed, proposals);
  return {
    isIncomplete,
    items: proposals.map((p, i) => ({
      ...item(doc, cursor, p, range),
      sortText: String(i).padStart(4, '0'),
      // the editor filters with the text from the start of the range to the cursor: let every item pass it
      ...(alternatives ? { filterText: `"${typed}${p.label}"` } : {}),
    })),
  };
}

/**
 * Whether the cursor sits in a string value whose text is not the start of something being typed (a complete value,
 * or a snippet's selected placeholder such as `Email`): then the request asks what could replace it, and every
 * proposal is shown, not only those that start with the text already there.
 */
function asksForAlternatives(cursor: Cursor, typed: string, proposals: readonly Proposal[]): boolean {
  if (cursor.kind !== 'value' || !cursor.quoted || cursor.node?.type !== 'string' || !typed) return false;
  const t = typed.toLowerCase();
  return !proposals.some((p) => p.label.toLowerCase() !== t && p.label.toLowerCase().startsWith(t));
}

/** The entries whose label holds the typed characters in order, those that start with them first; at most MAX_ITEMS. */
function narrowed<T>(entries: readonly T[], labelOf: (e: T) => string, typed: string): T[] {
  const t = typed.toLowerCase();
  const fits = (label: string) => {
    let i = 0;
    for (const ch of label.toLowerCase()) if (ch === t[i]) i++;
    return i === t.length;
  };
  const prefix: T[] = [],
    rest: T[] = [];
  for (const e of entries) {
    const label = labelOf(e);
    if (label.toLowerCase().startsWith(t)) prefix.push(e);
    else if (rest.length < MAX_ITEMS && fits(label)) rest.push(e);
    if (prefix.length >= MAX_ITEMS) break;
  }
  return [...prefix, ...rest].slice(0, MAX_ITEMS);
}

// ---- text edits ----

const spanRange = (doc: ParsedWorkflow, span: TextSpan): Range => rangeOf(doc, span.offset, span.length);

interface Proposal {
  readonly label: string;
  /** the text that replaces the cursor's span (without the separators the cursor asks for) */
  readonly text: string;
  readonly snippet?: boolean;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  readonly markdown?: string;
  readonly suggestAgain?: boolean;
  /** replaces this span instead of the cursor's (a whole empty object) */
  readonly span?: TextSpan;
  /** one of a list already cut down to what was typed: the editor must ask again as the user types */
  readonly narrowed?: boolean;
}

/** `range` is the cursor's replace span, computed once per request. */
function item(doc: ParsedWorkflow, c: Cursor, p: Proposal, range: Range): CompletionItem {
  const valueAfterColon = c.kind === 'value' && c.afterColon && !p.span;
  let newText = `${valueAfterColon ? ' ' : ''}${p.text}${c.commaAfter && !p.span ? ',' : ''}`;
  // the first member of a `{}` on one line goes on its own line, as Format Document puts it (not `{"Marketo": ""}`)
  if (c.kind === 'key' && !p.span && p.snippet && opensEmptyBraces(doc, c)) newText = `\n\t${newText}\n`;
  const out: CompletionItem = {
    label: p.label,
    kind: p.kind,
    textEdit: TextEdit.replace(p.span ? spanRange(doc, p.span) : range, newText),
    insertTextFormat: p.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // VS Code matches what is typed from the start of the range, quote included
    filterText:
      c.quoted && !p.span ? (p.text.startsWith('"') ? p.text.slice(0, p.text.indexOf('"', 1) + 1) : p.label) : p.label,
  };
  if (p.detail) out.detail = p.detail;
  if (p.markdown) out.documentation = { kind: MarkupKind.Markdown, value: p.markdown };
  if (c.commaBefore !== undefined && !p.span)
    out.additionalTextEdits = [TextEdit.insert(doc.document.positionAt(c.commaBefore), ',')];
  if (p.suggestAgain) out.command = SUGGEST_AGAIN;
  return out;
}

/** The key cursor is the only thing between the braces of a one-line object: `{|}`, `{"|"}`, `{"Mar|"}`. */
function opensEmptyBraces(doc: ParsedWorkflow, c: KeyCursor): boolean {
  const o = c.object;
  if (membersOf(o).some((m) => m.keyNode.parent !== c.property)) return false;
  const inside = doc.text.slice(o.offset + 1, o.offset + o.length - 1);
  const before = doc.text.slice(o.offset + 1, c.replace.offset);
  const after = doc.text.slice(c.replace.offset + c.replace.length, o.offset + o.length - 1);
  return !inside.includes('\n') && !before.trim() && !after.trim();
}

const str = (s: string) => safeJsonStringify(s);

/** The account's names first (they are what the account has), then the offline proposals it does not repeat. */
function withAccountProposals(
  doc: ParsedWorkflow,
  c: ValueCursor,
  account: AccountSnapshot,
  offline: Proposal[],
): Proposal[] {
  const fromAccount: Proposal[] = accountProposals(doc, c.path, account).map((p) => ({
    label: p.label,
    text: str(p.label),
    kind: CompletionItemKind.Value,
    detail: p.detail,
    markdown: p.markdown,
  }));
  const labels = new Set(fromAccount.map((p) => p.label));
  return [...fromAccount, ...offline.filter((p) => !labels.has(p.label))];
}

// ---- keys ----

/** The skeleton a new key gets as its value: `"$1"`, `{$1}`, `[$1]`, … */
function valueSkeleton(target: ShapeName): { text: string; again: boolean } {
  const s = shapes[target];
  switch (s.type) {
    case 'enum':
      return s.values!.length === 1 ? { text: str(s.values![0]), again: false } : { text: '"$1"', again: true };
    case 'string':
    case 'timestamp':
      return { text: '"$1"', again: true };
    case 'structure':
    case 'map':
      return { text: '{$1}', again: true };
    case 'list':
      return { text: '[$1]', again: true };
    case 'boolean':
      return { text: '${1:false}', again: true };
    default:
      return { text: '${1:0}', again: false };
  }
}

function keyProposal(
  c: KeyCursor,
  key: string,
  target: ShapeName | undefined,
  markdown: string,
  detail: string,
): Proposal {
  if (c.hasColon || !target) return { label: key, text: str(key), kind: CompletionItemKind.Property, markdown, detail };
  const { text, again } = valueSkeleton(target);
  return {
    label: key,
    text: `${str(key)}: ${text}`,
    snippet: true,
    kind: CompletionItemKind.Property,
    markdown,
    detail,
    suggestAgain: again,
  };
}

function keyProposals(doc: ParsedWorkflow, c: KeyCursor): Proposal[] {
  const at = shapeAt(c.path);
  if (!at) return [];
  const present = new Set(
    membersOf(c.object)
      .filter((m) => m.keyNode.parent !== c.property)
      .map((m) => m.key),
  );
  const proposals: Proposal[] = [];
  if (at.shape.type === 'structure') {
    const connector = workflowOf(doc).connector;
    const only = !connector
      ? undefined
      : at.shapeName === 'ConnectorOperator'
        ? connector.key
        : at.shapeName === 'SourceConnectorProperties'
          ? connector.sourcePropertiesKey
          : undefined;
    const members = Object.entries(at.shape.members!).filter(
      ([name]) => !present.has(name) && (only === undefined || name === only),
    );
    // required first, each group in model order
    members.sort(([, a], [, b]) => Number(!!b.required) - Number(!!a.required));
    for (const [name, m] of members) {
      proposals.push(
        keyProposal(c, name, m.target, memberMarkdown(at.shapeName, name), m.required ? 'required' : 'optional'),
      );
    }
    if (!c.hasColon)
      for (const [name] of members)
        proposals.push(...snippetsFor(contextOf([...c.path, name])).map((s) => memberSnippet(doc, name, s)));
  } else if (at.shapeName === 'TaskPropertiesMap') {
    proposals.push(...taskPropertyKeys(doc, c, at, present));
  }
  // an empty object where a snippet's value belongs: the snippet replaces the braces
  if (!c.object.children?.length)
    proposals.push(
      ...snippetsFor(contextOf(c.path)).map((s) =>
        snippetProposal(doc, s, { offset: c.object.offset, length: c.object.length }),
      ),
    );
  return proposals;
}

function taskPropertyKeys(doc: ParsedWorkflow, c: KeyCursor, at: ShapeAtPath, present: Set<string>): Proposal[] {
  const task = taskOfCursor(doc, c);
  const kind = task && taskKindOf(task.taskType, task.operator);
  const keys = kind ? propertiesOf(kind) : operatorPropertyKeys;
  return keys
    .filter((k) => !present.has(k))
    .map((k) =>
      keyProposal(
        c,
        k,
        at.shape.value,
        taskPropertyMarkdown(k, kind, workflowOf(doc).connector?.type),
        taskPropertyNeed(k, kind) || 'TaskProperties key',
      ),
    );
}

// ---- values ----

function valueProposalsAt(doc: ParsedWorkflow, c: ValueCursor, now: Date, typed: string): Proposal[] {
  if (c.path.length === 0) return SNIPPETS.filter((s) => s.context === '').map((s) => snippetProposal(doc, s));
  const at = shapeAt(c.path);
  if (!at) return [];
  const proposals = [...valueProposals(doc, c, at, now, typed), ...(c.quoted ? [] : structuralProposals(doc, c, at))];
  // inside quotes only strings fit
  return proposals.filter((p) => !c.quoted || p.text.startsWith('"'));
}

function valueProposals(doc: ParsedWorkflow, c: ValueCursor, at: ShapeAtPath, now: Date, typed: string): Proposal[] {
  const s = at.shape;
  const value = (label: string, markdown?: string, detail?: string): Proposal => ({
    label,
    text: str(label),
    kind: CompletionItemKind.Value,
    markdown,
    detail,
  });
  if (at.owner === 'ConnectorOperator' && s.type === 'enum') return operatorValues(doc, c, at);
  if (at.shapeName === 'SourceConnectorType')
    return connectors.map((k) => ({ ...value(k.type, connectorMarkdown(k)), kind: CompletionItemKind.EnumMember }));
  if (at.shapeName === 'TaskType') return taskTypeValues(doc, c);
  if (s.type === 'enum') return s.values!.map((v) => ({ ...value(v), kind: CompletionItemKind.EnumMember }));
  if (s.type === 'boolean')
    return ['true', 'false'].map((v) => ({ label: v, text: v, kind: CompletionItemKind.Value }));
  if (s.type === 'timestamp') return timestampValues(now).map(([label, v]) => value(v, undefined, label));
  if (at.shapeName === 'Timezone') return canonicalTimeZones().map((z) => value(z));
  if (at.shapeName === 'ScheduleExpression') return RATE_EXAMPLES.map((r) => value(r.expression, undefined, r.meaning));
  if (at.owner === 'Task' && at.member === 'SourceFields') {
    // thousands of projected fields: cut them down before building proposals
    const fields = sourceFieldValues(doc, c);
    const many = fields.length > MAX_ITEMS;
    return (many ? narrowed(fields, (f) => f, typed) : fields).map((f) => ({
      ...value(f, undefined, 'source field'),
      narrowed: many,
    }));
  }
  if (at.owner === 'Task' && at.member === 'DestinationField')
    return destinationValues(doc, c).map((f) => value(f, undefined, 'from SourceFields'));
  if (at.owner === 'IncrementalPullConfig')
    return [...projectedFields(workflowOf(doc).tasks)].map((f) => value(f, undefined, 'projected field'));
  if (at.mapKey !== undefined && at.owner === 'Task' && at.member === 'TaskProperties')
    return taskPropertyValues(doc, c, at.mapKey, now).map(([v, d]) => value(v, undefined, d));
  return [];
}

// the order people write (and the examples use): what the task is, then what it reads
const MEMBER_ORDER: Partial<Record<ShapeName, readonly string[]>> = {
  Task: ['TaskType', 'ConnectorOperator', 'SourceFields', 'DestinationField', 'TaskProperties'],
};

/** `{}` / `[]` with the required members filled in, and the snippets whose value goes here. */
function structuralProposals(doc: ParsedWorkflow, c: ValueCursor, at: ShapeAtPath): Proposal[] {
  const out: Proposal[] = snippetsFor(contextOf(c.path)).map((s) => snippetProposal(doc, s));
  if (c.node && c.node.type !== 'null') return out; // replacing a number or boolean: values only
  if (at.shape.type === 'structure') {
    // the members an object needs: the required ones, and in ConnectorOperator / SourceConnectorProperties the
    // connector's own key (the model makes every connector optional, the service wants exactly that one)
    const connector = workflowOf(doc).connector;
    const only =
      connector &&
      (at.shapeName === 'ConnectorOperator'
        ? connector.key
        : at.shapeName === 'SourceConnectorProperties'
          ? connector.sourcePropertiesKey
          : undefined);
    const needed = Object.entries(at.shape.members!).filter(
      ([name, m]) => m.required || name === only || (at.shapeName === 'Task' && name === 'ConnectorOperator'),
    );
    const order = MEMBER_ORDER[at.shapeName];
    if (order) needed.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
    let stop = 0;
    // each member's `$1` becomes the next tab stop
    const nextStop = (skeleton: string) => skeleton.replace(/\$(\{?)1/, (_, brace: string) => `$${brace}${++stop}`);
    const body = needed.map(([name, m]) =>
      // a task's operator is keyed by the file's connector: `{ "ServiceNow": "…" }`, laid out as Format Document would
      name === 'ConnectorOperator' && connector
        ? `\t${str(name)}: {\n\t\t${str(connector.key)}: ${nextStop('"$1"')}\n\t}`
        : `\t${str(name)}: ${nextStop(valueSkeleton(m.target).text)}`,
    );
    const text = body.length ? `{\n${body.join(',\n')}\n}` : '{$1}';
    out.push({
      label: '{}',
      text,
      snippet: true,
      kind: CompletionItemKind.Struct,
      detail: at.shapeName,
      markdown: shapeMarkdown(at.shapeName, at.member ?? at.shapeName),
    });
  } else if (at.shape.type === 'map') {
    out.push({ label: '{}', text: '{$1}', snippet: true, kind: CompletionItemKind.Struct, suggestAgain: true });
  } else if (at.shape.type === 'list') {
    out.push({ label: '[]', text: '[$1]', snippet: true, kind: CompletionItemKind.Value, suggestAgain: true });
  }
  return out;
}

/** The task the cursor is in. */
const taskOfCursor = (doc: ParsedWorkflow, c: Cursor): WorkflowTask | undefined => taskAt(doc, c.replace.offset);

function operatorValues(doc: ParsedWorkflow, c: ValueCursor, at: ShapeAtPath): Proposal[] {
  const task = taskOfCursor(doc, c);
  const connector = connectorByKey(c.path[c.path.length - 1] as string);
  // the connector's enum, narrowed by the TaskType when it is a valid one (§1a ∩ §1b)
  const fit = operatorsFor(connector, task?.taskType);
  return (connector ? fit : at.shape.values!.filter((op) => fit.includes(op))).map((op) => ({
    label: op,
    text: str(op),
    kind: CompletionItemKind.EnumMember,
    markdown: operatorMarkdown(op),
    detail: (task?.taskType && taskKindOf(task.taskType, op)?.summary) || undefined,
  }));
}

function taskTypeValues(doc: ParsedWorkflow, c: ValueCursor): Proposal[] {
  const task = taskOfCursor(doc, c);
  // the TaskTypes that take the task's operator come first
  const fits = (t: string) => !!task?.operator && taskKindOf(t, task.operator) !== undefined;
  return [...taskTypes]
    .sort((a, b) => Number(fits(b)) - Number(fits(a)))
    .map((t) => ({ label: t, text: str(t), kind: CompletionItemKind.EnumMember, markdown: taskTypeMarkdown(t) }));
}

function timestampValues(now: Date): [string, string][] {
  // whole seconds: AWS examples and the console never use fractions
  return [
    ['now + 5 minutes (UTC)', isoUtc(startSoon(now))],
    ['start of today (UTC)', isoUtc(startOfDayUtc(now))],
    ['now (UTC)', isoUtc(Math.floor(now.getTime() / 1000))],
  ];
}

function sourceFieldValues(doc: ParsedWorkflow, c: ValueCursor): string[] {
  const task = taskOfCursor(doc, c);
  if (!task) return [];
  const editing = c.node;
  const listed = new Set(task.sourceFields.filter((f) => f.node !== editing).map((f) => f.name));
  const all = workflowOf(doc).tasks;
  if (isProjection(task)) {
    // a projection lists what the other tasks read (PAT-4/PAT-5)
    const used = new Set<string>();
    for (const t of all) if (!isProjection(t)) for (const f of t.sourceFields) used.add(f.name);
    return [...used].filter((f) => !listed.has(f));
  }
  return [...projectedFields(all)].filter((f) => !listed.has(f));
}

function destinationValues(doc: ParsedWorkflow, c: ValueCursor): string[] {
  const task = taskOfCursor(doc, c);
  const names = task?.sourceFields.map((f) => f.name).filter(Boolean) ?? [];
  if (!names.length) return [];
  // a Map writes its one source field; Merge and Arithmetic write an intermediate named after their inputs
  // (cdk-appflow);
  // the other task types write no DestinationField
  if (task!.taskType === 'Map') return [names[0]];
  return task!.taskType && COMBINING_TASK_TYPES.has(task!.taskType) ? [names.join(',')] : [];
}

// cdk-appflow: ValidationAction.ignoreRecord() is DropRecord, terminateFlow() is DropDataset
const VALUE_NOTES: Readonly<Record<string, string>> = {
  DropRecord: 'skip the record that fails',
  DropDataset: 'stop the flow run',
};

function taskPropertyValues(doc: ParsedWorkflow, c: ValueCursor, key: string, now: Date): [string, string][] {
  const task = taskOfCursor(doc, c);
  const values = PROPERTY_FORMATS[key]?.values;
  if (values) return values.map((v) => [v, VALUE_NOTES[v] ?? key]);
  if (DATA_TYPE_KEYS.has(key)) {
    return dataTypesOf(workflowOf(doc).connector?.type).map((t) => [t, 'data type']);
  }
  const suggested = task && suggestedPropertyValue(task, key, now);
  return suggested?.note ? [[suggested.value, suggested.note]] : [];
}

// ---- snippets ----

function snippetProposal(doc: ParsedWorkflow, s: WorkflowSnippet, span?: TextSpan): Proposal {
  const workflow = workflowOf(doc);
  return {
    label: s.prefix,
    text: withFieldChoices(withConnectorKey(s.body, workflow.connector?.key), fieldsForNewTask(workflow.tasks)),
    snippet: true,
    kind: CompletionItemKind.Snippet,
    detail: s.name,
    markdown: s.description,
    span,
  };
}

/** The projected fields, those that no task reads yet first (a new task most likely wants one of them). */
function fieldsForNewTask(tasks: readonly WorkflowTask[]): string[] {
  const read = new Set<string>();
  for (const t of tasks) if (!isProjection(t)) for (const f of t.sourceFields) read.add(f.name);
  const projected = [...projectedFields(tasks)];
  return [...projected.filter((f) => !read.has(f)), ...projected.filter((f) => read.has(f))];
}

/** A snippet for a member that is not there yet, written with its key. */
function memberSnippet(doc: ParsedWorkflow, key: string, s: WorkflowSnippet): Proposal {
  const p = snippetProposal(doc, s);
  return { ...p, label: `${key}: ${s.prefix}`, text: `${str(key)}: ${p.text}` };
}
