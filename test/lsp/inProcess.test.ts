// startServer in-process over a pair of streams: the same server as dist/server.js, without a child process.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { startServer } from '../../server/src/lsp/server';
import { version } from '../../package.json';

describe('startServer in-process', () => {
  it('answers initialize with the package version and publishes diagnostics for a broken file', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverSide = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverSide);
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    try {
      const init = (await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as {
        serverInfo: { name: string; version: string };
      };
      assert.equal(init.serverInfo.version, version);
      await client.sendNotification('initialized', {});
      const published = new Promise<{ diagnostics: { code: string }[] }>((resolve) =>
        client.onNotification('textDocument/publishDiagnostics', resolve),
      );
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'file:///x.cpworkflow.json', languageId: 'json', version: 1, text: '{"DomainName": 1}' },
      });
      const { diagnostics } = await published;
      assert.ok(diagnostics.length > 0, 'a broken file gets diagnostics');
    } finally {
      client.dispose();
      serverSide.dispose();
    }
  });
});
