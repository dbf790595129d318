// `cpworkflow validate --format github`: GitHub Actions workflow commands, one annotation per finding, then the
// summary line. Escaping as the Actions toolkit does (@actions/core command.ts): data escapes % CR LF, properties
// also : and , so that a message or a file name can neither end the command nor start another one.
import { Severity, severityName } from '../../engine/findings';
import { ValidationReport, repositoryPath, summaryLine } from './report';
import { ruleCatalog } from './ruleCatalog';

// An annotation's title says what the finding is, not only its code: "TPL-1: A template's example value is left"
const TITLE_MAX = 100;
let titles: Map<string, string> | undefined;
const titleOf = (code: string) => {
  titles ??= new Map(ruleCatalog().map((r) => [r.code, `${r.code}: ${r.shortDescription.replace(/`/g, '')}`]));
  const t = titles.get(code) ?? code;
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t;
};
import { visibleControls } from '../terminal';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

// and `##[`, which the runner reads as a command anywhere in a line, gets a space
export const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/##\[/g, '## [');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: ValidationReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    const file = escapeProperty(visibleControls(repositoryPath(r.file, report.root).path));
    for (const d of r.diagnostics) {
      const { start, end } = d.range;
      // 1-based; columns in UTF-16 code units, like SARIF's utf16CodeUnits; endColumn one past the last character.
      // GitHub takes columns only for a range on one line (@actions/core AnnotationProperties).
      const columns = start.line === end.line ? `col=${start.character + 1},endColumn=${end.character + 1},` : '';
      const props =
        `file=${file},line=${start.line + 1},endLine=${end.line + 1},${columns}` +
        `title=${escapeProperty(titleOf(String(d.code)))}`;
      lines.push(`::${COMMAND[severityName(d.severity)]} ${props}::${escapeData(visibleControls(d.message))}\n`);
    }
  }
  for (const p of report.problems) lines.push(`::error title=cpworkflow::${escapeData(visibleControls(p.message))}\n`);
  lines.push(`${summaryLine(report)}\n`);
  return lines.join('');
}
