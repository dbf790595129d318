// The language server's entry (dist/server.js): creates the connection (stdio, node-ipc or sockets, from the command
// line) and serves on it. Everything else is in lsp/server.ts.
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { nodeFiles } from './lsp/nodeFiles';
import type { AccountLibrary } from './lsp/account';

// A computed path, so esbuild leaves the require to run time: dist/account.js (with the AWS SDK) is parsed only
// when the account is turned on.
const ACCOUNT_BUNDLE = path.join(__dirname, 'account.js');

startServer(createConnection(ProposedFeatures.all), {
  loadAccount: () => require(ACCOUNT_BUNDLE) as AccountLibrary,
  files: nodeFiles,
  // over stdio the server sees its output back up when the client stops reading
  ...(process.argv.includes('--stdio')
    ? {
        output: {
          backlog: () => process.stdout.writableLength,
          onDrain: (listener: () => void) => void process.stdout.once('drain', listener),
        },
      }
    : {}),
});
