// The rules a report format lists (SARIF's tool.driver.rules): the "Codes" table of docs/rules.md, bundled as text,
// so the descriptions users read in the docs and in code scanning are one text.
import rulesDoc from '../../../../docs/rules.md';
import { Severity } from '../../engine/findings';
import { repository } from '../../../../package.json';

export interface CatalogEntry {
  readonly code: string;
  /** the most severe level the code is reported with; each finding carries its own */
  readonly defaultSeverity: Severity;
  readonly shortDescription: string;
  /** docs/rules.md's row for the code */
  readonly helpUri: string;
}

/** Where the project lives; the SARIF driver's informationUri. */
export const INFORMATION_URI = repository.url.replace(/\.git$/, '');
const RULES_DOC_URI = `${INFORMATION_URI}/blob/main/docs/rules.md`;

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint'] satisfies Severity[];
// | <a id="code-op-1"></a>`OP-1` | error | ConnectorOperator has … |
const ROW = /^\| <a id="([a-z0-9-]+)"><\/a>`([A-Za-z0-9-]+)` \| ([a-z]+) \| ([^|]+) \|$/;

export function parseCodesTable(markdown: string): CatalogEntry[] {
  const section = markdown.split(/^## Codes$/m)[1]?.split(/^## /m)[0] ?? '';
  const entries: CatalogEntry[] = [];
  for (const line of section.split('\n')) {
    const m = ROW.exec(line.trim());
    if (!m || !SEVERITIES.includes(m[3])) continue;
    entries.push({
      code: m[2],
      defaultSeverity: m[3] as Severity,
      shortDescription: m[4].trim(),
      helpUri: `${RULES_DOC_URI}#${m[1]}`,
    });
  }
  return entries;
}

export const RULE_CATALOG: readonly CatalogEntry[] = parseCodesTable(rulesDoc);
