// The pre-commit hook (.pre-commit-hooks.yaml), run by Debian's pre-commit with `pre-commit try-repo` on a good and
// a bad workflow file, as a user of the hook would, from a checkout of this repository with nothing installed but
// Node: the hook (language: script) builds the CLI in pre-commit's clone on first use. Offline: npm ci reads the npm
// cache the project's own `npm ci` filled.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExample } from '../support/workflows';
import { copyCheckout } from '../support/root';

describe('pre-commit hook cpworkflow-validate (pre-commit try-repo)', function () {
  this.timeout(240000);
  let dir: string, hooks: string, project: string;
  // no GIT_DIR etc. from a surrounding git hook; pre-commit's cache in the test's folder
  const env = () => ({
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
    // nothing on PATH but what the machine has (node, npm, git): no cpworkflow command
    PATH: process.env.PATH,
    npm_config_offline: 'true',
    PRE_COMMIT_HOME: join(dir, 'pre-commit-home'),
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@localhost',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@localhost',
  });
  const sh = (cmd: string, args: string[], cwd: string) =>
    spawnSync(cmd, args, { cwd, env: env(), encoding: 'utf8', timeout: 180000 });
  const tryRepo = (...files: string[]) =>
    sh('pre-commit', ['try-repo', hooks, 'cpworkflow-validate', '--color', 'never', '--files', ...files], project);

  before(() => {
    assert.equal(
      spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status,
      0,
      'pre-commit is not installed: apt-get install pre-commit (scripts/setup.sh does)',
    );
    dir = mkdtempSync(join(tmpdir(), 'cpw-precommit-'));
    // the hook repository: this repository's tracked files as the work tree has them, committed
    hooks = join(dir, 'hooks');
    copyCheckout(hooks);
    for (const args of [
      ['init', '-q'],
      ['add', '.'],
      ['commit', '-qm', 'hooks'],
    ])
      assert.equal(sh('git', args, hooks).status, 0);
    // the user's repository
    project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'good.cpworkflow.json'), readExample('marketo-lead.cpworkflow.json'));
    writeFileSync(
      join(project, 'bad.cpworkflow.json'),
      readExample('marketo-lead.cpworkflow.json').replace(
        '"WorkflowType": "APPFLOW_INTEGRATION"',
        '"WorkflowType": "APPFLOW"',
      ),
    );
    writeFileSync(join(project, 'other.json'), '{ not json');
    // a name that starts with "-": without `--` in the hook's entry the CLI took it for an option (a usage error)
    writeFileSync(
      join(project, '-lead.cpworkflow.json'),
      readExample('marketo-lead.cpworkflow.json').replace('"APPFLOW_INTEGRATION"', '"APPFLOW"'),
    );
    for (const args of [
      ['init', '-q'],
      ['add', '.'],
    ])
      assert.equal(sh('git', args, project).status, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a good workflow file', () => {
    const r = tryRepo('good.cpworkflow.json');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^cpworkflow validate\.+Passed$/m);
  });

  it('fails a bad one and shows the finding at its line and column', () => {
    const r = tryRepo('good.cpworkflow.json', 'bad.cpworkflow.json');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^cpworkflow validate\.+Failed$/m);
    assert.match(r.stdout, /^bad\.cpworkflow\.json:3:19 error enum "APPFLOW" is not a valid WorkflowType/m);
  });

  it('checks a staged file whose name starts with "-" as a file', () => {
    // every staged file, as a commit passes them: -lead.cpworkflow.json among them
    const r = sh('pre-commit', ['try-repo', hooks, 'cpworkflow-validate', '--color', 'never', '--all-files'], project);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /usage|unknown option/i);
    assert.match(r.stdout, /^-lead\.cpworkflow\.json:3:19 error enum "APPFLOW" is not a valid WorkflowType/m);
    assert.match(r.stdout, /^bad\.cpworkflow\.json:3:19 error enum/m);
  });

  it('passes only *.cpworkflow.json files to the hook', () => {
    const r = tryRepo('other.json');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^cpworkflow validate\.+\(no files to check\)Skipped$/m);
  });
});
