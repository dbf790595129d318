// startServer in-process over a pair of streams: the same server as dist/server.js, without a child process.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { FakeClock } from '../support/fakeClock';
import { startServer, TIME_RECHECK_MS } from '../../server/src/lsp/server';
import { nodeFiles } from '../../server/src/lsp/nodeFiles';
import { version } from '../../package.json';
import { readExample } from '../support/workflows';

/** The server on one end of a pair of streams, a client on the other. */
function startInProcess() {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverSide = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  // the Node server's files (the saved file's BOM, the config files), as dist/server.js passes them
  startServer(serverSide, { files: nodeFiles });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.listen();
  return { client, serverSide };
}

describe('startServer in-process', () => {
  it('answers initialize with the package version and publishes diagnostics for a broken file', async () => {
    const { client, serverSide } = startInProcess();
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

  it('reports a byte-order mark the editor hides: the saved file has one, the text it sends does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpw-bom-'));
    const { client, serverSide } = startInProcess();
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await client.sendNotification('initialized', {});
      const text = readExample('marketo-lead.cpworkflow.json');
      const bomCodes = async (name: string, bytes: Buffer) => {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        const uri = pathToFileURL(file).href;
        const published = new Promise<{ diagnostics: { code: string; range: unknown; data?: unknown }[] }>((resolve) =>
          client.onNotification('textDocument/publishDiagnostics', (p) => {
            if (p.uri === uri) resolve(p);
          }),
        );
        // as VS Code sends it: the text without the BOM
        await client.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'cpworkflow', version: 1, text },
        });
        return (await published).diagnostics.filter((d) => d.code === 'json-bom');
      };
      const hidden = await bomCodes(
        'bom.cpworkflow.json',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      );
      assert.equal(hidden.length, 1);
      assert.deepEqual(hidden[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.deepEqual(await bomCodes('plain.cpworkflow.json', Buffer.from(text)), []);
      // saved again with a BOM (Save with Encoding): the save is when the server looks at the file again
      const plain = join(dir, 'plain.cpworkflow.json');
      const plainUri = pathToFileURL(plain).href;
      const republished = new Promise<{ diagnostics: { code: string }[] }>((resolve) =>
        client.onNotification('textDocument/publishDiagnostics', (p) => {
          if (p.uri === plainUri) resolve(p);
        }),
      );
      writeFileSync(plain, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
      await client.sendNotification('textDocument/didSave', { textDocument: { uri: plainUri } });
      assert.equal((await republished).diagnostics.filter((d) => d.code === 'json-bom').length, 1);
      // the example holds schedule times: shutdown stops their 60 s re-check, which would otherwise fire into a
      // disposed connection during a later suite
      await client.sendRequest('shutdown');
    } finally {
      client.dispose();
      serverSide.dispose();
      rmSync(dir, { recursive: true, force: true });
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

describe('startServer in-process: a client that goes without a shutdown', () => {
  it('stops its timers instead of publishing into the closed connection', async () => {
    // the server's timers on a fake clock: the test runs every timer there is, instead of waiting for them
    const clock = new FakeClock();
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverSide = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverSide, { clock });
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    const thrown: unknown[] = [];
    const onUncaught = (e: unknown) => thrown.push(e);
    const mochaHandlers = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onUncaught);
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await client.sendNotification('initialized', {});
      const first = new Promise((resolve) => client.onNotification('textDocument/publishDiagnostics', resolve));
      const uri = 'file:///gone.cpworkflow.json';
      // schedule times: the server also keeps a re-check timer for this file (TIME_RECHECK_MS)
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'json', version: 1, text: '{"ScheduleStartTime": 1}' },
      });
      // a request answered means every notification sent before it was handled (JSON-RPC keeps the order)
      await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      clock.advance(0);
      await first;
      // a change right after a check is due at the end of the throttle interval: the client's end goes before that
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: '{"DomainName": 1, "ScheduleStartTime": 1}' }],
      });
      await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(clock.pending > 0, 'a check and a re-check are due');
      serverSide.dispose();
      client.dispose();
      // every timer the server had comes due now; none may publish into the closed connection, nor set another
      clock.advance(TIME_RECHECK_MS * 2);
      await tick();
      assert.deepEqual(thrown.map(String), []);
      assert.equal(clock.pending, 0, 'no timer left running');
    } finally {
      process.removeListener('uncaughtException', onUncaught);
      for (const h of mochaHandlers) process.on('uncaughtException', h);
    }
  });
});
