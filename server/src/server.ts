// The language server's entry (dist/server.js): creates the connection (stdio, node-ipc or sockets, from the command
// line) and serves on it. Everything else is in lsp/server.ts.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
