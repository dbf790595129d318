// What a check reports, and how it becomes an LSP diagnostic. Every diagnostic carries source "cpworkflow",
// a stable code, a link where AWS documents the rule, and data that quick fixes read (never the message).
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { Node, ParsedWorkflow, rangeOf } from './document';
import { API_REFERENCE } from '../generated/model';
import { safeJsonStringify } from './controls';

export const SOURCE = 'cpworkflow';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
export const severityName = (s: DiagnosticSeverity | undefined): Severity =>
  s === DiagnosticSeverity.Warning
    ? 'warning'
    : s === DiagnosticSeverity.Information
      ? 'information'
      : s === DiagnosticSeverity.Hint
        ? 'hint'
        : 'error';

export interface FindingData {
  /** ids in docs/rules.md this finding enforces */
  readonly rules?: readonly string[];
}

/**
 * Every finding code and the type of the `data` its check writes (what its quick fixes read back). Each rule module
 * adds its own codes to this interface (`declare module '../findings'`), beside its check and its fixes; the registry
 * (rules/index.ts) must list a fix entry for every code here, so the compiler finds a code without an owner, and a fix
 * that reads a field its check never writes.
 */
export interface CodeData {
  /** more findings than a file shows: capFindings below */
  'too-many-findings': { readonly shown: number; readonly notShown: number };
}

export type Code = keyof CodeData;

interface FindingBase {
  readonly severity: Severity;
  readonly message: string;
  /** a node, a span of the text (offset and length), or an explicit range */
  readonly at: Node | { readonly offset: number; readonly length: number } | Range;
  /** an AWS documentation page for this rule */
  readonly href?: string;
}

// data may be left out only where its type has no required field
type DataOf<D> = Partial<D> extends D ? { readonly data?: D & FindingData } : { readonly data: D & FindingData };

/** A finding of one code, its data of that code's type. */
export type FindingOf<C extends Code> = FindingBase & { readonly code: C } & DataOf<CodeData[C]>;

/** What a check reports: one of the codes of CodeData, with that code's data. */
export type Finding = { [C in Code]: FindingOf<C> }[Code];

export const shapeDocUrl = (shape: string) => `${API_REFERENCE}/API_${shape}.html`;

export function toDiagnostic(doc: ParsedWorkflow, f: Finding): Diagnostic {
  const range = 'start' in f.at ? f.at : rangeOf(doc, f.at.offset, f.at.length);
  const d: Diagnostic = { range, severity: LSP_SEVERITY[f.severity], source: SOURCE, code: f.code, message: f.message };
  if (f.href) d.codeDescription = { href: f.href };
  if (f.data) d.data = f.data;
  return d;
}

/** "a, b or c" for messages. */
export function listOf(values: readonly string[], conj = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${conj} ${values[values.length - 1]}`;
}

// A value quoted in a message: a message is read, not scrolled, and a file may hold megabytes in one string.
const QUOTED_MAX_LENGTH = 60;

/** `value` as a JSON string for a message, cut to 60 characters with an ellipsis. */
export function quoted(text: unknown): string {
  const value = String(text);
  if (value.length <= QUOTED_MAX_LENGTH) return safeJsonStringify(value);
  // never cut a surrogate pair in half
  const cut = /[\uD800-\uDBFF]/.test(value[QUOTED_MAX_LENGTH - 2]) ? QUOTED_MAX_LENGTH - 2 : QUOTED_MAX_LENGTH - 1;
  return `${safeJsonStringify(value.slice(0, cut)).slice(0, -1)}…" (${value.length.toLocaleString('en-US')} characters)`;
}

/** Damerau-free Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

// Past this length a value is no typo of a name and the edit distance (length × length) would only cost time.
const SUGGESTION_MAX_LENGTH = 100;

/** Candidates ordered closest first (case-insensitive match counts as closest); as given for a very long value. */
export function closestFirst(value: string, candidates: readonly string[]): string[] {
  if (value.length > SUGGESTION_MAX_LENGTH) return [...candidates];
  const v = value.toLowerCase();
  // each distance once, not once per comparison (418 time zones); a candidate far longer than the value is no typo
  // of it: its length difference (a lower bound of the distance) ranks it, without the length × length table
  const far = 2 * v.length + 16;
  const scored = candidates.map((c) => ({
    c,
    d: c.length > far ? c.length - v.length : editDistance(v, c.toLowerCase()),
  }));
  return scored.sort((a, b) => a.d - b.d).map((s) => s.c);
}

/** The nearest candidate when it is plausibly a typo of `value`. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  if (value.length > SUGGESTION_MAX_LENGTH) return undefined;
  const best = closestFirst(value, candidates)[0];
  if (best === undefined) return undefined;
  const d = editDistance(value.toLowerCase(), best.toLowerCase());
  return d <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** What one file publishes at most (a 5,000-task file may well have a finding per task; past 10,000 few read on). */
export const MAX_FINDINGS = 10_000;
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** The first MAX_FINDINGS findings, and one more that says how many are not shown (as severe as the worst of them). */
export function capFindings(findings: readonly Finding[]): readonly Finding[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const rest = findings.slice(MAX_FINDINGS);
  const severity = SEVERITY_ORDER.find((s) => rest.some((f) => f.severity === s)) ?? 'hint';
  const counts = SEVERITY_ORDER.map((s) => [s, rest.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n.toLocaleString('en-US')} ${s}${n === 1 ? '' : s === 'information' ? '' : 's'}`);
  return [
    ...findings.slice(0, MAX_FINDINGS),
    {
      code: 'too-many-findings',
      severity,
      at: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      data: { shown: MAX_FINDINGS, notShown: rest.length },
      message: `${rest.length.toLocaleString('en-US')} more findings are not shown (${listOf(counts, 'and')}): at most ${MAX_FINDINGS.toLocaleString('en-US')} are shown per file. Fix those above and validate again.`,
    },
  ];
}
