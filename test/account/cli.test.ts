// `cpworkflow validate --account` as CI runs it: the built dist/cli.js against the local endpoint serving a random
// account. Account warnings never fail a run; an account error (a flow name already taken) does; an account that
// cannot answer is one information line and changes nothing in the exit status.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/root';
import { fakeAwsKeys, startLocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { chooseFrom, cleanWorkflow, flowOf, startAccount, type AccountFixture } from './support';

const CLI = join(ROOT, 'dist/cli.js');

describe('cpworkflow validate --account (the built CLI)', function () {
  this.timeout(30000);
  let fx: AccountFixture;
  let dir: string;

  before(async () => {
    fx = await startAccount('cli');
    dir = mkdtempSync(join(tmpdir(), 'cpw-account-cli-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await fx?.stop();
  });

  function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [CLI, ...args], { env: process.env }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }
  const write = (name: string, json: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(json, null, 2));
    return file;
  };
  const account = ['--account', '--region', 'us-east-1'];

  it('a clean file: exit 0 and no account line', async () => {
    const file = write('clean.cpworkflow.json', cleanWorkflow(fx.account));
    const r = await run(['validate', ...account, '--endpoint-url', fx.endpoint.url, file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /ACC-/);
  });

  it('a mapping that drops the key: an ACC-10 warning, still exit 0; without --account nothing is asked', async () => {
    const choice = chooseFrom(fx.account);
    const json = cleanWorkflow(fx.account, choice);
    flowOf(json).Tasks = flowOf(json).Tasks.filter((t) => t.DestinationField !== choice.keySources[0]);
    const file = write('drops-key.cpworkflow.json', json);
    const r = await run(['validate', ...account, '--endpoint-url', fx.endpoint.url, file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`warning ACC-10 No Map task writes "${choice.keySources[0]}"`));
    fx.endpoint.requests.length = 0;
    const offline = await run(['validate', file]);
    assert.equal(offline.code, 0);
    assert.doesNotMatch(offline.stdout, /ACC-/);
    assert.equal(fx.endpoint.requests.length, 0);
  });

  it('a flow name already taken is an error: exit 1', async () => {
    const json = cleanWorkflow(fx.account);
    flowOf(json).FlowName = fx.account.flows[fx.account.flows.length - 1].flowName;
    const file = write('taken.cpworkflow.json', json);
    const r = await run(['validate', ...account, '--endpoint-url', fx.endpoint.url, '--format', 'json', file]);
    assert.equal(r.code, 1);
    const [result] = JSON.parse(r.stdout);
    assert.ok(
      result.diagnostics.some((d: { code: string; severity: string }) => d.code === 'ACC-13' && d.severity === 'error'),
    );
  });

  it('an account that is down: one ACC-0 information line per file, exit 0, in bounded time', async () => {
    const file = write('clean2.cpworkflow.json', cleanWorkflow(fx.account));
    const started = Date.now();
    const r = await run(['validate', ...account, '--endpoint-url', 'http://127.0.0.1:9', file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout.match(/information ACC-0 /g)?.length, 1);
    assert.ok(Date.now() - started < 15000);
  });

  it('the demo account (npm start): the examples get exactly one account finding, the Zendesk unmapped key', async () => {
    const keys = fakeAwsKeys();
    const demo = await startLocalEndpoint({ credentials: { [keys.accessKeyId]: keys.secretAccessKey } });
    const saved = [process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY];
    try {
      fx.sandbox.setEnv({ AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey });
      const r = await run([
        'validate',
        ...account,
        '--endpoint-url',
        demo.url,
        '--format',
        'json',
        join(ROOT, 'examples'),
      ]);
      assert.equal(r.code, 0, r.stderr);
      const found = (JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[]).flatMap((f) =>
        f.diagnostics.filter((d) => d.code.startsWith('ACC-')).map((d) => `${f.file.split('/').pop()} ${d.code}`),
      );
      assert.deepEqual(found, ['zendesk-ticket.cpworkflow.json ACC-10']);
    } finally {
      fx.sandbox.setEnv({ AWS_ACCESS_KEY_ID: saved[0], AWS_SECRET_ACCESS_KEY: saved[1] });
      await demo.stop();
    }
  });

  it('--profile without --account is a usage error (exit 2)', async () => {
    const r = await run(['validate', '--profile', 'x', write('p.cpworkflow.json', cleanWorkflow(fx.account))]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--profile applies to the account checks: add --account/);
  });
});
