// Checks the tree against every constraint of the service model (required members, enums, @length, @range,
// @pattern, map keys and sizes, unknown members, types, timestamps) and reports duplicate keys.
// Driven by the generated shapes, so the model stays the one source of truth.
import { Node, ParsedWorkflow, keyOf, prop, stringValue } from './document';
import { Finding, FindingOf, closestFirst, listOf, nearest, quoted, shapeDocUrl } from './findings';
import { ShapeMember, ROOT_SHAPE, Shape, ShapeName, appflowOnly, connectors, shapes } from '../generated/model';
import { connectorByOperatorShape } from './workflowModel';
import { operatorsFor } from './domain/taskKinds';
import { timestampRefusal } from './domain/time';

const JSON_TYPE_WORD: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};
const EXPECTED_WORD: Record<Shape['type'], string> = {
  structure: 'an object',
  map: 'an object',
  list: 'an array',
  string: 'a string',
  enum: 'a string',
  boolean: 'true or false',
  long: 'a whole number',
  integer: 'a whole number',
  timestamp: 'an ISO-8601 string or a number of epoch seconds',
};
// every @pattern of the model, compiled once when the module loads (nothing here changes afterwards)
const PATTERNS: ReadonlyMap<string, RegExp> = new Map(
  Object.values(shapes).flatMap((s) => (s.pattern ? [[s.pattern, new RegExp(s.pattern)] as const] : [])),
);
const regex = (pattern: string): RegExp => PATTERNS.get(pattern) ?? new RegExp(pattern);
// Smithy @length counts characters (Unicode scalar values), not UTF-16 units.
const charLength = (s: string) => (/[\uD800-\uDFFF]/.test(s) ? [...s].length : s.length);
/** Whether `s` is within `min`..`max` characters; counts code points only when UTF-16 units could disagree. */
function lengthWithin(s: string, min: number | null, max: number | null): boolean {
  // a character is 1 or 2 units
  if ((max === null || s.length <= max) && (min === null || s.length >= 2 * min)) return true;
  const len = charLength(s);
  return (max === null || len <= max) && (min === null || len >= min);
}

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
const rulesOf = (shape: ShapeName, ...more: string[]): string[] => [...(SHAPE_RULES[shape] ?? []), ...more];
// required members whose absence a domain rule names: a Batch needs both ends (BAT-1), a schedule its expression
// (TRG-2)
const MISSING_MEMBER_RULES: Partial<Record<ShapeName, readonly string[]>> = {
  Batch: ['BAT-1'],
  ScheduledTriggerProperties: ['TRG-2'],
};

/** Words for a member in messages: "FlowDefinition.FlowName". */
const where = (shape: ShapeName, member?: string) =>
  !member ? shape : shape === ROOT_SHAPE ? member : `${shape}.${member}`;

export function schemaFindings(doc: ParsedWorkflow): Finding[] {
  const out: Finding[] = [];
  if (!doc.root) return out;
  checkValue(doc.root, ROOT_SHAPE, undefined, undefined, out);
  return out;
}

// Messages and links name the structure member a value belongs to; they are built only for a finding, since
// building them for every value of a 2 MB file costs more than the checks.
const labelOf = (shapeName: ShapeName, owner: ShapeName | undefined, member: string | undefined) =>
  owner ? where(owner, member) : shapeName;
const hrefOf = (shapeName: ShapeName, owner: ShapeName | undefined) => shapeDocUrl(owner ?? shapeName);

function typeError(
  node: Node,
  shapeName: ShapeName,
  owner: ShapeName | undefined,
  member: string | undefined,
  out: Finding[],
): void {
  const shape = shapes[shapeName];
  out.push({
    code: 'type',
    severity: 'error',
    at: node,
    href: hrefOf(shapeName, owner),
    message: `${labelOf(shapeName, owner, member)} must be ${EXPECTED_WORD[shape.type]}, not ${JSON_TYPE_WORD[node.type] ?? node.type}.`,
    data: { expected: shape.type, shape: shapeName },
  });
}

