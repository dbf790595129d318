// A minimal LSP client over stdio for the benchmark: Content-Length framing, requests with promises, waits for
// notifications. Timestamps are taken with Node's performance.now() when a message is fully read, so a figure is
// what an editor would see: serialization, the pipe and the server's work.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export class LspProcess {
  /** Spawns `node args…` and returns at once; `started` is the performance.now() of the spawn. */
  constructor(args, { cwd, env } = {}) {
    this.started = performance.now();
    this.child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.stderr = '';
    this.buffer = Buffer.alloc(0);
    this.child.stdout.on('data', (chunk) => this.read(chunk));
    this.child.stderr.on('data', (chunk) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.exited.then(({ code, signal }) => {
      const why = new Error(`language server exited (${signal ?? code}) ${this.stderr.slice(-2000)}`);
      for (const { reject } of this.pending.values()) reject(why);
      for (const w of this.waiters) w.reject(why);
    });
  }

  get pid() {
    return this.child.pid;
  }

  read(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body), performance.now());
    }
  }

  dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
      else p.resolve({ result: msg.result, at });
      return;
    }
    if (msg.id !== undefined) {
      // a request from the server (registerCapability, configuration, refresh): answer as a quiet editor would
      const result = msg.method === 'workspace/configuration' ? (msg.params?.items ?? []).map(() => null) : null;
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    for (const w of [...this.waiters]) {
      if (w.method === msg.method && w.match(msg.params)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve({ params: msg.params, at });
      }
    }
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Resolves with { result, at } where `at` is when the response was read. */
  request(method, params) {
    const id = this.nextId++;
    const promise = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return promise;
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** A promise for the next notification `method` whose params pass `match`; register it before causing it. */
  next(method, match = () => true, timeoutMs = 60000) {
    let waiter;
    const promise = new Promise((resolve, reject) => {
      waiter = { method, match, resolve, reject };
    });
    this.waiters.push(waiter);
    const timer = setTimeout(() => waiter.reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
    return promise.finally(() => clearTimeout(timer));
  }

  /** VmHWM (peak resident set) of the server process, in bytes. */
  peakRss() {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 5000))]);
      this.notify('exit', null);
    } catch {
      /* already gone */
    }
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(killer);
  }
}

/** The client capabilities a plain editor sends; `pullDiagnostics` adds textDocument.diagnostic as VS Code does. */
export function clientCapabilities({ pullDiagnostics = false } = {}) {
  const textDocument = {
    synchronization: { dynamicRegistration: false, didSave: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  };
  if (pullDiagnostics) textDocument.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  return { textDocument, workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } };
}
