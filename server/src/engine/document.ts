// A parsed workflow file: the text, its JSON tree (jsonc-parser's Node shape) and the syntax errors.
// The tree keeps offsets, so every finding can point at the exact key or value.
import { Node, ParseError, ParseErrorCode, getNodeValue, findNodeAtOffset } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Range } from 'vscode-languageserver-types';
import { parseStrictJsonTree, patchStringEdit } from './jsonParser';

export type { Node } from 'jsonc-parser';

export interface ParsedWorkflow {
  readonly document: TextDocument;
  readonly text: string;
  /** undefined when the text holds no JSON value at all */
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
}

// The AWS CLI reads the file with a strict JSON parser: comments and trailing commas are errors, not dialect.
// parseStrictJsonTree is parseTree(text, errors, { disallowComments, !allowTrailingComma, allowEmptyContent })
// at a fraction of its cost on large files.
export function parseWorkflow(document: TextDocument): ParsedWorkflow {
  const text = document.getText();
  const syntaxErrors: ParseError[] = [];
  const root = parseStrictJsonTree(text, syntaxErrors);
  return { document, text, root, syntaxErrors };
}

/** The JSON tree of `text` as parseWorkflow reads it, for a caller with text only (the AWS library). */
export function parseJsonTree(text: string): Node | undefined {
  return parseStrictJsonTree(text, []);
}

/**
 * The parse of `document` given `previous`, the parse of an earlier version of it. Typing inside a string patches
 * the earlier tree in place instead of building a new one, so `previous` is handed over: its tree now belongs to
 * the result, and `previous` must not be used again. Any other edit is parsed afresh.
 */
export function reparseWorkflow(previous: ParsedWorkflow, document: TextDocument): ParsedWorkflow {
  const text = document.getText();
  if (previous.root) {
    const syntaxErrors = patchStringEdit(previous.root, previous.text, text, previous.syntaxErrors);
    if (syntaxErrors) return { document, text, root: previous.root, syntaxErrors };
  }
  return parseWorkflow(document);
}

export function rangeOf(doc: ParsedWorkflow, node: Node): Range;
export function rangeOf(doc: ParsedWorkflow, offset: number, length: number): Range;
export function rangeOf(doc: ParsedWorkflow, nodeOrOffset: Node | number, length = 0): Range {
  const offset = typeof nodeOrOffset === 'number' ? nodeOrOffset : nodeOrOffset.offset;
  const len = typeof nodeOrOffset === 'number' ? length : nodeOrOffset.length;
  return { start: doc.document.positionAt(offset), end: doc.document.positionAt(offset + len) };
}

/** The value node of `key` in an object node. */
export function prop(node: Node | undefined, key: string): Node | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  // the last one wins, as in the AWS CLI's parser
  const properties = node.children;
  for (let i = properties.length - 1; i >= 0; i--) {
    const p = properties[i].children;
    if (p?.[0]?.value === key) return p[1];
  }
  return undefined;
}

/** Follows a path of keys and indexes from `node`. */
export function at(node: Node | undefined, ...path: (string | number)[]): Node | undefined {
  let n = node;
  for (const seg of path) {
    if (!n) return undefined;
    n = typeof seg === 'number' ? (n.type === 'array' ? n.children?.[seg] : undefined) : prop(n, seg);
  }
  return n;
}

/** Whether `n` is the key of a property (not its value). */
export const isKey = (n: Node | undefined): n is Node =>
  !!n && n.parent?.type === 'property' && n.parent.children?.[0] === n;

/** The key node of the property whose value is `valueNode` (undefined for array items and the root). */
export function keyOf(valueNode: Node): Node | undefined {
  const p = valueNode.parent;
  return p?.type === 'property' && p.children?.[1] === valueNode ? p.children[0] : undefined;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function valueOf(node: Node | undefined): unknown {
  return node ? getNodeValue(node) : undefined;
}

export function items(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** The path of keys and indexes from the root to `node`. */
export function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  let n: Node | undefined = node;
  while (n?.parent) {
    const parent: Node = n.parent;
    if (parent.type === 'property') {
      path.unshift(parent.children![0].value as string);
      n = parent.parent;
      continue;
    }
    if (parent.type === 'array') path.unshift(parent.children!.indexOf(n));
    n = parent;
  }
  return path;
}

/** The offset of the last non-whitespace character before `offset` (-1 when there is none). */
export function significantBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

export function nodeAt(doc: ParsedWorkflow, offset: number): Node | undefined {
  return doc.root ? findNodeAtOffset(doc.root, offset, true) : undefined;
}

export { ParseErrorCode };
