// The main table of docs/rules.md (one row per rule id and code), read by the suites that hold the code to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/workflows';

/** "yes (weeks)" is a fix for some of the row's cases, not all */
export type QuickFix = 'yes' | 'some' | 'no';
export interface DocRow {
  id: string;
  code: string;
  severity: string;
  quickFix: QuickFix;
  /** the Sources cell: keys of the Sources list, and "observed" */
  sources: string;
}

/** The rows of the main table of docs/rules.md (before "## Not checked"). */
export function documentedRules(): DocRow[] {
  const text = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8').split('## Not checked')[0];
  const rows: DocRow[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^(§\d+[ab]|[A-Z]+-\d+)$/.test(cells[1])) continue;
    rows.push({
      id: cells[1],
      code: cells[2].replace(/`/g, ''),
      severity: cells[3],
      quickFix: cells[5] === 'yes' ? 'yes' : cells[5].startsWith('yes (') ? 'some' : 'no',
      sources: cells[6] ?? '',
    });
  }
  return rows;
}
