#!/usr/bin/env node
'use strict';
// Neovim as a second LSP client: headless Neovim (Debian's 0.7.x, which tells the server languageId "json" for
// these files) starts `node dist/server.js --stdio` on workflow files and must receive the diagnostics and
// completions a VS Code user gets. Each Neovim runs with a private HOME/XDG folder and in its own process group.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { PROJECT_ROOT, privateHome, stopGroup } = require('../vscode/code-server');
const { createChecks } = require('../vscode/checks');

const SERVER = path.join(PROJECT_ROOT, 'dist/server.js');
const LSP_CHECK = path.join(__dirname, 'lsp-check.lua');
const BROKEN = path.join(__dirname, 'fixtures/broken.cpworkflow.json');
const RUN_TIMEOUT_MS = 60000;

/** Runs lsp-check.lua on `file` with `requests`; resolves with the RESULT it printed. */
async function runNeovim(home, file, requests = [], extraEnv = {}) {
  const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${LSP_CHECK}`], {
    cwd: path.dirname(file),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...home.env, SERVER, FILE: file, REQUESTS: JSON.stringify(requests), ...extraEnv },
  });
  let stdout = '',
    stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  let timer;
  try {
    const code = await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
      timer = setTimeout(() => reject(new Error(`nvim still running after ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
    });
    const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`nvim exited ${code} without a result\n${stdout}${stderr}`);
    const result = JSON.parse(line.slice('RESULT '.length));
    if (code !== 0 || result.errors.length)
      throw new Error(`nvim exited ${code}: ${result.errors.join('; ')}\n${stderr}`);
    return result;
  } finally {
    clearTimeout(timer);
    await stopGroup(child.pid);
  }
}

/** 0-based line and character just after the first occurrence of `needle` (which must be unique). */
function positionAfter(text, needle) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0 && text.indexOf(needle, at + 1) < 0, `fixture holds "${needle}" exactly once`);
  const before = text.slice(0, at + needle.length).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
const positionOf = (text, needle) => {
  const end = positionAfter(text, needle);
  return { line: end.line, character: end.character - needle.length };
};

const diagnosticAt = (result, code, at) =>
  result.diagnostics.find((d) => d.code === code && d.line === at.line && d.character === at.character);
const describe = (result) => result.diagnostics.map((d) => `${d.line + 1}:${d.character + 1} ${d.code}`).join(', ');

