'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { openTestFile, rangeOf, execute } = require('./helpers');

/** Labels of the language server's items (snippets and words left out), without JSON quotes. */
async function operatorLabelsAt(doc, position) {
  const list = await execute('vscode.executeCompletionItemProvider', doc.uri, position);
  return list.items
    .filter((item) => item.kind !== vscode.CompletionItemKind.Snippet)
    .map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/^"|"$/g, ''))
    .sort();
}

suite('completion', () => {
  // reverted also when an assertion fails, so the next suites see the file as it is on disk
  teardown(() => execute('workbench.action.files.revert'));
  test("a Filter task's operator offers only what the connector allows for filters", async () => {
    // inside the quotes of "LESS_THAN", a Filter task on a Zendesk source
    const { doc } = await openTestFile('zendesk-operators.cpworkflow.json');
    const zendesk = await operatorLabelsAt(doc, rangeOf(doc, '"LESS_THAN"').start.translate(0, 1));
    assert.deepStrictEqual(
      zendesk,
      ['GREATER_THAN', 'PROJECTION'],
      'Zendesk filters: projection and GREATER_THAN only',
    );

    // the same place in a Salesforce file offers Salesforce's comparison operators
    const { doc: sf } = await openTestFile('examples/salesforce-account.cpworkflow.json');
    const salesforce = await operatorLabelsAt(sf, rangeOf(sf, '"Salesforce": "PROJECTION"').end.translate(0, -1));
    for (const op of ['LESS_THAN', 'EQUAL_TO', 'CONTAINS', 'BETWEEN'])
      assert.ok(salesforce.includes(op), `${op} in ${salesforce}`);
    assert.ok(!salesforce.includes('NO_OP'), 'NO_OP is not a filter operator');
  });

  test('choosing an operator replaces the whole value', async () => {
    const { doc, editor } = await openTestFile('zendesk-operators.cpworkflow.json');
    const value = rangeOf(doc, '"LESS_THAN"');
    const list = await execute('vscode.executeCompletionItemProvider', doc.uri, value.start.translate(0, 1));
    const item = list.items.find((i) =>
      (typeof i.label === 'string' ? i.label : i.label.label).includes('GREATER_THAN'),
    );
    assert.ok(item, 'GREATER_THAN offered');
    const range = item.range && ('replacing' in item.range ? item.range.replacing : item.range);
    const text = typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? item.label);
    await editor.edit((b) => b.replace(range, text));
    assert.match(doc.lineAt(value.start.line).text, /"Zendesk": "GREATER_THAN" \}/);
  });
});
