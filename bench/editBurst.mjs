// The edit burst: 10,000 one-character didChanges sent as fast as the pipe takes them on a ~3.7 MB workflow, then
// the time until the diagnostics of the last version arrive and the server's peak RSS. A server that does work
// per change (rather than per check) falls behind here. `node bench/editBurst.mjs [dist] [changes] [fields]`
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOurs } from './servers.mjs';
import { workflowText, landmarks } from './workflows.mjs';
import { positionAt } from './stats.mjs';

/** Opens a big workflow, types `changes` characters into one value without waiting, times the settle. */
export async function measureEditBurst(dist, { changes = 10_000, fields = 8_500 } = {}) {
  const text = workflowText(fields);
  const { destinationEnd } = landmarks(text, fields);
  const { session } = await startOurs(dist);
  try {
    const uri = 'file:///bench/edit-burst.cpworkflow.json';
    await session.open(uri, text);
    // one keystroke after another at the same place: the position moves one character right each time
    const start = positionAt(text, destinationEnd);
    const t0 = performance.now();
    let version = 1;
    const published = session.lsp.next(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && p.version === 1 + changes,
      600_000,
    );
    for (let i = 0; i < changes; i++) {
      const at = { line: start.line, character: start.character + i };
      session.lsp.notify('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
      });
    }
    const { at } = await published;
    return { bytes: text.length, changes, settleMs: at - t0, peakRss: session.lsp.peakRss() };
  } finally {
    await session.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(import.meta.url), '../..');
  const [dist = join(root, 'dist'), changes = '10000', fields = '8500'] = process.argv.slice(2);
  const r = await measureEditBurst(dist, { changes: Number(changes), fields: Number(fields) });
  console.log(
    `${(r.bytes / 1e6).toFixed(1)} MB, ${r.changes} changes: settled in ${(r.settleMs / 1000).toFixed(1)} s, peak RSS ${(r.peakRss / 1024 / 1024).toFixed(0)} MB`,
  );
}
