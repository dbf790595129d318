// action.yml: its steps run with bash as the Actions runner would (inputs as INPUT_* variables, GITHUB_ACTION_PATH the
// action's checkout): the build step in a copy of the repository's files with nothing built or installed (npm ci
// offline, from the npm cache the project's own `npm ci` filled), then the validate step: annotations, the SARIF file
// and the status.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, readExample } from '../support/workflows';
import { copyCheckout } from '../support/root';

interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: { name?: string; run?: string; env?: Record<string, string> }[] };
}

/** action.yml read by PyYAML (pre-commit's dependency, so installed with it). */
function readAction(): Action {
  const py = 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))';
  const r = spawnSync('python3', ['-c', py], { input: readFileSync(join(ROOT, 'action.yml')), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('action.yml (the validate step, run with bash)', () => {
  let dir: string;
  const action = readAction();
  const step = action.runs.steps.find((s) => s.name === 'cpworkflow validate')!;
  const runStep = (inputs: Record<string, string>) => {
    const env: Record<string, string> = { PATH: process.env.PATH!, GITHUB_ACTION_PATH: ROOT };
    for (const [name, input] of Object.entries(action.inputs)) {
      env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = inputs[name] ?? input.default;
    }
    return spawnSync('bash', ['-e', '-c', step.run!], { cwd: dir, env, encoding: 'utf8', timeout: 30000 });
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpw-action-'));
    writeFileSync(join(dir, 'good.cpworkflow.json'), readExample('marketo-lead.cpworkflow.json'));
    writeFileSync(
      join(dir, 'bad.cpworkflow.json'),
      readExample('marketo-lead.cpworkflow.json').replace(
        '"WorkflowType": "APPFLOW_INTEGRATION"',
        '"WorkflowType": "APPFLOW"',
      ),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('maps every input to the variable the step reads', () => {
    assert.equal(action.runs.using, 'composite');
    for (const name of Object.keys(action.inputs)) {
      const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
      assert.equal(step.env?.[variable], `\${{ inputs.${name} }}`);
      assert.ok(step.run!.includes(`$${variable}`), variable);
    }
  });

  it('annotates the bad file, writes the SARIF file and fails the step', () => {
    const r = runStep({ paths: 'good.cpworkflow.json bad.cpworkflow.json', 'sarif-file': 'out.sarif' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(
      r.stdout,
      /^::error file=bad\.cpworkflow\.json,line=3,endLine=3,col=19,endColumn=28,title=enum%3A [^:]+::/m,
    );
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].artifacts.length, 2);
    assert.deepEqual(
      sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId),
      ['enum'],
    );
  });

  it('passes on a good file without writing SARIF unless asked, and applies max-warnings and severity', () => {
    rmSync(join(dir, 'out.sarif'), { force: true });
    const ok = runStep({ paths: 'good.cpworkflow.json' });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.equal(existsSync(join(dir, 'out.sarif')), false);
    const withWarnings = join(dir, 'warn.cpworkflow.json');
    writeFileSync(
      withWarnings,
      readExample('marketo-lead.cpworkflow.json').replace(/rate\(\d+\s*\w+\)/, 'rate(1 hour)'),
    );
    assert.equal(runStep({ paths: 'warn.cpworkflow.json' }).status, 0);
    assert.equal(runStep({ paths: 'warn.cpworkflow.json', 'max-warnings': '0' }).status, 1);
    assert.equal(runStep({ paths: 'warn.cpworkflow.json', 'max-warnings': '0', severity: 'error' }).status, 0);
  });

  it('builds the CLI in a checkout with nothing installed (the build step), and that CLI runs the validate step', function () {
    this.timeout(240000);
    const build = action.runs.steps.find((x) => x.name === 'Build the cpworkflow CLI')!;
    // the repository's files as git has them (no node_modules, no dist/)
    const checkout = join(dir, 'action');
    copyCheckout(checkout);
    assert.equal(existsSync(join(checkout, 'node_modules')), false);
    const env = { PATH: process.env.PATH!, HOME: process.env.HOME!, npm_config_offline: 'true' };
    const built = spawnSync('bash', ['-e', '-c', build.run!], {
      cwd: checkout,
      env,
      encoding: 'utf8',
      timeout: 200000,
    });
    assert.equal(built.status, 0, built.stdout + built.stderr);
    assert.ok(existsSync(join(checkout, 'dist/cli.js')));
    const r = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: dir,
      env: {
        PATH: process.env.PATH!,
        GITHUB_ACTION_PATH: checkout,
        INPUT_PATHS: 'bad.cpworkflow.json',
        INPUT_SARIF_FILE: '',
        INPUT_SEVERITY: 'information',
        INPUT_MAX_WARNINGS: '',
      },
      encoding: 'utf8',
      timeout: 30000,
    });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^::error file=bad\.cpworkflow\.json,line=3,/m);
  });
});
