// Checks the tree against every constraint of the service model (required members, enums, @length, @range,
// @pattern, map keys and sizes, unknown members, types, timestamps) and reports duplicate keys.
// Driven by the generated shapes, so the model stays the one source of truth.
import { Node, ParsedWorkflow, keyOf } from './document';
import { Finding, closestFirst, listOf, nearest, shapeDocUrl } from './findings';
import { ROOT_SHAPE, Shape, ShapeName, appflowOnly, shapes } from '../generated/model';
import { parseTimestamp } from './timestamps';

const JSON_TYPE_WORD: Record<string, string> = {
  object: 'an object', array: 'an array', string: 'a string', number: 'a number', boolean: 'true or false', null: 'null',
};
const EXPECTED_WORD: Record<Shape['type'], string> = {
  structure: 'an object', map: 'an object', list: 'an array', string: 'a string', enum: 'a string', boolean: 'true or false',
  long: 'a whole number', integer: 'a whole number', timestamp: 'an ISO-8601 string or a number of epoch seconds',
};
const patternCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let r = patternCache.get(pattern);
  if (!r) { r = new RegExp(pattern); patternCache.set(pattern, r); }
  return r;
}
// Smithy @length counts characters (Unicode scalar values), not UTF-16 units.
const charLength = (s: string) => (/[\uD800-\uDFFF]/.test(s) ? [...s].length : s.length);

// The workflow-rules.md ids each shape's constraints enforce (§6, §7, TP-1/2, SCH-10/17/18), carried in data.rules.
const SHAPE_RULES: Partial<Record<ShapeName, readonly string[]>> = {
  FlowName: ['LIM-1'], FlowDescription: ['LIM-3'], KmsArn: ['LIM-4'], RoleArn: ['LIM-5'], name: ['LIM-6'], typeName: ['LIM-7'],
  ConnectorProfileName: ['LIM-8'], Object: ['LIM-9'], BucketName: ['LIM-10'], BucketPrefix: ['LIM-10'], stringTo2048: ['LIM-12'],
  DestinationField: ['LIM-13'], Property: ['TP-2', 'LIM-14'], TagMap: ['LIM-15'], TagKey: ['LIM-15', 'LIM-16'], TagValue: ['LIM-15'],
  ScheduleExpression: ['LIM-18'], Timezone: ['LIM-18'], DatetimeTypeFieldName: ['LIM-18'], ScheduleOffset: ['SCH-17', 'LIM-17'],
  SourceConnectorType: ['CASE-1'], TriggerType: ['TRG-1'], DataPullMode: ['SCH-10'], OperatorPropertiesKeys: ['TP-1'], TaskType: ['§1a'],
  MarketoConnectorOperator: ['§1a'], S3ConnectorOperator: ['§1a'], SalesforceConnectorOperator: ['§1a'], ServiceNowConnectorOperator: ['§1a'],
  ZendeskConnectorOperator: ['§1a'], Date: ['SCH-18'], timestamp: ['SCH-18', 'BAT-10'],
};
const rulesOf = (shape: ShapeName, ...more: string[]): string[] => [...(SHAPE_RULES[shape] ?? []), ...more];
// required members whose absence a domain rule names: a Batch needs both ends (BAT-1), a schedule its expression (TRG-2)
const MISSING_MEMBER_RULES: Partial<Record<ShapeName, readonly string[]>> = { Batch: ['BAT-1'], ScheduledTriggerProperties: ['TRG-2'] };

/** Words for a member in messages: "FlowDefinition.FlowName". */
const where = (shape: ShapeName, member?: string) => (!member ? shape : shape === ROOT_SHAPE ? member : `${shape}.${member}`);

export function schemaFindings(doc: ParsedWorkflow): Finding[] {
  const out: Finding[] = [];
  if (!doc.root) return out;
  checkValue(doc.root, ROOT_SHAPE, undefined, undefined, out);
  return out;
}

