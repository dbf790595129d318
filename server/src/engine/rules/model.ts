// The codes of the service model's own constraints (schemaCheck.ts reports them while it walks the model): their data,
// their quick fixes, and what the domain adds to them: the docs/rules.md ids each shape enforces, an operator's
// connector and task type, AppFlow-only names, CASE-2, CloudFormation's list form of TaskProperties, a pattern in
// words. The walk stays neutral; it asks this module for these.
import { Node, ParsedWorkflow, isKey, prop } from '../document';
import { Finding, FindingOf, closestFirst, listOf, nearest, quoted, shapeDocUrl } from '../findings';
import { Shape, ShapeName, appflowOnly, connectors, shapes } from '../../generated/model';
import { connectorByOperatorShape, taskAt } from '../workflowModel';
import { OPERATOR_MISSPELLINGS, operatorsFor } from '../domain/taskKinds';
import { removeEntry } from '../jsonEdit';
import type { Fix, FixContext, Fixes } from './types';
import {
  addProperty,
  eachAllowed,
  genericFixes,
  operatorsForTask,
  removeMember,
  renameTo,
  replaceWith,
} from './fixKit';

declare module '../findings' {
  interface CodeData {
    /** a value of the wrong JSON type; `replacement` is CloudFormation's list form of TaskProperties decoded */
    type: {
      readonly expected: Shape['type'];
      /** a whole number written as a float (3600.0): the integer to write instead */
      readonly integer?: number;
      readonly shape: ShapeName;
      readonly replacement?: Readonly<Record<string, string>>;
    };
    range: { readonly min: number | null; readonly max: number | null };
    length: { readonly min: number | null; readonly max: number | null; readonly length: number };
    pattern: { readonly pattern: string };
    timestamp: object;
    'timestamp-incomplete': object;
    'duplicate-key': { readonly property: string };
    'missing-property': { readonly property: string; readonly shape: ShapeName; readonly target: ShapeName };
    'unknown-property': {
      readonly property: string;
      readonly shape: ShapeName;
      readonly allowed: readonly string[];
      readonly suggestion?: string;
      readonly appflowOnly?: true;
    };
    'map-size': {
      readonly min: number | null;
      readonly max: number | null;
      readonly count: number;
    };
    /** a model enum's value, or a TaskProperties key; an operator also names its connector's key */
    enum: {
      readonly value: string;
      readonly allowed: readonly string[];
      readonly shape: ShapeName;
      readonly connectorKey?: string;
      /** the connector type, where an operator is checked under another connector's key (OP-1) */
      readonly connector?: string;
      readonly suggestion?: string;
      readonly appflowOnly?: true;
      /** a known misspelling of `suggestion` (OP-2): the one fix */
      readonly misspelling?: true;
    };
    'CASE-2': { readonly replacement: string };
  }
}

/**
 * The model's `type` errors whose fix is certain: a quoted number, an unquoted string value, a lone value for a list,
 * CloudFormation's list form of TaskProperties.
 */
