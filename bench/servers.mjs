// The two language servers under test, driven the way an editor drives them:
// - ours: `node dist/server.js --stdio`, diagnostics pushed (textDocument/publishDiagnostics with the version);
// - the peer: VS Code's own JSON language server from code-server, configured as VS Code's JSON extension does
//   (handledSchemaProtocols, json.validate, the jsonValidation association to our generated schema) and asked for
//   diagnostics the way VS Code 1.96 asks: a textDocument/diagnostic pull after every didOpen and didChange.
//   `push: true` leaves out the pull capability, so the peer pushes after its own 500 ms debounce (as for Neovim).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspProcess, clientCapabilities } from './lsp.mjs';
import { positionAt } from './stats.mjs';

export const PEER_SERVER =
  'node_modules/code-server/lib/vscode/extensions/json-language-features/server/dist/node/jsonServerMain.js';

export function peerServerPath(root) {
  const p = join(process.env.CODE_SERVER_DIR ?? join(root, '.cache/code-server'), PEER_SERVER);
  return existsSync(p) ? p : undefined;
}

class Session {
  constructor(lsp, initializeResult, { languageId, pull }) {
    this.lsp = lsp;
    this.capabilities = initializeResult.capabilities ?? {};
    this.languageId = languageId;
    this.pull = pull;
    this.texts = new Map();
  }

  /** Waits for the diagnostics of `uri` at `version` after `send()`; returns { ms, diagnostics }. */
  async diagnosticsAfter(uri, version, send) {
    const t0 = performance.now();
    if (this.pull) {
      send();
      const { result, at } = await this.lsp.request('textDocument/diagnostic', { textDocument: { uri } });
      return { ms: at - t0, diagnostics: result.items ?? [] };
    }
    const published = this.lsp.next(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && (p.version === undefined || p.version === version),
    );
    send();
    const { params, at } = await published;
    return { ms: at - t0, diagnostics: params.diagnostics };
  }

  open(uri, text) {
    this.texts.set(uri, { text, version: 1 });
    return this.diagnosticsAfter(uri, 1, () =>
      this.lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: this.languageId, version: 1, text } }),
    );
  }

  /** Inserts `insert` at `offset`, as one keystroke: one incremental didChange. Returns a function that sends it. */
  keystroke(uri, offset, insert) {
    const doc = this.texts.get(uri);
    const position = positionAt(doc.text, offset);
    doc.text = doc.text.slice(0, offset) + insert + doc.text.slice(offset);
    const version = ++doc.version;
    const send = () =>
      this.lsp.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: insert }],
      });
    return { version, send };
  }

  /** One keystroke, timed until the diagnostics of the version it makes. */
  type(uri, offset, insert) {
    const { version, send } = this.keystroke(uri, offset, insert);
    return this.diagnosticsAfter(uri, version, send);
  }

  /** One keystroke, not waited for (a server may skip its version while typing goes on). */
  typeAhead(uri, offset, insert) {
    this.keystroke(uri, offset, insert).send();
  }

  close(uri) {
    this.texts.delete(uri);
    this.lsp.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async timedRequest(method, uri, offset) {
    const position = positionAt(this.texts.get(uri).text, offset);
    const t0 = performance.now();
    const { result, at } = await this.lsp.request(method, { textDocument: { uri }, position });
    return { ms: at - t0, result };
  }

  stop() {
    return this.lsp.stop();
  }
}

async function initialize(lsp, params) {
  const { result, at } = await lsp.request('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    ...params,
  });
  lsp.notify('initialized', {});
  return { result, startMs: at - lsp.started };
}

/** Starts our server from `dist`; returns the session and the spawn → initialize-result time. */
export async function startOurs(dist) {
  const lsp = new LspProcess([join(dist, 'server.js'), '--stdio']);
  const { result, startMs } = await initialize(lsp, {
    capabilities: clientCapabilities(),
    clientInfo: { name: 'cpworkflow-bench' },
  });
  return { session: new Session(lsp, result, { languageId: 'cpworkflow', pull: false }), startMs };
}

/** Starts the peer with the project's generated schema for *.cpworkflow.json. */
export async function startPeer(serverPath, schemaFile, { push = false } = {}) {
  const lsp = new LspProcess([serverPath, '--stdio']);
  const { result, startMs } = await initialize(lsp, {
    capabilities: clientCapabilities({ pullDiagnostics: !push }),
    clientInfo: { name: 'cpworkflow-bench' },
    initializationOptions: {
      handledSchemaProtocols: ['file'],
      provideFormatter: false,
      customCapabilities: { rangeFormatting: { editLimit: 10000 } },
    },
  });
  const limit = 5001; // VS Code sends json.maxItemsComputed + 1
  lsp.notify('workspace/didChangeConfiguration', {
    settings: {
      http: { proxy: '', proxyStrictSSL: true },
      json: {
        validate: { enable: true },
        format: { enable: true },
        keepLines: { enable: false },
        schemas: [],
        resultLimit: limit,
        jsonFoldingLimit: limit,
        jsoncFoldingLimit: limit,
        jsonColorDecoratorLimit: limit,
        jsoncColorDecoratorLimit: limit,
      },
    },
  });
  // JSON-RPC reads an array as positional parameters, so the one parameter (itself an array) is wrapped, as
  // vscode-jsonrpc does when VS Code sends it
  lsp.notify('json/schemaAssociations', [[{ fileMatch: ['*.cpworkflow.json'], uri: pathToFileURL(schemaFile).href }]]);
  return { session: new Session(lsp, result, { languageId: 'json', pull: !push }), startMs };
}
