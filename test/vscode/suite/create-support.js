'use strict';
// What the submission tests share: the local Customer Profiles endpoint on 127.0.0.1 (test/endpoint), fake keys
// made for this run in a shared config/credentials file of their own (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE,
// every other AWS_* variable cleared), the cpworkflow.aws.* user settings pointing at them, and request files
// written into the test files' copy. restore() puts the environment and settings back and stops the endpoint.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const vscode = require('vscode');
const { testFileUri } = require('./helpers');

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const PROFILE = 'cpw-test';
const NO_REGION_PROFILE = 'cpw-no-region';
const DOMAIN = 'demo-domain';
const OBJECT_TYPE = 'Salesforce-Account';

async function startSandbox(endpointOptions = {}) {
  const { startLocalEndpoint, fakeAwsKeys } = await import(
    pathToFileURL(path.join(PROJECT_ROOT, 'test/endpoint/customerProfilesEndpoint.mjs')).href
  );
  const keys = fakeAwsKeys();
  const endpoint = await startLocalEndpoint({
    region: 'us-east-1',
    credentials: { [keys.accessKeyId]: keys.secretAccessKey },
    domains: {
      [DOMAIN]: { objectTypes: [OBJECT_TYPE] },
      'failing-domain': { objectTypes: [OBJECT_TYPE], failWorkflows: true },
    },
    timing: { startMs: 150, stepMs: 250, totalSteps: 4, recordsPerStep: 100, failAtStep: 2 },
    ...endpointOptions,
  });

  // from here on, a failure must not leave the endpoint running or the environment changed
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpw-vscode-aws-'));
  const saved = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith('AWS_'))
      .map((k) => [k, process.env[k]]),
  );
  async function restore() {
    try {
      await setAwsSettings({ profile: undefined, region: undefined, endpointUrl: undefined });
    } finally {
      for (const k of Object.keys(process.env).filter((k) => k.startsWith('AWS_'))) delete process.env[k];
      Object.assign(process.env, saved);
      fs.rmSync(dir, { recursive: true, force: true });
      await endpoint.stop();
    }
  }
  try {
    for (const k of Object.keys(saved)) delete process.env[k];
    const configFile = path.join(dir, 'config');
    const credentialsFile = path.join(dir, 'credentials');
    fs.writeFileSync(configFile, `[profile ${PROFILE}]\nregion = us-east-1\n\n[profile ${NO_REGION_PROFILE}]\n`);
    fs.writeFileSync(
      credentialsFile,
      [PROFILE, NO_REGION_PROFILE]
        .map(
          (p) => `[${p}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
        )
        .join('\n'),
    );
    Object.assign(process.env, {
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_EC2_METADATA_DISABLED: 'true',
    });

    const settings = { profile: PROFILE, region: undefined, endpointUrl: endpoint.url };
    await setAwsSettings(settings);
  } catch (e) {
    await restore();
    throw e;
  }

  return {
    endpoint,
    keys,
    /** the CreateIntegrationWorkflow requests the endpoint received */
    creates: () => endpoint.requests.filter((r) => r.operation === 'CreateIntegrationWorkflow'),
    restore,
  };
}

async function setAwsSettings(values) {
  const cfg = vscode.workspace.getConfiguration('cpworkflow.aws');
  for (const [key, value] of Object.entries(values)) await cfg.update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * A request file for the local endpoint's domain, made from an example with `edit(text)` applied; opened in an editor.
 */
async function openRequestFile(
  name,
  { example = 'salesforce-account.cpworkflow.json', domain = DOMAIN, edit = (t) => t } = {},
) {
  const source = fs.readFileSync(path.join(PROJECT_ROOT, 'examples', example), 'utf8');
  const uri = testFileUri(`submit/${name}`);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(
    uri.fsPath,
    edit(source.replace('"DomainName": "ExampleCorp-Profiles"', `"DomainName": "${domain}"`)),
  );
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor, uri };
}

/**
 * The request body the AWS CLI would send for `text`: the file without DomainName (a URI label), timestamps as epoch
 * seconds.
 */
function expectedBody(text) {
  const json = JSON.parse(text);
  delete json.DomainName;
  const ai = json.IntegrationConfig.AppflowIntegration;
  const sched =
    ai.FlowDefinition.TriggerConfig.TriggerProperties && ai.FlowDefinition.TriggerConfig.TriggerProperties.Scheduled;
  const secs = (v) => (typeof v === 'string' ? Math.floor(Date.parse(v) / 1000) : v);
  if (sched)
    for (const k of ['ScheduleStartTime', 'ScheduleEndTime', 'FirstExecutionFrom'])
      if (k in sched) sched[k] = secs(sched[k]);
  for (const b of ai.Batches || []) for (const k of ['StartTime', 'EndTime']) if (k in b) b[k] = secs(b[k]);
  return json;
}

const CREATE = 'cpworkflow.createWorkflow';
const STATUS = 'cpworkflow.showWorkflowStatus';
/**
 * Runs "Create Integration Workflow" on `uri`; the result is the command's report of what happened.
 * @param {import('vscode').Uri} uri
 * @param {Record<string, any>} [options]
 * @returns {Promise<any>}
 */
const create = async (uri, options = { confirm: false }) => vscode.commands.executeCommand(CREATE, uri, options);

module.exports = {
  startSandbox,
  openRequestFile,
  expectedBody,
  create,
  CREATE,
  STATUS,
  PROFILE,
  NO_REGION_PROFILE,
  DOMAIN,
  OBJECT_TYPE,
};
