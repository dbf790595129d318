// Quick fixes: the dispatcher. Each rule module owns its codes' fixes (rules/*.ts, found through the registry's
// fixesFor); this module finds the node a diagnostic covers, asks the code's fixes, offers a fix that two findings
// share once, ranks an error's fixes first, and builds `source.fixAll` from every determined fix. Unknown or stale
// diagnostics get no fix.
import { CodeAction, CodeActionKind, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { Node, ParsedWorkflow, nodeAt } from './document';
import { SOURCE } from './findings';
import { fixesFor } from './rules';

export function codeActions(doc: ParsedWorkflow, diagnostics: readonly Diagnostic[], now: Date): CodeAction[] {
  const out: CodeAction[] = [];
  // two findings on one value (a model enum and a rule) often share a fix: offer it once, for both
  const byEdit = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
    const fix = fixesFor(diagnostic.code);
    if (!fix) continue;
    const fixes = fix({ doc, diagnostic, node: nodeOfRange(doc, diagnostic), now }, diagnostic.data);
    fixes.forEach((f, i) => {
      const same = `${f.title}\n${JSON.stringify(f.edits)}`;
      const earlier = byEdit.get(same);
      if (earlier) {
        earlier.diagnostics!.push(diagnostic);
        // one of the findings leaves no other choice (OP-2's "VALIDATE_NON_NULL" among the enum's four)
        if (fixes.length === 1) earlier.isPreferred = true;
        return;
      }
      const action: CodeAction = {
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && fixes.length === 1 ? true : undefined,
        edit: { changes: { [doc.document.uri]: f.edits } },
      };
      byEdit.set(same, action);
      out.push(action);
    });
  }
  // an error's own fixes before those of a warning or a note on the same spot (the light bulb's first entry); at
  // one severity, a fix that rewrites the flagged text itself ("Change to Rating__c") before one that adds
  // something elsewhere ("Add a Map task for Rating_c")
  const rank = (a: CodeAction) => Math.min(...a.diagnostics!.map((d) => d.severity ?? 1));
  const inPlace = (a: CodeAction) =>
    a.edit!.changes![doc.document.uri].every((e) => a.diagnostics!.some((d) => within(e.range, d.range))) ? 0 : 1;
  return out
    .map((a, i) => ({ a, i, place: inPlace(a) }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.place - y.place || x.i - y.i)
    .map(({ a }) => a);
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
/** Whether `inner` lies within `outer`. */
const within = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** The kind of the one action that applies every determined fix (LSP's `source.fixAll`, as ESLint's). */
const FIX_ALL_KIND = 'source.fixAll';

/**
 * Every determined fix (the one fix of a diagnostic that has exactly one) in one edit, for `source.fixAll` and the
 * "Fix All Problems" command; undefined when there is none. Fixes whose edits touch the same text as an earlier one
 * wait for the next run, so the edit never mangles the file.
 */
export function fixAll(doc: ParsedWorkflow, diagnostics: readonly Diagnostic[], now: Date): CodeAction | undefined {
  const taken: [number, number][] = [];
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  const span = (e: TextEdit): [number, number] => [
    doc.document.offsetAt(e.range.start),
    doc.document.offsetAt(e.range.end),
  ];
  // edits that meet at one point (two inserts at one offset) clash too: their order would be arbitrary
  const clashes = ([s, e]: [number, number]) => taken.some(([ts, te]) => s <= te && ts <= e);
  for (const action of codeActions(doc, diagnostics, now)) {
    if (!action.isPreferred) continue;
    const mine = action.edit!.changes![doc.document.uri].map(span);
    if (mine.some(clashes)) continue;
    taken.push(...mine);
    edits.push(...action.edit!.changes![doc.document.uri]);
    fixed.push(...action.diagnostics!);
  }
  if (!edits.length) return undefined;
  return {
    title: `Fix all determined problems (${fixed.length})`,
    kind: FIX_ALL_KIND,
    diagnostics: fixed,
    edit: { changes: { [doc.document.uri]: edits } },
  };
}

function nodeOfRange(doc: ParsedWorkflow, d: Diagnostic): Node | undefined {
  const start = doc.document.offsetAt(d.range.start),
    end = doc.document.offsetAt(d.range.end);
  for (let n = nodeAt(doc, start); n; n = n.parent) {
    if (n.offset === start && n.offset + n.length === end) return n;
    // an object's opening brace stands for the object (where something inside it is missing)
    if (n.offset === start && end === start + 1 && (n.type === 'object' || n.type === 'array')) return n;
    if (n.offset < start) break;
  }
  return undefined;
}
