// The language server: LSP wiring around the workflow engine, nothing more.
// Works for any client: VS Code sends languageId "cpworkflow", other editors send "json" for the same files.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, InitializeResult, CodeActionKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createWorkflowLanguageService } from '../engine/service';

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

// Validation is throttled, not debounced: a change after a pause is checked at once, and while typing goes on a
// document is checked at most once per interval (the last change always is). The interval is 100 ms, or twice
// what the last check took, so a huge file cannot keep the server busy.
const MIN_VALIDATION_INTERVAL_MS = 100;

interface ValidationSchedule {
  timer?: NodeJS.Timeout;
  lastStart: number;
  lastDuration: number;
}
const schedules = new Map<string, ValidationSchedule>();

function scheduleValidation(doc: TextDocument): void {
  if (!isWorkflow(doc)) return;
  let schedule = schedules.get(doc.uri);
  if (!schedule) schedules.set(doc.uri, (schedule = { lastStart: -Infinity, lastDuration: 0 }));
  if (schedule.timer) return; // a check is due and will read the latest version
  const interval = Math.max(MIN_VALIDATION_INTERVAL_MS, 2 * schedule.lastDuration);
  const wait = Math.max(0, schedule.lastStart + interval - performance.now());
  schedule.timer = setTimeout(() => validateNow(doc.uri, schedule), wait);
}

function validateNow(uri: string, schedule: ValidationSchedule): void {
  schedule.timer = undefined;
  const current = documents.get(uri);
  if (!current) return;
  const version = current.version;
  schedule.lastStart = performance.now();
  let diagnostics;
  try {
    diagnostics = service.validate(current);
  } catch (e) {
    // an engine bug must not take the server down: say so in the log and keep serving the other documents
    connection.console.error(`cpworkflow: validation failed for ${current.uri}: ${(e as Error).stack ?? e}`);
    return;
  } finally {
    schedule.lastDuration = performance.now() - schedule.lastStart;
  }
  // validate is synchronous today, so the version cannot have moved; this guards a future async validate (never
  // publish for a version the user has typed on from)
  if (documents.get(uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

documents.onDidChangeContent((e) => scheduleValidation(e.document));
documents.onDidClose((e) => {
  clearTimeout(schedules.get(e.document.uri)?.timer);
  schedules.delete(e.document.uri);
  service.forget(e.document.uri);
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
