// What `cpworkflow validate` found, in the shape every output format reads: the files with their diagnostics, the
// paths that could not be read, and where each file sits in the repository.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Severity, severityName } from '../../engine/findings';
import type { RuleLevel } from '../../engine/ruleConfig';

export interface FileResult {
  /** the path as the user gave it or the folder walk found it */
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** A path that was not checked (missing, unreadable, not text), with the message that says why. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export interface ValidationReport {
  readonly results: readonly FileResult[];
  readonly problems: readonly Problem[];
  /** the repository root (the nearest folder above the working folder with .git, else the working folder) */
  readonly root: string;
  /** findings below --severity, left out of results */
  readonly hidden: number;
  /**
   * The levels a configuration set (cpworkflow.config.json files, --rule), each code and level once: SARIF records
   * them as the run's rule configuration overrides.
   */
  readonly overrides?: readonly { readonly code: string; readonly level: RuleLevel }[];
}

/** The levels --severity takes, most severe first: each shows itself and everything above it. */
export const SEVERITY_THRESHOLDS = ['error', 'warning', 'information'] as const;
export type SeverityThreshold = (typeof SEVERITY_THRESHOLDS)[number];
const THRESHOLD_LSP: Record<SeverityThreshold, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  // information shows everything, hints included
  information: DiagnosticSeverity.Hint,
};
export const atOrAbove = (d: Diagnostic, threshold: SeverityThreshold) =>
  (d.severity ?? DiagnosticSeverity.Error) <= THRESHOLD_LSP[threshold];

export function repositoryRoot(cwd = process.cwd()): string {
  for (let d = resolve(cwd); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return resolve(cwd);
  }
}

/** Where a file is for a CI service: relative to the repository root with `/`, or absolute when outside it. */
export function repositoryPath(file: string, root: string): { path: string; inside: boolean } {
  const rel = relative(root, resolve(file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { path: resolve(file), inside: false };
  return { path: rel.split(sep).join('/'), inside: true };
}

/** The same, as a URI reference: percent-encoded relative path, or a file: URL outside the root. */
export function repositoryUri(file: string, root: string): { uri: string; inside: boolean } {
  const { path, inside } = repositoryPath(file, root);
  return inside
    ? { uri: path.split('/').map(encodeURIComponent).join('/'), inside }
    : { uri: pathToFileURL(path).href, inside };
}

export function countBySeverity(report: ValidationReport, severity: Severity): number {
  let n = 0;
  for (const r of report.results) for (const d of r.diagnostics) if (severityName(d.severity) === severity) n++;
  return n;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 files checked: 1 error, 2 warnings (1 file with errors)", the last line of the text and github formats. */
export function summaryLine(report: ValidationReport): string {
  const failed = report.results.filter((r) => r.diagnostics.some((d) => severityName(d.severity) === 'error')).length;
  const hidden = report.hidden ? `; ${report.hidden} below --severity not shown` : '';
  return (
    `${plural(report.results.length, 'file')} checked: ${plural(countBySeverity(report, 'error'), 'error')}, ` +
    `${plural(countBySeverity(report, 'warning'), 'warning')} (${plural(failed, 'file')} with errors)${hidden}`
  );
}