/** `owner`/`member` name the structure member this value belongs to, for messages and links. */
function checkValue(
  node: Node,
  shapeName: ShapeName,
  owner: ShapeName | undefined,
  member: string | undefined,
  out: Finding[],
): void {
  const shape = shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      if (node.type !== 'object') return typeError(node, shapeName, owner, member, out);
      checkStructure(node, shapeName, out);
      return;
    }
    case 'map': {
      if (node.type === 'array' && shapeName === 'TaskPropertiesMap')
        return void out.push(cloudFormationTaskProperties(node, hrefOf(shapeName, owner)));
      if (node.type !== 'object') return typeError(node, shapeName, owner, member, out);
      checkMap(node, shapeName, owner, member, out);
      return;
    }
    case 'list': {
      if (node.type !== 'array') return typeError(node, shapeName, owner, member, out);
      for (const item of node.children ?? []) checkValue(item, shape.member!, owner, member, out);
      return;
    }
    case 'enum': {
      if (node.type !== 'string') return typeError(node, shapeName, owner, member, out);
      if (!shape.values!.includes(node.value as string))
        checkEnum(node, shapeName, labelOf(shapeName, owner, member), hrefOf(shapeName, owner), out);
      return;
    }
    case 'string': {
      if (node.type !== 'string') return typeError(node, shapeName, owner, member, out);
      if (!stringWithin(node.value as string, shape)) {
        checkString(
          node,
          node.value as string,
          shape,
          labelOf(shapeName, owner, member),
          hrefOf(shapeName, owner),
          out,
          shapeName,
        );
      }
      return;
    }
    case 'boolean':
      if (node.type !== 'boolean') typeError(node, shapeName, owner, member, out);
      return;
    case 'long':
    case 'integer': {
      if (node.type !== 'number' || !Number.isInteger(node.value))
        return typeError(node, shapeName, owner, member, out);
      const { min, max } = shape.range ?? { min: null, max: null };
      const v = node.value as number;
      if ((min !== null && v < min) || (max !== null && v > max)) {
        out.push({
          code: 'range',
          severity: 'error',
          at: node,
          href: hrefOf(shapeName, owner),
          data: { min, max, rules: rulesOf(shapeName) },
          message: `${labelOf(shapeName, owner, member)} must be between ${min ?? '-∞'} and ${max ?? '∞'}; it is ${v}.`,
        });
      }
      return;
    }
    case 'timestamp': {
      if (node.type !== 'number' && node.type !== 'string') return typeError(node, shapeName, owner, member, out);
      const refusal = timestampRefusal(node);
      // epoch milliseconds: SCH-18 says so, with the value in seconds
      if (refusal && refusal.millisecondsAsSeconds === undefined) {
        const label = labelOf(shapeName, owner, member);
        const example =
          'Use an ISO-8601 string such as "2025-05-01T00:00:00Z" or a number of epoch seconds such as 1746057600.';
        out.push({
          code: refusal.incomplete ? 'timestamp-incomplete' : 'timestamp',
          severity: 'error',
          at: node,
          href: hrefOf(shapeName, owner),
          data: { rules: rulesOf(shapeName) },
          message: refusal.incomplete
            ? `${label}: ${quoted(String(node.value))}: ${refusal.refused}. Write the full date and time. ${example}`
            : `${label}: the AWS CLI refuses ${quoted(String(node.value))}: ${refusal.refused}. ${example}`,
        });
      }
      return;
    }
  }
}

/** The last key node before `index` in an object's properties that spells `key`. */
function earlierKey(properties: readonly Node[], index: number, key: string): Node | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const k = properties[i].children?.[0];
    if (k && k.value === key) return k;
  }
  return undefined;
}

const hasKey = (properties: readonly Node[], key: string) =>
  earlierKey(properties, properties.length, key) !== undefined;

/**
 * Reports the key that the one at `index` overrides (same spelling; the AWS CLI keeps the last). Objects are small, so
 * a scan beats a Map; a large map passes `seen`, the keys before `index`, to stay linear.
 */
function reportDuplicate(
  properties: readonly Node[],
  index: number,
  key: string,
  out: Finding[],
  seen?: Map<string, Node>,
): void {
  const earlier = seen ? seen.get(key) : earlierKey(properties, index, key);
  seen?.set(key, properties[index].children![0]);
  if (!earlier) return;
  out.push({
    code: 'duplicate-key',
    severity: 'warning',
    at: earlier,
    data: { property: key },
    message: `Duplicate key ${quoted(key)}: the AWS CLI silently keeps only the last one, so this one is ignored. Remove one of them.`,
  });
}

