// Where the cursor is, read from the per-version parse tree plus a few characters around it, never a re-scan of
// the file: a key of which object, or a value at which path, and which text a completion replaces. It covers what
// editing JSON produces: after a colon, inside quotes, a half-typed word, `"": `, `[]`, `{}`, an unterminated string.
import { Node, ParsedWorkflow, isKey, nodeAt, pathOf, significantBefore } from './document';

export interface TextSpan {
  readonly offset: number;
  readonly length: number;
}

interface CursorBase {
  /** a key: the path of the object; a value: the path of the value */
  readonly path: readonly (string | number)[];
  /** what a completion replaces: a whole string token (quotes included), a bare word, or nothing */
  readonly replace: TextSpan;
  /** the replaced text is a string token that starts with a quote */
  readonly quoted: boolean;
  /** where a comma is missing before a new entry (`{"a": 1 |}`): right after the previous value */
  readonly commaBefore?: number;
  /** another entry follows without a separating comma */
  readonly commaAfter: boolean;
}

export interface KeyCursor extends CursorBase {
  readonly kind: 'key';
  readonly object: Node;
  /** the key already has its colon: complete the name only */
  readonly hasColon: boolean;
  /** the property whose key is being edited */
  readonly property?: Node;
}

export interface ValueCursor extends CursorBase {
  readonly kind: 'value';
  /** the value being edited, when there is one */
  readonly node?: Node;
  /** the object or array that holds the value (undefined at the root) */
  readonly container?: Node;
  /** the replaced text directly follows the colon: the inserted value wants a space */
  readonly afterColon: boolean;
}

export type Cursor = KeyCursor | ValueCursor;

const WORD = /[\w$.+-]/;

function wordAround(text: string, offset: number): TextSpan {
  let s = offset,
    e = offset;
  while (s > 0 && WORD.test(text[s - 1])) s--;
  while (e < text.length && WORD.test(text[e])) e++;
  return { offset: s, length: e - s };
}

function significantAfter(text: string, offset: number): string {
  let i = offset;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i < text.length ? text[i] : '';
}

// a value or key starts here, so a comma is missing between it and what we insert
const STARTS_ENTRY = /["{[\w-]/;
const ENDS_ENTRY = /["}\]\w]/;

function isTerminatedString(text: string, n: Node): boolean {
  const end = n.offset + n.length;
  if (n.length < 2 || text[end - 1] !== '"') return false;
  let backslashes = 0;
  for (let i = end - 2; i > n.offset && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/**
 * The cursor at `offset`, or undefined where nothing can be completed (between a key and its colon, after a string).
 */
export function cursorAt(doc: ParsedWorkflow, offset: number): Cursor | undefined {
  const { text } = doc;
  if (!doc.root) {
    return {
      kind: 'value',
      path: [],
      replace: wordAround(text, offset),
      quoted: false,
      commaAfter: false,
      afterColon: false,
    };
  }
  const n = nodeAt(doc, offset);
  if (!n) return undefined;

  if (n.type === 'string' && offset > n.offset) {
    const terminated = isTerminatedString(text, n);
    const end = n.offset + n.length;
    if (terminated && offset >= end) return undefined; // after the closing quote
    // an unterminated string runs to the end of the line: replace only what was typed
    const replace = { offset: n.offset, length: terminated ? n.length : offset - n.offset };
    if (isKey(n)) {
      const property = n.parent!;
      return {
        kind: 'key',
        object: property.parent!,
        path: pathOf(property.parent!),
        replace,
        quoted: true,
        property,
        hasColon: property.colonOffset !== undefined,
        commaAfter:
          property.colonOffset === undefined &&
          STARTS_ENTRY.test(significantAfter(text, replace.offset + replace.length)),
      };
    }
    return valueCursor(n, replace, true);
  }
  if (n.type === 'number' || n.type === 'boolean' || n.type === 'null') {
    return valueCursor(n, { offset: n.offset, length: n.length }, false);
  }
  if (n.type === 'property') {
    // `"Key": |` or `"Key": Partial|`: the value is missing or not JSON yet
    if (n.colonOffset === undefined || offset <= n.colonOffset) return undefined;
    const key = n.children![0];
    const replace = wordAround(text, offset);
    return {
      kind: 'value',
      path: [...pathOf(n.parent!), key.value as string],
      container: n.parent,
      replace,
      quoted: false,
      afterColon: replace.offset === n.colonOffset + 1,
      commaAfter: STARTS_ENTRY.test(significantAfter(text, replace.offset + replace.length)),
    };
  }
  if (n.type !== 'object' && n.type !== 'array') return undefined; // right before a string's opening quote
  // in an object or array, between entries
  let container: Node | undefined = n;
  const closer = n.type === 'object' ? '}' : ']';
  const end = n.offset + n.length;
  const inside = offset > n.offset && (offset < end || text[end - 1] !== closer);
  if (!inside) {
    container = n.parent;
    if (container?.type !== 'array') return undefined;
  }
  const replace = wordAround(text, offset);
  const before = significantBefore(text, replace.offset);
  const commaBefore = before >= 0 && ENDS_ENTRY.test(text[before]) ? before + 1 : undefined;
  const commaAfter = STARTS_ENTRY.test(significantAfter(text, replace.offset + replace.length));
  if (container.type === 'object') {
    return {
      kind: 'key',
      object: container,
      path: pathOf(container),
      replace,
      quoted: false,
      hasColon: false,
      commaBefore,
      commaAfter,
    };
  }
  const index = (container.children ?? []).filter((c) => c.offset + c.length <= replace.offset).length;
  return {
    kind: 'value',
    path: [...pathOf(container), index],
    container,
    replace,
    quoted: false,
    afterColon: false,
    commaBefore,
    commaAfter,
  };
}

function valueCursor(n: Node, replace: TextSpan, quoted: boolean): ValueCursor {
  const container = n.parent?.type === 'property' ? n.parent.parent : n.parent;
  const colon = n.parent?.type === 'property' ? n.parent.colonOffset : undefined;
  return {
    kind: 'value',
    node: n,
    path: pathOf(n),
    container,
    replace,
    quoted,
    commaAfter: false,
    afterColon: colon !== undefined && colon + 1 === replace.offset,
  };
}
