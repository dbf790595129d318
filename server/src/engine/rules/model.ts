// The codes of the service model's own constraints (schemaCheck.ts reports them while it walks the model): their data
// and their quick fixes. Also CASE-2, the one domain refinement of an enum value that the walk reports.
import { isKey } from '../document';
import { quoted } from '../findings';
import type { Shape, ShapeName } from '../../generated/model';
import { connectorByOperatorShape } from '../workflowModel';
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
    if (connectorByOperatorShape(c.data.shape)) return eachAllowed(c, operatorsForTask(c, allowed));
    if (typeof c.data.suggestion === 'string') return replaceWith(c, c.data.suggestion);
    return eachAllowed(c, allowed);
  },

  'CASE-2': genericFixes,
};
