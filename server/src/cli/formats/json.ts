// `cpworkflow validate --format json`: the diagnostics as the editor gets them (0-based LSP ranges), per file.
import { severityName } from '../../engine/findings';
import { terminalJson } from '../terminal';
import { ValidationReport } from './report';

export function formatJson(report: ValidationReport): string {
  const files = report.results.map((r) => ({
    file: r.file,
    diagnostics: r.diagnostics.map((d) => ({
      range: d.range,
      severity: severityName(d.severity),
      code: d.code,
      source: d.source,
      message: d.message,
    })),
  }));
  return terminalJson(files, 2) + '\n';
}
