'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, openTestFile, until } = require('./helpers');

suite('activation', () => {
  test('the extension waits until a .cpworkflow.json is opened, then starts its language server', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded as the development extension`);
    assert.strictEqual(extension.isActive, false, 'not active before any workflow file is open');

    const { doc } = await openTestFile('examples/zendesk-ticket.cpworkflow.json');
    assert.strictEqual(doc.languageId, 'cpworkflow');
    await until(() => extension.isActive, 'the extension to activate');
    const api = await extension.activate();
    await until(() => api.client.isRunning(), 'the language client to run');
  });
});
