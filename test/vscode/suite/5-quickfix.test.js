'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { openTestFile, diagnosticsWhen, codeOf, rangeOf, execute } = require('./helpers');

suite('quick fixes', () => {
  // reverted also when an assertion fails, so the next suites see the file as it is on disk
  teardown(() => execute('workbench.action.files.revert'));
  test("OP-1: renaming the operator key to the connector's key clears the error and adds none", async () => {
    const { doc } = await openTestFile('zendesk-operators.cpworkflow.json');
    const before = await diagnosticsWhen(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'OP-1'), 'the OP-1 error');
    const op1 = before.find((d) => codeOf(d) === 'OP-1');
    const actions = await execute(
      'vscode.executeCodeActionProvider',
      doc.uri,
      op1.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Rename "Salesforce" to "Zendesk"');
    assert.ok(fix, `the fix offered, among: ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.kind.value, 'quickfix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    assert.match(doc.lineAt(op1.range.start.line).text, /"ConnectorOperator": \{ "Zendesk": "NO_OP" \}/);

    const errorsBefore = before
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
      .map(codeOf)
      .sort();
    const after = await diagnosticsWhen(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'OP-1'), 'OP-1 to clear');
    const errorsAfter = after
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
      .map(codeOf)
      .sort();
    assert.deepStrictEqual(
      errorsAfter,
      errorsBefore.filter((c) => c !== 'OP-1'),
      'no new error',
    );
  });

  test('"Customer Profiles: Fix All Problems" applies every determined fix in one edit (one Undo)', async () => {
    const { doc, editor } = await openTestFile('examples/salesforce-account.cpworkflow.json');
    const original = doc.getText();
    await editor.edit((b) => {
      b.replace(rangeOf(doc, '"rate(1hours)"'), '"rate(1 hour)"');
      b.replace(rangeOf(doc, '"team": "contact-center"'), '"team": "contact-center",');
    });
    await diagnosticsWhen(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'SCH-2') && ds.some((d) => codeOf(d) === 'json-trailing-comma'),
      'SCH-2 and the trailing comma',
    );
    const result = await execute('cpworkflow.fixAll');
    assert.strictEqual(doc.getText(), original, 'both fixed');
    // it says what it applied and what it could not
    assert.deepStrictEqual([...result.fixed].sort(), ['SCH-2', 'json-trailing-comma']);
    assert.match(result.shown, /^Fixed 2 problems \((SCH-2, json-trailing-comma|json-trailing-comma, SCH-2)\)\./);
    await diagnosticsWhen(
      doc.uri,
      (ds) => !ds.some((d) => codeOf(d) === 'SCH-2' || codeOf(d) === 'json-trailing-comma'),
      'both to clear',
    );
    await execute('undo');
    assert.match(doc.getText(), /"rate\(1 hour\)"[\s\S]*"contact-center",/, 'one Undo brings both back');
  });
});
