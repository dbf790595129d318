// The language server as a separate process over stdio: open, receive diagnostics, edit, receive the new
// ones (for that version), close. Any LSP client sees this.
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LspTestClient } from '../support/lspClient';
import { readExample } from '../support/workflows';

describe('language server over stdio: diagnostics', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  it('announces incremental sync and its name', async () => {
    const c = new LspTestClient();
    try {
      const init = (await c.initialize()) as {
        capabilities: { textDocumentSync: number };
        serverInfo: { name: string };
      };
      assert.equal(init.capabilities.textDocumentSync, 2);
      assert.equal(init.serverInfo.name, 'cpworkflow-language-server');
    } finally {
      await c.shutdown();
    }
  });

  it('publishes diagnostics on open, updates them on edit, clears them on close', async () => {
    const uri = 'file:///ws/flow.cpworkflow.json';
    const text = readExample('marketo-lead.cpworkflow.json');
    await client.open(uri, text);
    const first = await client.diagnostics(uri, 1);
    assert.deepEqual(
      first.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error),
      [],
    );

    // type a bad WorkflowType: "APPFLOW_INTEGRATION" → "APPFLOW_INTEGRATIO"
    const line = text.split('\n').findIndex((l) => l.includes('APPFLOW_INTEGRATION'));
    const col = text.split('\n')[line].indexOf('APPFLOW_INTEGRATION') + 'APPFLOW_INTEGRATIO'.length;
    await client.change(uri, 2, [
      { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' },
    ]);
    const second = await client.diagnostics(uri, 2);
    const enumError = second.diagnostics.find((d) => d.code === 'enum');
    assert.ok(enumError, JSON.stringify(second.diagnostics));
    assert.equal(enumError.source, 'cpworkflow');
    assert.equal(enumError.range.start.line, line);

    await client.close(uri);
    const cleared = await client.diagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('publishes only for the latest version when edits arrive faster than validation', async () => {
    const uri = 'file:///ws/fast.cpworkflow.json';
    await client.open(uri, '{}');
    await client.diagnostics(uri, 1);
    for (let v = 2; v <= 6; v++)
      await client.change(uri, v, [{ text: v < 6 ? `{"DomainName": ${v}}` : '{"DomainName": "ok"}' }]);
    const last = await client.diagnostics(uri, 6);
    assert.ok(!last.diagnostics.some((d) => d.code === 'type'), 'no diagnostic from an older version');
    // one more edit and its diagnostics: the server answers in order, so a publish for v3 would have come before v7
    await client.change(uri, 7, [{ text: '{"DomainName": "ok2"}' }]);
    await client.diagnostics(uri, 7);
    await assert.rejects(client.diagnostics(uri, 3, 50), 'nothing was published for a stale version');
  });

  it('checks a .cpworkflow.json file that another editor opens as "json"', async () => {
    const uri = 'file:///ws/nvim.cpworkflow.json';
    await client.open(uri, '{ "DomainName": "x", }', 'json');
    const p = await client.diagnostics(uri, 1);
    assert.ok(p.diagnostics.some((d) => d.code === 'json-trailing-comma'));
  });

  it('leaves other JSON files alone', async () => {
    await client.open('file:///ws/package.json', '{ "name": 1, }', 'json');
    await client.open('file:///ws/after.cpworkflow.json', '{}');
    const p = await client.diagnostics('file:///ws/after.cpworkflow.json', 1);
    assert.ok(p.diagnostics.length > 0);
    await assert.rejects(client.diagnostics('file:///ws/package.json', undefined, 200));
  });

  it('keeps running after binary garbage and a 2 MB document', async () => {
    const uri = 'file:///ws/garbage.cpworkflow.json';
    await client.open(uri, '\u0000\u0001\u0002{{{]]]"\\u12', 'cpworkflow');
    assert.ok((await client.diagnostics(uri, 1)).diagnostics.length > 0);
    const big = JSON.parse(readExample('s3-customers.cpworkflow.json'));
    const tasks = big.IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks;
    for (let i = 0; i < 8000; i++)
      tasks.push({
        TaskType: 'Map',
        ConnectorOperator: { S3: 'NO_OP' },
        SourceFields: [`F${i}`],
        DestinationField: `F${i}`,
        TaskProperties: {},
      });
    await client.open('file:///ws/big.cpworkflow.json', JSON.stringify(big, null, 2));
    await client.diagnostics('file:///ws/big.cpworkflow.json', 1, 20000);
    assert.equal(client.child.exitCode, null, 'server still running');
  });
});
