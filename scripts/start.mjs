#!/usr/bin/env node
// `npm start`: the product in a real VS Code. Builds and packages the extension, starts the local Customer
// Profiles endpoint on 127.0.0.1 (with fake credentials made here), and opens examples/ with the extension and
// `cpworkflow.aws.endpointUrl` pointed at that endpoint: in desktop VS Code (`code --extensionDevelopmentPath`)
// when `code` is installed, otherwise in code-server on 127.0.0.1, printing the URL to open. Every program runs
// with a private HOME in the system temp folder, so no real AWS profile is read. Ctrl+C stops all it started.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import codeServer from '../test/vscode/code-server.js';
import fakeAws from '../test/vscode/fake-aws.js';
import { fakeAwsKeys, startLocalEndpoint } from '../test/endpoint/customerProfilesEndpoint.mjs';
import { demoAccount } from '../test/endpoint/accountData.mjs';

const { PROJECT_ROOT, privateHome, codeServerProfile, installVsix, startCodeServer, stopGroup, workbenchUrl } =
  codeServer;
const EXAMPLES = path.join(PROJECT_ROOT, 'examples');
const REGION = 'us-east-1';
const useDesktop =
  !process.argv.includes('--code-server') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * The demo account, plus any domain and object type an example names that it lacks (every example submits), each
 * domain with a history of workflows.
 */
function accountOfExamples() {
  const account = demoAccount();
  for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.cpworkflow.json'))) {
    try {
      const { DomainName, ObjectTypeName } = JSON.parse(readFileSync(path.join(EXAMPLES, name), 'utf8'));
      const domain = (account.domains[DomainName] ??= { objectTypes: {} });
      domain.objectTypes[ObjectTypeName] ??= { Fields: {}, Keys: {} };
    } catch {
      /* an example being edited into invalid JSON simply adds no domain */
    }
  }
  // past workflows in every status, so the Customer Profiles view has something to show before the first create
  for (const domain of Object.values(account.domains)) domain.history = true;
  return account;
}

const cleanups = [];
let stopping;
function stopAll(code) {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err) => console.error(err.message));
    process.exit(code);
  })();
  return stopping;
}
process.on('SIGINT', () => {
  console.log('\nstopping…');
  void stopAll(0);
});
process.on('SIGTERM', () => void stopAll(0));

async function main() {
  const build = spawnSync('npm', ['run', 'package'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('`npm run package` failed');

  const home = privateHome('cpworkflow-start-');
  cleanups.push(async () => home.remove());
  const keys = fakeAwsKeys();
  const endpoint = await startLocalEndpoint({
    region: REGION,
    account: accountOfExamples(),
    credentials: { [keys.accessKeyId]: keys.secretAccessKey },
    log: (line) => console.log(`[local endpoint] ${line}`),
  });
  cleanups.push(() => endpoint.stop());
  const endpointUrl = endpoint.url;
  console.log(`local Customer Profiles + AppFlow endpoint: ${endpointUrl} (region ${REGION})`);
  const env = fakeAws.awsEnvFor(keys, REGION);
  // the account on, so completion lists the account's fields and the Problems view shows its findings
  const profile = codeServerProfile(home, {
    'cpworkflow.aws.endpointUrl': endpointUrl,
    'cpworkflow.account.enabled': true,
  });

  if (useDesktop) {
    // --wait keeps `code` running until the window closes, so Ctrl+C here and closing the window both end the run
    const code = spawn(
      'code',
      [
        '--wait',
        '--new-window',
        `--user-data-dir=${profile.userDataDir}`,
        `--extensions-dir=${profile.extensionsDir}`,
        `--extensionDevelopmentPath=${PROJECT_ROOT}`,
        EXAMPLES,
      ],
      { env: { ...fakeAws.withoutAwsVariables(process.env), ...home.env, ...env }, stdio: 'inherit', detached: true },
    );
    cleanups.push(() => stopGroup(code.pid));
    console.log('desktop VS Code is open on examples/; close its window or press Ctrl+C to stop');
    code.once('exit', () => void stopAll(0));
    return;
  }
  installVsix(home, profile, path.join(PROJECT_ROOT, 'dist/cpworkflow.vsix'));
  const server = await startCodeServer({ home, profile, env });
  cleanups.push(() => server.stop());
  server.exited.then((code) => {
    if (!stopping) {
      console.error(`code-server exited (${code})\n${server.output()}`);
      void stopAll(1);
    }
  });
  console.log(
    `\nVS Code (code-server ${server.url}) with the cpworkflow extension on examples/:\n\n  ${workbenchUrl(server, EXAMPLES)}\n\nPress Ctrl+C to stop.`,
  );
}

main().catch((err) => {
  console.error(err.message);
  void stopAll(1);
});
