'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { testFileUri, diagnosticsWhen, openTestFile, rangeOf, execute } = require('./helpers');

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

suite('snippets', () => {
  // reverted also when an assertion fails, so the next suites see the file as it is on disk
  teardown(() => execute('workbench.action.files.revert'));
  test('an empty file is offered the whole-workflow snippets, and one expands into a file without errors', async () => {
    const uri = testFileUri('snippets/new.cpworkflow.json');
    fs.mkdirSync(require('path').dirname(uri.fsPath), { recursive: true });
    fs.writeFileSync(uri.fsPath, '');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhen(
      uri,
      (ds) => ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'the empty-file error',
    );

    const list = await execute('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 0));
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    for (const prefix of ['workflow-salesforce', 'workflow-servicenow', 'workflow-marketo']) {
      assert.equal(snippets.filter((s) => s === prefix).length, 1, `${prefix} offered exactly once in: ${snippets}`);
    }

    // the server's item, as Enter would insert it (the extension contributes no snippet file of its own)
    const item = list.items.find((i) => labelOf(i) === 'workflow-salesforce');
    await vscode.window.activeTextEditor.insertSnippet(item.insertText, item.range.inserting ?? item.range);
    assert.match(doc.getText(), /"ConnectorType": "Salesforce"/, 'the snippet was inserted');
    const after = await diagnosticsWhen(
      uri,
      (ds) => !ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'the errors to clear once the snippet is in',
    );
    assert.ok(after.every((d) => d.source === 'cpworkflow'));
  });

  test("a task snippet is offered inside Tasks with the file's connector key, never inside the trigger", async () => {
    const { doc } = await openTestFile('examples/servicenow-incident.cpworkflow.json');
    const complete = (position) => execute('vscode.executeCompletionItemProvider', doc.uri, position);
    const inTasks = await complete(rangeOf(doc, '"Tasks": [').end);
    const maps = inTasks.items.filter((i) => labelOf(i) === 'task-map');
    assert.equal(maps.length, 1, `task-map once in: ${inTasks.items.map(labelOf)}`);
    const body = maps[0].insertText.value;
    assert.match(body, /"ServiceNow": "NO_OP"/, body);
    assert.doesNotMatch(body, /Salesforce|Email/, body);

    const inTrigger = await complete(rangeOf(doc, '"Scheduled": {').end);
    const snippets = inTrigger.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    assert.deepStrictEqual(snippets, [], 'no snippet fits among the Scheduled properties');
  });
});
