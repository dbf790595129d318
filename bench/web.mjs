// The browser rows of the benchmark: the extension's web bundles (dist/web/extension.js, dist/web/server.js) and the
// time from opening a file to its first diagnostics with the language server in a Chromium Web Worker (as vscode.dev
// runs it), over postMessage: a fresh worker per run (cold: the worker's start included), then opens in a warm one.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { median } from './stats.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PAGE = `<!DOCTYPE html><meta charset="utf-8"><script>
  window.open = (text, uri) => new Promise((resolve) => {
    const t0 = performance.now();
    const worker = window.worker || (window.worker = new Worker('/server.js'));
    const onMessage = (e) => {
      if (e.data.method === 'textDocument/publishDiagnostics' && e.data.params.uri === uri) {
        worker.removeEventListener('message', onMessage);
        resolve(performance.now() - t0);
      }
    };
    worker.addEventListener('message', onMessage);
    if (!window.initialized) {
      worker.postMessage({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
      window.initialized = true;
    }
    worker.postMessage({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'cpworkflow', version: 1, text } } });
  });
</script>`;

/** Sizes of dist/web/*.js (raw and gzip) and open → first diagnostics in a Chromium worker, cold and warm (ms). */
export async function measureWeb(root, dist, text, runs) {
  const size = (name) => {
    const file = join(root, 'dist/web', name);
    const bytes = readFileSync(file);
    return { bytes: statSync(file).size, gzip: gzipSync(bytes).length };
  };
  const sizes = { extension: size('extension.js'), server: size('server.js') };
  const worker = readFileSync(join(root, 'dist/web/server.js'));
  const http = createServer((req, res) => {
    res.writeHead(200, { 'content-type': req.url === '/server.js' ? 'text/javascript' : 'text/html' });
    res.end(req.url === '/server.js' ? worker : PAGE);
  });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${http.address().port}/`;
  const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const cold = [];
  const warm = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.goto(url);
      cold.push(
        await page.evaluate(([t, u]) => globalThis.open(t, u), [text, `file:///bench/web-${run}.cpworkflow.json`]),
      );
      warm.push(
        await page.evaluate(([t, u]) => globalThis.open(t, u), [text, `file:///bench/web-${run}-b.cpworkflow.json`]),
      );
      await page.close();
    }
  } finally {
    await browser.close();
    http.close();
  }
  return { sizes, coldMs: median(cold), warmMs: median(warm) };
}
