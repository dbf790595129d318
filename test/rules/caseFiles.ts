// Every rule case, and the case files the CLI suites check: NNN-bad.cpworkflow.json breaks the case's rule,
// NNN-good.cpworkflow.json is the nearest file that does not (markers removed).
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

export const caseFileName = (i: number, kind: 'bad' | 'good') =>
  `${String(i).padStart(3, '0')}-${kind}.cpworkflow.json`;

export function writeCaseFiles(dir: string): void {
  CASES.forEach((c, i) => {
    writeFileSync(join(dir, caseFileName(i, 'bad')), withRanges(c.bad).text);
    writeFileSync(join(dir, caseFileName(i, 'good')), withRanges(c.good).text);
  });
}
