// What the Customer Profiles view and the details document say, checked without an editor.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ago,
  getWorkflowCliCommand,
  iconOf,
  shellQuote,
  STATUS_ICONS,
  workflowDescription,
  workflowDetailsMarkdown,
} from '../../client/src/view/viewText';
import { WORKFLOW_STATUSES, type WorkflowProgress } from '../../server/src/aws';

const progress = (over: Partial<WorkflowProgress> = {}): WorkflowProgress => ({
  workflowId: 'a1b2',
  status: 'FAILED',
  stepsCompleted: 1,
  totalSteps: 2,
  recordsProcessed: 1120,
  errorDescription: 'Batch 2 of 2 failed; see the workflow steps.',
  steps: [
    {
      flowName: 'f',
      status: 'COMPLETE',
      executionMessage: 'Batch 1 ingested.',
      recordsProcessed: 1000,
      batchRecordsStartTime: '2026-11-29T00:00:00Z',
      batchRecordsEndTime: '2026-11-30T00:00:00Z',
      createdAt: undefined,
      lastUpdatedAt: undefined,
    },
    {
      flowName: 'f',
      status: 'FAILED',
      executionMessage: 'access | denied\u001b[2J *now*',
      recordsProcessed: 120,
      batchRecordsStartTime: undefined,
      batchRecordsEndTime: undefined,
      createdAt: undefined,
      lastUpdatedAt: undefined,
    },
  ],
  failedSteps: [],
  done: true,
  startDate: new Date('2026-12-01T10:00:00.123Z'),
  lastUpdatedAt: new Date('2026-12-01T10:20:00Z'),
  requestId: 'req-9',
  ...over,
});

describe('view text', () => {
  it('every status the service has gets its own icon', () => {
    const ids = WORKFLOW_STATUSES.map((s) => iconOf(s).id);
    assert.equal(new Set(ids).size, WORKFLOW_STATUSES.length);
    assert.deepEqual(Object.keys(STATUS_ICONS).sort(), [...WORKFLOW_STATUSES].sort());
    assert.equal(iconOf('SOMETHING_NEW').id, 'question');
  });

  it('a workflow line reads status · records · age', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const w = {
      workflowId: 'w',
      workflowType: 'APPFLOW_INTEGRATION',
      status: 'COMPLETE' as const,
      statusDescription: '',
      createdAt: new Date(now - 3 * 3600_000),
      lastUpdatedAt: undefined,
    };
    assert.equal(workflowDescription(w, 3000, now), 'COMPLETE · 3,000 records · 3 h ago');
    assert.equal(workflowDescription(w, undefined, now), 'COMPLETE · 3 h ago');
    assert.equal(ago(new Date(now - 50 * 3600_000), now), '2 d ago');
  });

  it('the AWS CLI command quotes what a shell would split or expand, and runs as written', () => {
    assert.equal(shellQuote('demo-domain'), 'demo-domain');
    assert.equal(shellQuote("it's $HOME"), `'it'\\''s $HOME'`);
    const cmd = getWorkflowCliCommand({
      domainName: "Acme Corp's $DOMAIN",
      workflowId: 'a1b2',
      region: 'eu-west-2',
      profile: 'prod',
    });
    assert.equal(
      cmd,
      `aws customer-profiles get-workflow --domain-name='Acme Corp'\\''s $DOMAIN' --workflow-id='a1b2' --region='eu-west-2' --profile='prod'`,
    );
    // the shell hands the program exactly the values
    const argv = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${cmd.slice(4)}`], { encoding: 'utf8' }).split('\n');
    assert.deepEqual(argv.slice(0, 4), [
      'customer-profiles',
      'get-workflow',
      "--domain-name=Acme Corp's $DOMAIN",
      '--workflow-id=a1b2',
    ]);
  });

  it('a value from the service that starts with -- or holds $( ) runs nothing and is no option when pasted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpw-paste-'));
    try {
      const cmd = getWorkflowCliCommand({
        domainName: `--d$(touch ${join(dir, 'pwned')})`,
        workflowId: '`touch x`;id',
        endpointUrl: 'http://user:s3cret@127.0.0.1:9/',
      });
      assert.doesNotMatch(cmd, /s3cret/, 'no password from the endpoint URL');
      const argv = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${cmd.slice(4)}`], {
        cwd: dir,
        encoding: 'utf8',
      }).split('\n');
      assert.deepEqual(argv.slice(2, 5), [
        `--domain-name=--d$(touch ${join(dir, 'pwned')})`,
        '--workflow-id=`touch x`;id',
        '--endpoint-url=http://user@127.0.0.1:9/',
      ]);
      assert.deepEqual(readdirSync(dir), [], 'nothing ran');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the details document has status, description, metrics, timestamps, steps and the request id', () => {
    const text = workflowDetailsMarkdown({
      domainName: 'demo-domain',
      region: 'us-east-1',
      flowName: 'CP-Contacts',
      progress: progress(),
      source: { uri: 'file:///w/a.cpworkflow.json', version: 3, sentAt: Date.parse('2026-12-01T09:59:00Z') },
      readAt: new Date('2026-12-01T10:21:00Z'),
    });
    assert.match(text, /^# Workflow CP-Contacts$/m);
    assert.match(text, /^\| Status \| \*\*FAILED\*\* \|$/m);
    assert.match(text, /^\| Workflow ID \| `a1b2` \|$/m);
    assert.match(text, /^\| Steps completed \| 1 of 2 \|$/m);
    assert.match(text, /^\| Records processed \| 1,120 \|$/m);
    assert.match(text, /^\| Started \| 2026-12-01T10:00:00Z \|$/m);
    assert.match(text, /^\| Error \| Batch 2 of 2 failed; see the workflow steps\. \|$/m);
    assert.match(
      text,
      /^\| Created from \| file:\/\/\/w\/a\.cpworkflow\.json \(version 3, 2026-12-01T09:59:00Z\) \|$/m,
    );
    assert.match(
      text,
      /^\| 1 \| COMPLETE \| 1,000 \| 2026-11-29T00:00:00Z → 2026-11-30T00:00:00Z \| Batch 1 ingested\. \|$/m,
    );
    // service text cannot split a table row, start formatting or reach the reader as a control character
    assert.match(text, /^\| 2 \| FAILED \| 120 \| - \| access \\\| denied \\\[2J \\\*now\\\* \|$/m);
    assert.ok(![...text].some((c) => c < ' ' && c !== '\n'));
    assert.match(text, /request id of the last call: `req-9`\.$/m);
  });

  it('a running workflow says the document refreshes; no steps yet says so', () => {
    const text = workflowDetailsMarkdown({
      domainName: 'd',
      region: 'r',
      progress: progress({ status: 'IN_PROGRESS', done: false, steps: [], errorDescription: undefined }),
      readAt: new Date(),
    });
    assert.match(text, /\*\*IN_PROGRESS\*\* \(refreshing\)/);
    assert.match(text, /^No steps yet\.$/m);
    assert.match(text, /^# Workflow a1b2$/m);
  });
});
