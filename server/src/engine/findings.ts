// What a check reports, and how it becomes an LSP diagnostic. Every diagnostic carries source "cpworkflow",
// a stable code, a link where AWS documents the rule, and data that quick fixes read (never the message).
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { Node, ParsedWorkflow, rangeOf } from './document';
import { API_REFERENCE } from '../generated/model';

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
  /** ids in workflow-rules.md this finding enforces */
  readonly rules?: readonly string[];
  readonly [key: string]: unknown;
}

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** a node, a span of the text (offset and length), or an explicit range */
  readonly at: Node | { readonly offset: number; readonly length: number } | Range;
  readonly data?: FindingData;
  /** an AWS documentation page for this rule */
  readonly href?: string;
}

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

/** Candidates ordered closest first (case-insensitive match counts as closest). */
export function closestFirst(value: string, candidates: readonly string[]): string[] {
  const v = value.toLowerCase();
  // each distance once, not once per comparison (418 time zones)
  const scored = candidates.map((c) => ({ c, d: editDistance(v, c.toLowerCase()) }));
  return scored.sort((a, b) => a.d - b.d).map((s) => s.c);
}

/** The nearest candidate when it is plausibly a typo of `value`. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const best = closestFirst(value, candidates)[0];
  if (best === undefined) return undefined;
  const d = editDistance(value.toLowerCase(), best.toLowerCase());
  return d <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
