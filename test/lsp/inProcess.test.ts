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

describe('startServer in-process: an engine failure', () => {
  it('replaces the stale diagnostics with one that says the file was not checked', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverSide = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    let fail = false;
    // the rules' clock is the engine's one seam a test can make throw
    startServer(serverSide, {
      engine: {
        now: () => {
          if (fail) throw new Error('boom');
          return new Date('2026-11-28T12:00:00Z');
        },
      },
    });
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await client.sendNotification('initialized', {});
      const next = () =>
        new Promise<{ version: number; diagnostics: { code: string; message: string }[] }>((resolve) => {
          const d = client.onNotification('textDocument/publishDiagnostics', (p) => {
            d.dispose();
            resolve(p);
          });
        });
      const uri = 'file:///y.cpworkflow.json';
      let published = next();
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'json', version: 1, text: '{"DomainName": 1}' },
      });
      assert.ok((await published).diagnostics.some((d) => d.code === 'type'));
      fail = true;
      published = next();
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: '{"DomainName": 2}' }],
      });
      const after = await published;
      assert.equal(after.version, 2);
      assert.deepEqual(
        after.diagnostics.map((d) => d.code),
        ['internal-error'],
      );
      assert.match(after.diagnostics[0].message, /could not check this file \(internal error: boom\)/);
    } finally {
      client.dispose();
      serverSide.dispose();
    }
  });
});