function typeFixes(c: FixContext<'type'>): Fix[] {
  const n = c.node;
  const expected = c.data.expected;
  if (!n) return [];
  if (c.data.integer !== undefined && n.type === 'number') return replaceWith(c, c.data.integer);
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

export const modelFixes: Fixes<
  | 'type'
  | 'range'
  | 'length'
  | 'pattern'
  | 'timestamp'
  | 'timestamp-incomplete'
  | 'duplicate-key'
  | 'missing-property'
  | 'unknown-property'
  | 'map-size'
  | 'enum'
  | 'CASE-2'
> = {
  type: typeFixes,
  range: null,
  length: null,
  pattern: null,
  timestamp: null,
  'timestamp-incomplete': null,

  'duplicate-key': (c) =>
    isKey(c.node)
      ? [{ title: `Remove the earlier ${quoted(String(c.node.value))}`, edits: [removeEntry(c.doc, c.node.parent!)] }]
      : [],

  'missing-property': (c) => (c.data.property && c.data.target ? addProperty(c, c.data.property, c.data.target) : []),

  'unknown-property': (c) => {
    if (c.data.appflowOnly) return removeMember(c);
    return [...(typeof c.data.suggestion === 'string' ? renameTo(c, c.data.suggestion) : []), ...removeMember(c)];
  },

  'map-size': (c) => (c.data.count === 0 ? removeMember(c) : []),

  // a model enum: a value or a TaskProperties key; operators get every allowed one the task's type takes
  enum: (c) => {
    const allowed = c.data.allowed ?? [];
    if (isKey(c.node))
      return c.data.appflowOnly
        ? removeMember(c)
        : typeof c.data.suggestion === 'string'
          ? renameTo(c, c.data.suggestion)
          : [];
    if (c.data.misspelling && typeof c.data.suggestion === 'string') return replaceWith(c, c.data.suggestion);
    if (connectorByOperatorShape(c.data.shape)) return eachAllowed(c, operatorsForTask(c, allowed));
    if (typeof c.data.suggestion === 'string') return replaceWith(c, c.data.suggestion);
    return eachAllowed(c, allowed);
  },

  'CASE-2': genericFixes,
};

// The docs/rules.md ids each shape's constraints enforce (CASE, LIM, TP-1/2, SCH-10/17/18), carried in data.rules.
const SHAPE_RULES: Partial<Record<ShapeName, readonly string[]>> = {
  FlowName: ['LIM-1'],
  FlowDescription: ['LIM-3'],
  KmsArn: ['LIM-4'],
  RoleArn: ['LIM-5'],
  name: ['LIM-6'],
  typeName: ['LIM-7'],
  ConnectorProfileName: ['LIM-8'],
  Object: ['LIM-9'],
  BucketName: ['LIM-10'],
  BucketPrefix: ['LIM-10'],
  stringTo2048: ['LIM-12'],
  DestinationField: ['LIM-13'],
  Property: ['TP-2', 'LIM-14'],
  TagMap: ['LIM-15'],
  TagKey: ['LIM-15', 'LIM-16'],
  TagValue: ['LIM-15'],
  ScheduleExpression: ['LIM-18'],
  Timezone: ['LIM-18'],
  DatetimeTypeFieldName: ['LIM-18'],
  ScheduleOffset: ['SCH-17', 'LIM-17'],
  SourceConnectorType: ['CASE-1'],
  TriggerType: ['TRG-1'],
  DataPullMode: ['SCH-10'],
  OperatorPropertiesKeys: ['TP-1'],
  TaskType: ['§1a'],
  Date: ['SCH-18'],
  timestamp: ['SCH-18', 'BAT-10'],
  ...Object.fromEntries(connectors.map((c) => [c.operatorShape, ['§1a']])),
};
export const rulesOf = (shape: ShapeName, ...more: string[]): string[] => [...(SHAPE_RULES[shape] ?? []), ...more];
// required members whose absence a domain rule names: a Batch needs both ends (BAT-1), a schedule its expression
// (TRG-2)
const MISSING_MEMBER_RULES: Partial<Record<ShapeName, readonly string[]>> = {
  Batch: ['BAT-1'],
  ScheduledTriggerProperties: ['TRG-2'],
};
export const missingMemberRules = (shape: ShapeName): readonly string[] | undefined => MISSING_MEMBER_RULES[shape];

/** An unknown member: the closest member's name as a "did you mean", or that it belongs to AppFlow's API. */
export function unknownPropertyFinding(
  keyNode: Node,
  key: string,
  shapeName: ShapeName,
): FindingOf<'unknown-property'> {
  const allowed = Object.keys(shapes[shapeName].members!);
  const suggestion = nearest(key, allowed);
  const fromAppflow = appflowOnly.members[shapeName]?.includes(key);
  const hint = fromAppflow
    ? `${quoted(key)} belongs to the Amazon AppFlow API, not to Customer Profiles' ${shapeName}: remove it.`
    : suggestion
      ? `Did you mean "${suggestion}"?`
      : '';
  return {
    code: 'unknown-property',
    severity: 'error',
    at: keyNode,
    href: shapeDocUrl(shapeName),
    data: {
      property: key,
      shape: shapeName,
      allowed,
      ...(suggestion && !fromAppflow ? { suggestion } : {}),
      ...(fromAppflow ? { appflowOnly: true } : {}),
      rules: shapeName === 'ScheduledTriggerProperties' ? ['TRG-7', 'CASE-3'] : ['CASE-3'],
    },
    message: `${quoted(key)} is not a property of ${shapeName}. ${hint}${hint ? ' ' : ''}Allowed: ${listOf(allowed)}. The AWS CLI rejects unknown parameters.`,
  };
}

/**
 * A value (or map key) not among its enum's: CASE-2 for the member-key spelling of a connector type; for an operator,
 * the ones its connector and its task's TaskType take, closest first; AppFlow-only values named as such.
 */
export function enumFinding(
  doc: ParsedWorkflow,
  node: Node,
  shapeName: ShapeName,
  label: string,
  href: string,
): Finding {
  const value = node.value as string;
  const allowed = shapes[shapeName].values!;
  const caseMatch = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  // CASE-2: "ServiceNow" is the member-key spelling; the CloudFormation registry accepts it as a type, the API
  // model does not. Likely tolerated, so a warning (docs/rules.md CASE-2).
  if (shapeName === 'SourceConnectorType' && caseMatch) {
    return {
      code: 'CASE-2',
      severity: 'warning',
      at: node,
      href,
      data: { replacement: caseMatch, rules: ['CASE-2'] },
      message: `ConnectorType ${quoted(value)} is the member-key spelling; the API's value is "${caseMatch}" (keys in ConnectorOperator and SourceConnectorProperties stay ${quoted(value)}).`,
    };
  }
  const connector = connectorByOperatorShape(shapeName);
  const connectorKey = connector?.key;
  if (connectorKey) {
    // §1a ∩ §1b: each connector has its own operator set, and the task's type takes some of them: list those (a
    // Marketo Filter takes 4 of Marketo's 16), closest first
    const taskType = taskAt(doc, node.offset)?.taskType;
    const fit = operatorsFor(connector, taskType);
    const forType = fit.length && fit.length < allowed.length && taskType ? fit : allowed;
    const ordered = closestFirst(value, forType);
    // OP-2: a known misspelling is one finding (this one), which names the operator meant and fixes it alone
    const misspelt = OPERATOR_MISSPELLINGS[value];
    const meant = misspelt && connector.operators.includes(misspelt) ? misspelt : undefined;
    const suggestion = meant ?? caseMatch ?? nearest(value, forType);
    return {
      code: 'enum',
      severity: 'error',
      at: node,
      href,
      data: {
        value,
        allowed: ordered,
        shape: shapeName,
        connectorKey,
        ...(suggestion ? { suggestion } : {}),
        ...(meant ? { misspelling: true as const } : {}),
        rules: rulesOf(shapeName, ...(caseMatch ? ['CASE-4'] : []), ...(meant ? ['OP-2'] : [])),
      },
      message: meant
        ? `${quoted(value)} is a common misspelling of "${meant}", the ${connectorKey} operator meant here.`
        : `${quoted(value)} is not a ${connectorKey} operator${caseMatch ? ` (operators are upper case: "${caseMatch}")` : suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ${connectorKey} allows${forType === allowed ? '' : ` for a ${taskType} task`}: ${listOf(forType)}.`,
    };
  }
  const appflow =
    (shapeName === 'TaskType' && appflowOnly.taskTypes.includes(value)) ||
    (shapeName === 'OperatorPropertiesKeys' && appflowOnly.operatorPropertyKeys.includes(value));
  const suggestion = caseMatch ?? nearest(value, allowed);
  const hint = appflow
    ? ` ${quoted(value)} belongs to the Amazon AppFlow API; Customer Profiles does not accept it.${value === 'Map_all' ? ' Instead, list every field in a Filter task with the PROJECTION operator and add one Map task per field.' : ''}`
    : caseMatch
      ? ` Values are case-sensitive: "${caseMatch}".`
      : suggestion
        ? ` Did you mean "${suggestion}"?`
        : '';
  return {
    code: 'enum',
    severity: 'error',
    at: node,
    href,
    data: {
      value,
      allowed,
      shape: shapeName,
      ...(suggestion && !appflow ? { suggestion } : {}),
      ...(appflow ? { appflowOnly: true } : {}),
      rules: rulesOf(shapeName, ...(caseMatch ? ['CASE-4'] : [])),
    },
    message: `${quoted(value)} is not a valid ${label}.${hint} Allowed: ${listOf(allowed)}.`,
  };
}

// What the model's patterns ask for, in words (docs/rules.md LIM-1…LIM-18); the pattern itself is always quoted too.
const PATTERN_WORDS: Partial<Record<ShapeName, string>> = {
  FlowName:
    'start with a letter or digit, be at least 2 characters long and use only letters, digits and _ ! @ # . - (no spaces)',
  FlowDescription: 'use only letters, digits, spaces and _ ! @ # - . ? , (no : / ( ) > or quotes)',
  KmsArn: 'be a KMS key ARN in the aws partition, like arn:aws:kms:us-east-1:<account id>:key/<key id>',
  RoleArn: 'be an IAM role ARN in the aws partition, like arn:aws:iam::<account id>:role/<role name>',
  name: 'use only letters, digits, _ and -',
  typeName: 'start with a letter or _ and use only letters, digits, _ and -',
  ConnectorProfileName: 'use only letters, digits and _ / ! @ # + = . - (no spaces)',
  Object: 'be non-empty with no whitespace',
  BucketName: 'have no whitespace',
};

export function patternMessage(label: string, value: string, pattern: string, shapeName?: ShapeName): string {
  if (pattern.startsWith('^(?!aws:)') && value.startsWith('aws:')) {
    return `${label} ${quoted(value)} starts with "aws:", which AWS reserves for its own tags. Use another prefix.`;
  }
  if (value === '') return `${label} must not be empty (pattern ${pattern}).`;
  const words = shapeName && PATTERN_WORDS[shapeName];
  if (words) return `${label} ${quoted(value)} must ${words}; pattern ${pattern}.`;
  return `${label} ${quoted(value)} does not match the model's pattern ${pattern}.`;
}

// §2a: CloudFormation writes TaskProperties as a list of {OperatorPropertyKey, Property} (AWS::CustomerProfiles) or
// {Key, Value} (AWS::AppFlow); the API and the AWS CLI take a map. Show the map the list means; data.replacement (the
// quick fix's map, values as strings) only when every entry converts, so the fix never drops what the user wrote.
export function taskPropertiesListFinding(node: Node, href: string): Finding {
  const map: Record<string, string> = {};
  let complete = true;
  for (const item of node.children ?? []) {
    const key = prop(item, 'OperatorPropertyKey') ?? prop(item, 'Key'),
      value = prop(item, 'Property') ?? prop(item, 'Value');
    const scalar = value && (value.type === 'string' || value.type === 'number' || value.type === 'boolean');
    if (key?.type === 'string' && scalar) map[key.value as string] = String(value.value);
    else complete = false;
  }
  const json = JSON.stringify(map).replace(/":/g, '": ').replace(/,"/g, ', "');
  const shown = json.length > 400 ? `${json.slice(0, 399)}…` : json;
  return {
    code: 'type',
    severity: 'error',
    at: node,
    href,
    data: { expected: 'map', shape: 'TaskPropertiesMap', ...(complete ? { replacement: map } : {}), rules: ['§2a'] },
    message: `TaskProperties is a list here, as CloudFormation writes it; the API takes a map of key to string value: ${shown === '{}' ? '{ "KEY": "value" }' : shown}.`,
  };
}
