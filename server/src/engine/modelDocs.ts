// Markdown about the model for hovers and completion items: a member's documentation, its type and constraints,
// and a link to the API reference page of the structure that defines it. Text comes from the generated model only.
import { Connector, OPERATION_DOC_URL, ROOT_SHAPE, ShapeName, connectors, shapes } from '../generated/model';
import { shapeDocUrl, listOf } from './findings';
import { PROPERTY_FORMATS, TASK_KINDS, TaskKind, taskTypesForOperator } from './domain/taskKinds';
import { DATA_TYPE_KEYS, DATA_TYPE_WORDS, dataTypesOf } from './domain/dataTypes';

/** "string", "one of 7 values", "list of Task", … for a shape. */
function typeWord(shapeName: ShapeName): string {
  const s = shapes[shapeName];
  switch (s.type) {
    case 'enum':
      return s.values!.length === 1 ? `"${s.values![0]}"` : `one of ${s.values!.length} values`;
    case 'list':
      return `list of ${shapes[s.member!].type === 'structure' ? s.member : shapes[s.member!].type}`;
    case 'map':
      return 'object (map)';
    case 'structure':
      return 'object';
    case 'timestamp':
      return 'timestamp (ISO-8601 string or epoch seconds)';
    case 'long':
    case 'integer':
      return 'whole number';
    default:
      return s.type;
  }
}

function constraints(shapeName: ShapeName): string[] {
  const s = shapes[shapeName];
  const out: string[] = [];
  const span = (r: { min: number | null; max: number | null }, unit: string) =>
    r.min !== null && r.max !== null
      ? `${r.min}–${r.max}${unit}`
      : r.max !== null
        ? `at most ${r.max}${unit}`
        : `at least ${r.min}${unit}`;
  const words = s.pattern ? patternInWords(s.pattern) : undefined;
  if (words) {
    // the pattern's own minimum counts too: `^[a-zA-Z0-9][\w!@#.-]+$` needs 2 characters whatever @length says
    const min = Math.max(s.length?.min ?? 0, words.min);
    out.push(`${span({ min, max: s.length?.max ?? null }, ' characters')}: ${words.text}`);
  } else if (s.length && (s.length.min || s.length.max !== null))
    out.push(`Length ${span(s.length, s.type === 'map' ? ' entries' : ' characters')}`);
  if (s.range) out.push(`Range ${span(s.range, '')}`);
  if (s.pattern && s.pattern !== '.*' && !words) out.push(`Pattern \`${s.pattern}\``);
  return out;
}

// the character classes the model's name patterns use, in words
const CLASS_WORDS: Readonly<Record<string, string>> = {
  'a-z': 'lower-case letters',
  'A-Z': 'upper-case letters',
  'a-zA-Z': 'letters',
  '0-9': 'digits',
  '\\w': 'letters, digits, _',
  '\\S': 'any character but whitespace',
};

