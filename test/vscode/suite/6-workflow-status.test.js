'use strict';
// Following a created workflow ("Track Progress" / "Customer Profiles: Show Workflow Status") and the AWS settings
// behind every request: the status bar's profile/region switch and settings no workspace can set.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { until } = require('./helpers');
const { startSandbox, openRequestFile, create, STATUS, PROFILE } = require('./create-support');

suite('workflow status', () => {
  let sandbox;
  suiteSetup(async () => {
    sandbox = await startSandbox();
  });
  suiteTeardown(async () => {
    await sandbox?.restore();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('tracking a created workflow polls until COMPLETE, showing steps and records as they grow', async () => {
    const { uri } = await openRequestFile('tracked.cpworkflow.json');
    const created = await create(uri);
    assert.strictEqual(created.outcome, 'created', created.shown);

    const result = await vscode.commands.executeCommand(STATUS, { workflowId: created.workflowId, intervalMs: 100 });
    assert.strictEqual(result.outcome, 'finished');
    assert.strictEqual(result.status, 'COMPLETE');
    assert.strictEqual(sandbox.endpoint.workflowStatus(created.workflowId), 'COMPLETE', 'the service agrees');
    // one step per batch of the request (the example has several), 100 records each
    const n = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')).IntegrationConfig.AppflowIntegration.Batches.length;
    assert.ok(n > 1);
    assert.deepStrictEqual(
      [result.progress.stepsCompleted, result.progress.totalSteps, result.progress.recordsProcessed],
      [n, n, 100 * n],
    );
    assert.match(result.reported.at(-1), new RegExp(`^COMPLETE: ${n}/${n} steps, ${100 * n} records processed$`));
    const steps = result.reported.map((line) => Number(new RegExp(`: (\\d+)/${n} steps`).exec(line)[1]));
    assert.ok(
      steps.some((k) => k > 0 && k < n),
      `an intermediate step was shown: ${result.reported.join(' | ')}`,
    );
    assert.deepStrictEqual(
      steps,
      [...steps].sort((a, b) => a - b),
      'steps only grow',
    );
    assert.match(
      result.shown,
      new RegExp(`^Workflow "CP-Salesforce-Account-1" completed .* Workflow ID ${created.workflowId}\\.$`),
      'the notification names the flow, then the id',
    );
    const polled = sandbox.endpoint.requests.filter(
      (r) => r.operation === 'GetWorkflow' || r.operation === 'GetWorkflowSteps',
    );
    assert.ok(
      polled.every((r) => r.signatureValid && r.path.startsWith('/domains/demo-domain/workflows/')),
      'signed reads of that workflow',
    );
  });

  test("a failed workflow shows the ErrorDescription and the failed step's ExecutionMessage", async () => {
    const { uri } = await openRequestFile('failing.cpworkflow.json', { domain: 'failing-domain' });
    const created = await create(uri);
    assert.strictEqual(created.outcome, 'created', created.shown);
    const result = await vscode.commands.executeCommand(STATUS, { workflowId: created.workflowId, intervalMs: 100 });
    assert.strictEqual(result.status, 'FAILED');
    assert.match(result.shown, /failed/);
    assert.match(result.shown, /Batch 2 of 3 failed; see the workflow steps\./, 'ErrorDescription');
    assert.match(
      result.shown,
      /could not read the source object \(access denied\)/,
      "the failed step's ExecutionMessage",
    );
    assert.ok(
      result.log.some((l) => /Step .*FAILED/.test(l)),
      'each step is in the log',
    );
  });

  test('tracking stops when cancelled and says the workflow keeps running', async () => {
    const { uri } = await openRequestFile('untracked.cpworkflow.json');
    const created = await create(uri);
    const cancel = new AbortController();
    const tracking = vscode.commands.executeCommand(STATUS, {
      workflowId: created.workflowId,
      intervalMs: 100,
      signal: cancel.signal,
    });
    await until(
      () => sandbox.endpoint.requests.some((r) => r.operation === 'GetWorkflow' && r.path.includes(created.workflowId)),
      'the first poll',
    );
    cancel.abort();
    const result = await tracking;
    assert.strictEqual(result.outcome, 'cancelled');
    assert.match(result.shown, /keeps running in AWS/);
    const polls = sandbox.endpoint.requests.filter((r) => r.operation === 'GetWorkflow').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(
      sandbox.endpoint.requests.filter((r) => r.operation === 'GetWorkflow').length,
      polls,
      'no poll after the cancel',
    );
  });

  test('a workflow id that is not among the recent ones is looked up in the domain given', async () => {
    const { uri } = await openRequestFile('typed-id.cpworkflow.json');
    const created = await create(uri);
    const unknown = await vscode.commands.executeCommand(STATUS, {
      workflowId: 'f'.repeat(32),
      domainName: 'demo-domain',
      intervalMs: 100,
    });
    assert.strictEqual(unknown.outcome, 'failed');
    assert.match(unknown.shown, /Workflow f{32} does not exist in domain demo-domain/, "the service's words");
    const known = await vscode.commands.executeCommand(STATUS, {
      workflowId: created.workflowId,
      domainName: 'demo-domain',
      intervalMs: 100,
    });
    assert.strictEqual(known.status, 'COMPLETE');
  });

  test('the profile and region switch writes user settings and the status bar text follows', async () => {
    const switched = await vscode.commands.executeCommand('cpworkflow.selectAwsTarget', {
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
      const back = await vscode.commands.executeCommand('cpworkflow.selectAwsTarget', {
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
      const switched = await vscode.commands.executeCommand('cpworkflow.selectAwsTarget', { profile: PROFILE });
      assert.strictEqual(switched.region, 'mx-central-1');
      assert.strictEqual(switched.statusText, `$(cloud) ${PROFILE} · mx-central-1`);
      assert.strictEqual(
        vscode.workspace.getConfiguration('cpworkflow.aws').inspect('region').globalValue,
        'mx-central-1',
      );
      assert.ok(shown[0].includes('mx-central-1') && shown[0].includes('us-east-1'), shown[0].join(', '));
    } finally {
      Object.assign(window, { createQuickPick, showQuickPick });
      await vscode.commands.executeCommand('cpworkflow.selectAwsTarget', { profile: PROFILE, region: null });
    }
  });

  test('no workspace can set where signed requests go or as whom', async () => {
    const cfg = vscode.workspace.getConfiguration('cpworkflow.aws');
    for (const key of ['profile', 'region', 'endpointUrl']) {
      await assert.rejects(
        cfg.update(key, 'http://127.0.0.1:9/', vscode.ConfigurationTarget.Workspace),
        `${key} refuses a workspace value`,
      );
    }
    assert.strictEqual(cfg.get('endpointUrl'), sandbox.endpoint.url);
  });
});