/** `owner`/`member` name the structure member this value belongs to, for messages and links. */
function checkValue(node: Node, shapeName: ShapeName, owner: ShapeName | undefined, member: string | undefined, out: Finding[]): void {
  const shape = shapes[shapeName];
  const label = owner ? where(owner, member) : shapeName;
  const href = shapeDocUrl(owner ?? shapeName);
  const typeError = (): void => void out.push({ code: 'type', severity: 'error', at: node, href,
    message: `${label} must be ${EXPECTED_WORD[shape.type]}, not ${JSON_TYPE_WORD[node.type] ?? node.type}.`,
    data: { expected: shape.type, shape: shapeName } });

  switch (shape.type) {
    case 'structure': {
      if (node.type !== 'object') return typeError();
      checkStructure(node, shapeName, out);
      return;
    }
    case 'map': {
      if (node.type === 'array' && shapeName === 'TaskPropertiesMap') return void out.push(cloudFormationTaskProperties(node, href));
      if (node.type !== 'object') return typeError();
      checkMap(node, shapeName, label, href, out);
      return;
    }
    case 'list': {
      if (node.type !== 'array') return typeError();
      for (const item of node.children ?? []) checkValue(item, shape.member!, owner, member, out);
      return;
    }
    case 'enum': {
      if (node.type !== 'string') return typeError();
      checkEnum(node, shapeName, label, href, out);
      return;
    }
    case 'string': {
      if (node.type !== 'string') return typeError();
      checkString(node, node.value as string, shape, label, href, out, shapeName);
      return;
    }
    case 'boolean':
      if (node.type !== 'boolean') typeError();
      return;
    case 'long': case 'integer': {
      if (node.type !== 'number' || !Number.isInteger(node.value)) return typeError();
      const { min, max } = shape.range ?? { min: null, max: null };
      const v = node.value as number;
      if ((min !== null && v < min) || (max !== null && v > max)) {
        out.push({ code: 'range', severity: 'error', at: node, href, data: { min, max, rules: rulesOf(shapeName) },
          message: `${label} must be between ${min ?? '-∞'} and ${max ?? '∞'}; it is ${v}.` });
      }
      return;
    }
    case 'timestamp': {
      if (node.type !== 'number' && node.type !== 'string') return typeError();
      if (!parseTimestamp(node)) {
        out.push({ code: 'timestamp', severity: 'error', at: node, href, data: { rules: rulesOf(shapeName) },
          message: `${label}: ${JSON.stringify(node.value)} is not a timestamp. Use an ISO-8601 string such as "2025-05-01T00:00:00Z" or a number of epoch seconds such as 1746057600.` });
      }
      return;
    }
  }
}

function checkStructure(node: Node, shapeName: ShapeName, out: Finding[]): void {
  const shape = shapes[shapeName];
  const members = shape.members!;
  const seen = new Map<string, Node>();
  for (const p of node.children ?? []) {
    const keyNode = p.children?.[0];
    const valueNode = p.children?.[1];
    if (!keyNode) continue;
    const key = keyNode.value as string;
    reportDuplicate(seen, key, keyNode, out);
    const m = members[key];
    if (!m) {
      out.push(unknownMember(keyNode, key, shapeName));
      continue;
    }
    if (valueNode) checkValue(valueNode, m.target, shapeName, key, out);
  }
  for (const [name, m] of Object.entries(members)) {
    if (!m.required || seen.has(name)) continue;
    const parentKey = keyOf(node);
    out.push({ code: 'missing-property', severity: 'error', href: shapeDocUrl(shapeName),
      at: parentKey ?? { offset: node.offset, length: 1, type: 'object' } as Node, // the root's opening brace
      data: { property: name, shape: shapeName, target: m.target, ...(MISSING_MEMBER_RULES[shapeName] ? { rules: MISSING_MEMBER_RULES[shapeName] } : {}) },
      message: `${shapeName} is missing the required property "${name}".` });
  }
}

