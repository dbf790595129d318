'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { openTestFile, diagnosticsWhen, codeOf, rangeOf, execute } = require('./helpers');

suite('diagnostics', () => {
  // a Zendesk source with a LESS_THAN filter (not a Zendesk operator) and a Map keyed "Salesforce"
  const FILE = 'zendesk-operators.cpworkflow.json';
  let doc, diagnostics;

  suiteSetup(async () => {
    ({ doc } = await openTestFile(FILE));
    diagnostics = await diagnosticsWhen(doc.uri, (ds) => ds.length > 0, 'the first diagnostics');
  });
  teardown(() => execute('workbench.action.files.revert'));

  test('an operator the connector does not have is an error on exactly that value', () => {
    const d = diagnostics.find((x) => x.range.isEqual(rangeOf(doc, '"LESS_THAN"')));
    assert.ok(d, 'a diagnostic on "LESS_THAN"');
    assert.strictEqual(d.source, 'cpworkflow');
    assert.strictEqual(codeOf(d), 'enum');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /LESS_THAN/, 'says what is wrong');
    assert.match(
      d.message,
      /Zendesk allows for a Filter task: PROJECTION or GREATER_THAN\./,
      'lists the Zendesk filter operators',
    );
    assert.match(String(d.code.target), /^https:\/\/docs\.aws\.amazon\.com\//, 'links to the AWS page');
  });

  test('an operator keyed by another connector is an error (OP-1) on exactly that key', () => {
    const d = diagnostics.find((x) => codeOf(x) === 'OP-1');
    assert.ok(d, 'an OP-1 diagnostic');
    assert.ok(d.range.isEqual(rangeOf(doc, '"Salesforce"')), `on the key, not ${JSON.stringify(d.range)}`);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /"Zendesk"/, 'says which key is right');
  });

  test('fixing the value in the editor clears that error and only that one', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, '"LESS_THAN"'), '"GREATER_THAN"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await diagnosticsWhen(
      doc.uri,
      (ds) => !ds.some((d) => codeOf(d) === 'enum'),
      'the enum error to clear',
    );
    assert.deepStrictEqual(after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf), ['OP-1']);
  });
});
