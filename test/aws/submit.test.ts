// Creating and tracking workflows through the real SDK against the local Customer Profiles endpoint: signing,
// serialization, retries, timeouts and error mapping are all exercised over HTTP on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';

import {
  createCustomerProfilesClient,
  createSubmissionGuard,
  createWorkflow,
  explainAwsError,
  getWorkflowProgress,
  toCreateWorkflowInput,
  trackWorkflow,
  type WorkflowProgress,
} from '../../server/src/aws';
import type { LocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { ROOT } from '../support/root';
import { endpointWithClient, failure, until, type FakeKeys } from './support';

const FIXTURE_TEXT = readFileSync(join(ROOT, 'test/fixtures/aws/timestamps.cpworkflow.json'), 'utf8');
const docWith = (edit: (d: Record<string, unknown>) => void) => {
  const d = JSON.parse(FIXTURE_TEXT);
  edit(d);
  return d;
};

describe('submission through the SDK against the local endpoint', function () {
  this.timeout(20000);
  let keys: FakeKeys;
  let endpoint: LocalEndpoint;
  let stop: (() => Promise<void>) | undefined;
  let client: CustomerProfilesClient;
  const ctx = {
    operation: 'CreateIntegrationWorkflow',
    region: 'us-east-1',
    domainName: 'demo-domain',
    documentText: FIXTURE_TEXT,
  };

  before(async () => {
    ({ keys, endpoint, client, stop } = await endpointWithClient({
      domains: {
        'demo-domain': { objectTypes: ['Salesforce-Account', 'Broken-Type'], failObjectTypes: ['Broken-Type'] },
      },
      timing: { startMs: 30, stepMs: 40, totalSteps: 3, recordsPerStep: 100, failAtStep: 2 },
    }));
  });
  after(() => stop?.());
  beforeEach(() => {
    endpoint.requests.length = 0;
    endpoint.clearFaults();
  });

  const creates = () => endpoint.requests.filter((r) => r.operation === 'CreateIntegrationWorkflow');

  it('creates a workflow with one signed request and returns the id, the message and the request id', async () => {
    const out = await createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)));
    assert.match(out.WorkflowId, /^[a-f0-9]{32}$/);
    assert.match(out.Message, /received/);
    assert.equal(creates().length, 1);
    const req = creates()[0];
    assert.equal(req.method, 'POST');
    assert.equal(req.path, '/domains/demo-domain/workflows/integrations');
    assert.equal(req.signatureValid, true);
    assert.equal(req.signingService, 'profile');
    assert.equal(req.signingRegion, 'us-east-1');
    assert.equal(req.accessKeyId, keys.accessKeyId);
    assert.equal(out.requestId, req.requestId);
    // the new workflow is the endpoint's (its status depends on elapsed time, so not asserted here)
    assert.ok(endpoint.workflowStatus(out.WorkflowId));
  });

  it('names the domain and region when the domain does not exist, and points at DomainName in the file', async () => {
    const text = FIXTURE_TEXT.replace('"demo-domain"', '"no-such-domain"');
    const err = await failure(createWorkflow(client, toCreateWorkflowInput(JSON.parse(text))));
    const x = explainAwsError(err, { ...ctx, domainName: 'no-such-domain', documentText: text });
    assert.equal(x.code, 'ResourceNotFoundException');
    assert.match(x.serviceMessage, /Domain no-such-domain does not exist/);
    assert.match(x.advice, /domain "no-such-domain" does not exist in us-east-1/);
    assert.equal(x.field?.found, 'DomainName');
    assert.equal(text.slice(x.field!.offset, x.field!.offset + x.field!.length), '"DomainName"');
    assert.ok(x.requestId && x.text.includes(x.requestId), 'the request id is in the text');
  });

  it('says the object type does not exist in the domain', async () => {
    const input = toCreateWorkflowInput(
      docWith((d) => {
        d.ObjectTypeName = 'Zendesk-Ticket';
      }),
    );
    const x = explainAwsError(await failure(createWorkflow(client, input)), {
      ...ctx,
      objectTypeName: 'Zendesk-Ticket',
    });
    assert.equal(x.code, 'ResourceNotFoundException');
    assert.match(x.advice, /object type "Zendesk-Ticket" does not exist in domain "demo-domain" in us-east-1/);
    assert.equal(x.field?.found, 'ObjectTypeName');
  });

  it('shows a BadRequestException in the service words and locates the field it names', async () => {
    const text = FIXTURE_TEXT.replace('"APPFLOW_INTEGRATION"', '"APPFLOW"');
    const x = explainAwsError(await failure(createWorkflow(client, toCreateWorkflowInput(JSON.parse(text)))), {
      ...ctx,
      documentText: text,
    });
    assert.equal(x.code, 'BadRequestException');
    assert.match(x.serviceMessage, /Value 'APPFLOW' at 'workflowType' failed to satisfy constraint/);
    assert.equal(x.field?.found, 'WorkflowType');
    assert.match(x.text, /rejected the request at WorkflowType/);
  });

  it('explains AccessDeniedException as missing permissions of the caller or the RoleArn', async () => {
    endpoint.injectFault({ type: 'accessDenied', operation: 'CreateIntegrationWorkflow' });
    const x = explainAwsError(await failure(createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)))), {
      ...ctx,
      profile: 'dev',
    });
    assert.equal(x.code, 'AccessDeniedException');
    assert.match(x.serviceMessage, /not authorized to perform: profile:CreateIntegrationWorkflow/);
    assert.match(x.advice, /caller \(profile "dev"\) or the workflow's RoleArn lacks permissions/);
    assert.equal(x.httpStatus, 403);
  });

  it('retries throttling and succeeds; the workflow is created once', async () => {
    endpoint.injectFault({ type: 'throttle', times: 2, operation: 'CreateIntegrationWorkflow' });
    const out = await createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)));
    assert.deepEqual(
      creates().map((r) => r.status),
      [429, 429, 200],
    );
    assert.equal(endpoint.workflowStatus(out.WorkflowId) !== undefined, true);
    assert.equal(creates().filter((r) => r.status === 200).length, 1);
  });

  it('says throttling persisted after the SDK retries', async () => {
    endpoint.injectFault({ type: 'throttle', times: 10, operation: 'CreateIntegrationWorkflow' });
    const x = explainAwsError(
      await failure(createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)))),
      ctx,
    );
    assert.equal(x.code, 'ThrottlingException');
    assert.equal(creates().length, 3);
    assert.match(x.text, /Rate exceeded\. .*retried it \(3 attempts\) and gave up/);
  });

  it('does not resend a create after a 500 (it may have been created) but retries reads', async () => {
    endpoint.injectFault({ type: 'internal', operation: 'CreateIntegrationWorkflow' });
    const x = explainAwsError(
      await failure(createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)))),
      ctx,
    );
    assert.equal(x.code, 'InternalServerException');
    assert.equal(creates().length, 1);
    assert.equal(x.mayHaveBeenCreated, true);
    assert.match(x.advice, /list-workflows --domain-name demo-domain/);

    const created = await createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)));
    endpoint.injectFault({ type: 'internal', operation: 'GetWorkflow' });
    const p = await getWorkflowProgress(client, 'demo-domain', created.WorkflowId);
    assert.equal(p.workflowId, created.WorkflowId);
    assert.deepEqual(
      endpoint.requests.filter((r) => r.operation === 'GetWorkflow').map((r) => r.status),
      [500, 200],
    );
  });

  it('times out a slow response with one request, and warns the workflow may exist', async () => {
    const quick = await createCustomerProfilesClient({
      region: 'us-east-1',
      endpointUrl: endpoint.url,
      timeoutMs: 300,
    });
    try {
      endpoint.injectFault({ type: 'slow', delayMs: 1500, operation: 'CreateIntegrationWorkflow' });
      const started = Date.now();
      const err = await failure(createWorkflow(quick, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT))));
      assert.ok(Date.now() - started < 1400, 'gave up before the slow answer');
      const x = explainAwsError(err, { ...ctx, endpointUrl: endpoint.url, timeoutMs: 300 });
      assert.equal(x.code, 'Timeout');
      assert.equal(creates().length, 1);
      assert.equal(x.mayHaveBeenCreated, true);
      assert.match(
        x.advice,
        new RegExp(`No answer from ${endpoint.url} within 300 ms\\. The request may have reached AWS`),
      );
    } finally {
      quick.destroy();
    }
  });

  it('reports a reset connection without resending the create', async () => {
    endpoint.injectFault({ type: 'reset', operation: 'CreateIntegrationWorkflow' });
    const x = explainAwsError(
      await failure(createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)))),
      ctx,
    );
    assert.equal(x.code, 'ConnectionReset');
    assert.equal(creates().length, 1);
    assert.equal(x.mayHaveBeenCreated, true);
  });

  it('reports connection refused in plain words', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const dead = await createCustomerProfilesClient({ region: 'us-east-1', endpointUrl: url, timeoutMs: 2000 });
    try {
      const x = explainAwsError(await failure(createWorkflow(dead, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)))), {
        ...ctx,
        endpointUrl: url,
      });
      assert.equal(x.code, 'ConnectionRefused');
      assert.match(x.text, new RegExp(`Could not connect to ${url}: connection refused.*Nothing was sent`));
      assert.equal(x.mayHaveBeenCreated, false);
    } finally {
      dead.destroy();
    }
  });

  it('cancels a request in flight', async () => {
    endpoint.injectFault({ type: 'slow', delayMs: 2500, operation: 'CreateIntegrationWorkflow' });
    const abort = new AbortController();
    const started = Date.now();
    const pending = createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)), {
      abortSignal: abort.signal,
    });
    await until(() => creates().length === 1);
    abort.abort();
    const x = explainAwsError(await failure(pending), ctx);
    assert.ok(Date.now() - started < 2000, 'returned at once, not after the slow answer');
    assert.equal(x.code, 'Cancelled');
    assert.equal(x.mayHaveBeenCreated, true);
    assert.equal(creates().length, 1);
  });

  it('sends exactly one request when the same file is submitted twice at once', async () => {
    const guard = createSubmissionGuard();
    endpoint.injectFault({ type: 'slow', delayMs: 200, operation: 'CreateIntegrationWorkflow' });
    const input = toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT));
    const key = 'file:///w/timestamps.cpworkflow.json';
    const [first, second] = await Promise.allSettled([
      guard.run(key, () => createWorkflow(client, input)),
      guard.run(key, () => createWorkflow(client, input)),
    ]);
    assert.equal(first.status, 'fulfilled');
    assert.equal(second.status, 'rejected');
    assert.equal(creates().length, 1);
    const x = explainAwsError((second as PromiseRejectedResult).reason, ctx);
    assert.equal(x.code, 'InFlight');
    assert.equal(guard.isInFlight(key), false);
    // A later, separate invocation sends again (once).
    await guard.run(key, () => createWorkflow(client, input));
    assert.equal(creates().length, 2);
  });

  it('tracks a workflow to COMPLETE with growing steps and records', async () => {
    const created = await createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)));
    const seen: WorkflowProgress[] = [];
    const final = await trackWorkflow(client, 'demo-domain', created.WorkflowId, {
      intervalMs: 15,
      onProgress: (p) => seen.push(p),
    });
    assert.equal(final.status, 'COMPLETE');
    // one step per batch of the request
    const batches = JSON.parse(FIXTURE_TEXT).IntegrationConfig.AppflowIntegration.Batches.length;
    assert.equal(final.stepsCompleted, batches);
    assert.equal(final.totalSteps, batches);
    assert.equal(final.recordsProcessed, 100 * batches);
    assert.deepEqual(
      final.steps.map((s) => s.status),
      Array(batches).fill('COMPLETE'),
    );
    assert.ok(
      seen.some((p) => p.status === 'IN_PROGRESS'),
      'saw it in progress',
    );
    for (let i = 1; i < seen.length; i++) {
      assert.ok(seen[i].stepsCompleted >= seen[i - 1].stepsCompleted, 'steps never go back');
      assert.ok(seen[i].recordsProcessed >= seen[i - 1].recordsProcessed, 'records never go back');
    }
    assert.ok(endpoint.requests.some((r) => r.operation === 'GetWorkflowSteps' && r.signatureValid));
  });

  it('polls only GetWorkflow while the workflow runs and reads its steps once, at the end', async () => {
    const created = await createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)));
    endpoint.requests.length = 0;
    const seen: WorkflowProgress[] = [];
    const final = await trackWorkflow(client, 'demo-domain', created.WorkflowId, {
      intervalMs: 15,
      onProgress: (p) => seen.push(p),
    });
    assert.equal(final.status, 'COMPLETE');
    const count = (operation: string) => endpoint.requests.filter((r) => r.operation === operation).length;
    assert.equal(count('GetWorkflow'), seen.length);
    assert.ok(seen.length > 2, 'it was polled while running');
    assert.equal(count('GetWorkflowSteps'), 1, 'one page of steps, read once the workflow had ended');
    assert.equal(final.steps.length, JSON.parse(FIXTURE_TEXT).IntegrationConfig.AppflowIntegration.Batches.length);
  });

  it('tracks a workflow to FAILED and returns ErrorDescription and the failed step message', async () => {
    const created = await createWorkflow(
      client,
      toCreateWorkflowInput(
        docWith((d) => {
          d.ObjectTypeName = 'Broken-Type';
        }),
      ),
    );
    const final = await trackWorkflow(client, 'demo-domain', created.WorkflowId, { intervalMs: 15 });
    assert.equal(final.status, 'FAILED');
    assert.match(final.errorDescription ?? '', /Batch 2 of 2 failed/, 'the second of the two batches of the fixture');
    assert.equal(final.failedSteps.length, 1);
    assert.match(final.failedSteps[0].executionMessage, /access denied/);
    assert.equal(final.failedSteps[0].flowName, 'CP-Salesforce-Account-Timestamps');
  });

  it('stops tracking when cancelled', async () => {
    const created = await createWorkflow(client, toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT)));
    const abort = new AbortController();
    let looks = 0;
    const err = await failure(
      trackWorkflow(client, 'demo-domain', created.WorkflowId, {
        intervalMs: 1000,
        abortSignal: abort.signal,
        onProgress: () => {
          looks++;
          abort.abort();
        },
      }),
    );
    assert.equal(explainAwsError(err).code, 'Cancelled');
    assert.equal(looks, 1);
  });

  it('says an unknown workflow id does not exist', async () => {
    const err = await failure(getWorkflowProgress(client, 'demo-domain', '0'.repeat(32)));
    const x = explainAwsError(err, { operation: 'GetWorkflow', region: 'us-east-1', domainName: 'demo-domain' });
    assert.equal(x.code, 'ResourceNotFoundException');
    assert.match(x.serviceMessage, /Workflow 0{32} does not exist/);
  });
});