/** `[a-zA-Z0-9_-]` → "letters, digits, _, -"; undefined for a class these words cannot say. */
function classInWords(body: string): string | undefined {
  const parts: string[] = [];
  let rest = body;
  for (const [cls, words] of Object.entries(CLASS_WORDS).sort((a, b) => b[0].length - a[0].length)) {
    if (rest.includes(cls)) {
      parts.push(words);
      rest = rest.split(cls).join('');
    }
  }
  if (/\\[^\\]/.test(rest.replace(/\\[.\-/+=!@#]/g, ''))) return undefined; // another escape class
  const literals = [...rest.replace(/\\(.)/g, '$1')];
  const merged = parts.join(', ').replace('lower-case letters, upper-case letters', 'letters');
  return [merged, ...literals].filter(Boolean).join(', ').replace('digits, letters', 'letters, digits');
}

/**
 * A name pattern of the model in words, with the fewest characters it takes: `^[a-zA-Z0-9][\w!@#.-]+$` → "a letter or
 * digit first, then letters, digits, _, !, @, #, ., -" (2). Undefined for patterns these words cannot say (ARNs).
 */
function patternInWords(pattern: string): { text: string; min: number } | undefined {
  const m = /^\^((?:\[[^\]]+\][+*]?)+)\$$/.exec(pattern);
  if (!m) return undefined;
  const pieces = [...m[1].matchAll(/\[([^\]]+)\]([+*]?)/g)].map(([, body, q]) => ({ words: classInWords(body), q }));
  if (pieces.some((p) => !p.words) || pieces.length > 2) return undefined;
  const min = pieces.reduce((n, p) => n + (p.q === '*' ? 0 : 1), 0);
  if (pieces.length === 1) return { text: pieces[0].words!, min };
  const [first, then] = pieces;
  const one = first
    .words!.replace(/letters/, 'a letter')
    .replace(/digits/, 'digit')
    .replace(/, (?=[^,]*$)/, ' or ');
  return { text: `${one} first, then ${then.words}`, min };
}

// the request's own members are documented on the operation's page
const link = (owner: ShapeName) =>
  owner === ROOT_SHAPE
    ? `[API reference: CreateIntegrationWorkflow](${OPERATION_DOC_URL})`
    : `[API reference: ${owner}](${shapeDocUrl(owner)})`;

/** Everything the model says about `owner.member`. */
export function memberMarkdown(owner: ShapeName, member: string): string {
  const m = shapes[owner].members?.[member];
  if (!m) return '';
  const head = `**${member}** · ${typeWord(m.target)}${m.required ? ' · required' : ''}`;
  const doc = m.doc ?? shapes[m.target].doc ?? '';
  return [head, doc, constraints(m.target).join(' · '), link(owner)].filter(Boolean).join('\n\n');
}

/** A value shape that is not a structure member (a map value, the root). */
export function shapeMarkdown(shapeName: ShapeName, label: string): string {
  const s = shapes[shapeName];
  return [
    `**${label}** · ${typeWord(shapeName)}`,
    s.doc ?? '',
    constraints(shapeName).join(' · '),
    s.type === 'structure' ? link(shapeName) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Which connectors and task types take `operator` (§1a, §1b). */
export function operatorMarkdown(operator: string): string {
  const by = connectors.filter((c) => c.operators.includes(operator)).map((c) => c.type);
  const not = connectors.filter((c) => !c.operators.includes(operator)).map((c) => c.type);
  const types = taskTypesForOperator(operator);
  const kinds = TASK_KINDS.filter((k) => k.operators.includes(operator));
  return [
    `**${operator}** · task operator`,
    kinds.map((k) => k.summary).join(' '),
    `Connectors: ${listOf(by, 'and')}${not.length ? ` (not ${listOf(not)})` : ''}.`,
    types.length ? `Task types: ${listOf(types)}.` : '',
    link('ConnectorOperator'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The connector type value and the member keys that go with it (CASE-2: Servicenow vs ServiceNow). */
export function connectorMarkdown(c: Connector): string {
  const sameKey = c.key === c.type;
  return [
    `**${c.type}** · ConnectorType`,
    sameKey
      ? `Key in \`ConnectorOperator\` and \`SourceConnectorProperties\`: \`"${c.key}"\`.`
      : `Key in \`ConnectorOperator\` and \`SourceConnectorProperties\`: \`"${c.key}"\` (the value here stays \`"${c.type}"\`).`,
    `Operators: ${c.operators.length}.`,
    link('SourceFlowConfig'),
  ].join('\n\n');
}

/** How a TaskProperties key stands for a task of `kind` (required, one of, optional) and what its value looks like. */
export function taskPropertyNeed(key: string, kind: TaskKind | undefined): string {
  if (!kind) return '';
  return kind.requiredProperties.includes(key)
    ? 'required'
    : kind.oneOfProperties.includes(key)
      ? `one of ${kind.oneOfProperties.join(' / ')}`
      : 'optional';
}

export function taskPropertyMarkdown(key: string, kind: TaskKind | undefined, connectorType?: string): string {
  const need = taskPropertyNeed(key, kind);
  const dataType = DATA_TYPE_KEYS.has(key);
  return [
    `**${key}** · TaskProperties key${need ? ` · ${need}` : ''}`,
    // a data type is about the field, not about what the task does with it
    dataType ? DATA_TYPE_WORDS[key] : (kind?.summary ?? ''),
    dataType ? `Types${connectorType ? ` (${connectorType})` : ''}: ${dataTypesOf(connectorType).join(', ')}.` : '',
    PROPERTY_FORMATS[key] ? `Value: ${PROPERTY_FORMATS[key].expected}.` : '',
    link('Task'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** What a TaskType does with each operator family it takes. */
export function taskTypeMarkdown(taskType: string): string {
  const kinds = TASK_KINDS.filter((k) => k.taskType === taskType);
  return [
    `**${taskType}** · TaskType`,
    ...kinds.map((k) => `${k.summary} Operators: ${k.operators.join(', ')}.`),
    link('Task'),
  ].join('\n\n');
}
