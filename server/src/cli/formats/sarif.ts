// `cpworkflow validate --format sarif`: SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read
// it. One run; the driver lists every rule of docs/rules.md; one result per diagnostic; every checked file is an
// artifact, with or without findings. Positions: LSP ranges are 0-based in UTF-16 code units, SARIF regions 1-based
// in the unit `columnKind` names, so both are +1 (SARIF §3.30: endColumn is one past the last character).
import { pathToFileURL } from 'node:url';
import { Diagnostic } from 'vscode-languageserver-types';
import { Severity, severityName } from '../../engine/findings';
import { version } from '../../../../package.json';
import { ruleCatalog } from './ruleCatalog';
import { ValidationReport, repositoryUri } from './report';
import { terminalJson, visibleControls } from '../terminal';

const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

function region(d: Diagnostic) {
  return {
    startLine: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

export function formatSarif(report: ValidationReport): string {
  const catalog = ruleCatalog();
  const ruleIndex = new Map(catalog.map((r, i) => [r.code, i]));
  const location = (file: string, index: number) => {
    const { uri, inside } = repositoryUri(file, report.root);
    return inside ? { uri, uriBaseId: SRCROOT, index } : { uri, index };
  };
  // SARIF §3.14.14: a base URI ends with a slash
  const rootUri = pathToFileURL(report.root).href.replace(/\/?$/, '/');
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cpworkflow',
            version,
            semanticVersion: version,
            // what code scanning shows under an alert: docs/rules.md's rows for the code, in the log itself
            rules: catalog.map((r) => ({
              id: r.code,
              shortDescription: { text: r.shortDescription },
              help: r.help,
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        artifacts: report.results.map((r, i) => ({ location: location(r.file, i) })),
        results: report.results.flatMap((r, i) =>
          r.diagnostics.map((d) => {
            const code = String(d.code);
            const index = ruleIndex.get(code);
            return {
              ruleId: code,
              ...(index === undefined ? {} : { ruleIndex: index }),
              level: LEVEL[severityName(d.severity)],
              message: { text: visibleControls(d.message) },
              locations: [{ physicalLocation: { artifactLocation: location(r.file, i), region: region(d) } }],
            };
          }),
        ),
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.problems.length === 0,
            // SARIF §3.20.5: the levels a configuration gave rules (cpworkflow.config.json, --rule); "off" is disabled
            ...(report.overrides?.length
              ? {
                  ruleConfigurationOverrides: report.overrides.map((o) => ({
                    descriptor: { id: o.code, ...(ruleIndex.has(o.code) ? { index: ruleIndex.get(o.code) } : {}) },
                    configuration: o.level === 'off' ? { enabled: false } : { enabled: true, level: LEVEL[o.level] },
                  })),
                }
              : {}),
            toolExecutionNotifications: report.problems.map((p) => ({
              level: 'error',
              message: { text: visibleControls(p.message) },
            })),
          },
        ],
      },
    ],
  };
  return terminalJson(log, 2) + '\n';
}
