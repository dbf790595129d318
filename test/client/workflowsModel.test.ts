// The view's model without VS Code (client/src/view/workflowsModel.ts): a fake host gives it an account whose
// workflows run and finish, a fake clock, and records every request. What a user sees in the tree (labels, the one
// item for a failure and what clicking it does) and what is sent (nothing once every run has ended) is asserted here;
// the extension-host suite checks the same tree in a real VS Code.
import * as assert from 'node:assert/strict';
import { FakeClock } from '../support/fakeClock';
import {
  FILTER_COMMAND,
  REFRESH_COMMAND,
  WorkflowsModel,
  type MessageNode,
  type ViewNode,
  type WorkflowNode,
  type WorkflowsModelHost,
} from '../../client/src/view/workflowsModel';
import { SELECT_TARGET_COMMAND } from '../../client/src/constants';

interface Run {
  workflowId: string;
  status: string;
  /** ListWorkflows reads until it is COMPLETE */
  readsToFinish: number;
}

function fakeHost(runs: Run[], options: { trusted?: boolean; fail?: string } = {}) {
  const clock = new FakeClock();
  const requests: string[] = [];
  const memory = new Map<string, unknown>();
  const aws = {
    listDomains: async () => (requests.push('ListDomains'), { domains: ['sales'] }),
    listWorkflows: async (_c: unknown, domain: string, o: { status?: string }) => {
      requests.push(`ListWorkflows ${domain}${o.status ? ` ${o.status}` : ''}`);
      if (options.fail) throw Object.assign(new Error('no'), { name: options.fail });
      for (const r of runs) if (r.status !== 'COMPLETE' && --r.readsToFinish <= 0) r.status = 'COMPLETE';
      return {
        workflows: runs
          .filter((r) => !o.status || r.status === o.status)
          .map((r) => ({
            workflowId: r.workflowId,
            workflowType: 'APPFLOW_INTEGRATION',
            status: r.status,
            statusDescription: '',
            createdAt: new Date(clock.time),
            lastUpdatedAt: new Date(clock.time),
          })),
      };
    },
    getWorkflowProgress: async (_c: unknown, _d: string, id: string) => {
      requests.push(`GetWorkflow ${id}`);
      const r = runs.find((x) => x.workflowId === id)!;
      return { recordsProcessed: r.status === 'COMPLETE' ? 100 : 10, done: r.status === 'COMPLETE' };
    },
    getWorkflowSteps: async () => (requests.push('GetWorkflowSteps'), { steps: [] }),
  };
  const changed: (ViewNode | undefined)[] = [];
  const host: WorkflowsModelHost = {
    memory: {
      get: <T>(k: string) => memory.get(k) as T | undefined,
      update: async (k, v) => void memory.set(k, v),
    },
    target: async () => ({
      target: {
        profile: 'default',
        profileFrom: 'default',
        signer: { kind: 'profile' },
        region: 'us-east-1',
        regionFrom: 'setting',
        endpointUrl: undefined,
        endpointFrom: undefined,
        settings: {},
        hasRegion: true,
      } as never,
      profile: undefined,
      region: 'us-east-1',
      endpointUrl: undefined,
    }),
    assertProfileExists: () => undefined,
    withClient: (async (_where: unknown, fn: (c: unknown, a: unknown) => Promise<unknown>) =>
      fn({}, aws)) as unknown as WorkflowsModelHost['withClient'],
    explain: (err) => ({
      code: (err as Error).name,
      serviceMessage: 'the service said no',
      advice: 'what to do',
      text: 'the whole text',
      requestId: 'req-1',
      httpStatus: 403,
      attempts: 1,
      field: undefined,
      mayHaveBeenCreated: false,
    }),
    recent: () => [],
    hasSource: () => false,
    logError: () => undefined,
    isTrusted: () => options.trusted ?? true,
    isVisible: () => true,
    intervalSeconds: () => 10,
    changed: (node) => void changed.push(node),
    reloaded: () => undefined,
    now: () => clock.time,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
  };
  return { host, clock, requests, changed };
}

/** Until no domain is being read: the fake I/O answers at once, so a few turns of the event loop do. */
const settle = async (model: WorkflowsModel) => {
  for (let i = 0; i < 100 && model.busy && !model.polling; i++) await new Promise((r) => setImmediate(r));
  assert.ok(!model.busy || model.polling, 'the reads under way finished');
};

describe('the workflows view model (no VS Code)', () => {
  it('lists the target, the domain and its workflows, and polls only until every run has ended', async () => {
    const f = fakeHost([{ workflowId: 'wf-running', status: 'IN_PROGRESS', readsToFinish: 2 }]);
    const model = new WorkflowsModel(f.host);
    const [target, domain] = await model.children();
    assert.equal((target as { label: string }).label, 'default · us-east-1');
    assert.deepEqual(domain, { kind: 'domain', domainName: 'sales' });
    const [wf] = (await model.children(domain)) as WorkflowNode[];
    assert.equal(wf.summary.status, 'IN_PROGRESS');
    assert.equal(model.polling, true, 'a running workflow is read again');
    f.clock.advance(10_000);
    await settle(model);
    const [again] = (await model.children(domain)) as WorkflowNode[];
    assert.equal(again.summary.status, 'COMPLETE');
    assert.equal(again.recordsProcessed, 100);
    // settled: no poll waiting and no read under way, so nothing can be sent any more
    assert.equal(model.busy, false);
    const sent = f.requests.length;
    f.clock.advance(60_000);
    await settle(model);
    assert.equal(f.requests.length, sent, 'no request once every run has ended');
    assert.deepEqual(f.requests, [
      'ListDomains',
      'ListWorkflows sales',
      'GetWorkflow wf-running',
      'ListWorkflows sales',
      'GetWorkflow wf-running',
    ]);
  });

  it('a failed call is one item that says what to do; credentials errors offer Switch Profile and Region', async () => {
    const denied = new WorkflowsModel(fakeHost([], { fail: 'AccessDeniedException' }).host);
    const [, domain] = await denied.children();
    const [item] = (await denied.children(domain)) as MessageNode[];
    assert.equal(item.label, 'Access denied');
    assert.equal(item.description, 'what to do');
    assert.equal(item.command?.command, REFRESH_COMMAND);
    const noKeys = new WorkflowsModel(fakeHost([], { fail: 'NoCredentials' }).host);
    const [, d2] = await noKeys.children();
    const [item2] = (await noKeys.children(d2)) as MessageNode[];
    assert.equal(item2.label, 'No AWS credentials');
    assert.equal(item2.command?.command, SELECT_TARGET_COMMAND);
  });

  it('in Restricted Mode shows one item and sends nothing', async () => {
    const f = fakeHost([], { trusted: false });
    const items = (await new WorkflowsModel(f.host).children()) as MessageNode[];
    assert.deepEqual(
      items.map((i) => i.label),
      ['Restricted Mode: nothing is sent to AWS'],
    );
    assert.deepEqual(f.requests, []);
  });

  it('a status filter is sent to the service, and an empty result offers to show every status', async () => {
    const f = fakeHost([{ workflowId: 'wf-ok', status: 'COMPLETE', readsToFinish: 0 }]);
    const model = new WorkflowsModel(f.host);
    const [, domain] = await model.children();
    await model.setStatusFilter('FAILED');
    const [item] = (await model.children(domain)) as MessageNode[];
    assert.equal(item.label, 'No FAILED workflows');
    assert.deepEqual(item.command, { title: 'Show All', command: FILTER_COMMAND, arguments: [null] });
    assert.ok(f.requests.includes('ListWorkflows sales FAILED'));
  });
});