async function main() {
  if (!fs.existsSync(SERVER)) {
    console.error(`${SERVER} is missing: run \`npm run build\` first`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const checks = createChecks();
  const home = privateHome('cpworkflow-nvim-');
  try {
    const text = fs.readFileSync(BROKEN, 'utf8');
    // completion requests: inside the quotes of a Filter task's "LESS_THAN", and of a Map task's empty operator
    const requests = [
      positionOf(text, 'LESS_THAN"'),
      positionAfter(text, '"DestinationField": "id", "ConnectorOperator": { "Zendesk": "'),
    ].map((p) => ({ method: 'textDocument/completion', ...p }));
    let result;
    await checks.check('Neovim opens a .cpworkflow.json as filetype json and receives diagnostics', async () => {
      result = await runNeovim(home, BROKEN, requests);
      assert.strictEqual(result.filetype, 'json');
      assert.ok(result.published, 'publishDiagnostics received');
      for (const d of result.diagnostics) assert.strictEqual(d.source, 'cpworkflow', `source of ${d.code}`);
    });
    await checks.check('trailing comma after the last task: json-trailing-comma at the comma', async () => {
      const at = positionAfter(text, '"ConnectorOperator": { "Salesforce": "NO_OP" } }');
      const d = diagnosticAt(result, 'json-trailing-comma', at);
      assert.ok(d, `expected json-trailing-comma at ${at.line + 1}:${at.character + 1}; got ${describe(result)}`);
      assert.strictEqual(d.severity, 'ERROR');
      assert.deepStrictEqual([d.endLine, d.endCharacter], [at.line, at.character + 1], 'range covers the comma');
    });
    await checks.check(
      'LESS_THAN on a Zendesk source: error on the operator value naming the Zendesk operators',
      async () => {
        const at = positionOf(text, '"LESS_THAN"');
        const d = diagnosticAt(result, 'enum', at);
        assert.ok(d, `expected enum at ${at.line + 1}:${at.character + 1}; got ${describe(result)}`);
        assert.strictEqual(d.severity, 'ERROR');
        assert.match(d.message, /LESS_THAN/);
        assert.match(d.message, /GREATER_THAN/, 'message lists what Zendesk allows');
      },
    );
    await checks.check('operator keyed "Salesforce" on a Zendesk source: OP-1 on the key', async () => {
      const at = positionOf(text, '"Salesforce"');
      const d = diagnosticAt(result, 'OP-1', at);
      assert.ok(d, `expected OP-1 at ${at.line + 1}:${at.character + 1}; got ${describe(result)}`);
      assert.strictEqual(d.severity, 'ERROR');
      assert.deepStrictEqual(
        [d.endLine, d.endCharacter],
        [at.line, at.character + '"Salesforce"'.length],
        'range covers the key',
      );
      assert.match(d.message, /"Zendesk"/, 'names the key it must be');
    });
    const labels = (response) => {
      assert.ok(response && !response.error, `completion answered: ${response && response.error}`);
      const items = Array.isArray(response.result) ? response.result : response.result.items;
      return items.map((i) => i.label.replace(/^"|"$/g, '')).sort();
    };
    await checks.check("completion in a Filter task's operator: only Zendesk's filter operators", async () => {
      assert.deepStrictEqual(labels(result.responses[0]), ['GREATER_THAN', 'PROJECTION']);
    });
    await checks.check("completion in a Map task's empty operator: NO_OP, the one operator a Map takes", async () => {
      assert.deepStrictEqual(labels(result.responses[1]), ['NO_OP']);
    });
    await checks.check('empty operator value: error on the empty string', async () => {
      const at = positionOf(text, '"Zendesk": ""');
      const value = { line: at.line, character: at.character + '"Zendesk": '.length };
      const d = diagnosticAt(result, 'enum', value);
      assert.ok(d, `expected enum at ${value.line + 1}:${value.character + 1}; got ${describe(result)}`);
      assert.strictEqual(d.severity, 'ERROR');
    });
    await accountChecks(checks, home);
  } finally {
    home.remove();
  }
  return checks.summary();
}

/** Inside the quotes of the one empty string of `text`. */
function insideEmpty(text) {
  const p = positionOf(text, '""');
  return { line: p.line, character: p.character + 1 };
}

/**
 * The account through Neovim's initializationOptions: a random account (seed logged) on the local endpoint, a file
 * whose mapping drops the object type's key source, the ACC-10 warning at "Tasks", and SourceFields completion
 * listing the object's fields.
 */
async function accountChecks(checks, home) {
  const { pathToFileURL } = require('url');
  const load = (f) => import(pathToFileURL(path.join(PROJECT_ROOT, 'test/endpoint', f)).href);
  const { startLocalEndpoint, fakeAwsKeys } = await load('customerProfilesEndpoint.mjs');
  const { randomAccount, accountSeed, connectorKey } = await load('accountData.mjs');
  const seed = accountSeed();
  console.log(`account seed ${seed} (replay: ACCOUNT_SEED=${seed})`);
  const account = randomAccount(seed);
  const keys = fakeAwsKeys();
  const endpoint = await startLocalEndpoint({ account, credentials: { [keys.accessKeyId]: keys.secretAccessKey } });
  try {
    // an object type, and a connection whose object has every field the type reads
    let pick;
    for (const [domain, d] of Object.entries(account.domains))
      for (const [objectType, t] of Object.entries(d.objectTypes)) {
        const sources = Object.values(t.Fields).map((f) => f.Source.replace(/^_source\./, ''));
        const keySource = t.Fields[Object.values(t.Keys)[0][0].FieldNames[0]].Source.replace(/^_source\./, '');
        for (const profile of account.connectorProfiles)
          for (const entity of profile.entities)
            if (!pick && sources.every((s) => entity.fields.some((f) => f.identifier === s)))
              pick = { domain, objectType, profile, entity, sources, keySource };
      }
    const key = connectorKey(pick.profile.connectorType);
    const mapped = pick.sources.filter((s) => s !== pick.keySource);
    const json = {
      DomainName: pick.domain,
      WorkflowType: 'APPFLOW_INTEGRATION',
      IntegrationConfig: {
        AppflowIntegration: {
          FlowDefinition: {
            FlowName: 'nvim-account-check-1',
            KmsArn: 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555',
            SourceFlowConfig: {
              ConnectorProfileName: pick.profile.name,
              ConnectorType: pick.profile.connectorType,
              SourceConnectorProperties: { [key]: { Object: pick.entity.name } },
            },
            Tasks: [
              { TaskType: 'Filter', ConnectorOperator: { [key]: 'PROJECTION' }, SourceFields: [...mapped, ''] },
              ...mapped.map((f) => ({
                TaskType: 'Map',
                ConnectorOperator: { [key]: 'NO_OP' },
                SourceFields: [f],
                DestinationField: f,
              })),
            ],
            TriggerConfig: { TriggerType: 'OnDemand' },
          },
        },
      },
      ObjectTypeName: pick.objectType,
      RoleArn: 'arn:aws:iam::123456789012:role/CustomerProfilesWorkflowRole',
    };
    const file = path.join(home.dir, 'account.cpworkflow.json');
    const text = JSON.stringify(json, null, 2);
    fs.writeFileSync(file, text);
    const result = await runNeovim(
      home,
      file,
      // inside the quotes of the empty last SourceFields entry of the projection
      [{ method: 'textDocument/completion', ...insideEmpty(text) }],
      {
        AWS_ACCESS_KEY_ID: keys.accessKeyId,
        AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
        INIT_OPTIONS: JSON.stringify({
          account: { enabled: true, endpointUrl: endpoint.url, region: endpoint.region },
        }),
        WAIT_CODE: 'ACC-10',
      },
    );
    await checks.check(
      'the account through initializationOptions: ACC-10 at "Tasks" when the key is not mapped',
      async () => {
        const at = positionOf(text, '"Tasks"');
        const d = diagnosticAt(result, 'ACC-10', at);
        assert.ok(d, `expected ACC-10 at ${at.line + 1}:${at.character + 1}; got ${describe(result)}`);
        assert.strictEqual(d.severity, 'WARN');
        assert.ok(d.message.includes(`"${pick.keySource}"`));
      },
    );
    await checks.check("completion in SourceFields lists the object's fields from the account", async () => {
      const r = result.responses[0];
      assert.ok(r && !r.error, `completion answered: ${r && r.error}`);
      const items = Array.isArray(r.result) ? r.result : r.result.items;
      const labels = items.map((i) => i.label);
      for (const f of pick.entity.fields) assert.ok(labels.includes(f.identifier), f.identifier);
    });
  } finally {
    await endpoint.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
