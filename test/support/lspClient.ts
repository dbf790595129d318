// Starts the built language server (`node dist/server.js --stdio`) as a child process and talks JSON-RPC to it,
// as any editor would. Always `close()` it in an after hook.
import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { Diagnostic } from 'vscode-languageserver-types';

import { ROOT } from './root';

export const SERVER = join(ROOT, 'dist/server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export class LspTestClient {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  private readonly published: PublishedDiagnostics[] = [];
  private readonly waiters: {
    match: (p: PublishedDiagnostics) => boolean;
    resolve: (p: PublishedDiagnostics) => void;
  }[] = [];
  stderr = '';

  constructor(args: string[] = ['--stdio']) {
    this.child = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => {
      this.stderr += d;
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      for (const w of [...this.waiters])
        if (w.match(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
    });
    this.connection.listen();
  }

  /** `workspace`: the client's workspace capabilities (e.g. didChangeWatchedFiles with dynamicRegistration) */
  async initialize(initializationOptions?: unknown, workspace?: Record<string, unknown>): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      initializationOptions,
      capabilities: {
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
        },
        ...(workspace ? { workspace } : {}),
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next diagnostics published for `uri` (and `version`, when given), waiting at most `ms`. */
  diagnostics(uri: string, version?: number, ms = 10000): Promise<PublishedDiagnostics> {
    const match = (p: PublishedDiagnostics) => p.uri === uri && (version === undefined || p.version === version);
    const seen = this.published.find(match);
    if (seen) {
      this.published.splice(this.published.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((res, rej) => {
      const waiter = {
        match,
        resolve: (p: PublishedDiagnostics) => {
          clearTimeout(timer);
          this.published.splice(this.published.indexOf(p), 1);
          res(p);
        },
      };
      // a wait that gave up must not swallow a later publish: it stays in `published` for the next look
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        rej(new Error(`no diagnostics for ${uri} v${version} within ${ms} ms; stderr: ${this.stderr}`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  /** How many diagnostics publishes for `uri` have arrived and not been taken by `diagnostics()`. */
  unread(uri: string): number {
    return this.published.filter((p) => p.uri === uri).length;
  }

  open(uri: string, text: string, languageId = 'cpworkflow', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      /* the server may be gone already */
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
