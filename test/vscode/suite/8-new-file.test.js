'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { diagnosticsWhen, codeOf, execute } = require('./helpers');

// The New Integration Workflow File command with the two prompts answered as a user would: pick Servicenow, type the
// object.
suite('new workflow file', () => {
  test('asks for connector and object, opens an untitled cpworkflow file with the cursor on the first placeholder', async () => {
    const { window } = vscode;
    const pick = window.showQuickPick,
      input = window.showInputBox;
    const asked = [];
    window.showQuickPick = async (items, options) => {
      asked.push(options.title);
      return (await items).find((i) => i.label === 'Servicenow');
    };
    window.showInputBox = async (options) => {
      asked.push(options.title);
      assert.equal(options.validateInput('has space'), 'No spaces: the model allows no whitespace here.');
      return 'change_request';
    };
    try {
      await execute('cpworkflow.newFile');
    } finally {
      window.showQuickPick = pick;
      window.showInputBox = input;
    }
    assert.deepEqual(asked, ['New Integration Workflow File (1/2)', 'New Integration Workflow File (2/2)']);
    const editor = window.activeTextEditor;
    assert.ok(editor && editor.document.isUntitled, 'an untitled editor is active');
    assert.equal(editor.document.languageId, 'cpworkflow');
    const text = editor.document.getText();
    assert.match(text, /"Object": "change_request"/);
    assert.match(text, /"ObjectTypeName": "ServiceNow-change_request"/);
    const flowName = JSON.parse(text).IntegrationConfig.AppflowIntegration.FlowDefinition.FlowName;
    assert.equal(flowName, 'ServiceNow-change_request-flow');
    assert.equal(
      editor.document.uri.path,
      vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `${flowName}.cpworkflow.json`).path,
      'Save As proposes <FlowName>.cpworkflow.json in the workspace folder, not Untitled-1',
    );
    const selected = editor.document.getText(editor.selection);
    assert.equal(selected, 'my-domain', 'the first placeholder is selected');
    // the language server serves the untitled file: its outline, and an error once the file is broken
    const symbols = await execute('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['ServiceNow-change_request', 'ServiceNow-change_request-flow'],
    );
    // the empty untitled file's "file is empty" error may still be shown until the filled-in version is checked
    const isPlaceholder = (d) => codeOf(d) === 'TPL-1';
    const checked = await diagnosticsWhen(
      editor.document.uri,
      (ds) => !ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error) && ds.some(isPlaceholder),
      'no errors in the new file, and a warning on each example value of the template',
    );
    assert.deepEqual(
      checked
        .filter(isPlaceholder)
        .map(
          (d) =>
            `${d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : d.severity} ${editor.document.getText(d.range)}`,
        )
        .sort(),
      [
        'warning 11111111-2222-3333-4444-555555555555',
        'warning 123456789012',
        'warning 123456789012',
        'warning my-domain',
        'warning my-servicenow-connection',
      ],
    );
    const at = text.indexOf('APPFLOW_INTEGRATION');
    await editor.edit((b) =>
      b.replace(
        new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'APPFLOW_INTEGRATION'.length)),
        'APPFLOW',
      ),
    );
    await diagnosticsWhen(
      editor.document.uri,
      (ds) => ds.some((d) => (d.code && d.code.value) === 'enum' || d.code === 'enum'),
      'the enum error in the edited new file',
    );
    await execute('workbench.action.revertAndCloseActiveEditor');
  });
});
