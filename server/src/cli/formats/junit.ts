// `cpworkflow validate --format junit`: a JUnit XML report for CI servers that read one (Jenkins, GitLab, Azure
// Pipelines, CircleCI). One test case per checked file, failed by one <failure> per error; warnings and information
// go to the case's <system-out>; a path that could not be read is a case with an <error>.
import { Diagnostic } from 'vscode-languageserver-types';
import { severityName } from '../../engine/findings';
import { diagnosticLine } from '../common';
import { ValidationReport, repositoryPath } from './report';
import { visibleControls } from '../terminal';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\t': '&#9;',
};
// XML 1.0 §2.2 forbids these besides the controls (made visible first): U+FFFE, U+FFFF and lone surrogates
const NOT_XML_CHAR = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlSafe = (s: string) => visibleControls(s).replace(NOT_XML_CHAR, '\uFFFD');
/** For attribute values: also keeps line feeds and tabs (a parser would normalize them to spaces). */
const attr = (s: string) => xmlSafe(s).replace(/[&<>"'\n\t]/g, (c) => ENTITIES[c]);
const text = (s: string) => xmlSafe(s).replace(/[&<>]/g, (c) => ENTITIES[c]);

const SUITE = 'cpworkflow validate';

export function formatJunit(report: ValidationReport): string {
  const cases: string[] = [];
  let failures = 0;
  const line = (path: string, d: Diagnostic) => diagnosticLine(path, d).trimEnd();
  for (const r of report.results) {
    const path = repositoryPath(r.file, report.root).path;
    const errors = r.diagnostics.filter((d) => severityName(d.severity) === 'error');
    const others = r.diagnostics.filter((d) => severityName(d.severity) !== 'error');
    if (errors.length) failures++;
    const body = [
      ...errors.map(
        (d) =>
          `      <failure type="${attr(String(d.code))}" message="${attr(`${d.code}: ${d.message}`)}">${text(line(path, d))}</failure>\n`,
      ),
      ...(others.length
        ? [`      <system-out>${text(others.map((d) => line(path, d)).join('\n'))}</system-out>\n`]
        : []),
    ];
    const open = `    <testcase classname="cpworkflow" name="${attr(path)}" file="${attr(path)}"`;
    cases.push(body.length ? `${open}>\n${body.join('')}    </testcase>\n` : `${open}/>\n`);
  }
  for (const p of report.problems) {
    cases.push(
      `    <testcase classname="cpworkflow" name="${attr(p.path)}">\n` +
        `      <error type="unreadable" message="${attr(p.message)}">${text(p.message)}</error>\n    </testcase>\n`,
    );
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="${report.problems.length}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${SUITE}" ${counts}>\n` +
    `  <testsuite name="${SUITE}" ${counts} skipped="0">\n${cases.join('')}  </testsuite>\n</testsuites>\n`
  );
}
