'use strict';
// The account in the real editor: the local endpoint serves an account nobody chose (randomAccount(seed), the seed
// logged), the user turns the account on from the language status item without a reload, the account finding
// appears, "Refresh Account" asks the account again, and turning it off takes the account findings away.
// The language server was started before this suite, so its credentials come the way a user's do: a profile in
// ~/.aws of the private HOME that the launcher gave code-server (read when the account first asks).
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const vscode = require('vscode');
const { EXTENSION_ID, testFileUri, diagnosticsWhen, until, codeOf, execute } = require('./helpers');

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const PROFILE = 'cpw-account';
const isAccountFinding = (d) => String(codeOf(d)).startsWith('ACC-');

suite('account', () => {
  let endpoint, item, doc, dropped, awsDir;

  suiteSetup(async () => {
    // the account test support (built by `npm run build` into out/test): the same derivation as the mocha suites
    const supportFile = path.join(PROJECT_ROOT, 'out/test/account/support.js');
    if (!fs.existsSync(supportFile)) throw new Error(`${supportFile} is missing: run \`npm run build\` first`);
    const { chooseFrom, cleanWorkflow, flowOf } = require(supportFile);
    const data = await import(pathToFileURL(path.join(PROJECT_ROOT, 'test/endpoint/accountData.mjs')).href);
    const { startLocalEndpoint, fakeAwsKeys } = await import(
      pathToFileURL(path.join(PROJECT_ROOT, 'test/endpoint/customerProfilesEndpoint.mjs')).href
    );
    const seed = data.accountSeed();
    console.log(`    account seed ${seed} (replay: ACCOUNT_SEED=${seed})`);
    const account = data.randomAccount(seed);
    const keys = fakeAwsKeys();
    endpoint = await startLocalEndpoint({ account, credentials: { [keys.accessKeyId]: keys.secretAccessKey } });

    // never a developer's real ~/.aws: only the launcher's private HOME (which is also its TMPDIR), and only if new
    const home = os.homedir();
    awsDir = path.join(home, '.aws');
    if (!path.basename(home).startsWith('cpworkflow-vscode-') || fs.existsSync(awsDir))
      throw new Error(`HOME (${home}) is not the launcher's private home: run the suite through runTests.js`);
    fs.mkdirSync(awsDir);
    fs.writeFileSync(path.join(awsDir, 'config'), `[profile ${PROFILE}]\nregion = ${endpoint.region}\n`);
    fs.writeFileSync(
      path.join(awsDir, 'credentials'),
      `[${PROFILE}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
    );
    const aws = vscode.workspace.getConfiguration('cpworkflow.aws');
    await aws.update('profile', PROFILE, vscode.ConfigurationTarget.Global);
    await aws.update('region', endpoint.region, vscode.ConfigurationTarget.Global);
    await aws.update('endpointUrl', endpoint.url, vscode.ConfigurationTarget.Global);

    // a clean file for the account's object type, less the Map task that writes the source its key reads
    const choice = chooseFrom(account);
    const json = cleanWorkflow(account, choice);
    dropped = choice.keySources[0];
    flowOf(json).Tasks = flowOf(json).Tasks.filter((t) => t.DestinationField !== dropped);
    // and out of the projection: only the account knows the field is wanted (no offline fix adds it)
    const projection = flowOf(json).Tasks[0];
    projection.SourceFields = projection.SourceFields.filter((f) => f !== dropped);
    const uri = testFileUri('account/drops-the-key.cpworkflow.json');
    fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
    fs.writeFileSync(uri.fsPath, JSON.stringify(json, null, 2) + '\n');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
    item = api.accountStatus;
  });

  suiteTeardown(async () => {
    try {
      await vscode.workspace
        .getConfiguration()
        .update('cpworkflow.account.enabled', undefined, vscode.ConfigurationTarget.Global);
      const aws = vscode.workspace.getConfiguration('cpworkflow.aws');
      for (const key of ['profile', 'region', 'endpointUrl'])
        await aws.update(key, undefined, vscode.ConfigurationTarget.Global);
    } finally {
      if (awsDir) fs.rmSync(awsDir, { recursive: true, force: true });
      await endpoint?.stop();
    }
  });

  test('off: offline diagnostics only, no request, and the status item offers "Use account (profile, region)"', async () => {
    await until(() => item.text === 'Check against AWS: off', 'the account status item');
    assert.ok(!vscode.languages.getDiagnostics(doc.uri).some(isAccountFinding), 'no account finding while off');
    assert.strictEqual(item.text, 'Check against AWS: off');
    assert.strictEqual(item.command?.title, `Use account (profile ${PROFILE}, ${endpoint.region})`);
    assert.strictEqual(endpoint.requests.length, 0, 'nothing reached the account');
  });

  test("off, with no region setting: the item names the profile's own region from its config file", async () => {
    const aws = vscode.workspace.getConfiguration('cpworkflow.aws');
    await aws.update('region', undefined, vscode.ConfigurationTarget.Global);
    try {
      await until(
        () => item.command?.title === `Use account (profile ${PROFILE}, ${endpoint.region})`,
        "the profile's region, read from its config file",
      );
      assert.strictEqual(endpoint.requests.length, 0, 'reading the config file asks nothing of the account');
    } finally {
      await aws.update('region', endpoint.region, vscode.ConfigurationTarget.Global);
    }
  });

  test('"Use account": the key the mapping drops is flagged (ACC-10) without a reload', async () => {
    await execute(item.command.command, ...(item.command.arguments ?? []));
    assert.strictEqual(
      vscode.workspace.getConfiguration().inspect('cpworkflow.account.enabled').globalValue,
      true,
      'turned on in the user settings',
    );
    const ds = await diagnosticsWhen(doc.uri, (all) => all.some((d) => codeOf(d) === 'ACC-10'), 'ACC-10');
    const finding = ds.find((d) => codeOf(d) === 'ACC-10');
    assert.match(finding.message, new RegExp(`No Map task writes "${dropped.replace(/[$^.*+?()[\]{}|\\]/g, '\\$&')}"`));
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(doc.getText(finding.range), '"Tasks"', 'on the Tasks key');
    assert.ok(
      endpoint.requests.some((r) => r.operation === 'GetProfileObjectType'),
      'the object type was read from the account',
    );
    await until(() => item.command?.title === 'Refresh Account', 'the status item to offer "Refresh Account"');
    assert.strictEqual(item.text, `Check against AWS: profile ${PROFILE}, ${endpoint.region}`);
  });

  test('"Refresh Account" asks the account again and keeps the finding', async () => {
    const before = endpoint.requests.length;
    await execute(item.command.command, ...(item.command.arguments ?? []));
    await until(
      () => endpoint.requests.slice(before).some((r) => r.operation === 'GetProfileObjectType'),
      'the object type to be read again',
    );
    await diagnosticsWhen(doc.uri, (all) => all.some((d) => codeOf(d) === 'ACC-10'), 'ACC-10 after the refresh');
  });

  test('"Fix All Problems" adds the Map task that ACC-10 asks for, in one edit', async () => {
    await vscode.window.showTextDocument(doc);
    await execute('cpworkflow.fixAll');
    const tasks = JSON.parse(doc.getText()).IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks;
    assert.deepStrictEqual(
      tasks.filter((t) => t.TaskType === 'Map' && t.DestinationField === dropped).map((t) => t.SourceFields),
      [[dropped]],
      `one Map task writes "${dropped}"`,
    );
    assert.ok(tasks[0].SourceFields.includes(dropped), 'and the projection lists it');
    await diagnosticsWhen(doc.uri, (all) => !all.some((d) => codeOf(d) === 'ACC-10'), 'ACC-10 to go');
    await execute('workbench.action.files.revert');
    await diagnosticsWhen(doc.uri, (all) => all.some((d) => codeOf(d) === 'ACC-10'), 'ACC-10 after the revert');
  });

  test('turning the setting off clears the account findings and offers "Use account" again', async () => {
    await vscode.workspace
      .getConfiguration()
      .update('cpworkflow.account.enabled', false, vscode.ConfigurationTarget.Global);
    const after = await diagnosticsWhen(doc.uri, (all) => !all.some(isAccountFinding), 'the account findings to go');
    assert.ok(!after.some(isAccountFinding));
    await until(() => item.command?.title.startsWith('Use account ('), 'the status item to offer "Use account"');
  });
});
