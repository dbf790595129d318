// The language server: LSP wiring around the workflow engine, nothing more.
// Works for any client: VS Code sends languageId "cpworkflow", other editors send "json" for the same files.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, InitializeResult, CodeActionKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createWorkflowLanguageService } from './engine/service';

const VALIDATION_DELAY_MS = 100;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createWorkflowLanguageService();

const isWorkflow = (doc: TextDocument) => doc.languageId === 'cpworkflow' || /\.cpworkflow\.json$/i.test(doc.uri);

connection.onInitialize((): InitializeResult => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    // `"` opens a key or a string value, `:` a value
    completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
    documentSymbolProvider: { label: 'Customer Profiles workflow' },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
  },
  serverInfo: { name: 'cpworkflow-language-server', version: process.env.CPWORKFLOW_VERSION ?? '0' },
}));

const pending = new Map<string, NodeJS.Timeout>();

function scheduleValidation(doc: TextDocument, delay = VALIDATION_DELAY_MS): void {
  if (!isWorkflow(doc)) return;
  clearTimeout(pending.get(doc.uri));
  pending.set(doc.uri, setTimeout(() => {
    pending.delete(doc.uri);
    const current = documents.get(doc.uri);
    if (!current) return;
    const version = current.version;
    let diagnostics;
    try {
      diagnostics = service.validate(current);
    } catch (e) {
      // an engine bug must not take the server down: say so in the log and keep serving the other documents
      connection.console.error(`cpworkflow: validation failed for ${current.uri}: ${(e as Error).stack ?? e}`);
      return;
    }
    // never publish for a stale version: the user has typed on since
    if (documents.get(doc.uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri: current.uri, version, diagnostics });
  }, delay));
}

// an opened file is checked at once; edits wait until typing pauses
const seen = new Set<string>();
documents.onDidChangeContent((e) => {
  const first = !seen.has(e.document.uri);
  seen.add(e.document.uri);
  scheduleValidation(e.document, first ? 0 : VALIDATION_DELAY_MS);
});
documents.onDidClose((e) => {
  clearTimeout(pending.get(e.document.uri));
  pending.delete(e.document.uri);
  service.forget(e.document.uri);
  seen.delete(e.document.uri);
  if (isWorkflow(e.document)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** Runs a request against an open workflow document; an engine bug is logged and answered with `fallback`. */
function serve<T>(uri: string, fallback: T, what: string, run: (doc: TextDocument) => T): T {
  const doc = documents.get(uri);
  if (!doc || !isWorkflow(doc)) return fallback;
  try {
    return run(doc);
  } catch (e) {
    connection.console.error(`cpworkflow: ${what} failed for ${uri}: ${(e as Error).stack ?? e}`);
    return fallback;
  }
}

connection.onCompletion((p) => serve(p.textDocument.uri, null, 'completion', (doc) => service.complete(doc, p.position)));
connection.onHover((p) => serve(p.textDocument.uri, null, 'hover', (doc) => service.hover(doc, p.position)));
connection.onCodeAction((p) => serve(p.textDocument.uri, [], 'code actions', (doc) =>
  (p.context.only && !p.context.only.some((k) => CodeActionKind.QuickFix.startsWith(k)) ? [] : service.codeActions(doc, p.context.diagnostics))));
connection.onDocumentSymbol((p) => serve(p.textDocument.uri, [], 'symbols', (doc) => service.symbols(doc)));
connection.onDocumentFormatting((p) => serve(p.textDocument.uri, [], 'formatting', (doc) => service.format(doc, p.options)));
connection.onDocumentRangeFormatting((p) => serve(p.textDocument.uri, [], 'formatting', (doc) => service.format(doc, p.options, p.range)));

documents.listen(connection);
connection.listen();
