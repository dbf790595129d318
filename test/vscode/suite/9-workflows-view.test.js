'use strict';
// The Customer Profiles view, read through the same TreeDataProvider VS Code reads: the target, domains, workflows
// with their status icons and records, steps; refresh, the status filter, running workflows refreshing by themselves
// and then going quiet; details, copy, open the file that created it, delete behind its modal; errors as one item.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { EXTENSION_ID, until, diagnosticsWhen, describeDiagnostic, rangeOf, execute } = require('./helpers');
const { startSandbox, openRequestFile, create, PROFILE, DOMAIN, OBJECT_TYPE } = require('./create-support');

const HISTORY_DOMAIN = 'history-domain';
const EXPECTED_ICONS = {
  NOT_STARTED: 'circle-outline',
  IN_PROGRESS: 'sync~spin',
  COMPLETE: 'pass',
  FAILED: 'error',
  SPLIT: 'split-horizontal',
  RETRY: 'debug-restart',
  CANCELLED: 'circle-slash',
};

suite('Customer Profiles view', () => {
  let sandbox, tree;
  const count = (operation) => sandbox.endpoint.requests.filter((r) => r.operation === operation).length;
  const items = async (node) => {
    const nodes = await tree.getChildren(node);
    return nodes.map((n) => ({ node: n, item: tree.getTreeItem(n) }));
  };
  const domainNode = async (name) => (await items()).find((e) => e.item.label === name).node;
  const workflows = async (name) => items(await domainNode(name));

  suiteSetup(async () => {
    sandbox = await startSandbox({
      domains: {
        [DOMAIN]: { objectTypes: [OBJECT_TYPE] },
        [HISTORY_DOMAIN]: { objectTypes: [], history: true },
      },
      // long enough steps for the view to see the run in progress
      timing: { startMs: 300, stepMs: 700, totalSteps: 3, recordsPerStep: 100 },
    });
    await vscode.workspace
      .getConfiguration('cpworkflow.workflowsView')
      .update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    const api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
    ({ tree } = api.workflows);
    await execute('cpworkflow.workflows.focus');
    await until(() => api.workflows.treeView.visible, 'the view to be visible');
  });
  suiteTeardown(async () => {
    await execute('cpworkflow.workflows.filter', null);
    await vscode.workspace
      .getConfiguration('cpworkflow.workflowsView')
      .update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await sandbox?.restore();
  });
  setup(async () => {
    sandbox.endpoint.clearFaults();
    await execute('cpworkflow.workflows.refresh');
  });
  teardown(async () => {
    await execute('workbench.action.closeAllEditors');
  });

  test('the top shows profile · region (a click switches them), then the domains', async () => {
    const root = await items();
    assert.strictEqual(root[0].item.label, `${PROFILE} · us-east-1`);
    assert.strictEqual(root[0].item.command.command, 'cpworkflow.selectAwsTarget');
    assert.deepStrictEqual(
      root.slice(1).map((e) => e.item.label),
      [DOMAIN, HISTORY_DOMAIN],
    );
  });

  test('workflows are newest first with an icon per status and the records processed; steps below', async () => {
    const list = await workflows(HISTORY_DOMAIN);
    assert.strictEqual(list.length, 7, 'every page (the endpoint pages by three)');
    assert.ok(count('ListWorkflows') >= 3);
    const created = list.map((e) => e.node.summary.createdAt.getTime());
    assert.deepStrictEqual(
      created,
      [...created].sort((a, b) => b - a),
      'newest first',
    );
    for (const { node, item } of list) {
      assert.strictEqual(item.iconPath.id, EXPECTED_ICONS[node.summary.status], node.summary.status);
      assert.ok(item.description.startsWith(node.summary.status), item.description);
    }
    const complete = list.find((e) => e.node.summary.status === 'COMPLETE');
    assert.match(complete.item.description, /^COMPLETE · 3,000 records · \d+ h ago$/);
    const failed = list.find((e) => e.node.summary.status === 'FAILED');
    const steps = await items(failed.node);
    assert.deepStrictEqual(
      steps.map((s) => [s.item.label, s.item.iconPath.id]),
      [
        ['Step 1: CP-Contacts-Backfill', 'pass'],
        ['Step 2: CP-Contacts-Backfill', 'error'],
      ],
    );
    assert.match(steps[1].item.description, /^FAILED · 120 records · Flow execution failed: .*access denied/);
  });

  test('Refresh reads the account again; without it the view answers from what it read', async () => {
    await workflows(HISTORY_DOMAIN);
    const [domains, lists] = [count('ListDomains'), count('ListWorkflows')];
    await workflows(HISTORY_DOMAIN);
    assert.deepStrictEqual([count('ListDomains'), count('ListWorkflows')], [domains, lists], 'nothing sent');
    await execute('cpworkflow.workflows.refresh');
    await workflows(HISTORY_DOMAIN);
    assert.strictEqual(count('ListDomains'), domains + 1);
    assert.ok(count('ListWorkflows') > lists);
  });

  test('the status filter asks the service for one status and says so on the view', async () => {
    try {
      await execute('cpworkflow.workflows.filter', 'FAILED');
      const list = await workflows(HISTORY_DOMAIN);
      assert.deepStrictEqual(
        list.map((e) => e.node.summary.status),
        ['FAILED'],
      );
      const asked = sandbox.endpoint.requests.filter((r) => r.operation === 'ListWorkflows').at(-1);
      assert.deepStrictEqual(asked.json, { Status: 'FAILED' });
      const none = await workflows(DOMAIN);
      assert.strictEqual(none.length, 1);
      assert.strictEqual(none[0].item.label, 'No FAILED workflows');
    } finally {
      await execute('cpworkflow.workflows.filter', null);
    }
    assert.strictEqual((await workflows(HISTORY_DOMAIN)).length, 7);
  });

  test('a created workflow appears, goes to COMPLETE by itself, and then the view stops reading', async () => {
    const { uri } = await openRequestFile('view.cpworkflow.json');
    const before = await workflows(DOMAIN); // the domain is shown before the create
    const created = await create(uri);
    assert.strictEqual(created.outcome, 'created', created.shown);
    const mine = async () => (await workflows(DOMAIN)).find((e) => e.node.summary.workflowId === created.workflowId);
    const first = await until(mine, 'the new workflow to be listed without a refresh');
    assert.ok(!before.some((e) => e.node.summary && e.node.summary.workflowId === created.workflowId));
    assert.match(first.node.summary.status, /^(NOT_STARTED|IN_PROGRESS)$/);
    assert.strictEqual(first.item.label, 'CP-Salesforce-Account-1', 'labelled with the flow name it was created with');
    assert.strictEqual(first.item.contextValue, 'workflow.hasSource');
    const seen = new Set([first.node.summary.status]);
    // no refresh from here on: the view reads the domain again by itself while the run goes on
    await until(
      async () => {
        const now = await mine();
        seen.add(now.node.summary.status);
        return now.node.summary.status === 'COMPLETE' && now;
      },
      'the workflow to show COMPLETE',
      20000,
    );
    assert.ok(seen.has('IN_PROGRESS'), `the run was seen in progress: ${[...seen]}`);
    const done = await mine();
    assert.strictEqual(done.item.iconPath.id, 'pass');
    const batches = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')).IntegrationConfig.AppflowIntegration.Batches;
    assert.match(done.item.description, new RegExp(`^COMPLETE · ${100 * batches.length} records`));
    // settled: no poll waiting and no domain being read, so no ListWorkflows can follow (every run has ended)
    await until(() => !tree.busy, 'polling to stop');
    assert.strictEqual(tree.polling, false, 'no poll scheduled once every run has ended');
  });

  test('Show Details opens a read-only Markdown document with status, metrics, steps and the request id', async () => {
    const failed = (await workflows(HISTORY_DOMAIN)).find((e) => e.node.summary.status === 'FAILED');
    assert.strictEqual(failed.item.command.command, 'cpworkflow.workflows.showDetails', 'a click shows details');
    const shown = await execute('cpworkflow.workflows.showDetails', failed.node);
    assert.strictEqual(shown.outcome, 'shown');
    const doc = vscode.window.activeTextEditor.document;
    assert.strictEqual(doc.uri.scheme, 'cpworkflow-workflow');
    assert.strictEqual(doc.languageId, 'markdown');
    const text = doc.getText();
    assert.match(text, /^\| Status \| \*\*FAILED\*\* \|$/m);
    assert.match(text, new RegExp(`^\\| Workflow ID \\| \`${failed.node.summary.workflowId}\` \\|$`, 'm'));
    assert.match(text, /^\| Records processed \| 1,120 \|$/m);
    assert.match(text, /^\| Started \| \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \|$/m);
    assert.match(text, /^\| 2 \| FAILED \| 120 \|/m);
    const last = sandbox.endpoint.requests.at(-1);
    assert.ok(text.includes(`request id of the last call: \`${last.requestId}\``));
    const edited = await vscode.window.activeTextEditor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
    assert.ok(!edited || doc.getText() === text, 'read-only');
  });

  test('a command takes no endpoint, region or profile from its arguments: requests go where the settings say', async () => {
    // a command link, a tasks.json input or another extension can call Show Details with any arguments
    const failed = (await workflows(HISTORY_DOMAIN)).find((e) => e.node.summary.status === 'FAILED');
    const http = require('http');
    let decoyRequests = 0;
    const decoy = http.createServer((_req, res) => {
      decoyRequests++;
      res.end('{}');
    });
    await new Promise((resolve) => decoy.listen(0, '127.0.0.1', () => resolve(undefined)));
    const decoyPort = /** @type {import('net').AddressInfo} */ (decoy.address()).port;
    try {
      const before = count('GetWorkflow');
      const forged = {
        workflowId: failed.node.summary.workflowId,
        domainName: HISTORY_DOMAIN,
        endpointUrl: `http://127.0.0.1:${decoyPort}`,
        region: 'eu-west-3',
        profile: 'someone-else',
      };
      const shown = await execute('cpworkflow.workflows.showDetails', forged);
      assert.strictEqual(shown.status, 'FAILED', 'read from the endpoint the settings name');
      assert.ok(count('GetWorkflow') > before);
      assert.strictEqual(decoyRequests, 0, 'nothing reached the host the arguments named');
      await execute('cpworkflow.workflows.copyCliCommand', forged);
      const copied = await vscode.env.clipboard.readText();
      assert.ok(copied.includes(`--endpoint-url='${sandbox.endpoint.url}'`), copied);
      assert.doesNotMatch(copied, new RegExp(`someone-else|eu-west-3|127\\.0\\.0\\.1:${decoyPort}`));
    } finally {
      decoy.close();
      // the details document it opened reads nothing more once closed (the later tests count requests)
      await execute('workbench.action.closeAllEditors');
      const api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
      await until(() => !api.workflows.details.busy, 'the details to stop reading');
    }
  });

  test('Copy ID and Copy as AWS CLI command put exactly that on the clipboard', async () => {
    const [first] = await workflows(HISTORY_DOMAIN);
    const id = await execute('cpworkflow.workflows.copyId', first.node);
    assert.strictEqual(await vscode.env.clipboard.readText(), first.node.summary.workflowId);
    assert.strictEqual(id.value, first.node.summary.workflowId);
    await execute('cpworkflow.workflows.copyCliCommand', first.node);
    assert.strictEqual(
      await vscode.env.clipboard.readText(),
      `aws customer-profiles get-workflow --domain-name='${HISTORY_DOMAIN}' --workflow-id='${first.node.summary.workflowId}' --region='us-east-1' --profile='${PROFILE}' --endpoint-url='${sandbox.endpoint.url}'`,
    );
  });

  test('Open the file that created it opens that file, and says when it changed since', async () => {
    const { uri } = await openRequestFile('source.cpworkflow.json');
    const created = await create(uri);
    await execute('workbench.action.closeAllEditors');
    const node = (await workflows(DOMAIN)).find((e) => e.node.summary.workflowId === created.workflowId).node;
    const same = await execute('cpworkflow.workflows.openSource', node);
    assert.strictEqual(same.outcome, 'done');
    assert.strictEqual(same.reason, undefined);
    assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), uri.toString());
    await vscode.window.activeTextEditor.edit((b) => b.insert(new vscode.Position(0, 0), ' '));
    const changed = await execute('cpworkflow.workflows.openSource', node);
    assert.strictEqual(changed.reason, 'changed');
    assert.match(changed.shown, /has changed since workflow/);
    await execute('workbench.action.files.revert');
  });

  test('Delete asks in a modal naming the workflow, then sends exactly one DeleteWorkflow', async () => {
    const list = await workflows(HISTORY_DOMAIN);
    const target = list.find((e) => e.node.summary.status === 'CANCELLED').node;
    const id = target.summary.workflowId;
    const declined = await execute('cpworkflow.workflows.delete', target, {
      answers: { delete: false },
    });
    assert.strictEqual(declined.outcome, 'declined');
    assert.match(declined.asked[0].message, new RegExp(`^Delete workflow ${id}\\?$`));
    assert.match(declined.asked[0].detail, new RegExp(`Domain: ${HISTORY_DOMAIN}\\nRegion: us-east-1`));
    assert.strictEqual(count('DeleteWorkflow'), 0, 'no answer, no request');
    const deleted = await execute('cpworkflow.workflows.delete', target, {
      answers: { delete: true },
    });
    assert.strictEqual(deleted.outcome, 'done');
    const deletes = sandbox.endpoint.requests.filter((r) => r.operation === 'DeleteWorkflow');
    assert.strictEqual(deletes.length, 1);
    assert.strictEqual(deletes[0].path, `/domains/${HISTORY_DOMAIN}/workflows/${id}`);
    assert.strictEqual(deleted.value, deletes[0].requestId);
    const after = await workflows(HISTORY_DOMAIN);
    assert.strictEqual(after.length, list.length - 1);
    assert.ok(!after.some((e) => e.node.summary.workflowId === id));
  });

  test('access denied, throttling and a missing profile are each one item saying what to do', async () => {
    sandbox.endpoint.injectFault({ type: 'accessDenied', operation: 'ListWorkflows' });
    const denied = await workflows(HISTORY_DOMAIN);
    assert.strictEqual(denied.length, 1);
    assert.strictEqual(denied[0].item.label, 'Access denied');
    assert.match(denied[0].item.description, /lacks permission .*profile:ListWorkflows/);
    assert.strictEqual(denied[0].item.command.command, 'cpworkflow.workflows.refresh');

    await execute('cpworkflow.workflows.refresh');
    sandbox.endpoint.injectFault({ type: 'throttle', operation: 'ListDomains', times: 10 });
    const throttled = await items();
    assert.strictEqual(throttled.length, 2, 'the target line and one item');
    assert.strictEqual(throttled[1].item.label, 'Throttled by Customer Profiles');
    assert.match(throttled[1].item.description, /Wait a minute and try again/);
    sandbox.endpoint.clearFaults();

    const cfg = vscode.workspace.getConfiguration('cpworkflow.aws');
    await cfg.update('profile', 'no-such-profile', vscode.ConfigurationTarget.Global);
    try {
      const requests = sandbox.endpoint.requests.length;
      const missing = await items();
      const error = missing.find((e) => e.node.kind === 'message');
      assert.strictEqual(error.item.label, 'Profile not found');
      assert.match(error.item.description, /aws configure --profile no-such-profile/);
      assert.strictEqual(error.item.command.command, 'cpworkflow.selectAwsTarget');
      assert.strictEqual(sandbox.endpoint.requests.length, requests, 'nothing sent without credentials');
    } finally {
      await cfg.update('profile', PROFILE, vscode.ConfigurationTarget.Global);
    }
  });

  test('New Workflow File from AppFlow Flow opens the flow as a workflow file that is checked at once and clean', async () => {
    const result = await execute('cpworkflow.newFileFromFlow', {
      flowName: 'Salesforce-Contacts-Nightly',
      roleArn: 'arn:aws:iam::210987654321:role/CustomerProfilesAppFlow',
    });
    assert.strictEqual(result.outcome, 'opened', result.shown);
    const describe = sandbox.endpoint.requests.filter((r) => r.operation === 'DescribeFlow');
    assert.strictEqual(describe.length, 1);
    assert.strictEqual(describe[0].signingService, 'appflow');
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor.document.uri.toString(), result.uri);
    assert.strictEqual(editor.document.languageId, 'cpworkflow');
    const doc = JSON.parse(editor.document.getText());
    const fd = doc.IntegrationConfig.AppflowIntegration.FlowDefinition;
    assert.strictEqual(fd.FlowName, 'Salesforce-Contacts-Nightly-profiles');
    assert.strictEqual(fd.SourceFlowConfig.ConnectorType, 'Salesforce');
    assert.strictEqual(doc.DomainName, 'ExampleCorp-Profiles', "the flow's Customer Profiles destination");
    assert.ok(result.notes.some((n) => /^destinationFlowConfigList: dropped/.test(n)));
    // the checker runs on the new file: a break is flagged at once, and undoing it leaves no finding at all
    const uri = editor.document.uri;
    await editor.edit((b) => b.replace(rangeOf(editor.document, '"APPFLOW_INTEGRATION"'), '"APPFLOW"'));
    await diagnosticsWhen(uri, (ds) => ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'an error');
    await execute('undo');
    const after = await diagnosticsWhen(uri, (ds) => !ds.some((d) => d.severity === 0), 'the error to clear');
    assert.deepStrictEqual(after.map(describeDiagnostic), [], 'the imported file has no finding');
    await execute('workbench.action.revertAndCloseActiveEditor');
  });
});
