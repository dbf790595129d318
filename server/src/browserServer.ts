// The language server as a Web Worker (dist/web/server.js), for vscode.dev and github.dev: the same startServer and
// engine as the Node server, over postMessage. No file system (no BOM check, no cpworkflow.config.json) and no
// account: what needs Node or credentials stays on the desktop.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './lsp/server';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)));