// Each structure's members as a Map and its required members as a list, made once: looking a key from the file
// up in a plain object is a slow path in V8 (the key is not an interned string), and this runs for every object.
const MEMBERS = new Map<ShapeName, ReadonlyMap<string, ShapeMember>>(
  (Object.keys(shapes) as ShapeName[]).map((name) => [name, new Map(Object.entries(shapes[name].members ?? {}))]),
);
const REQUIRED_MEMBERS = new Map<ShapeName, readonly string[]>(
  (Object.keys(shapes) as ShapeName[]).map((name) => [
    name,
    Object.entries(shapes[name].members ?? {})
      .filter(([, m]) => m.required)
      .map(([member]) => member),
  ]),
);
const requiredMembersOf = (shapeName: ShapeName): readonly string[] => REQUIRED_MEMBERS.get(shapeName) ?? [];

function checkStructure(node: Node, shapeName: ShapeName, out: Finding[]): void {
  const members = MEMBERS.get(shapeName)!;
  const properties = node.children ?? [];
  const misspelled = new Set<string>();
  for (let i = 0; i < properties.length; i++) {
    const keyNode = properties[i].children?.[0];
    const valueNode = properties[i].children?.[1];
    if (!keyNode) continue;
    const key = keyNode.value as string;
    reportDuplicate(properties, i, key, out);
    const m = members.get(key);
    if (!m) {
      const unknown = unknownMember(keyNode, key, shapeName);
      if (unknown.data.suggestion) misspelled.add(unknown.data.suggestion);
      out.push(unknown);
      continue;
    }
    if (valueNode) checkValue(valueNode, m.target, shapeName, key, out);
  }
  for (const name of requiredMembersOf(shapeName)) {
    const m = members.get(name)!;
    // a misspelled key is one slip: its "did you mean" already names the member, so no second "missing" for it
    if (hasKey(properties, name) || misspelled.has(name)) continue;
    const parentKey = keyOf(node);
    out.push({
      code: 'missing-property',
      severity: 'error',
      href: shapeDocUrl(shapeName),
      at: parentKey ?? { offset: node.offset, length: 1 }, // the root's opening brace
      data: {
        property: name,
        shape: shapeName,
        target: m.target,
        ...(MISSING_MEMBER_RULES[shapeName] ? { rules: MISSING_MEMBER_RULES[shapeName] } : {}),
      },
      message: `${shapeName} is missing the required property ${quoted(name)}.`,
    });
  }
}

