// The preview webview's page: static HTML, CSS and one nonce'd script, under a Content-Security-Policy that allows
// nothing remote (no CDN, no font, no image). The script draws what the extension posts (the mapping model, the dry
// run, the next runs) with DOM text nodes only: names from the file or the account are never HTML. No vscode import:
// tests read the page as text.

/** The page; `cspSource` is the webview's own origin, `nonce` a fresh random value per page. */
export function previewHtml(cspSource: string, nonce: string): string {
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    "connect-src 'none'",
    "font-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Workflow preview</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header><h1 id="title">Workflow preview</h1><p id="subtitle"></p></header>
<main>
<section aria-labelledby="map-heading">
<h2 id="map-heading">What the flow reads, does and writes</h2>
<div class="columns" id="columns" role="group" aria-label="The mapping, left to right"></div>
<p class="legend"><span class="box lost">dashed</span> projected but never mapped, or read by the object type but never
written · <span class="box key">bold</span> a key the profile is matched by · select a task to go to it</p>
</section>
<section aria-labelledby="run-heading">
<h2 id="run-heading">Dry run</h2>
<p><button id="pick" type="button">Run Sample Records…</button> <span id="run-status" role="status"></span></p>
<details><summary>Or paste records</summary>
<textarea id="paste" rows="6" spellcheck="false"
  aria-label="Sample records: a JSON array, JSON Lines, or CSV with a header row"></textarea>
<p><button id="run-paste" type="button">Run Pasted Records</button></p>
</details>
<div id="records"></div>
</section>
<section aria-labelledby="runs-heading">
<h2 id="runs-heading">Next runs</h2>
<ol id="runs"></ol>
<p id="runs-notes" class="note"></p>
</section>
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.3em; margin: 12px 0 2px; } h2 { font-size: 1.1em; margin: 18px 0 6px; }
#subtitle, .note, .legend { color: var(--vscode-descriptionForeground); }
.columns { display: grid; grid-template-columns: repeat(4, minmax(120px, 1fr)); gap: 10px; align-items: start; }
.column h3 { font-size: 0.95em; margin: 0 0 6px; color: var(--vscode-descriptionForeground); }
.box { display: block; width: 100%; text-align: left; margin: 0 0 4px; padding: 3px 6px; box-sizing: border-box;
  font: inherit; color: inherit; background: var(--vscode-editorWidget-background);
  border: 1px solid var(--vscode-editorWidget-border, var(--vscode-contrastBorder, #888)); border-radius: 3px;
  overflow-wrap: anywhere; }
span.box { display: inline; padding: 0 4px; }
button.box { cursor: pointer; }
button.box:focus-visible, button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.box.lost { border-style: dashed; border-color: var(--vscode-editorWarning-foreground, #d73a49); }
.box.key { border-width: 2px; font-weight: 600; }
.box.muted { opacity: 0.65; }
.box small { display: block; color: var(--vscode-descriptionForeground); }
textarea { width: 100%; box-sizing: border-box; font-family: var(--vscode-editor-font-family); color: inherit;
  background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, #8888); }
button#run-paste, button#pick { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background);
  border: none; padding: 4px 10px; cursor: pointer; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; vertical-align: top; padding: 3px 6px;
  border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); overflow-wrap: anywhere; }
.dropped { color: var(--vscode-errorForeground); } .kept { color: var(--vscode-testing-iconPassed, inherit); }
`;

// Runs in the webview. Every string it shows goes through textContent.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const select = (task) => vscode.postMessage({ type: 'select', task });
  function box(text, detail, cls, task, label) {
    const b = el(task === undefined ? 'div' : 'button', 'box ' + (cls || ''), text);
    if (task !== undefined) { b.type = 'button'; b.addEventListener('click', () => select(task)); }
    if (detail) b.appendChild(el('small', '', detail));
    b.setAttribute('aria-label', label || (text + (detail ? ', ' + detail : '')));
    return b;
  }
  function column(title) { const c = el('div', 'column'); c.setAttribute('role', 'group'); c.setAttribute('aria-label', title); c.appendChild(el('h3', '', title)); return c; }
  function drawModel(m) {
    $('title').textContent = 'Workflow preview: ' + [m.connector, m.object].filter(Boolean).join(' ');
    $('subtitle').textContent = m.objectTypeName ? 'into object type ' + m.objectTypeName + (m.objectType ? '' : ' (its fields are known with Check against AWS on)') : '';
    const cols = $('columns'); cols.replaceChildren();
    const src = column('Source fields');
    for (const f of m.fields) src.appendChild(box(f.name, !f.projected ? 'not projected' : !f.mapped ? 'projected, never mapped' : '', !f.projected ? 'muted' : !f.mapped ? 'lost' : '', f.task,
      f.name + (!f.projected ? ', not projected' : !f.mapped ? ', projected but never mapped' : '')));
    const tasks = column('Tasks');
    for (const t of m.tasks) tasks.appendChild(box('Tasks[' + t.index + '] ' + t.taskType + ' ' + t.operator,
      t.sourceFields.join(', ') + (t.destinationField ? ' → ' + t.destinationField : ''), '', t.index));
    const dest = column('Destination fields');
    for (const d of m.destinations) dest.appendChild(box(d.name, 'from ' + d.from + (d.read === false ? ' · the object type does not read it' : ''), d.read === false ? 'lost' : '', d.task));
    const ot = column('Object type' + (m.objectTypeName ? ' ' + m.objectTypeName : ''));
    if (!m.objectType) ot.appendChild(el('p', 'note', 'Not known offline: turn on Check against AWS to see its fields and keys.'));
    else for (const o of m.objectType) ot.appendChild(box((o.target || o.name) + (o.keys.length ? ' 🔑' : ''),
      o.source + (o.keys.length ? ' · key ' + o.keys.join(', ') : '') + (o.written ? '' : ' · no Map writes it'),
      (o.keys.length ? 'key ' : '') + (o.written ? '' : 'lost'), o.task));
    cols.append(src, tasks, dest, ot);
  }
  function drawSimulation(s) {
    const host = $('records'); host.replaceChildren();
    if (!s) return;
    const kept = s.records.filter((r) => r.kept).length;
    $('run-status').textContent = kept + ' of ' + s.records.length + ' records kept';
    const table = el('table'); const head = el('tr');
    for (const h of ['#', 'Result', 'Object', 'Profile keys', 'Problems']) head.appendChild(el('th', '', h));
    table.appendChild(head);
    for (const r of s.records) {
      const row = el('tr');
      row.appendChild(el('td', '', String(r.index)));
      const res = el('td', r.kept ? 'kept' : 'dropped', r.kept ? 'kept' : 'dropped by Tasks[' + r.droppedBy.task + ']: ' + r.droppedBy.reason);
      if (!r.kept) { res.tabIndex = 0; res.addEventListener('click', () => select(r.droppedBy.task)); }
      row.appendChild(res);
      row.appendChild(el('td', '', r.object ? JSON.stringify(r.object) : ''));
      row.appendChild(el('td', '', r.profile ? JSON.stringify(r.profile.keys) : ''));
      row.appendChild(el('td', '', (r.problems || []).join('; ')));
      table.appendChild(row);
    }
    host.appendChild(table);
    for (const n of s.notes || []) host.appendChild(el('p', 'note', n));
  }
  function drawRuns(r) {
    const list = $('runs'); list.replaceChildren();
    for (const b of r.history || []) list.appendChild(el('li', 'note', 'history batch ' + (b.from || '?') + ' → ' + (b.to || '?')));
    for (const x of r.runs) list.appendChild(el('li', '', x.at + (x.local ? ' (' + x.local + ')' : '') + (x.to ? ' · pulls ' + (x.from || 'everything') + ' → ' + x.to : '')));
    $('runs-notes').textContent = (r.notes || []).join(' ');
  }
  $('pick').addEventListener('click', () => vscode.postMessage({ type: 'pickRecords' }));
  $('run-paste').addEventListener('click', () => vscode.postMessage({ type: 'records', text: $('paste').value }));
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type === 'preview') { drawModel(m.preview.model); drawRuns(m.preview.runs); drawSimulation(m.preview.simulation); }
    else if (m.type === 'error') { $('run-status').textContent = m.message; }
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
