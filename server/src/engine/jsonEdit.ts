// Text edits on the parse tree, for quick fixes: replace a value, rename a key, remove a member or item with its comma,
// insert a member or item in the file's own indentation. Works from the per-version tree (no re-parse of a 2 MB file,
// which jsonc-parser's `modify` would do on every call) and keeps the file strict JSON.
import { TextEdit } from 'vscode-languageserver-types';
import { Node, ParsedWorkflow, rangeOf } from './document';
import { safeJsonStringify } from './controls';

/** The whitespace a line starts with. */
export function lineIndent(doc: ParsedWorkflow, offset: number): string {
  const start = doc.text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(doc.text.slice(start, Math.min(offset, start + 200)))![0];
}

/** One level of the file's indentation: the first indented line's, else two spaces. */
function indentUnit(doc: ParsedWorkflow): string {
  const m = /\n([ \t]+)\S/.exec(doc.text.slice(0, 4096));
  return m ? m[1] : '  ';
}

/** `value` as JSON whose lines after the first start at `indent`. */
function jsonText(doc: ParsedWorkflow, value: unknown, indent: string): string {
  const text = safeJsonStringify(value, indentUnit(doc));
  return text.replace(/\n/g, `\n${indent}`);
}

export const replaceNode = (doc: ParsedWorkflow, node: Node, value: unknown): TextEdit =>
  TextEdit.replace(rangeOf(doc, node), jsonText(doc, value, lineIndent(doc, node.offset)));

export const renameKey = (doc: ParsedWorkflow, keyNode: Node, key: string): TextEdit =>
  TextEdit.replace(rangeOf(doc, keyNode), safeJsonStringify(key));

/** Removes a property or array item with the comma that separates it, leaving the neighbours' layout as it was. */
export function removeEntry(doc: ParsedWorkflow, entry: Node): TextEdit {
  const siblings = entry.parent?.children ?? [entry];
  const i = siblings.indexOf(entry);
  const next = siblings[i + 1],
    prev = siblings[i - 1];
  if (next) return TextEdit.del(rangeOf(doc, entry.offset, next.offset - entry.offset));
  if (prev)
    return TextEdit.del(
      rangeOf(doc, prev.offset + prev.length, entry.offset + entry.length - (prev.offset + prev.length)),
    );
  // the only entry: leave the braces (or brackets) empty
  const container = entry.parent!;
  return TextEdit.del(rangeOf(doc, container.offset + 1, container.length - 2));
}

/** Inserts an entry (`"key": value` text or an item's text) into an object or array at `index` (default: the end). */
export function insertEntry(
  doc: ParsedWorkflow,
  container: Node,
  entryText: (indent: string) => string,
  index?: number,
): TextEdit {
  const children = container.children ?? [];
  const at = index === undefined ? children.length : Math.min(index, children.length);
  const multiline = children.length === 0 || /\n/.test(doc.text.slice(container.offset, children[0].offset));
  if (children.length === 0) {
    const outer = lineIndent(doc, container.offset);
    const inner = outer + indentUnit(doc);
    return TextEdit.replace(
      rangeOf(doc, container.offset + 1, container.length - 2),
      `\n${inner}${entryText(inner)}\n${outer}`,
    );
  }
  const indent = multiline ? lineIndent(doc, children[0].offset) : '';
  const separator = multiline ? `\n${indent}` : ' ';
  if (at === children.length) {
    const last = children[children.length - 1];
    return TextEdit.insert(doc.document.positionAt(last.offset + last.length), `,${separator}${entryText(indent)}`);
  }
  return TextEdit.insert(doc.document.positionAt(children[at].offset), `${entryText(indent)},${separator}`);
}

/** Inserts `"key": value` into an object. */
export const insertProperty = (
  doc: ParsedWorkflow,
  object: Node,
  key: string,
  value: unknown,
  index?: number,
): TextEdit =>
  insertEntry(doc, object, (indent) => `${safeJsonStringify(key)}: ${jsonText(doc, value, indent)}`, index);

export const insertItem = (doc: ParsedWorkflow, array: Node, value: unknown, index?: number): TextEdit =>
  insertEntry(doc, array, (indent) => jsonText(doc, value, indent), index);

/** Appends several items to an array in one edit, each laid out as Format Document would. */
export const insertItems = (doc: ParsedWorkflow, array: Node, values: readonly unknown[]): TextEdit =>
  insertEntry(doc, array, (indent) => values.map((v) => jsonText(doc, v, indent)).join(`,\n${indent}`));
