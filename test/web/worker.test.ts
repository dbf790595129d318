// The language server as a Web Worker (dist/web/server.js) in a real Chromium, spoken to over postMessage as
// vscode.dev's client does: the same diagnostics as the Node server on every example, completion at an operator,
// and a quick fix. Served from 127.0.0.1 by the test; the page may reach nothing else.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../support/root';
import { LspTestClient } from '../support/lspClient';
import { EXAMPLES, exampleFiles } from '../support/workflows';

const WORKER = join(ROOT, 'dist/web/server.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PAGE = `<!DOCTYPE html><meta charset="utf-8"><script>
  const worker = new Worker('/server.js');
  window.received = [];
  worker.onmessage = (e) => window.received.push(e.data);
  worker.onerror = (e) => window.received.push({ workerError: String(e.message) });
  window.send = (m) => worker.postMessage(m);
</script>`;

describe('the language server in a browser Web Worker (Chromium)', function () {
  this.timeout(60000);
  let http: Server;
  let browser: Browser;
  let page: Page;
  let url: string;
  let nextId = 1;

  before(async () => {
    http = createServer((req, res) => {
      if (req.url === '/server.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(readFileSync(WORKER));
      } else {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(PAGE);
      }
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(url)) outside.push(r.url());
    });
    await page.goto(url);
    await request('initialize', { processId: null, rootUri: null, capabilities: {} });
    await page.evaluate(() =>
      (globalThis as unknown as { send: (m: unknown) => void }).send({
        jsonrpc: '2.0',
        method: 'initialized',
        params: {},
      }),
    );
    assert.deepEqual(outside, []);
  });
  after(async () => {
    await browser?.close();
    await new Promise((r) => http?.close(r));
  });

  const received = () => page.evaluate(() => (globalThis as unknown as { received: unknown[] }).received);
  async function request<T>(method: string, params: unknown): Promise<T> {
    const id = nextId++;
    await page.evaluate((m) => (globalThis as unknown as { send: (m: unknown) => void }).send(m), {
      jsonrpc: '2.0',
      id,
      method,
      params,
    });
    await page.waitForFunction(
      (i) => (globalThis as unknown as { received: { id?: number }[] }).received.some((m) => m.id === i),
      id,
    );
    const m = (await received()).find((x) => (x as { id?: number }).id === id) as { result?: T; error?: unknown };
    assert.equal(m.error, undefined, JSON.stringify(m.error));
    return m.result as T;
  }
  const notify = (method: string, params: unknown) =>
    page.evaluate((m) => (globalThis as unknown as { send: (m: unknown) => void }).send(m), {
      jsonrpc: '2.0',
      method,
      params,
    });
  async function diagnosticsOf(uri: string, version: number): Promise<unknown[]> {
    await page.waitForFunction(
      ([u, v]) =>
        (
          globalThis as unknown as { received: { method?: string; params?: { uri: string; version?: number } }[] }
        ).received.some(
          (m) => m.method === 'textDocument/publishDiagnostics' && m.params!.uri === u && m.params!.version === v,
        ),
      [uri, version] as const,
    );
    const all = (await received()) as {
      method?: string;
      params?: { uri: string; version?: number; diagnostics: unknown[] };
    }[];
    return all
      .filter(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params!.uri === uri && m.params!.version === version,
      )
      .pop()!.params!.diagnostics;
  }

  it('publishes the same diagnostics as the Node server on every example (and on one with a mistake)', async () => {
    const node = new LspTestClient();
    try {
      await node.initialize();
      const files = exampleFiles().map((f) => ({ name: f, text: readFileSync(join(EXAMPLES, f), 'utf8') }));
      files.push({ name: 'mistake.cpworkflow.json', text: files[0].text.replace('"NO_OP"', '"NO_OPP"') });
      for (const { name, text } of files) {
        const uri = `file:///web/${name}`;
        await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cpworkflow', version: 1, text } });
        await node.open(uri, text);
        const [inBrowser, onNode] = await Promise.all([diagnosticsOf(uri, 1), node.diagnostics(uri, 1)]);
        assert.deepEqual(inBrowser, onNode.diagnostics, name);
        if (name === 'mistake.cpworkflow.json') assert.ok(inBrowser.length > 0, 'the mistake is reported');
      }
    } finally {
      await node.shutdown();
    }
  });

  it('answers completion at an operator and a quick fix for the mistake', async () => {
    const text = readFileSync(join(EXAMPLES, 'salesforce-account.cpworkflow.json'), 'utf8').replace(
      '"NO_OP"',
      '"NO_OPP"',
    );
    const uri = 'file:///web/fix.cpworkflow.json';
    await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cpworkflow', version: 1, text } });
    const diagnostics = (await diagnosticsOf(uri, 1)) as {
      range: { start: { line: number; character: number } };
      code: string;
    }[];
    const wrong = diagnostics.find((d) => d.code === 'enum')!;
    assert.ok(wrong, JSON.stringify(diagnostics));
    const at = { line: wrong.range.start.line, character: wrong.range.start.character + 1 };
    const list = await request<{ items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: at,
    });
    assert.ok(
      list.items.some((i) => i.label === 'NO_OP'),
      JSON.stringify(list.items.map((i) => i.label)),
    );
    const actions = await request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: wrong.range,
      context: { diagnostics: [wrong] },
    });
    assert.ok(
      actions.some((a) => a.title === 'Change to "NO_OP"'),
      JSON.stringify(actions.map((a) => a.title)),
    );
  });
});
