// Every rule case, and the case files the CLI suites check: <rule id>-<slug>-bad.cpworkflow.json breaks the case's
// rule, …-good.cpworkflow.json is the nearest file that does not (markers removed). Named by rule id and a slug of
// the case's name, not by index: a case inserted or moved renames no other case's files (nor their golden lines).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRanges } from '../support/markers';
import { RuleCase } from './support';
import { batchCases } from './cases/batches';
import { connectorCases } from './cases/connectors';
import { placeholderCases } from './cases/placeholders';
import { encodingCases } from './cases/encoding';
import { projectionCases } from './cases/projection';
import { s3LocationCases } from './cases/s3Location';
import { taskCases } from './cases/tasks';
import { timestampCases } from './cases/timestamps';
import { triggerCases } from './cases/trigger';

export const CASES: RuleCase[] = [
  ...encodingCases,
  ...connectorCases,
  ...s3LocationCases,
  ...taskCases,
  ...projectionCases,
  ...triggerCases,
  ...timestampCases,
  ...batchCases,
  ...placeholderCases,
];

/** "OP-1" and "ConnectorOperator keyed for another connector" → "OP-1-connectoroperator-keyed-for-another-connector" */
const slugOf = (c: RuleCase) =>
  `${c.rule.replace(/§/g, 's')}-${c.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
    .replace(/-$/, '')}`;

// two cases of one rule whose names start alike get -2, -3 … in the order they are listed
const SLUGS = new Map<RuleCase, string>();
{
  const seen = new Map<string, number>();
  for (const c of CASES) {
    const slug = slugOf(c);
    const n = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, n);
    SLUGS.set(c, n === 1 ? slug : `${slug}-${n}`);
  }
}

export const caseFileName = (c: RuleCase, kind: 'bad' | 'good') => `${SLUGS.get(c)}-${kind}.cpworkflow.json`;

export function writeCaseFiles(dir: string): void {
  for (const c of CASES) {
    writeFileSync(join(dir, caseFileName(c, 'bad')), withRanges(c.bad).text);
    writeFileSync(join(dir, caseFileName(c, 'good')), withRanges(c.good).text);
  }
}
