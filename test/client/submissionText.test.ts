// What the create and status commands tell the user, checked without an editor.
import * as assert from 'node:assert/strict';
import {
  createConfirmation,
  createdText,
  errorsRefusal,
  notificationText,
  RequestSummary,
  RequestTarget,
  trackingEndText,
  trackingTitle,
} from '../../client/src/submit/submissionText';
import { redactCredentials } from '../../server/src/aws/redaction';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/root';

const summary: RequestSummary = {
  fileName: 'a.cpworkflow.json',
  domainName: 'sales',
  objectTypeName: 'Salesforce-Account',
  flowName: 'CP-SF-1',
};
const aws: RequestTarget = {
  profile: 'prod',
  profileFrom: 'setting cpworkflow.aws.profile',
  region: 'eu-west-2',
  regionFrom: 'profile prod',
  signer: 'profile',
  endpointUrl: undefined,
  endpointFrom: undefined,
};

describe('submission text', () => {
  it('the confirmation names domain, object type, flow, region and profile, with where each setting came from', () => {
    const q = createConfirmation(summary, aws, false);
    assert.match(q.message, /"CP-SF-1"/);
    assert.equal(
      q.detail,
      [
        'Domain: sales',
        'Object type: Salesforce-Account',
        'Flow name: CP-SF-1',
        'Region: eu-west-2 (profile prod)',
        'Profile: prod (setting cpworkflow.aws.profile)',
      ].join('\n'),
    );
    assert.equal(q.yes, 'Create');
    assert.deepEqual(q.others, [], 'no warnings: nothing to fix first');
  });

  it("the confirmation names an endpoint that is not AWS's, and says when the editor text is unsaved", () => {
    const q = createConfirmation(
      { ...summary, flowName: undefined },
      { ...aws, endpointUrl: 'http://127.0.0.1:4566', endpointFrom: 'AWS_ENDPOINT_URL' },
      true,
    );
    assert.match(q.detail, /^Flow name: \(not set\)$/m);
    assert.match(
      q.detail,
      /^Endpoint: http:\/\/127\.0\.0\.1:4566 \(AWS_ENDPOINT_URL\), not AWS's endpoint for the region$/m,
    );
    assert.match(q.detail, /unsaved text is sent, not the file on disk/);
  });

  it('with environment keys and no profile named, the confirmation names the keys, not a profile', () => {
    const q = createConfirmation(
      summary,
      { ...aws, profile: 'default', profileFrom: 'no profile set', signer: 'environment' },
      false,
    );
    assert.match(q.detail, /^Credentials: AWS_ACCESS_KEY_ID from the environment \(no profile named\)$/m);
    assert.doesNotMatch(q.detail, /Profile:/);
  });

  it('warnings and the target are one question: the first five warnings by line, Create, Fix First', () => {
    const warnings = Array.from({ length: 7 }, (_, i) => ({ line: i + 10, message: `w${i}` }));
    const q = createConfirmation(summary, aws, false, warnings);
    assert.equal(
      q.message,
      'Create the integration workflow "CP-SF-1" with 7 warnings in Amazon Connect Customer Profiles?',
    );
    assert.deepEqual(q.detail.split('\n'), [
      'Domain: sales',
      'Object type: Salesforce-Account',
      'Flow name: CP-SF-1',
      'Region: eu-west-2 (profile prod)',
      'Profile: prod (setting cpworkflow.aws.profile)',
      '',
      'a.cpworkflow.json has 7 warnings:',
      'Line 10: w0',
      'Line 11: w1',
      'Line 12: w2',
      'Line 13: w3',
      'Line 14: w4',
      '… and 2 more warnings in the Problems view.',
    ]);
    assert.equal(q.yes, 'Create');
    assert.deepEqual(q.others, [{ answer: 'fix-first', title: 'Fix First' }]);
    assert.match(createConfirmation(summary, aws, false, warnings.slice(0, 1)).message, / with 1 warning in /);
  });

  it('a past start time: the confirmation offers to move it forward before creating', () => {
    const q = createConfirmation(summary, aws, false, [{ line: 3, message: 'in the past' }], '2026-12-01T15:20:00Z');
    assert.deepEqual(
      q.others?.map((o) => [o.answer, o.title]),
      [
        ['move-start', 'Move Start to 2026-12-01T15:20:00Z and Create'],
        ['fix-first', 'Fix First'],
      ],
    );
  });

  it('the refusal gives the error count and says nothing was sent', () => {
    assert.equal(
      errorsRefusal('a.cpworkflow.json', 1),
      'a.cpworkflow.json has 1 error; nothing was sent. Fix it and create the workflow again.',
    );
    assert.match(errorsRefusal('a', 3), /has 3 errors; nothing was sent\. Fix them/);
  });

  it('success names the workflow id, flow, domain and region', () => {
    assert.equal(
      createdText('abc123', summary, aws),
      'Workflow abc123 created for flow "CP-SF-1" in domain sales (eu-west-2).',
    );
  });

  it("a failed workflow's end gives the ErrorDescription and each failed step's message; others only the progress", () => {
    const failed = {
      workflowId: 'w1',
      status: 'FAILED',
      errorDescription: 'Batch 2 failed.',
      failedSteps: [
        { flowName: 'f', executionMessage: 'access denied' },
        { flowName: '', executionMessage: '' },
      ],
    };
    assert.equal(
      trackingEndText(failed, 'FAILED: 1/4 steps, 10 records processed'),
      'Workflow w1 failed (FAILED: 1/4 steps, 10 records processed). Batch 2 failed. f: access denied',
    );
    assert.equal(
      trackingEndText({ ...failed, status: 'COMPLETE' }, 'COMPLETE: 4/4 steps'),
      'Workflow w1 completed (COMPLETE: 4/4 steps).',
    );
    assert.equal(trackingEndText({ ...failed, status: 'CANCELLED' }, 'x'), 'Workflow w1 was cancelled (x).');
  });

  it('the end of a tracked workflow names its flow first, the hex id after it', () => {
    const end = { workflowId: '0f3a9c', flowName: 'CP-SF-1', status: 'COMPLETE', errorDescription: undefined };
    assert.equal(
      trackingEndText({ ...end, failedSteps: [] }, 'COMPLETE: 4/4 steps'),
      'Workflow "CP-SF-1" completed (COMPLETE: 4/4 steps). Workflow ID 0f3a9c.',
    );
    assert.match(
      trackingEndText({ ...end, status: 'FAILED', errorDescription: 'Batch 2 failed.', failedSteps: [] }, 'p'),
      /^Workflow "CP-SF-1" failed \(p\)\. Workflow ID 0f3a9c\. Batch 2 failed\.$/,
    );
  });

  it("tracking's progress title says that Cancel stops following, not the workflow", () => {
    const title = trackingTitle({ workflowId: '0f3a9c', flowName: 'CP-SF-1' });
    assert.match(title, /^Following workflow "CP-SF-1" \(0f3a9c\)/);
    assert.match(title, /Cancel stops following; the workflow keeps running in AWS/);
    assert.match(trackingTitle({ workflowId: '0f3a9c', flowName: undefined }), /^Following workflow 0f3a9c:/);
  });

  it('a URL loses any user name and password before it is shown or logged', () => {
    assert.equal(redactCredentials('http://user:s3cret@proxy.local:8080/'), 'http://proxy.local:8080/');
    assert.equal(redactCredentials('http://127.0.0.1:4566'), 'http://127.0.0.1:4566');
    assert.equal(redactCredentials('not a url //me:pw@x'), 'not a url //x');
  });
});