function unknownMember(keyNode: Node, key: string, shapeName: ShapeName): Finding {
  const allowed = Object.keys(shapes[shapeName].members!);
  const suggestion = nearest(key, allowed);
  const fromAppflow = appflowOnly.members[shapeName]?.includes(key);
  const hint = fromAppflow
    ? `"${key}" belongs to the Amazon AppFlow API, not to Customer Profiles' ${shapeName}: remove it.`
    : suggestion ? `Did you mean "${suggestion}"?` : '';
  return { code: 'unknown-property', severity: 'error', at: keyNode, href: shapeDocUrl(shapeName),
    data: { property: key, shape: shapeName, allowed, ...(suggestion && !fromAppflow ? { suggestion } : {}), ...(fromAppflow ? { appflowOnly: true } : {}),
      rules: shapeName === 'ScheduledTriggerProperties' ? ['TRG-7', 'CASE-3'] : ['CASE-3'] },
    message: `"${key}" is not a property of ${shapeName}. ${hint}${hint ? ' ' : ''}Allowed: ${listOf(allowed)}. The AWS CLI rejects unknown parameters.` };
}

function reportDuplicate(seen: Map<string, Node>, key: string, keyNode: Node, out: Finding[]): void {
  const earlier = seen.get(key);
  seen.set(key, keyNode);
  if (!earlier) return;
  out.push({ code: 'duplicate-key', severity: 'warning', at: earlier,
    data: { property: key, keptOffset: keyNode.offset },
    message: `Duplicate key "${key}": the AWS CLI silently keeps only the last one, so this one is ignored. Remove one of them.` });
}

function checkMap(node: Node, shapeName: ShapeName, label: string, href: string, out: Finding[]): void {
  const shape = shapes[shapeName];
  const keyShape = shapes[shape.key!];
  const n = node.children?.length ?? 0;
  const { min, max } = shape.length ?? { min: null, max: null };
  if ((min !== null && n < min) || (max !== null && n > max)) {
    const keyNode = keyOf(node);
    out.push({ code: 'map-size', severity: 'error', at: n === 0 && keyNode ? keyNode : node, href, data: { min, max, count: n, rules: rulesOf(shapeName) },
      message: n === 0
        ? `${label} must have at least ${min} entr${min === 1 ? 'y' : 'ies'}; remove the empty object or add an entry.`
        : `${label} must have ${min ?? 0} to ${max} entries; it has ${n}.` });
  }
  const seen = new Map<string, Node>();
  for (const p of node.children ?? []) {
    const keyNode = p.children?.[0];
    const valueNode = p.children?.[1];
    if (!keyNode) continue;
    const key = keyNode.value as string;
    reportDuplicate(seen, key, keyNode, out);
    if (keyShape.type === 'enum') checkEnum(keyNode, shape.key!, `${label} key`, href, out);
    else checkString(keyNode, key, keyShape, `${label} key`, href, out, shape.key!);
    if (valueNode) checkValue(valueNode, shape.value!, undefined, undefined, out);
  }
}

function checkEnum(node: Node, shapeName: ShapeName, label: string, href: string, out: Finding[]): void {
  const value = node.value as string;
  const allowed = shapes[shapeName].values!;
  if (allowed.includes(value)) return;
  const caseMatch = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  // CASE-2: "ServiceNow" is the member-key spelling; the CloudFormation registry accepts it as a type, the API
  // model does not. Likely tolerated, so a warning (workflow-rules.md §6).
  if (shapeName === 'SourceConnectorType' && caseMatch) {
    out.push({ code: 'CASE-2', severity: 'warning', at: node, href, data: { replacement: caseMatch, rules: ['CASE-2'] },
      message: `ConnectorType "${value}" is the member-key spelling; the API's value is "${caseMatch}" (keys in ConnectorOperator and SourceConnectorProperties stay "${value}").` });
    return;
  }
  const connectorKey = shapeName.endsWith('ConnectorOperator') ? shapeName.slice(0, -'ConnectorOperator'.length) : undefined;
  if (connectorKey) {
    // §1a: each connector has its own operator set; say which connector and list its operators, closest first
    const ordered = closestFirst(value, allowed);
    const suggestion = caseMatch ?? nearest(value, allowed);
    out.push({ code: 'enum', severity: 'error', at: node, href,
      data: { value, allowed: ordered, shape: shapeName, connectorKey, ...(suggestion ? { suggestion } : {}), rules: rulesOf(shapeName, ...(caseMatch ? ['CASE-4'] : [])) },
      message: `"${value}" is not a ${connectorKey} operator${caseMatch ? ` (operators are upper case: "${caseMatch}")` : suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ${connectorKey} allows: ${listOf(allowed)}.` });
    return;
  }
  const appflow = shapeName === 'TaskType' && appflowOnly.taskTypes.includes(value)
    || shapeName === 'OperatorPropertiesKeys' && appflowOnly.operatorPropertyKeys.includes(value);
  const suggestion = caseMatch ?? nearest(value, allowed);
  const hint = appflow ? ` "${value}" belongs to the Amazon AppFlow API; Customer Profiles does not accept it.${value === 'Map_all' ? ' Instead, list every field in a Filter task with the PROJECTION operator and add one Map task per field.' : ''}`
    : caseMatch ? ` Values are case-sensitive: "${caseMatch}".` : suggestion ? ` Did you mean "${suggestion}"?` : '';
  out.push({ code: 'enum', severity: 'error', at: node, href,
    data: { value, allowed, shape: shapeName, ...(suggestion && !appflow ? { suggestion } : {}), ...(appflow ? { appflowOnly: true } : {}),
      rules: rulesOf(shapeName, ...(caseMatch ? ['CASE-4'] : [])) },
    message: `"${value}" is not a valid ${label}.${hint} Allowed: ${listOf(allowed)}.` });
}

