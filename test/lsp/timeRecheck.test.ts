// Findings that compare with now (SCH-13: ScheduleStartTime in the past) are as of the moment they are shown: the
// server checks a document with schedule times again every TIME_RECHECK_MS, without an edit. Fake clocks for both
// the server's timers and the rules' "now".
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { startServer, TIME_RECHECK_MS } from '../../server/src/lsp/server';
import { FakeClock } from '../support/fakeClock';
import { ROOT } from '../support/root';

interface Published {
  uri: string;
  diagnostics: { code: string; message: string }[];
}

const settle = async (done: () => boolean) => {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(done(), 'the server answered');
};

describe('time-relative findings over LSP', () => {
  it('a start time that passes while the file is open becomes SCH-13 without an edit, with the current time', async () => {
    const clock = new FakeClock();
    let now = Date.parse('2026-12-01T14:00:00Z');
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverSide = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverSide, { clock, engine: { now: () => new Date(now) } });
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    const published: Published[] = [];
    client.onNotification('textDocument/publishDiagnostics', (p: Published) => published.push(p));
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await client.sendNotification('initialized', {});
      const text = readFileSync(join(ROOT, 'examples/salesforce-account.cpworkflow.json'), 'utf8').replace(
        '"ScheduleStartTime": "2027-06-01T00:00:00Z"',
        '"ScheduleStartTime": "2026-12-01T14:00:30Z"',
      );
      const uri = 'file:///soon.cpworkflow.json';
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'cpworkflow', version: 1, text },
      });
      await settle(() => clock.pending > 0);
      clock.advance(0);
      await settle(() => published.length === 1);
      const sch13 = (p: Published) => p.diagnostics.filter((d) => d.code === 'SCH-13');
      assert.deepEqual(sch13(published[0]), [], 'the start is 30 s ahead');

      now += 90_000; // 14:01:30Z: the start has passed, and nobody typed
      clock.advance(TIME_RECHECK_MS);
      await settle(() => published.length === 2);
      const [finding] = sch13(published[1]);
      assert.ok(finding, 'checked again: SCH-13');
      assert.match(finding.message, /\(now is 2026-12-01T14:01:30Z\)/, 'as of the moment it is shown');

      await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await settle(() => published.length === 3);
      assert.equal(clock.pending, 0, 'a closed document is not checked again');
    } finally {
      client.dispose();
      serverSide.dispose();
    }
  });
});
