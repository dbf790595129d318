// Fake AWS identities and a sandboxed environment for the submission tests: a temp HOME with its own shared config
// and credentials files, every AWS_* variable cleared, instance metadata disabled (tests never leave 127.0.0.1).
// The real ~/.aws is never read or written.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCustomerProfilesClient } from '../../server/src/aws';
import { ROOT } from '../support/root';
import { fakeAwsKeys, startLocalEndpoint, type LocalEndpointOptions } from '../endpoint/customerProfilesEndpoint.mjs';

export interface FakeKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Obviously fake keys, new for every call (the endpoint's fakeAwsKeys: AKIA…, 40-character secret). */
export const fakeKeys: () => FakeKeys = fakeAwsKeys;

export interface Sandbox {
  dir: string;
  home: string;
  configFile: string;
  credentialsFile: string;
  /** Writes the shared config / credentials files (INI text). */
  writeConfig(text: string): void;
  writeCredentials(text: string): void;
  /** Sets AWS_* variables for this sandbox (undefined deletes). */
  setEnv(vars: Record<string, string | undefined>): void;
  restore(): void;
}

const SAVED_NAMES = (env: NodeJS.ProcessEnv) =>
  Object.keys(env).filter((k) => k.startsWith('AWS_') || k === 'HOME' || /^(https?|no)_proxy$/i.test(k));

/** A fresh sandbox; call restore() in after()/afterEach() (also when a test fails). */
export function createSandbox(): Sandbox {
  const saved = new Map(SAVED_NAMES(process.env).map((k) => [k, process.env[k]]));
  for (const k of saved.keys()) delete process.env[k];
  const dir = mkdtempSync(join(tmpdir(), 'cpw-aws-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.aws'), { recursive: true });
  // Distinct paths per sandbox: the SDK caches parsed shared files by path.
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  writeFileSync(configFile, '');
  writeFileSync(credentialsFile, '');
  Object.assign(process.env, {
    HOME: home,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  return {
    dir,
    home,
    configFile,
    credentialsFile,
    writeConfig: (text) => writeFileSync(configFile, text),
    writeCredentials: (text) => writeFileSync(credentialsFile, text),
    setEnv(vars) {
      for (const [k, v] of Object.entries(vars)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
    restore() {
      for (const k of SAVED_NAMES(process.env)) delete process.env[k];
      for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Everything written to stdout, stderr and console while `fn` runs (still passed through). */
export async function captureOutput<T>(
  fn: () => Promise<T>,
): Promise<{ result: T | undefined; error: unknown; output: string }> {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const tap = (orig: typeof out) =>
    ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(String(chunk));
      return (orig as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof out;
  process.stdout.write = tap(out);
  process.stderr.write = tap(err);
  try {
    return { result: await fn(), error: undefined, output: chunks.join('') };
  } catch (error) {
    return { result: undefined, error, output: chunks.join('') };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** Resolves once `check` is true (polled every 5 ms), or rejects after `ms`. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The error `p` rejects with; fails the test when it resolves. */
export async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

/**
 * The local endpoint on 127.0.0.1 accepting fresh fake keys (set as environment keys in a sandbox), and a client for
 * it; `stop()` in after() undoes all three.
 */
export async function endpointWithClient(options: LocalEndpointOptions = {}) {
  const keys = fakeKeys();
  const sandbox = createSandbox();
  sandbox.setEnv({ AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey });
  const endpoint = await startLocalEndpoint({ credentials: { [keys.accessKeyId]: keys.secretAccessKey }, ...options });
  const client = await createCustomerProfilesClient({
    region: 'us-east-1',
    endpointUrl: endpoint.url,
    timeoutMs: 3000,
  });
  return {
    keys,
    endpoint,
    client,
    async stop() {
      client.destroy();
      await endpoint.stop();
      sandbox.restore();
    },
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (dist/cli.js) asynchronously, so an endpoint in this process can answer it; stdin closed. */
export function runCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, 'dist/cli.js'), ...args],
      { cwd: options.cwd, env: options.env, timeout: 25000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

/** The environment of a CLI run in `sandbox`: its shared files, `keys` as environment keys, us-east-1, nothing else. */
export function cliEnv(sandbox: Sandbox, keys: FakeKeys): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: sandbox.home,
    AWS_CONFIG_FILE: sandbox.configFile,
    AWS_SHARED_CREDENTIALS_FILE: sandbox.credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_REGION: 'us-east-1',
  };
}
