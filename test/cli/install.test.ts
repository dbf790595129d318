// "A CLI that installs" (README.md, "Use in CI"): the README's install lines, run as written, offline. `npm pack`
// makes a package that holds the CLI and nothing it does not need; `npm install --global --offline` of that file
// into a temporary prefix gives a `cpworkflow` command that checks a folder and writes JUnit. The one line not run
// is `npm ci`: the checkout this test runs in was set up by it, and tests do not reach the network.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ROOT, readExample } from '../support/workflows';
import { version } from '../../package.json';

/** The lines of the README's ci-install block, comments dropped. */
function readmeInstallLines(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- ci-install[^>]*-->\s*```sh\n([\s\S]*?)```\s*<!-- end of ci-install -->/.exec(readme);
  assert.ok(block, 'README.md has the ci-install block');
  return block[1]
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe('the CLI package, installed as the README says (npm pack, npm install --offline)', function () {
  this.timeout(180000);
  let dir: string;
  const tarball = `cpworkflow-${version}.tgz`;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpw-install-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(ROOT, tarball), { force: true });
  });

  it('packs only the CLI, installs offline with a cpworkflow command, and checks a folder as the README shows', () => {
    const lines = readmeInstallLines();
    assert.deepEqual(lines.slice(0, 2), ['npm ci', 'npm pack'], 'the README makes the package in a checkout');
    assert.ok(!lines.some((l) => /\bnpx\b/.test(l)), 'no npx: nothing of that name is published');
    const sh = (line: string, cwd: string, env: NodeJS.ProcessEnv = process.env) =>
      spawnSync('bash', ['-c', line], { cwd, env, encoding: 'utf8', timeout: 120000 });
    // in the checkout: npm pack (its prepack script builds dist/cli.js)
    const pack = sh(lines[1], ROOT);
    assert.equal(pack.status, 0, pack.stderr);
    const listed = sh(`tar -tzf ${tarball}`, ROOT).stdout.trim().split('\n');
    assert.deepEqual(listed.sort(), [
      'package/LICENSE',
      'package/README.md',
      'package/dist/cli.js',
      // ELK and the SVG writer, loaded only by preview --format svg
      'package/dist/svg.js',
      'package/package.json',
    ]);
    const size = readFileSync(join(ROOT, tarball)).length;
    assert.ok(size < 1_000_000, `${size} bytes`);
    // in CI: the package, a workflows/ folder with a good and a bad file, an npm prefix of its own, no network
    const ci = join(dir, 'ci');
    mkdirSync(join(ci, 'workflows'), { recursive: true });
    renameSync(join(ROOT, tarball), join(ci, tarball));
    writeFileSync(join(ci, 'workflows', 'good.cpworkflow.json'), readExample('marketo-lead.cpworkflow.json'));
    writeFileSync(
      join(ci, 'workflows', 'bad.cpworkflow.json'),
      readExample('marketo-lead.cpworkflow.json').replace('"APPFLOW_INTEGRATION"', '"APPFLOW"'),
    );
    const prefix = join(dir, 'prefix');
    const env = {
      ...process.env,
      npm_config_prefix: prefix,
      npm_config_cache: join(dir, 'npm-cache'), // empty: --offline must not need it
      PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}`,
    };
    const install = sh(lines[2], ci, env);
    assert.equal(install.status, 0, install.stderr);
    assert.ok(existsSync(join(prefix, 'bin', 'cpworkflow')));
    assert.equal(sh('cpworkflow --version', ci, env).stdout.trim(), version);
    const check = sh(lines[3], ci, env);
    assert.equal(check.status, 1, 'the bad file fails the job');
    const junit = readFileSync(join(ci, 'cpworkflow-junit.xml'), 'utf8');
    assert.match(junit, /<testsuites [^>]*tests="2"[^>]*failures="1"/);
    assert.match(junit, /"APPFLOW" is not a valid WorkflowType/);
  });
});