function unknownMember(keyNode: Node, key: string, shapeName: ShapeName): FindingOf<'unknown-property'> {
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

function checkMap(
  node: Node,
  shapeName: ShapeName,
  owner: ShapeName | undefined,
  member: string | undefined,
  out: Finding[],
): void {
  const shape = shapes[shapeName];
  const keyShape = shapes[shape.key!];
  const properties = node.children ?? [];
  const n = properties.length;
  const { min, max } = shape.length ?? { min: null, max: null };
  if ((min !== null && n < min) || (max !== null && n > max)) {
    const keyNode = keyOf(node);
    const label = labelOf(shapeName, owner, member);
    out.push({
      code: 'map-size',
      severity: 'error',
      at: n === 0 && keyNode ? keyNode : node,
      href: hrefOf(shapeName, owner),
      data: { min, max, count: n, rules: rulesOf(shapeName) },
      message:
        n === 0
          ? `${label} must have at least ${min} entr${min === 1 ? 'y' : 'ies'}; remove the empty object or add an entry.`
          : `${label} must have ${min ?? 0} to ${max} entries; it has ${n}.`,
    });
  }
  // a map may be large (Tags allows 50 keys): past a few entries, duplicates are found with a Map
  const seen = n > 16 ? new Map<string, Node>() : undefined;
  for (let i = 0; i < n; i++) {
    const keyNode = properties[i].children?.[0];
    const valueNode = properties[i].children?.[1];
    if (!keyNode) continue;
    const key = keyNode.value as string;
    reportDuplicate(properties, i, key, out, seen);
    if (keyShape.type === 'enum') {
      if (!keyShape.values!.includes(key))
        checkEnum(keyNode, shape.key!, `${labelOf(shapeName, owner, member)} key`, hrefOf(shapeName, owner), out);
    } else if (!stringWithin(key, keyShape)) {
      checkString(
        keyNode,
        key,
        keyShape,
        `${labelOf(shapeName, owner, member)} key`,
        hrefOf(shapeName, owner),
        out,
        shape.key!,
      );
    }
    if (valueNode) checkValue(valueNode, shape.value!, undefined, undefined, out);
  }
}

function checkEnum(node: Node, shapeName: ShapeName, label: string, href: string, out: Finding[]): void {
  const value = node.value as string;
  const allowed = shapes[shapeName].values!;
  if (allowed.includes(value)) return;
  const caseMatch = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  // CASE-2: "ServiceNow" is the member-key spelling; the CloudFormation registry accepts it as a type, the API
  // model does not. Likely tolerated, so a warning (docs/rules.md CASE-2).
  if (shapeName === 'SourceConnectorType' && caseMatch) {
    out.push({
      code: 'CASE-2',
      severity: 'warning',
      at: node,
      href,
      data: { replacement: caseMatch, rules: ['CASE-2'] },
      message: `ConnectorType ${quoted(value)} is the member-key spelling; the API's value is "${caseMatch}" (keys in ConnectorOperator and SourceConnectorProperties stay ${quoted(value)}).`,
    });
    return;
  }
  const connector = connectorByOperatorShape(shapeName);
  const connectorKey = connector?.key;
  if (connectorKey) {
    // §1a ∩ §1b: each connector has its own operator set, and the task's type takes some of them: list those (a
    // Marketo Filter takes 4 of Marketo's 16), closest first
    const taskType = stringValue(prop(node.parent?.parent?.parent?.parent, 'TaskType'));
    const fit = operatorsFor(connector, taskType);
    const forType = fit.length && fit.length < allowed.length && taskType ? fit : allowed;
    const ordered = closestFirst(value, forType);
    const suggestion = caseMatch ?? nearest(value, forType);
    out.push({
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
        rules: rulesOf(shapeName, ...(caseMatch ? ['CASE-4'] : [])),
      },
      message: `${quoted(value)} is not a ${connectorKey} operator${caseMatch ? ` (operators are upper case: "${caseMatch}")` : suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ${connectorKey} allows${forType === allowed ? '' : ` for a ${taskType} task`}: ${listOf(forType)}.`,
    });
    return;
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
  out.push({
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
  });
}

/** Whether a string meets its shape's @length and @pattern (the fast test; checkString says what is wrong). */
function stringWithin(value: string, shape: Shape): boolean {
  const { min, max } = shape.length ?? { min: null, max: null };
  if (!lengthWithin(value, min, max)) return false;
  return !shape.pattern || shape.pattern === '.*' || regex(shape.pattern).test(value);
}

function checkString(
  node: Node,
  value: string,
  shape: Shape,
  label: string,
  href: string,
  out: Finding[],
  shapeName?: ShapeName,
): void {
  const rules = shapeName ? rulesOf(shapeName) : [];
  const len = charLength(value);
  const { min, max } = shape.length ?? { min: null, max: null };
  if (min !== null && len < min) {
    out.push({
      code: 'length',
      severity: 'error',
      at: node,
      href,
      data: { min, max, length: len, rules },
      message:
        len === 0 ? `${label} must not be empty.` : `${label} must be at least ${min} characters long; it has ${len}.`,
    });
    return;
  }
  if (max !== null && len > max) {
    out.push({
      code: 'length',
      severity: 'error',
      at: node,
      href,
      data: { min, max, length: len, rules },
      message: `${label} must be at most ${max} characters long; it has ${len}.`,
    });
    return;
  }
  if (shape.pattern && shape.pattern !== '.*' && !regex(shape.pattern).test(value)) {
    out.push({
      code: 'pattern',
      severity: 'error',
      at: node,
      href,
      data: { pattern: shape.pattern, rules },
      message: patternMessage(label, value, shape.pattern, shapeName),
    });
  }
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

function patternMessage(label: string, value: string, pattern: string, shapeName?: ShapeName): string {
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
function cloudFormationTaskProperties(node: Node, href: string): Finding {
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
