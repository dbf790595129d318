'use strict';
// In a workspace that is not trusted (Restricted Mode), the extension still checks and edits workflow files, but it
// sends nothing to AWS: the create and status commands and the view's actions refuse, the view reads nothing, and
// the local endpoint receives no request.
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, diagnosticsWhen, execute } = require('../suite/helpers');
const { startSandbox, openRequestFile, create, STATUS } = require('../suite/create-support');

suite('Restricted Mode', () => {
  let sandbox;
  suiteSetup(async () => {
    sandbox = await startSandbox();
    // the user turned the account on; in Restricted Mode it must stay off all the same
    await vscode.workspace
      .getConfiguration()
      .update('cpworkflow.account.enabled', true, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration()
      .update('cpworkflow.account.enabled', undefined, vscode.ConfigurationTarget.Global);
    await sandbox?.restore();
  });

  test('the workspace is not trusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  test('workflow files are still checked', async () => {
    const { uri } = await openRequestFile('restricted.cpworkflow.json', {
      edit: (t) => t.replace('"APPFLOW_INTEGRATION"', '"APPFLOW"'),
    });
    const ds = await diagnosticsWhen(
      uri,
      (d) => d.some((x) => x.source === 'cpworkflow'),
      'diagnostics in Restricted Mode',
    );
    assert.ok(ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  test('the account stays off although the user setting turns it on: no account request, no account finding', async () => {
    const { uri } = await openRequestFile('restricted-account.cpworkflow.json', {
      // a connection the account lacks (with the account on, an ACC-3 finding), and an offline error to wait for
      edit: (t) =>
        t.replace('"my-salesforce-connection"', '"no-such-connection"').replace('"APPFLOW_INTEGRATION"', '"APPFLOW"'),
    });
    await diagnosticsWhen(uri, (d) => d.some((x) => x.source === 'cpworkflow'), 'diagnostics in Restricted Mode');
    // settled: the server says, after every message the client sent it, that the account is off: it has loaded no
    // account library and has no account request pending or scheduled, so none can reach the endpoint
    const api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
    assert.deepStrictEqual(await api.client.sendRequest('cpworkflow/getAccountStatus'), { state: 'off' });
    const ds = vscode.languages.getDiagnostics(uri);
    assert.ok(!ds.some((d) => String(d.code).startsWith('ACC-')), JSON.stringify(ds.map((d) => d.code)));
    assert.strictEqual(sandbox.endpoint.requests.length, 0, 'no request reached the endpoint');
    assert.strictEqual(
      (await vscode.commands.getCommands(true)).includes('cpworkflow.refreshAccount'),
      true,
      'the command exists (disabled by its enablement clause in Restricted Mode)',
    );
  });

  test('Create Integration Workflow refuses and sends nothing', async () => {
    const { uri } = await openRequestFile('restricted-clean.cpworkflow.json');
    const result = await create(uri);
    assert.strictEqual(result.outcome, 'refused');
    assert.strictEqual(result.reason, 'untrusted');
    assert.match(result.shown, /Restricted Mode/);
    assert.strictEqual(sandbox.endpoint.requests.length, 0, 'no request reached the endpoint');
  });

  test('Show Workflow Status refuses and sends nothing', async () => {
    const result = await execute(STATUS, { workflowId: '0123456789abcdef0123456789abcdef' });
    assert.strictEqual(result.outcome, 'declined');
    assert.match(result.shown, /Restricted Mode/);
    assert.strictEqual(sandbox.endpoint.requests.length, 0);
  });

  test('the Customer Profiles view shows one item saying why, and its actions refuse; nothing is sent', async () => {
    const api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
    await execute('cpworkflow.workflows.focus');
    const { tree } = api.workflows;
    const root = await tree.getChildren();
    assert.strictEqual(root.length, 1);
    const item = tree.getTreeItem(root[0]);
    assert.match(item.label, /Restricted Mode/);
    assert.strictEqual(item.command.command, 'workbench.trust.manage');
    const ref = { workflowId: '0123456789abcdef0123456789abcdef', domainName: 'demo-domain', region: 'us-east-1' };
    for (const command of [
      'cpworkflow.workflows.delete',
      'cpworkflow.workflows.copyId',
      'cpworkflow.workflows.copyCliCommand',
      'cpworkflow.workflows.openSource',
      'cpworkflow.newFileFromFlow',
    ]) {
      const result = await execute(command, ref, { answers: { delete: true } });
      assert.strictEqual(result.outcome, 'refused', command);
      assert.strictEqual(result.reason, 'untrusted', command);
    }
    const details = await execute('cpworkflow.workflows.showDetails', ref);
    assert.strictEqual(details.outcome, 'declined');
    await execute('cpworkflow.workflows.refresh');
    await tree.getChildren();
    assert.strictEqual(sandbox.endpoint.requests.length, 0, 'no request reached the endpoint');
  });
});
