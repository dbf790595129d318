'use strict';
// Following a created workflow ("Customer Profiles: Show Workflow Status" opens its details
// document, which reads it again until it ends) and the AWS settings behind every request: the status bar's
// profile/region switch and settings no workspace can set.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { EXTENSION_ID, until, execute } = require('./helpers');
const { startSandbox, openRequestFile, create, STATUS, PROFILE, DOMAIN, OBJECT_TYPE } = require('./create-support');

suite('workflow status', () => {
  let sandbox;
  suiteSetup(async () => {
    sandbox = await startSandbox({
      domains: {
        [DOMAIN]: { objectTypes: [OBJECT_TYPE] },
        'failing-domain': { objectTypes: [OBJECT_TYPE], failWorkflows: true },
        'history-domain': { history: true },
      },
      // slow enough that the first look of a new workflow sees it running
      timing: { startMs: 300, stepMs: 500, totalSteps: 4, recordsPerStep: 100, failAtStep: 2 },
    });
  });
  suiteTeardown(async () => {
    await sandbox?.restore();
  });
  teardown(async () => {
    await execute('workbench.action.closeAllEditors');
  });

  test('Show Workflow Status opens the details document, which follows the workflow to COMPLETE by itself', async () => {
    const { uri } = await openRequestFile('tracked.cpworkflow.json');
    const created = await create(uri);
    assert.strictEqual(created.outcome, 'created', created.shown);

    const first = await execute(STATUS, { workflowId: created.workflowId, intervalMs: 100 });
    assert.strictEqual(first.outcome, 'shown');
    assert.match(first.status, /^(NOT_STARTED|IN_PROGRESS)$/, 'the first look is taken while it runs');
    assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), first.uri, 'the details are shown');
    const result = await execute(STATUS, {
      workflowId: created.workflowId,
      intervalMs: 100,
      untilFinished: true,
    });
    assert.strictEqual(result.status, 'COMPLETE');
    assert.strictEqual(sandbox.endpoint.workflowStatus(created.workflowId), 'COMPLETE', 'the service agrees');
    // one step per batch of the request (the example has several), 100 records each
    const n = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')).IntegrationConfig.AppflowIntegration.Batches.length;
    assert.ok(n > 1);
    assert.match(result.text, new RegExp(`^\\| Steps completed \\| ${n} of ${n} \\|$`, 'm'));
    assert.match(result.text, new RegExp(`^\\| Records processed \\| ${100 * n} \\|$`, 'm'));
    assert.strictEqual((result.text.match(/^\| \d+ \| COMPLETE \|/gm) || []).length, n, 'a row per step');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
    await until(() => /^\| Status \| \*\*COMPLETE\*\* \|$/m.test(doc.getText()), 'the document to show COMPLETE');
    const polled = sandbox.endpoint.requests.filter(
      (r) => r.operation === 'GetWorkflow' || r.operation === 'GetWorkflowSteps',
    );
    assert.ok(
      polled.every((r) => r.signatureValid && r.path.startsWith('/domains/demo-domain/workflows/')),
      'signed reads of that workflow',
    );
    const last = polled.at(-1);
    assert.ok(result.text.includes(`request id of the last call: \`${last.requestId}\``), 'the last request id');
    // settled: no read waiting or under way, so nothing more can be read (the run has ended: no next read is set)
    const api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
    await until(() => !api.workflows.details.busy, 'the details to stop reading');
    assert.strictEqual(api.workflows.details.polling, false, 'no further read is scheduled once it has ended');
  });

  test("a failed workflow's details show the ErrorDescription and the failed step's ExecutionMessage", async () => {
    const { uri } = await openRequestFile('failing.cpworkflow.json', { domain: 'failing-domain' });
    const created = await create(uri);
    assert.strictEqual(created.outcome, 'created', created.shown);
    const result = await execute(STATUS, {
      workflowId: created.workflowId,
      intervalMs: 100,
      untilFinished: true,
    });
    assert.strictEqual(result.status, 'FAILED');
    assert.match(result.text, /^\| Error \| Batch 2 of 3 failed; see the workflow steps\. \|$/m, 'ErrorDescription');
    assert.match(
      result.text,
      /^\| 2 \| FAILED \|.*could not read the source object \(access denied\)/m,
      "the failed step's ExecutionMessage",
    );
  });

  test('a details document reads a running workflow again while visible, and stops once closed', async () => {
    const api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
    const domains = await api.workflows.tree.getChildren();
    const history = domains.find((n) => n.domainName === 'history-domain');
    // RETRY never ends on the local endpoint
    const stuck = (await api.workflows.tree.getChildren(history)).find((n) => n.summary.status === 'RETRY');
    const reads = () =>
      sandbox.endpoint.requests.filter((r) => r.operation === 'GetWorkflow' && r.path.endsWith(stuck.ref.workflowId))
        .length;
    const first = await execute(STATUS, {
      workflowId: stuck.ref.workflowId,
      domainName: 'history-domain',
      intervalMs: 150,
    });
    assert.strictEqual(first.status, 'RETRY');
    await until(() => reads() >= 3, 'the workflow to be read again while its details are shown');
    await execute('workbench.action.closeAllEditors');
    // a read under way may finish, and its timer fires without reading; then nothing can read again
    await until(() => !api.workflows.details.busy, 'the details to stop reading once closed', 5000);
    const after = reads();
    assert.ok(after >= 3);
    assert.strictEqual(api.workflows.details.polling, false, 'no read scheduled once the document was closed');
  });

  test('a workflow id that is not among the recent ones is looked up in the domain given', async () => {
    const { uri } = await openRequestFile('typed-id.cpworkflow.json');
    const created = await create(uri);
    const unknown = await execute(STATUS, {
      workflowId: 'f'.repeat(32),
      domainName: 'demo-domain',
      intervalMs: 100,
    });
    assert.strictEqual(unknown.outcome, 'shown');
    assert.strictEqual(unknown.error, 'ResourceNotFoundException');
    assert.match(unknown.text, /Workflow f{32} does not exist in domain demo-domain/, "the service's words");
    const known = await execute(STATUS, {
      workflowId: created.workflowId,
      domainName: 'demo-domain',
      intervalMs: 100,
      untilFinished: true,
    });
    assert.strictEqual(known.status, 'COMPLETE');
  });

  test('the profile and region switch writes user settings and the status bar text follows', async () => {
    const switched = await execute('cpworkflow.selectAwsTarget', {
      profile: 'cpw-no-region',
      region: 'eu-west-2',
    });
    try {
      assert.strictEqual(switched.profile, 'cpw-no-region');
      assert.strictEqual(switched.region, 'eu-west-2');
      assert.strictEqual(switched.statusText, '$(cloud) cpw-no-region · eu-west-2');
      const cfg = vscode.workspace.getConfiguration('cpworkflow.aws');
      assert.strictEqual(cfg.inspect('region').globalValue, 'eu-west-2');
    } finally {
      const back = await execute('cpworkflow.selectAwsTarget', {
        profile: PROFILE,
        region: null,
      });
      assert.strictEqual(
        back.statusText,
        `$(cloud) ${PROFILE} · us-east-1`,
        "the profile's own region once the setting is cleared",
      );
    }
  });

  test('the region picker takes a region code typed by hand that its list does not have yet', async () => {
    // A quick pick that a user fills in: types a new region's code, then presses Enter on the active item.
    const { window } = vscode;
    const [createQuickPick, showQuickPick] = [window.createQuickPick, window.showQuickPick];
    const shown = [];
    window.showQuickPick = async () => undefined; // a picker that cannot take typed text: Escape
    // @ts-expect-error a stand-in for VS Code's picker with what the command uses, not the whole QuickPick
    window.createQuickPick = () => {
      const on = { value: [], accept: [], hide: [] };
      const listen = (list) => (f) => (list.push(f), { dispose() {} });
      const picker = {
        items: [],
        activeItems: [],
        selectedItems: [],
        onDidChangeValue: listen(on.value),
        onDidAccept: listen(on.accept),
        onDidHide: listen(on.hide),
        show() {
          for (const f of on.value) f('mx-central-1');
          shown.push(picker.items.map((i) => i.label));
          picker.selectedItems = picker.activeItems;
          setImmediate(() => on.accept.forEach((f) => f()));
        },
        hide: () => on.hide.forEach((f) => f()),
        dispose() {},
      };
      return picker;
    };
    try {
      const switched = await execute('cpworkflow.selectAwsTarget', { profile: PROFILE });
      assert.strictEqual(switched.region, 'mx-central-1');
      assert.strictEqual(switched.statusText, `$(cloud) ${PROFILE} · mx-central-1`);
      assert.strictEqual(
        vscode.workspace.getConfiguration('cpworkflow.aws').inspect('region').globalValue,
        'mx-central-1',
      );
      assert.ok(shown[0].includes('mx-central-1') && shown[0].includes('us-east-1'), shown[0].join(', '));
    } finally {
      Object.assign(window, { createQuickPick, showQuickPick });
      await execute('cpworkflow.selectAwsTarget', { profile: PROFILE, region: null });
    }
  });

  test('no workspace can set where signed requests go or as whom', async () => {
    const cfg = vscode.workspace.getConfiguration('cpworkflow.aws');
    for (const key of ['profile', 'region', 'endpointUrl']) {
      await assert.rejects(
        Promise.resolve(cfg.update(key, 'http://127.0.0.1:9/', vscode.ConfigurationTarget.Workspace)),
        `${key} refuses a workspace value`,
      );
    }
    assert.strictEqual(cfg.get('endpointUrl'), sandbox.endpoint.url);
  });
});
