// The account in the language server (dist/server.js over stdio, as any editor runs it): off by default and then
// never loading the SDK; turned on by initializationOptions, it publishes the offline diagnostics at once and the
// account-aware ones when the facts arrive; completion answers from the cache; a notification turns it off.
import * as assert from 'node:assert/strict';
import { CodeAction, CompletionList } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
    // settled: the server says, after the messages before, that the account is off: no account library loaded, no
    // request pending or scheduled, so none can reach the account later
    assert.deepEqual(await client.request('cpworkflow/getAccountStatus', null), { state: 'off' });
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
    const complete = async () =>
      (
        await client!.request<CompletionList>('textDocument/completion', {
          textDocument: { uri },
          position: { line: lines.length - 1, character: lines[lines.length - 1].length },
        })
      ).items.map((i) => i.label);
    // the object's fields are asked once the connection lists the object: they may arrive after ACC-10 (each arrival
    // re-validates, so the next publish says they are in)
    const hasFields = (ls: string[]) =>
      choice.entity.fields.every((f) => ls.includes(`"${f.identifier}"`) || ls.includes(f.identifier));
    let labels = await complete();
    while (!hasFields(labels)) {
      await client.diagnostics(uri);
      labels = await complete();
    }
    for (const f of choice.entity.fields)
      assert.ok(labels.includes(`"${f.identifier}"`) || labels.includes(f.identifier), f.identifier);

    // turned off by the client: the account findings go at the next validation
    await client.connection.sendNotification('cpworkflow/accountSettings', { enabled: false });
    do published = await client.diagnostics(uri);
    while (published.diagnostics.some((d) => String(d.code).startsWith('ACC-')));
  });

  it('source.fixAll applies the account fixes too: the Map task an ACC-10 finding asks for', async () => {
    client = new LspTestClient();
    await client.initialize({ account: { enabled: true, ...fx.connection } });
    const { json, dropped } = droppingKey();
    // out of the projection too: then only the account knows the field is wanted (no offline PAT-6 fix adds it)
    const projection = flowOf(json).Tasks[0];
    projection.SourceFields = projection.SourceFields.filter((f) => f !== dropped);
    const uri = 'file:///fix-all.cpworkflow.json';
    const text = JSON.stringify(json, null, 2);
    await client.open(uri, text);
    let published = await client.diagnostics(uri);
    while (!published.diagnostics.some((d) => d.code === 'ACC-10')) published = await client.diagnostics(uri);

    // as the editor asks on save or from "Fix All Problems": by kind, over the whole file
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const all = actions.find((a) => a.kind === 'source.fixAll');
    assert.ok(all?.edit?.changes?.[uri], 'a fix-all with an edit');
    assert.ok(
      all.diagnostics?.some((d) => d.code === 'ACC-10'),
      'the fix-all names the ACC-10 finding it fixes',
    );
    const fixed = JSON.parse(
      TextDocument.applyEdits(TextDocument.create(uri, 'cpworkflow', 1, text), all.edit.changes[uri]),
    );
    const maps = flowOf(fixed).Tasks.filter((t) => t.TaskType === 'Map' && t.DestinationField === dropped);
    assert.equal(maps.length, 1, `one Map task writes "${dropped}"`);
    assert.deepEqual(maps[0].SourceFields, [dropped]);
    assert.ok(flowOf(fixed).Tasks[0].SourceFields.includes(dropped), 'and projects it');
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
