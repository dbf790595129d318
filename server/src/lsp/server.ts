// The language server as a function: LSP wiring around the workflow engine, nothing more (as VS Code's jsonServer.ts).
// Works for any client: VS Code sends languageId "cpworkflow", other editors send "json" for the same files.
import {
  Connection,
  TextDocuments,
  TextDocumentSyncKind,
  InitializeResult,
  PublishDiagnosticsParams,
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createWorkflowLanguageService, type WorkflowServiceOptions } from '../engine/service';
import { SOURCE } from '../engine/findings';
import { createValidationScheduler, systemClock, type SchedulerClock } from './scheduler';
import { coalescingDocuments } from './coalescingDocument';
import { applyRuleConfig, CONFIG_FILE_NAME, type RuleConfig } from '../engine/ruleConfig';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  ACCOUNT_SETTINGS_NOTIFICATION,
  ACCOUNT_STATUS_NOTIFICATION,
  GET_ACCOUNT_STATUS_REQUEST,
  LspAccount,
  REFRESH_ACCOUNT_NOTIFICATION,
  type AccountLibrary,
  type AccountSettings,
} from './account';
import { version } from '../../../package.json';
import { PREVIEW_REQUEST, type PreviewParams } from '../protocol';
import { accountReferences, objectTypeOf } from '../engine/accountSnapshot';
import { previewModel } from '../engine/previewModel';
import { simulate } from '../engine/simulate';
import { parseRecords } from '../engine/records';
import { nextRuns, scheduleLens } from '../engine/nextRuns';

export interface ServerOptions {
  /** the validation scheduler's clock (tests pass a fake one) */
  readonly clock?: SchedulerClock;
  /** passed to the engine (tests set the rules' clock) */
  readonly engine?: WorkflowServiceOptions;
  /** loads the account library when the account is turned on (the entry loads dist/account.js, with the SDK) */
  readonly loadAccount?: () => AccountLibrary;
  /**
   * What the server reads besides the editor's text: the saved file's first bytes (a BOM the editor hides) and the
   * team's cpworkflow.config.json. The Node entry passes the file system's (lsp/nodeFiles.ts); without it (the
   * browser's Web Worker) there is no BOM check and no config file.
   */
  readonly files?: ServerFiles;
  /** the connection's output, when the server can see it back up (stdio): bytes written but not yet taken by the
   * client, and a call when they have been */
  readonly output?: { backlog(): number; onDrain(listener: () => void): void };
}

export interface ServerFiles {
  /** whether the saved file at `uri` starts with a UTF-8 BOM */
  savedBom(uri: string): boolean;
  /** the rule configuration of workflow documents; `publish` reports a config file that cannot be used */
  ruleConfigs(publish: (uri: string, diagnostics: Diagnostic[]) => void): RuleConfigSource;
}
export interface RuleConfigSource {
  forDocument(uri: string): RuleConfig | undefined;
  invalidate(): void;
}
const NO_FILES: ServerFiles = {
  savedBom: () => false,
  ruleConfigs: () => ({ forDocument: () => undefined, invalidate: () => {} }),
};

/** Output the client has not read past which diagnostics wait: then only the latest per document is sent. */
export const OUTPUT_BACKLOG_BYTES = 1024 * 1024;

/**
 * SCH-12 and SCH-13 compare a schedule's times with now. A document that holds those members is checked again this
 * often while open, so a start time that passes becomes a warning without an edit, and "now is …" stays current.
 */
export const TIME_RECHECK_MS = 60_000;
const holdsTimes = (text: string) => text.includes('"ScheduleStartTime"') || text.includes('"FirstExecutionFrom"');

const isWorkflow = (doc: TextDocument) => doc.languageId === 'cpworkflow' || /\.cpworkflow\.json$/i.test(doc.uri);

