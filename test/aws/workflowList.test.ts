// Listing a domain's workflows, reading a workflow's steps and deleting one, through the real SDK against the local
// endpoint (which serves at most 2 items a page, so every listing here spans pages).
import * as assert from 'node:assert/strict';
import type { CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';

import { deleteWorkflow, explainAwsError, getWorkflowSteps, listWorkflows } from '../../server/src/aws';
import type { LocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { endpointWithClient, failure } from './support';

describe('listing, steps and delete against the local endpoint', function () {
  this.timeout(20000);
  let endpoint: LocalEndpoint;
  let client: CustomerProfilesClient;
  let stop: (() => Promise<void>) | undefined;

  before(async () => {
    ({ endpoint, client, stop } = await endpointWithClient({
      domains: { 'demo-domain': { objectTypes: ['Salesforce-Account'], history: true }, empty: {} },
    }));
  });
  after(() => stop?.());
  beforeEach(() => {
    endpoint.requests.length = 0;
    endpoint.clearFaults();
  });
  const sent = (operation: string) => endpoint.requests.filter((r) => r.operation === operation);

  it('lists every page of the domain, newest first', async () => {
    const { workflows, requestId } = await listWorkflows(client, 'demo-domain');
    assert.equal(workflows.length, 7, 'all seven past workflows, though a page holds two');
    assert.equal(sent('ListWorkflows').length, 4, 'four pages');
    assert.deepEqual(
      sent('ListWorkflows').map((r) => r.query['next-token']),
      [undefined, 'page-2', 'page-4', 'page-6'],
      'each page asked with the previous NextToken',
    );
    const created = workflows.map((w) => w.createdAt!.getTime());
    assert.deepEqual(
      created,
      [...created].sort((a, b) => b - a),
    );
    assert.deepEqual([...new Set(workflows.map((w) => w.status))].sort(), [
      'CANCELLED',
      'COMPLETE',
      'FAILED',
      'NOT_STARTED',
      'RETRY',
      'SPLIT',
    ]);
    assert.equal(workflows[0].workflowType, 'APPFLOW_INTEGRATION');
    assert.match(workflows[0].statusDescription, /completed/);
    assert.equal(requestId, sent('ListWorkflows')[3].requestId, "the last page's request id");
  });

  it('filters by status on the service side', async () => {
    const { workflows } = await listWorkflows(client, 'demo-domain', { status: 'COMPLETE' });
    assert.equal(workflows.length, 2);
    assert.ok(workflows.every((w) => w.status === 'COMPLETE'));
    assert.deepEqual(sent('ListWorkflows')[0].json, { Status: 'COMPLETE' });
  });

  it('an empty domain lists nothing in one request; an unknown one fails with the service words', async () => {
    assert.deepEqual((await listWorkflows(client, 'empty')).workflows, []);
    assert.equal(sent('ListWorkflows').length, 1);
    const err = await failure(listWorkflows(client, 'nope'));
    assert.match(explainAwsError(err, { domainName: 'nope' }).text, /Domain nope does not exist/);
  });

  it('reads every page of steps, oldest first, with status, message and records', async () => {
    const { workflows } = await listWorkflows(client, 'demo-domain', { status: 'FAILED' });
    endpoint.requests.length = 0;
    const { steps } = await getWorkflowSteps(client, 'demo-domain', workflows[0].workflowId);
    assert.deepEqual(
      steps.map((s) => s.status),
      ['COMPLETE', 'FAILED'],
    );
    assert.match(steps[1].executionMessage, /access denied/);
    assert.equal(steps[0].recordsProcessed, 1000);
    assert.ok(steps[0].createdAt instanceof Date);
  });

  it('stops following steps when the service repeats a token instead of looping', async () => {
    let calls = 0;
    const looping = {
      send: async () => {
        calls++;
        return {
          Items: [{ AppflowIntegration: { FlowName: 'f', Status: 'COMPLETE', RecordsProcessed: 1 } }],
          NextToken: 'same',
          $metadata: {},
        };
      },
    } as unknown as CustomerProfilesClient;
    const { steps } = await getWorkflowSteps(looping, 'd', 'w');
    assert.equal(calls, 2, 'the first page and the one the token named; the repeat is not followed');
    assert.equal(steps.length, 2);
  });

  it('deletes with exactly one DELETE request; the workflow is then gone from the list', async () => {
    const before = (await listWorkflows(client, 'demo-domain')).workflows;
    endpoint.requests.length = 0;
    const out = await deleteWorkflow(client, 'demo-domain', before[1].workflowId);
    assert.equal(sent('DeleteWorkflow').length, 1);
    assert.equal(sent('DeleteWorkflow')[0].method, 'DELETE');
    assert.equal(sent('DeleteWorkflow')[0].path, `/domains/demo-domain/workflows/${before[1].workflowId}`);
    assert.equal(out.requestId, sent('DeleteWorkflow')[0].requestId);
    const after = (await listWorkflows(client, 'demo-domain')).workflows.map((w) => w.workflowId);
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.includes(before[1].workflowId));
  });

  it('a delete that failed with a server error is not repeated (a retry could not tell what happened)', async () => {
    const { workflows } = await listWorkflows(client, 'demo-domain');
    endpoint.requests.length = 0;
    endpoint.injectFault({ type: 'internal', operation: 'DeleteWorkflow' });
    await failure(deleteWorkflow(client, 'demo-domain', workflows[0].workflowId));
    assert.equal(sent('DeleteWorkflow').length, 1);
    endpoint.injectFault({ type: 'throttle', operation: 'DeleteWorkflow' });
    await deleteWorkflow(client, 'demo-domain', workflows[0].workflowId);
    assert.equal(sent('DeleteWorkflow').length, 3, 'throttling is retried: the service did not act');
  });
});
