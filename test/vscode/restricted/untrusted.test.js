'use strict';
// In a workspace that is not trusted (Restricted Mode), the extension still checks and edits workflow files, but it
// sends nothing to AWS: the create and status commands refuse and the local endpoint receives no request.
const assert = require('assert');
const vscode = require('vscode');
const { diagnosticsWhen } = require('../suite/helpers');
const { startSandbox, openRequestFile, create, STATUS } = require('../suite/create-support');

suite('Restricted Mode', () => {
  let sandbox;
  suiteSetup(async () => {
    sandbox = await startSandbox();
  });
  suiteTeardown(async () => {
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

  test('Create Integration Workflow refuses and sends nothing', async () => {
    const { uri } = await openRequestFile('restricted-clean.cpworkflow.json');
    const result = await create(uri);
    assert.strictEqual(result.outcome, 'refused');
    assert.strictEqual(result.reason, 'untrusted');
    assert.match(result.shown, /Restricted Mode/);
    assert.strictEqual(sandbox.endpoint.requests.length, 0, 'no request reached the endpoint');
  });

  test('Show Workflow Status refuses and sends nothing', async () => {
    const result = await vscode.commands.executeCommand(STATUS, { workflowId: '0123456789abcdef0123456789abcdef' });
    assert.strictEqual(result.outcome, 'declined');
    assert.match(result.shown, /Restricted Mode/);
    assert.strictEqual(sandbox.endpoint.requests.length, 0);
  });
});
