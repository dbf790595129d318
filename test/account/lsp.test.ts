// The account in the language server (dist/server.js over stdio, as any editor runs it): off by default and then
// never loading the SDK; turned on by initializationOptions, it publishes the offline diagnostics at once and the
// account-aware ones when the facts arrive; completion answers from the cache; a notification turns it off.
import * as assert from 'node:assert/strict';
import { CompletionList } from 'vscode-languageserver-types';
import { LspTestClient } from '../support/lspClient';
import { chooseFrom, cleanWorkflow, flowOf, startAccount, type AccountFixture } from './support';

describe('account in the language server (stdio)', function () {
  this.timeout(30000);
  let fx: AccountFixture;
  let client: LspTestClient | undefined;

  before(async () => {
    fx = await startAccount('lsp');
  });
  after(async () => {
    await fx?.stop();
  });
  afterEach(async () => {
    await client?.shutdown();
    client = undefined;
  });

  /** A file whose mapping drops the object type's key source. */
  function droppingKey() {
    const choice = chooseFrom(fx.account);
    const json = cleanWorkflow(fx.account, choice);
    const dropped = choice.keySources[0];
    flowOf(json).Tasks = flowOf(json).Tasks.filter((t) => t.DestinationField !== dropped);
    return { json, dropped, choice };
  }

  it('off by default: offline diagnostics only, and no request reaches the account', async () => {
    fx.endpoint.requests.length = 0;
    client = new LspTestClient();
    await client.initialize();
    const { json } = droppingKey();
    await client.open('file:///off.cpworkflow.json', JSON.stringify(json, null, 2));
    const published = await client.diagnostics('file:///off.cpworkflow.json');
    assert.ok(!published.diagnostics.some((d) => String(d.code).startsWith('ACC-')));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(fx.endpoint.requests.length, 0);
  });

  it('on: offline diagnostics first, then ACC-10 when the facts arrive; completion lists the fields', async () => {
    fx.endpoint.requests.length = 0;
    client = new LspTestClient();
    await client.initialize({ account: { enabled: true, ...fx.connection } });
    const { json, dropped, choice } = droppingKey();
    const uri = 'file:///on.cpworkflow.json';
    const opened = Date.now();
    await client.open(uri, JSON.stringify(json, null, 2));
    let published = await client.diagnostics(uri);
    const first = Date.now() - opened;
    while (!published.diagnostics.some((d) => d.code === 'ACC-10')) published = await client.diagnostics(uri);
    const withAccount = Date.now() - opened;
    const finding = published.diagnostics.find((d) => d.code === 'ACC-10')!;
    assert.equal((finding.data as { field: string }).field, dropped);
    console.log(`      first diagnostics ${first} ms, account-aware ${withAccount} ms after open`);
    assert.ok(fx.endpoint.requests.length > 0);

    const text = JSON.stringify(json, null, 2);
    const at = text.indexOf('"SourceFields": [') + '"SourceFields": ['.length;
    const lines = text.slice(0, at).split('\n');
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: lines.length - 1, character: lines[lines.length - 1].length },
    });
    const labels = list.items.map((i) => i.label);
    for (const f of choice.entity.fields)
      assert.ok(labels.includes(`"${f.identifier}"`) || labels.includes(f.identifier), f.identifier);

    // turned off by the client: the account findings go at the next validation
    await client.connection.sendNotification('cpworkflow/accountSettings', { enabled: false });
    do published = await client.diagnostics(uri);
    while (published.diagnostics.some((d) => String(d.code).startsWith('ACC-')));
  });

  it('an account that denies access: one ACC-0 information item, the offline diagnostics stay', async () => {
    fx.endpoint.injectFault({ type: 'accessDenied', times: 100 });
    try {
      client = new LspTestClient();
      await client.initialize({ account: { enabled: true, ...fx.connection } });
      const uri = 'file:///denied.cpworkflow.json';
      const json = cleanWorkflow(fx.account) as Record<string, unknown>;
      json.WorkflowType = 'NOPE';
      await client.open(uri, JSON.stringify(json, null, 2));
      let published = await client.diagnostics(uri);
      while (!published.diagnostics.some((d) => d.code === 'ACC-0')) published = await client.diagnostics(uri);
      const info = published.diagnostics.filter((d) => d.code === 'ACC-0');
      assert.equal(info.length, 1);
      assert.equal(info[0].severity, 3);
      assert.match(info[0].message, /access denied/);
      assert.ok(
        published.diagnostics.some((d) => d.code === 'enum'),
        'the offline finding is still there',
      );
    } finally {
      fx.endpoint.clearFaults();
    }
  });
});
