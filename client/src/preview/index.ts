// "Preview Workflow": a webview beside the file with the mapping picture, the dry run of sample records and the next
// runs, all computed by the language server (cpworkflow/preview) from the same engine as the checks. It follows the
// file as the user types, a click on a task selects it in the editor, and it loads nothing remote.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PREVIEW_REQUEST, type PreviewParams } from '../../../server/src/protocol';
import { previewHtml } from './html';
import { notify } from '../notify';

export const PREVIEW_COMMAND = 'cpworkflow.previewWorkflow';
const LANGUAGE_ID = 'cpworkflow';
/** A records file larger than this is a sample no more: pick fewer records. */
const MAX_RECORDS_BYTES = 20 * 1024 * 1024;
/** Typing settles for this long before the picture is drawn again. */
const FOLLOW_MS = 250;

interface Preview {
  readonly model: {
    readonly tasks: readonly { readonly index: number; readonly start: number; readonly end: number }[];
  };
  readonly recordsError?: string;
}

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  const panels = new Map<string, vscode.WebviewPanel>();
  context.subscriptions.push(
    vscode.commands.registerCommand(PREVIEW_COMMAND, async (uri?: unknown) => {
      // from the editor title (a Uri), a CodeLens (the URI as a string) or the palette (the active editor); only a
      // document already open is previewed, whatever an argument names
      const wanted = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : undefined;
      const document = wanted
        ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === wanted)
        : vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== LANGUAGE_ID) {
        void notify.info('Open a .cpworkflow.json file to preview it.');
        return;
      }
      const key = document.uri.toString();
      const open = panels.get(key);
      if (open) return open.reveal(vscode.ViewColumn.Beside, true);
      panels.set(
        key,
        openPreview(client, document, () => panels.delete(key)),
      );
    }),
  );
}

function openPreview(client: LanguageClient, document: vscode.TextDocument, onClose: () => void): vscode.WebviewPanel {
  const name = document.uri.path.split('/').pop() ?? 'workflow';
  const panel = vscode.window.createWebviewPanel(
    'cpworkflow.preview',
    `Preview ${name}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    // no local resource roots: the page is one HTML string, nothing is loaded
    { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
  );
  panel.webview.html = previewHtml(panel.webview.cspSource, nonce());
  let recordsText: string | undefined;
  let latest: Preview | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const refresh = async () => {
    const mine = ++generation;
    const params: PreviewParams = { uri: document.uri.toString(), recordsText, runs: 5 };
    try {
      const preview = await client.sendRequest<Preview | null>(PREVIEW_REQUEST, params);
      // an answer to an older version is dropped: the newest one is on its way
      if (mine !== generation || !preview) return;
      latest = preview;
      void panel.webview.postMessage({ type: 'preview', preview });
      if (preview.recordsError) void panel.webview.postMessage({ type: 'error', message: preview.recordsError });
    } catch (e) {
      void panel.webview.postMessage({
        type: 'error',
        message: `The preview could not be made: ${(e as Error).message}`,
      });
    }
  };
  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== document) return;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), FOLLOW_MS);
    }),
    panel.webview.onDidReceiveMessage(async (m: { type?: string; task?: unknown; text?: unknown }) => {
      if (m.type === 'ready') return refresh();
      if (m.type === 'records' && typeof m.text === 'string') {
        if (m.text.length > MAX_RECORDS_BYTES) {
          void panel.webview.postMessage({ type: 'error', message: 'Paste a sample of at most 20 MB.' });
          return undefined;
        }
        recordsText = m.text;
        return refresh();
      }
      if (m.type === 'select' && typeof m.task === 'number') return selectTask(document, latest, m.task);
      if (m.type === 'pickRecords') {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: 'Run These Records',
          filters: { 'Sample records (JSON, JSON Lines, CSV)': ['json', 'jsonl', 'ndjson', 'csv'] },
        });
        if (!picked?.[0]) return;
        const stat = await vscode.workspace.fs.stat(picked[0]);
        if (stat.size > MAX_RECORDS_BYTES) {
          void panel.webview.postMessage({
            type: 'error',
            message: `That file is ${Math.round(stat.size / 1024 / 1024)} MB: pick a sample of at most 20 MB.`,
          });
          return;
        }
        recordsText = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked[0]));
        return refresh();
      }
      return undefined;
    }),
  ];
  panel.onDidDispose(() => {
    clearTimeout(timer);
    for (const s of subscriptions) s.dispose();
    onClose();
  });
  return panel;
}

/** Selects task `index` in the file's editor (opening it beside the preview if it is not visible). */
async function selectTask(document: vscode.TextDocument, latest: Preview | undefined, index: number): Promise<void> {
  const task = latest?.model.tasks.find((t) => t.index === index);
  if (!task) return;
  const range = new vscode.Range(document.positionAt(task.start), document.positionAt(task.end));
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
    selection: range,
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A fresh nonce for the page's script and style (Web Crypto: the same in the desktop and the browser). */
function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
