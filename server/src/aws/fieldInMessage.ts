// Finds the member a service error names ("Value null at 'integrationConfig.appflowIntegration.flowDefinition.kmsArn'
// failed to satisfy constraint …") in the file the request came from, so the user can jump to it.
// Pure (no `vscode`): offsets in, offsets out.
// Read with the engine's parser and, of duplicate keys, the last, as the engine, JSON.parse and the AWS CLI read them.
import { at, parseJsonTree, type Node } from '../engine/document';

export interface FieldInFile {
  /** the member path as the message spells it */
  readonly named: string;
  /** the part of the path that exists in the file, in the file's own spelling (e.g. `IntegrationConfig.…`) */
  readonly found: string;
  /** true when the whole path exists; false when only an ancestor does (e.g. a missing member) */
  readonly exact: boolean;
  readonly offset: number;
  readonly length: number;
}

// Coral validation messages quote the path: `at 'a.b.1.member.c'`; other messages name a dotted path or a member.
const QUOTED_PATH = /\bat '([A-Za-z][\w.]*)'/g;
const DOTTED_PATH = /\b([A-Za-z][A-Za-z0-9]*(?:\.(?:[A-Za-z][A-Za-z0-9]*|\d+|\*))+)\b/g;
const MEMBER_NAME = /\b([A-Z][A-Za-z0-9]+)\b/g;
// A service message names one field, or a few; only the first paths of a message that names thousands are looked at.
const MAX_CANDIDATES = 50;

/** The first member path named in `message` that leads somewhere in `text`; undefined when none does. */
export function fieldNamedIn(message: string, text: string): FieldInFile | undefined {
  const root = parseJsonTree(text);
  if (!root || root.type !== 'object') return undefined;
  // each distinct path once, and the file's properties indexed by name once: a long message naming many paths
  // against a large file stays linear in both
  const candidates = new Set([
    ...[...message.matchAll(QUOTED_PATH)].map((m) => m[1]),
    ...[...message.matchAll(DOTTED_PATH)].map((m) => m[1]),
  ]);
  const byName = candidates.size ? propertiesByName(root) : new Map<string, Node[]>();
  let partial: FieldInFile | undefined;
  for (const named of [...candidates].slice(0, MAX_CANDIDATES)) {
    const hit = locate(root, named.split('.'), byName);
    if (!hit) continue;
    const field = { named, ...hit };
    if (field.exact) return field;
    partial ??= field;
  }
  if (partial) return partial;
  // A bare member name ("Invalid type for ObjectTypeName") counts only when it is a top-level member of the file.
  for (const m of message.matchAll(MEMBER_NAME)) {
    const hit = walk(root, [m[1]]);
    if (hit?.exact) return { named: m[1], found: hit.found, exact: true, offset: hit.offset, length: hit.length };
  }
  return undefined;
}

/**
 * Walks `segments` from the root, or else from the first property named like `segments[0]` anywhere (messages
 * sometimes start below the request). Keys compare case-insensitively (the service camel-cases them); list indexes
 * are 1-based and followed by `member` in Coral paths.
 */
function locate(
  root: Node,
  segments: string[],
  byName: ReadonlyMap<string, Node[]>,
): Omit<FieldInFile, 'named'> | undefined {
  const starts = [root, ...(byName.get(segments[0].toLowerCase()) ?? []).map((p) => p.parent!)];
  let best: Omit<FieldInFile, 'named'> | undefined;
  for (const start of starts) {
    const hit = walk(start, segments);
    if (hit && hit.depth > 0 && (!best || hit.exact)) best = hit;
    if (best?.exact) break;
  }
  return best && { found: best.found, exact: best.exact, offset: best.offset, length: best.length };
}

function walk(start: Node, segments: string[]) {
  let node = start;
  let target: Node | undefined;
  const found: string[] = [];
  let depth = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    let next: Node | undefined;
    let keyNode: Node | undefined;
    if (node.type === 'object') {
      const prop = keptProperties(node).find(
        (p) => p.children?.[0]?.value?.toString().toLowerCase() === seg.toLowerCase(),
      );
      keyNode = prop?.children?.[0];
      next = prop?.children?.[1];
    } else if (node.type === 'array' && /^\d+$/.test(seg)) {
      next = node.children?.[Number(seg) - 1];
      if (segments[i + 1] === 'member') i++;
    }
    if (!next) break;
    found.push(keyNode ? String(keyNode.value) : seg);
    // A property is shown by its key, a list element by the element itself.
    target = keyNode ?? next;
    node = next;
    depth++;
  }
  const consumed = depth > 0 && isWholePath(segments, found.length);
  if (!target) return undefined;
  return { depth, found: found.join('.'), exact: consumed, offset: target.offset, length: target.length };
}

/** Whether `matched` walked segments cover the whole path (list indexes count with their `member`). */
function isWholePath(segments: string[], matched: number): boolean {
  return segments.filter((s) => s !== 'member').length === matched;
}

/** An object's properties without those a later key of the same spelling overrides (the AWS CLI drops them). */
function keptProperties(object: Node): Node[] {
  const properties = object.children ?? [];
  const later = new Set<unknown>();
  const kept: Node[] = [];
  for (let i = properties.length - 1; i >= 0; i--) {
    const key = properties[i].children?.[0]?.value;
    if (later.has(key)) continue;
    later.add(key);
    kept.push(properties[i]);
  }
  return kept.reverse();
}

/** Every property of the tree by its lower-cased name, in document order (one walk, no recursion). */
function propertiesByName(root: Node): Map<string, Node[]> {
  const out = new Map<string, Node[]>();
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const children = node.type === 'object' ? keptProperties(node) : (node.children ?? []);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    if (node.type !== 'property') continue;
    const name = node.children?.[0]?.value?.toString().toLowerCase();
    if (name === undefined) continue;
    const list = out.get(name);
    if (list) list.push(node);
    else out.set(name, [node]);
  }
  return out;
}

/**
 * The place of a JSON path (`["IntegrationConfig", …, 0, "StartTime"]`) in `text`: the value, for "Go to". Of
 * duplicate keys the last counts, as JSON.parse and the AWS CLI read them (the engine's `at`).
 */
export function fieldAtPath(
  text: string,
  path: readonly (string | number)[],
): { path: string; exact: boolean; offset: number; length: number } | undefined {
  const node = at(parseJsonTree(text), ...path);
  return node && { path: path.join('.'), exact: true, offset: node.offset, length: node.length };
}
