'use strict';
const assert = require('assert');
const { openTestFile, rangeOf, execute } = require('./helpers');

const hoverText = (hovers) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');

suite('hover', () => {
  test("hovering a property shows the model's documentation with the API reference link", async () => {
    const { doc } = await openTestFile('examples/salesforce-account.cpworkflow.json');
    const hovers = await execute(
      'vscode.executeHoverProvider',
      doc.uri,
      rangeOf(doc, '"ConnectorType"').start.translate(0, 2),
    );
    const text = hoverText(hovers);
    assert.match(text, /ConnectorType/);
    assert.match(text, /https:\/\/docs\.aws\.amazon\.com\//);
  });

  test('hovering an operator says which connectors allow it', async () => {
    const { doc } = await openTestFile('zendesk-operators.cpworkflow.json');
    const hovers = await execute(
      'vscode.executeHoverProvider',
      doc.uri,
      rangeOf(doc, '"LESS_THAN"').start.translate(0, 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /LESS_THAN/);
    assert.match(text, /Salesforce/);
  });
});
