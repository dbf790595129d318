// The steps both the CLI and the extension take before sending, and how a workflow's end reads: one library.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  changedProgressLines,
  describeWorkflowEnd,
  prepareSubmission,
  type WorkflowProgress,
} from '../../server/src/aws';
import { ROOT } from '../support/root';

const FIXTURE_TEXT = readFileSync(join(ROOT, 'test/fixtures/aws/timestamps.cpworkflow.json'), 'utf8');
const URI = 'file:///w/a.cpworkflow.json';

describe('prepareSubmission and the workflow end', () => {
  it('a clean file gives the request and the names the confirmation shows', () => {
    const p = prepareSubmission(FIXTURE_TEXT, URI);
    assert.deepEqual(p.errors, []);
    assert.equal(p.domainName, 'demo-domain');
    assert.equal(p.objectTypeName, 'Salesforce-Account');
    assert.equal(p.flowName, 'CP-Salesforce-Account-Timestamps');
    assert.ok(
      p.input?.IntegrationConfig?.AppflowIntegration?.Batches?.[0].StartTime instanceof Date,
      'timestamps became Dates',
    );
  });

  it('a file with errors gives the errors and no request', () => {
    const p = prepareSubmission(FIXTURE_TEXT.replace('"APPFLOW_INTEGRATION"', '"APPFLOW"'), URI);
    assert.equal(p.errors.length, 1);
    assert.equal(p.input, undefined);
  });

  it('a failed end gives ErrorDescription and each failed step with a message; a complete one nothing', () => {
    const failed = {
      status: 'FAILED',
      errorDescription: 'Batch 2 failed.',
      failedSteps: [
        { flowName: 'f', executionMessage: 'access denied' },
        { flowName: '', executionMessage: '' },
      ],
    };
    assert.deepEqual(describeWorkflowEnd(failed), {
      failed: true,
      errorDescription: 'Batch 2 failed.',
      failedSteps: ['f: access denied'],
    });
    assert.deepEqual(describeWorkflowEnd({ status: 'COMPLETE', errorDescription: undefined, failedSteps: [] }), {
      failed: false,
      errorDescription: undefined,
      failedSteps: [],
    });
  });

  it('progress lines are passed on only when they change', () => {
    const lines: string[] = [];
    const onProgress = changedProgressLines((l) => lines.push(l));
    const look = (stepsCompleted: number): WorkflowProgress => ({
      workflowId: 'w',
      status: 'IN_PROGRESS',
      stepsCompleted,
      totalSteps: 2,
      recordsProcessed: 0,
      errorDescription: undefined,
      steps: [],
      failedSteps: [],
      done: false,
      startDate: undefined,
      lastUpdatedAt: undefined,
      requestId: undefined,
    });
    for (const n of [0, 0, 1, 1, 2]) onProgress(look(n));
    assert.deepEqual(lines, [
      'IN_PROGRESS: 0/2 steps, 0 records processed',
      'IN_PROGRESS: 1/2 steps, 0 records processed',
      'IN_PROGRESS: 2/2 steps, 0 records processed',
    ]);
  });
});
