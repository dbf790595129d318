'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { openTestFile, diagnosticsWhen, codeOf, rangeOf } = require('./helpers');

suite('diagnostics', () => {
  const FILE = 'zendesk-operators.cpworkflow.json';

  test('an operator the connector does not have is an error on exactly that value', async () => {
    const { doc } = await openTestFile(FILE);
    const diagnostics = await diagnosticsWhen(doc.uri, ds => ds.length > 0, 'the first diagnostics');
    const value = rangeOf(doc, '"LESS_THAN"');
    const d = diagnostics.find(x => x.range.isEqual(value));
    assert.ok(d, 'a diagnostic on "LESS_THAN"');
    assert.strictEqual(d.source, 'cpworkflow');
    assert.strictEqual(codeOf(d), 'enum');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /LESS_THAN/, 'says what is wrong');
    assert.match(d.message, /GREATER_THAN/, 'lists the operators Zendesk allows');
    assert.match(String(d.code.target), /^https:\/\/docs\.aws\.amazon\.com\//, 'links to the AWS page');
  });

  test('fixing the value in the editor clears the error', async () => {
    const { doc } = await openTestFile(FILE);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, '"LESS_THAN"'), '"GREATER_THAN"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostics = await diagnosticsWhen(doc.uri, ds => !ds.some(d => codeOf(d) === 'enum'), 'the error to clear');
    assert.deepStrictEqual(diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