describe('notification text (issue 21: text from AWS is never a link)', () => {
  it('breaks command: and https: link syntax, which VS Code renders live in a notification', () => {
    const hostile =
      'Batch failed. [Open the fix](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) ' +
      '![](https://tracker.example/p.png) [Sign in again](https://evil.example/login)';
    const shown = notificationText(hostile);
    assert.doesNotMatch(shown, /\]\(/, 'no "](" left for the link parser');
    assert.match(shown, /\[Open the fix\] \(command:/, 'the text itself is still there to read');
  });

  it('shows controls and bidi marks as escapes, and cuts a flood to 1,000 characters', () => {
    assert.equal(notificationText('a\u001b[2Jb\u202Ec'), 'a\\u{1b}[2Jb\\u{202e}c');
    const long = notificationText(`Failed: ${'x'.repeat(5_000_000)}`);
    assert.ok(long.length < 1_100, `${long.length} characters`);
    assert.match(long, /… \(5,000,008 characters; the log has all of it\)$/);
  });

  it('is what every notification of the extension goes through (no other show…Message call but the modal)', () => {
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (!p.endsWith('notify.ts'))
          for (const [i, line] of readFileSync(p, 'utf8').split('\n').entries())
            if (/show(Information|Warning|Error)Message\(/.test(line) && !/modal: true/.test(line))
              offenders.push(`${p}:${i + 1}`);
      }
    };
    walk(join(ROOT, 'client/src'));
    assert.deepEqual(offenders, []);
  });
});