function checkString(node: Node, value: string, shape: Shape, label: string, href: string, out: Finding[], shapeName?: ShapeName): void {
  const rules = shapeName ? rulesOf(shapeName) : [];
  const len = charLength(value);
  const { min, max } = shape.length ?? { min: null, max: null };
  if (min !== null && len < min) {
    out.push({ code: 'length', severity: 'error', at: node, href, data: { min, max, length: len, rules },
      message: len === 0 ? `${label} must not be empty.` : `${label} must be at least ${min} characters long; it has ${len}.` });
    return;
  }
  if (max !== null && len > max) {
    out.push({ code: 'length', severity: 'error', at: node, href, data: { min, max, length: len, rules },
      message: `${label} must be at most ${max} characters long; it has ${len}.` });
    return;
  }
  if (shape.pattern && shape.pattern !== '.*' && !regex(shape.pattern).test(value)) {
    out.push({ code: 'pattern', severity: 'error', at: node, href, data: { pattern: shape.pattern, rules },
      message: patternMessage(label, value, shape.pattern) });
  }
}

// Plain words for the model's patterns that users meet most; the pattern itself is always quoted too.
function patternMessage(label: string, value: string, pattern: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (pattern.startsWith('^(?!aws:)') && value.startsWith('aws:')) {
    return `${label} "${shown}" starts with "aws:", which AWS reserves for its own tags. Use another prefix.`;
  }
  if (value === '') return `${label} must not be empty (pattern ${pattern}).`;
  return `${label} "${shown}" does not match the model's pattern ${pattern}.`;
}

// §2a: CloudFormation writes TaskProperties as a list of {OperatorPropertyKey, Property} (AWS::CustomerProfiles) or
// {Key, Value} (AWS::AppFlow); the API and the AWS CLI take a map. Show the map the list means.
function cloudFormationTaskProperties(node: Node, href: string): Finding {
  const replacement: Record<string, unknown> = {};
  for (const item of node.children ?? []) {
    const entry = item.type === 'object' ? Object.fromEntries((item.children ?? []).map((p) => [p.children?.[0]?.value, p.children?.[1]?.value])) : {};
    const key = entry.OperatorPropertyKey ?? entry.Key;
    if (typeof key === 'string') replacement[key] = entry.Property ?? entry.Value;
  }
  const shown = JSON.stringify(replacement).replace(/":/g, '": ').replace(/,"/g, ', "');
  return { code: 'type', severity: 'error', at: node, href,
    data: { expected: 'map', shape: 'TaskPropertiesMap', replacement, rules: ['§2a'] },
    message: `TaskProperties is a list here, as CloudFormation writes it; the API takes a map of key to string value: ${shown === '{}' ? '{ "KEY": "value" }' : shown}.` };
}
