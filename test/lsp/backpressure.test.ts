// A client that stops reading (editors do hang): the server keeps only the latest diagnostics of each document
// until its output drains, instead of queueing every publish in memory; once the client reads again it gets the
// latest, not the backlog.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LspTestClient } from '../support/lspClient';
import { readExample } from '../support/workflows';

/** A file with `n` tasks of an unknown TaskType: one error each, about 1 MB of diagnostics at 3,000. */
function manyFindings(n: number, flowName: string): string {
  const w = JSON.parse(readExample('salesforce-account.cpworkflow.json'));
  const flow = w.IntegrationConfig.AppflowIntegration.FlowDefinition;
  flow.FlowName = flowName;
  for (let i = 0; i < n; i++)
    flow.Tasks.push({ TaskType: 'Mapp', ConnectorOperator: { Salesforce: 'NO_OP' }, SourceFields: ['Id'] });
  return JSON.stringify(w, null, 2);
}
const rssKb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
/** A typist's pace between edits (not a wait for something to not happen). */
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a client that stops reading', function () {
  this.timeout(60000);
  let client: LspTestClient | undefined;
  afterEach(async () => client?.shutdown());

  it('gets the latest diagnostics when it reads again, not every publish it missed', async () => {
    client = new LspTestClient();
    await client.initialize();
    const uri = 'file:///backlog.cpworkflow.json';
    await client.open(uri, manyFindings(3000, 'flow-1'));
    const first = await client.diagnostics(uri, 1, 30000);
    const size = JSON.stringify(first).length;
    assert.ok(first.diagnostics.length >= 3000 && size > 500_000, `${size} bytes per publish`);
    // the client hangs: it reads nothing more
    client.child.stdout!.pause();
    const edits = 25;
    for (let v = 2; v <= edits + 1; v++) {
      await client.change(uri, v, [{ text: manyFindings(3000, `flow-${v}`) }]);
      await pause(250);
    }
    const peak = rssKb(client.child.pid!);
    client.child.stdout!.resume();
    const last = await client.diagnostics(uri, edits + 1, 30000);
    assert.ok(last.diagnostics.length >= 3000);
    const missed = client.unread(uri);
    console.log(
      `      ${edits} edits while the client did not read: ${missed} older publishes delivered, server peak RSS ${Math.round(peak / 1024)} MB`,
    );
    assert.ok(missed <= 3, `${missed} stale publishes queued for a client that did not read`);
  });
});