/** Serves the workflow language on `connection` until it closes. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // a burst of typing on a big document costs O(1) a keystroke, not a copy of the text (coalescingDocument.ts)
  const documents = new TextDocuments(coalescingDocuments);
  const service = createWorkflowLanguageService(options.engine);
  const clock = options.clock ?? systemClock;
  const scheduler = createValidationScheduler(validateNow, clock);
  const timeRechecks = new Map<string, unknown>();
  // cpworkflow.config.json: the same rule levels as `cpworkflow validate` reads (the editor judges time, as create)
  const files = options.files ?? NO_FILES;
  const ruleConfigs = files.ruleConfigs((uri, diagnostics) => void publish({ uri, diagnostics }));
  const revalidateAll = () => documents.all().forEach((d) => isWorkflow(d) && scheduler.schedule(d.uri));
  connection.onDidChangeWatchedFiles((p) => {
    if (!p.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) return;
    ruleConfigs.invalidate();
    revalidateAll();
  });
  // read from disk once when a document opens and again when it is saved, never on the typing path
  const savedBom = new Map<string, boolean>();
  const account = new LspAccount(
    options.loadAccount ??
      (() => {
        throw new Error('this server was started without the account library');
      }),
    () => documents.all().forEach((d) => isWorkflow(d) && scheduler.schedule(d.uri)),
    (status) => void connection.sendNotification(ACCOUNT_STATUS_NOTIFICATION, status),
  );
  /** the account's facts for this document now (undefined when the account is off) */
  const accountFor = (doc: TextDocument) => {
    try {
      return account.snapshotFor(service.parse(doc));
    } catch (e) {
      connection.console.error(`cpworkflow: account facts failed for ${doc.uri}: ${(e as Error).stack ?? e}`);
      return undefined;
    }
  };
  let initialAccount: AccountSettings | undefined;
  connection.onNotification(ACCOUNT_SETTINGS_NOTIFICATION, (settings: AccountSettings) => configureAccount(settings));
  connection.onNotification(REFRESH_ACCOUNT_NOTIFICATION, () => account.refresh());
  connection.onRequest(GET_ACCOUNT_STATUS_REQUEST, () => account.current);
  // the preview: the picture, the dry run of the records given, the next runs; the object type from the account
  connection.onRequest(PREVIEW_REQUEST, (p: PreviewParams) =>
    serve(p.uri, null, 'preview', (doc) => {
      const parsed = service.parse(doc);
      const snapshot = accountFor(doc);
      const objectType = snapshot && objectTypeOf(snapshot, accountReferences(parsed))?.facts;
      const read = typeof p.recordsText === 'string' ? parseRecords(p.recordsText) : undefined;
      return {
        model: previewModel(parsed, objectType),
        ...(read && 'error' in read ? { recordsError: read.error } : {}),
        ...(read && 'records' in read ? { simulation: simulate(parsed, read.records, objectType) } : {}),
        runs: nextRuns(parsed, options.engine?.now?.() ?? new Date(), Math.min(Math.max(p.runs ?? 5, 0), 50)),
      };
    }),
  );
  let watchConfigs = false;
  connection.onInitialized(() => {
    configureAccount(initialAccount);
    // the client watches the config files for us (VS Code, Neovim 0.10); a client that cannot gets them read on open
    if (watchConfigs)
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
        .catch(() => undefined);
  });
  function configureAccount(settings: AccountSettings | undefined) {
    try {
      account.configure(settings);
    } catch (e) {
      // a broken account library must not take the editor's offline checks down
      connection.console.error(`cpworkflow: the account could not be turned on: ${(e as Error).stack ?? e}`);
      void connection.sendNotification(ACCOUNT_STATUS_NOTIFICATION, {
        state: 'unavailable',
        message: `The account library could not be loaded: ${(e as Error).message}`,
      });
    }
  }

  let foldingRangeLimit: number | undefined;
  connection.onInitialize((params): InitializeResult => {
    // the client says how many fold markers it shows (VS Code: 5000); more would only be dropped
    foldingRangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    watchConfigs = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    initialAccount = (params.initializationOptions as { account?: AccountSettings } | undefined)?.account;
    return {
      capabilities: {
        // a number means open/close, changes and didSave (VS Code's and Neovim's clients send didSave for it)
        textDocumentSync: TextDocumentSyncKind.Incremental,
        // `"` opens a key or a string value, `:` a value
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll],
          resolveProvider: false,
        },
        documentSymbolProvider: { label: 'Customer Profiles workflow' },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
      },
      serverInfo: { name: 'cpworkflow-language-server', version },
    };
  });

  function validateNow(uri: string): void {
    const current = documents.get(uri);
    if (!current) return;
    const version = current.version;
    let diagnostics;
    try {
      const config = ruleConfigs.forDocument(uri);
      diagnostics = service.validate(current, { startsWithBom: savedBom.get(uri) ?? false }, accountFor(current));
      if (config) diagnostics = applyRuleConfig(diagnostics, config.rules, true);
    } catch (e) {
      // an engine bug must not take the server down: say so in the log and keep serving the other documents; the
      // file's old diagnostics would be stale, so they make way for one that says it was not checked
      connection.console.error(`cpworkflow: validation failed for ${current.uri}: ${(e as Error).stack ?? e}`);
      diagnostics = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Error,
          source: SOURCE,
          code: 'internal-error',
          message: `cpworkflow could not check this file (internal error: ${(e as Error).message}); the Output panel's log has the details. Please report it.`,
        },
      ];
    }
    // validate is synchronous today, so the version cannot have moved; this guards a future async validate (never
    // publish for a version the user has typed on from)
    if (documents.get(uri)?.version !== version) return;
    if (!publish({ uri, version, diagnostics })) return;
    recheckLater(uri, holdsTimes(current.getText()));
  }

  function recheckLater(uri: string, wanted: boolean): void {
    const pending = timeRechecks.get(uri);
    if (pending !== undefined) clock.clearTimeout(pending);
    timeRechecks.delete(uri);
    if (!wanted) return;
    const timer = clock.setTimeout(() => {
      timeRechecks.delete(uri);
      scheduler.schedule(uri);
    }, TIME_RECHECK_MS);
    // a re-check never keeps the process alive after its client has gone
    (timer as { unref?: () => void }).unref?.();
    timeRechecks.set(uri, timer);
  }

  documents.onDidOpen((e) => {
    // a client that does not watch files for us: the config files are read again as a workflow file opens
    if (isWorkflow(e.document) && !watchConfigs) ruleConfigs.invalidate();
    if (isWorkflow(e.document)) savedBom.set(e.document.uri, files.savedBom(e.document.uri));
  });
  documents.onDidSave((e) => {
    const uri = e.document.uri;
    if (!isWorkflow(e.document)) return;
    const bom = files.savedBom(uri);
    if (bom === savedBom.get(uri)) return;
    savedBom.set(uri, bom);
    scheduler.schedule(uri);
  });
  documents.onDidChangeContent((e) => {
    if (isWorkflow(e.document)) scheduler.schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    scheduler.forget(e.document.uri);
    recheckLater(e.document.uri, false);
    savedBom.delete(e.document.uri);
    service.forget(e.document.uri);
    if (isWorkflow(e.document)) publish({ uri: e.document.uri, diagnostics: [] });
  });
  const held = new Map<string, PublishDiagnosticsParams>();
  function stopTimers(): void {
    scheduler.dispose();
    for (const uri of [...timeRechecks.keys()]) recheckLater(uri, false);
    account.dispose();
  }
  connection.onShutdown(stopTimers);

  /**
   * Publishes diagnostics; false when the connection has gone without a shutdown (a client that crashed or closed its
   * end): the server then stops its timers, which would otherwise keep firing into the closed connection.
   */
  function publish(params: PublishDiagnosticsParams): boolean {
    // a client that stops reading (a hung editor): hold the latest diagnostics per document until its output drains,
    // instead of queueing every publish in memory
    const output = options.output;
    if (output && (held.size > 0 || output.backlog() > OUTPUT_BACKLOG_BYTES)) {
      if (held.size === 0) output.onDrain(flushHeld);
      held.delete(params.uri);
      held.set(params.uri, params);
      return true;
    }
    return send(params);
  }
  function flushHeld(): void {
    const waiting = [...held.values()];
    held.clear();
    for (const params of waiting) if (!publish(params)) return;
  }
  function send(params: PublishDiagnosticsParams): boolean {
    try {
      void connection.sendDiagnostics(params);
      return true;
    } catch (e) {
      if (!/Connection is (disposed|closed)/.test((e as Error).message)) throw e;
      stopTimers();
      return false;
    }
  }

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

  connection.onCompletion((p) =>
    serve(p.textDocument.uri, null, 'completion', (doc) => service.complete(doc, p.position, accountFor(doc))),
  );
  connection.onHover((p) =>
    serve(p.textDocument.uri, null, 'hover', (doc) => service.hover(doc, p.position, accountFor(doc))),
  );
  // the schedule's next run over ScheduleExpression; a click opens the preview (VS Code's command)
  connection.onCodeLens((p) =>
    serve(p.textDocument.uri, [], 'code lens', (doc) => {
      const lens = scheduleLens(service.parse(doc), options.engine?.now?.() ?? new Date());
      return lens?.command ? [{ ...lens, command: { ...lens.command, arguments: [p.textDocument.uri] } }] : [];
    }),
  );
  // `only` names kinds or their parents ("source" asks for source.fixAll too)
  const asked = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind.startsWith(k));
  connection.onCodeAction((p) =>
    serve(p.textDocument.uri, [], 'code actions', (doc) => {
      const fixes = asked(p.context.only, CodeActionKind.QuickFix)
        ? service.codeActions(doc, p.context.diagnostics)
        : [];
      // the fix-all is asked for by kind (on save, Source Action…, the palette command), not on every light bulb; it
      // fixes what the diagnostics show, so with the account's facts as they do
      const all =
        p.context.only && asked(p.context.only, CodeActionKind.SourceFixAll)
          ? service.fixAll(doc, accountFor(doc))
          : undefined;
      return all ? [...fixes, all] : fixes;
    }),
  );
  connection.onDocumentSymbol((p) => serve(p.textDocument.uri, [], 'symbols', (doc) => service.symbols(doc)));
  connection.onDocumentFormatting((p) =>
    serve(p.textDocument.uri, [], 'formatting', (doc) => service.format(doc, p.options)),
  );
  connection.onDocumentRangeFormatting((p) =>
    serve(p.textDocument.uri, [], 'formatting', (doc) => service.format(doc, p.options, p.range)),
  );

  connection.onFoldingRanges((p) =>
    serve(p.textDocument.uri, [], 'folding', (doc) => service.foldingRanges(doc, foldingRangeLimit)),
  );
  connection.onSelectionRanges((p) =>
    serve(p.textDocument.uri, [], 'selection ranges', (doc) => service.selectionRanges(doc, p.positions)),
  );

  documents.listen(connection);
  connection.listen();
}
