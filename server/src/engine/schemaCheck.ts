// The neutral walk of the service model: checks the tree against every constraint of the model (required members,
// enums, @length, @range, @pattern, map keys and sizes, unknown members, types, timestamps) and reports duplicate keys.
// Driven by the generated shapes, so the model stays the one source of truth. What the domain adds to a model finding
// (the rule ids a shape enforces, an operator's connector and task type, AppFlow-only names, CASE-2, CloudFormation's
// list form, a pattern in words) is rules/model.ts's, which owns these codes.
import { Node, ParsedWorkflow, keyOf } from './document';
import { Finding, quoted, shapeDocUrl } from './findings';
import { ShapeMember, ROOT_SHAPE, Shape, ShapeName, shapes } from '../generated/model';
import { timestampRefusal } from './domain/time';
import {
  enumFinding,
  missingMemberRules,
  patternMessage,
  rulesOf,
  taskPropertiesListFinding,
  unknownPropertyFinding,
} from './rules/model';

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

/** Words for a member in messages: "FlowDefinition.FlowName". */
const where = (shape: ShapeName, member?: string) =>
  !member ? shape : shape === ROOT_SHAPE ? member : `${shape}.${member}`;

/** The walk's state: the document (for the domain's refinements) and the findings so far. */
interface Walk {
  readonly doc: ParsedWorkflow;
  readonly out: Finding[];
}

/**
 * Where a value sits in the model: its shape, and the structure member it belongs to (`owner`.`member`), which
 * messages and links name. `ofMap` marks a map's key, which messages name as "<the map> key".
 */
interface Site {
  readonly shape: ShapeName;
  readonly owner?: ShapeName;
  readonly member?: string;
  readonly ofMap?: ShapeName;
}

export function schemaFindings(doc: ParsedWorkflow): Finding[] {
  const walk: Walk = { doc, out: [] };
  if (doc.root) checkValue(walk, doc.root, { shape: ROOT_SHAPE });
  return walk.out;
}

// Messages and links name the structure member a value belongs to; they are built only for a finding, since
// building them for every value of a 2 MB file costs more than the checks.
const labelOf = (site: Site) => {
  const shape = site.ofMap ?? site.shape;
  const label = site.owner ? where(site.owner, site.member) : shape;
  return site.ofMap ? `${label} key` : label;
};
const hrefOf = (site: Site) => shapeDocUrl(site.owner ?? site.ofMap ?? site.shape);

function typeError(walk: Walk, node: Node, site: Site): void {
  const shape = shapes[site.shape];
  walk.out.push({
    code: 'type',
    severity: 'error',
    at: node,
    href: hrefOf(site),
    message: `${labelOf(site)} must be ${EXPECTED_WORD[shape.type]}, not ${JSON_TYPE_WORD[node.type] ?? node.type}.`,
    data: { expected: shape.type, shape: site.shape, rules: rulesOf(site.shape, 'TYPE-1') },
  });
}

/** A whole number written as a float (`3600.0`, `3.6e3`): the AWS CLI refuses it before sending. */
function integerFormFinding(node: Node, written: string, site: Site): Finding {
  const value = node.value as number;
  const integer = Number.isSafeInteger(value) ? value : undefined;
  const shown = quoted(written.length > 40 ? `${written.slice(0, 40)}…` : written);
  return {
    code: 'type',
    severity: 'error',
    at: node,
    href: hrefOf(site),
    message:
      `${labelOf(site)} must be written as a whole number, without a decimal point or exponent: the AWS CLI reads ` +
      `${shown} as a float and refuses it before sending` +
      (integer === undefined ? '.' : `. Write ${integer}.`),
    data: {
      expected: shapes[site.shape].type,
      shape: site.shape,
      rules: rulesOf(site.shape),
      ...(integer === undefined ? {} : { integer }),
    },
  };
}

