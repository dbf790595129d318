// The rules a report format lists (SARIF's tool.driver.rules): the "Codes" table of docs/rules.md, bundled as text,
// so the descriptions users read in the docs and in code scanning are one text. Each code's help is what the main and
// the account tables say of it (what it checks, the fix, the sources), so code scanning explains an alert offline.
import rulesDoc from '../../../../docs/rules.md';
import { Severity } from '../../engine/findings';

export interface CatalogEntry {
  readonly code: string;
  /** the most severe level the code is reported with; each finding carries its own */
  readonly defaultSeverity: Severity;
  readonly shortDescription: string;
  /** docs/rules.md's anchor for the code's row (`code-op-1`) */
  readonly anchor: string;
  /** what docs/rules.md says of the code: one line per row of its tables, plain and as Markdown */
  readonly help: { readonly text: string; readonly markdown: string };
}

/** A doc cell as plain text: `code` marks and [links] dropped. */
const plain = (cell: string) => cell.replace(/`/g, '').replace(/\[([^\]]+)\]/g, '$1');

/** Each code's rows in the main table (Id | Code | Severity | What | Quick fix | Sources) and the account table. */
function helpRows(markdown: string): Map<string, { text: string; markdown: string }[]> {
  const out = new Map<string, { text: string; markdown: string }[]>();
  const add = (code: string, row: { text: string; markdown: string }) => out.set(code, [...(out.get(code) ?? []), row]);
  const main = markdown.split('## Not checked')[0];
  for (const line of main.split('\n')) {
    const c = line.split('|').map((x) => x.trim());
    if (c.length < 8 || !/^(§\d+[ab]|[A-Z]+-\d+)$/.test(c[1])) continue;
    const code = c[2].replace(/`/g, '');
    const fix = c[5] === 'no' ? '' : ` Quick fix: ${c[5]}.`;
    add(code, {
      text: `${c[1]} (${c[3]}): ${plain(c[4])}.${plain(fix)} Sources: ${plain(c[6])}.`,
      markdown: `**${c[1]}** (${c[3]}): ${c[4]}.${fix} Sources: ${c[6]}.`,
    });
  }
  for (const m of markdown.matchAll(
    /^\| `(ACC-\d+)` \| (error|warning|information|hint) \| ([^|]+) \| ([^|]+) \|$/gm,
  )) {
    const fix = m[4].trim() === 'no' ? '' : ` Quick fix: ${m[4].trim()}.`;
    add(m[1], {
      text: `${m[1]} (${m[2]}, with the account on): ${plain(m[3].trim())}.${plain(fix)}`,
      markdown: `**${m[1]}** (${m[2]}, with the account on): ${m[3].trim()}.${fix}`,
    });
  }
  return out;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint'] satisfies Severity[];
// | <a id="code-op-1"></a>`OP-1` | error | ConnectorOperator has … |
const ROW = /^\| <a id="([a-z0-9-]+)"><\/a>`([A-Za-z0-9-]+)` \| ([a-z]+) \| ([^|]+) \|$/;

export function parseCodesTable(markdown: string): CatalogEntry[] {
  const section = markdown.split(/^## Codes$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = helpRows(markdown);
  const entries: CatalogEntry[] = [];
  for (const line of section.split('\n')) {
    const m = ROW.exec(line.trim());
    if (!m || !SEVERITIES.includes(m[3])) continue;
    const short = m[4].trim();
    const more = rows.get(m[2]) ?? [];
    entries.push({
      code: m[2],
      defaultSeverity: m[3] as Severity,
      shortDescription: short,
      anchor: m[1],
      help: {
        text: [`${plain(short)}.`, ...more.map((r) => r.text), 'See docs/rules.md, "Codes".'].join('\n'),
        markdown: [`${short}.`, ...more.map((r) => `- ${r.markdown}`), '', `See \`docs/rules.md\`, "Codes".`].join(
          '\n',
        ),
      },
    });
  }
  return entries;
}

let catalog: readonly CatalogEntry[] | undefined;
/** The catalog, read from the bundled docs on first use: only the formats that list rules (SARIF, GitHub) pay. */
export const ruleCatalog = (): readonly CatalogEntry[] => (catalog ??= parseCodesTable(rulesDoc));
