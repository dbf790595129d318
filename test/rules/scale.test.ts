// Validation stays roughly linear: a 5,000-field workflow (one projection + 5,000 Map tasks, ~2 MB) is checked fast,
// clean or with a finding on every task.
import * as assert from 'node:assert/strict';
import { docOf } from '../support/workflows';
import { baseWorkflow, mapTask, service, tasksOf } from './support';

function bigWorkflow(fields: number, projectAll: boolean): string {
  const w = baseWorkflow();
  const names = Array.from({ length: fields }, (_, i) => `Field_${i}`);
  tasksOf(w).splice(
    0,
    tasksOf(w).length,
    {
      TaskType: 'Filter',
      ConnectorOperator: { Salesforce: 'PROJECTION' },
      SourceFields: projectAll ? names : names.slice(0, 1),
    },
    ...names.map((f) => mapTask(f, { SOURCE_DATA_TYPE: 'string', DESTINATION_DATA_TYPE: 'string' })),
  );
  return JSON.stringify(w, null, 2);
}

function timedValidate(text: string): { ms: number; codes: string[] } {
  const t = performance.now();
  const codes = service
    .validate(docOf(text, `file:///scale/${text.length}.cpworkflow.json`))
    .map((d) => String(d.code));
  return { ms: performance.now() - t, codes };
}

describe('rules at scale', function () {
  this.timeout(60000);

  // how fast: npm run bench ("Open → diagnostics" at 5,000 fields); here, that nothing is reported on a clean one
  it('checks a clean 5,000-field file and finds nothing', () => {
    const text = bigWorkflow(5000, true);
    assert.ok(text.length > 1_500_000, `${text.length} characters`);
    const { codes } = timedValidate(text);
    assert.deepEqual(codes, []);
  });

  it('reports 4,999 unprojected fields without slowing down quadratically', () => {
    const small = timedValidate(bigWorkflow(1250, false));
    const large = timedValidate(bigWorkflow(5000, false));
    assert.equal(large.codes.filter((c) => c === 'PAT-4').length, 4999);
    // 4× the tasks: a quadratic check would take ~16× as long
    assert.ok(
      large.ms < Math.max(small.ms * 10, 1500),
      `1,250 tasks ${small.ms.toFixed(0)} ms, 5,000 tasks ${large.ms.toFixed(0)} ms`,
    );
  });
});