function checkValue(walk: Walk, node: Node, site: Site): void {
  const shapeName = site.shape;
  const shape = shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      if (node.type !== 'object') return typeError(walk, node, site);
      checkStructure(walk, node, shapeName);
      return;
    }
    case 'map': {
      if (node.type === 'array' && shapeName === 'TaskPropertiesMap')
        return void walk.out.push(taskPropertiesListFinding(node, hrefOf(site)));
      if (node.type !== 'object') return typeError(walk, node, site);
      checkMap(walk, node, site);
      return;
    }
    case 'list': {
      if (node.type !== 'array') return typeError(walk, node, site);
      const items = { ...site, shape: shape.member! };
      for (const item of node.children ?? []) checkValue(walk, item, items);
      return;
    }
    case 'enum': {
      if (node.type !== 'string') return typeError(walk, node, site);
      if (!shape.values!.includes(node.value as string))
        walk.out.push(enumFinding(walk.doc, node, shapeName, labelOf(site), hrefOf(site)));
      return;
    }
    case 'string': {
      if (node.type !== 'string') return typeError(walk, node, site);
      if (!stringWithin(node.value as string, shape)) checkString(walk, node, node.value as string, site);
      return;
    }
    case 'boolean':
      if (node.type !== 'boolean') typeError(walk, node, site);
      return;
    case 'long':
    case 'integer': {
      if (node.type !== 'number' || !Number.isInteger(node.value)) return typeError(walk, node, site);
      // botocore's _validate_integer/_validate_long take a Python int only: json.loads reads 3600.0 and 3.6e3 as floats
      const written = walk.doc.text.slice(node.offset, node.offset + node.length);
      if (!/^-?\d+$/.test(written)) return void walk.out.push(integerFormFinding(node, written, site));
      const { min, max } = shape.range ?? { min: null, max: null };
      const v = node.value as number;
      if ((min !== null && v < min) || (max !== null && v > max)) {
        walk.out.push({
          code: 'range',
          severity: 'error',
          at: node,
          href: hrefOf(site),
          data: { min, max, rules: rulesOf(shapeName) },
          message: `${labelOf(site)} must be between ${min ?? '-∞'} and ${max ?? '∞'}; it is ${v}.`,
        });
      }
      return;
    }
    case 'timestamp': {
      if (node.type !== 'number' && node.type !== 'string') return typeError(walk, node, site);
      const refusal = timestampRefusal(node);
      // epoch milliseconds: SCH-18 says so, with the value in seconds
      if (refusal && refusal.millisecondsAsSeconds === undefined) {
        const label = labelOf(site);
        const example =
          'Use an ISO-8601 string such as "2025-05-01T00:00:00Z" or a number of epoch seconds such as 1746057600.';
        walk.out.push({
          code: refusal.incomplete ? 'timestamp-incomplete' : 'timestamp',
          severity: 'error',
          at: node,
          href: hrefOf(site),
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
  walk: Walk,
  properties: readonly Node[],
  index: number,
  key: string,
  seen?: Map<string, Node>,
): void {
  const earlier = seen ? seen.get(key) : earlierKey(properties, index, key);
  seen?.set(key, properties[index].children![0]);
  if (!earlier) return;
  walk.out.push({
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

function checkStructure(walk: Walk, node: Node, shapeName: ShapeName): void {
  const members = MEMBERS.get(shapeName)!;
  const properties = node.children ?? [];
  const misspelled = new Set<string>();
  for (let i = 0; i < properties.length; i++) {
    const keyNode = properties[i].children?.[0];
    const valueNode = properties[i].children?.[1];
    if (!keyNode) continue;
    const key = keyNode.value as string;
    reportDuplicate(walk, properties, i, key);
    const m = members.get(key);
    if (!m) {
      const unknown = unknownPropertyFinding(keyNode, key, shapeName);
      if (unknown.data.suggestion) misspelled.add(unknown.data.suggestion);
      walk.out.push(unknown);
      continue;
    }
    if (valueNode) checkValue(walk, valueNode, { shape: m.target, owner: shapeName, member: key });
  }
  for (const name of requiredMembersOf(shapeName)) {
    const m = members.get(name)!;
    // a misspelled key is one slip: its "did you mean" already names the member, so no second "missing" for it
    if (hasKey(properties, name) || misspelled.has(name)) continue;
    const parentKey = keyOf(node);
    const rules = missingMemberRules(shapeName);
    walk.out.push({
      code: 'missing-property',
      severity: 'error',
      href: shapeDocUrl(shapeName),
      at: parentKey ?? { offset: node.offset, length: 1 }, // the root's opening brace
      data: { property: name, shape: shapeName, target: m.target, ...(rules ? { rules } : {}) },
      message: `${shapeName} is missing the required property ${quoted(name)}.`,
    });
  }
}

function checkMap(walk: Walk, node: Node, site: Site): void {
  const shapeName = site.shape;
  const shape = shapes[shapeName];
  const keyShape = shapes[shape.key!];
  const properties = node.children ?? [];
  const n = properties.length;
  const { min, max } = shape.length ?? { min: null, max: null };
  if ((min !== null && n < min) || (max !== null && n > max)) {
    const keyNode = keyOf(node);
    const label = labelOf(site);
    walk.out.push({
      code: 'map-size',
      severity: 'error',
      at: n === 0 && keyNode ? keyNode : node,
      href: hrefOf(site),
      data: { min, max, count: n, rules: rulesOf(shapeName) },
      message:
        n === 0
          ? `${label} must have at least ${min} entr${min === 1 ? 'y' : 'ies'}; remove the empty object or add an entry.`
          : `${label} must have ${min ?? 0} to ${max} entries; it has ${n}.`,
    });
  }
  const keys: Site = { shape: shape.key!, owner: site.owner, member: site.member, ofMap: shapeName };
  const values: Site = { shape: shape.value! };
  // a map may be large (Tags allows 50 keys): past a few entries, duplicates are found with a Map
  const seen = n > 16 ? new Map<string, Node>() : undefined;
  for (let i = 0; i < n; i++) {
    const keyNode = properties[i].children?.[0];
    const valueNode = properties[i].children?.[1];
    if (!keyNode) continue;
    const key = keyNode.value as string;
    reportDuplicate(walk, properties, i, key, seen);
    if (keyShape.type === 'enum') {
      if (!keyShape.values!.includes(key))
        walk.out.push(enumFinding(walk.doc, keyNode, shape.key!, labelOf(keys), hrefOf(keys)));
    } else if (!stringWithin(key, keyShape)) {
      checkString(walk, keyNode, key, keys);
    }
    if (valueNode) checkValue(walk, valueNode, values);
  }
}

/** Whether a string meets its shape's @length and @pattern (the fast test; checkString says what is wrong). */
function stringWithin(value: string, shape: Shape): boolean {
  const { min, max } = shape.length ?? { min: null, max: null };
  if (!lengthWithin(value, min, max)) return false;
  return !shape.pattern || shape.pattern === '.*' || regex(shape.pattern).test(value);
}

function checkString(walk: Walk, node: Node, value: string, site: Site): void {
  const shape = shapes[site.shape];
  const label = labelOf(site);
  const href = hrefOf(site);
  const rules = rulesOf(site.shape);
  const len = charLength(value);
  const { min, max } = shape.length ?? { min: null, max: null };
  if (min !== null && len < min) {
    walk.out.push({
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
    walk.out.push({
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
    walk.out.push({
      code: 'pattern',
      severity: 'error',
      at: node,
      href,
      data: { pattern: shape.pattern, rules },
      message: patternMessage(label, value, shape.pattern, site.shape),
    });
  }
}
