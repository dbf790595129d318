// `cpworkflow validate` (--format text, the default): file:line:col severity code message, 1-based, then a summary.
import { relative } from 'node:path';
import { diagnosticLine } from '../common';
import { ValidationReport, summaryLine } from './report';

export function formatText(report: ValidationReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    const name = relative(process.cwd(), r.file) || r.file;
    for (const d of r.diagnostics) lines.push(diagnosticLine(name, d));
  }
  lines.push(`${summaryLine(report)}\n`);
  return lines.join('');
}
