#!/usr/bin/env node
'use strict';
// Runs the extension-host suite (test/vscode/suite) in a real VS Code through @vscode/test-electron's runTests.
// VS Code cannot be downloaded on these machines, so by default `vscodeExecutablePath` is the project's
// code-server launcher (launcher.js); CPWORKFLOW_VSCODE=download lets runTests fetch desktop VS Code as usual.
// The files under test are a fresh copy of examples/ and test/vscode/workspace/ in the system temp folder, so tests
// may edit and save them without touching the repository. They sit outside the opened folder, so that the
// extension's `workspaceContains` activation does not fire and the suite can see it activate on opening a file.
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { PROJECT_ROOT, privateHome, writeUserSettings } = require('./code-server');

async function main() {
  const client = path.join(PROJECT_ROOT, 'dist/client.js');
  if (!fs.existsSync(client)) throw new Error(`${client} is missing: run \`npm run build\` first`);
  const home = privateHome('cpworkflow-ext-tests-');
  try {
    const files = path.join(home.dir, 'files');
    fs.cpSync(path.join(PROJECT_ROOT, 'examples'), path.join(files, 'examples'), { recursive: true });
    fs.cpSync(path.join(__dirname, 'workspace'), files, { recursive: true });
    const folder = path.join(home.dir, 'folder');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'README.md'), 'A folder without workflow files.\n');
    const userDataDir = path.join(home.dir, 'user-data');
    writeUserSettings(userDataDir, {});
    const download = process.env.CPWORKFLOW_VSCODE === 'download';
    await runTests({
      vscodeExecutablePath: download ? undefined : path.join(__dirname, 'launcher.js'),
      extensionDevelopmentPath: PROJECT_ROOT,
      extensionTestsPath: path.join(__dirname, 'suite/index.js'),
      launchArgs: [folder, `--user-data-dir=${userDataDir}`, `--extensions-dir=${path.join(home.dir, 'extensions')}`],
      extensionTestsEnv: { CPWORKFLOW_TEST_FILES: files },
    });
    // the same folder, not trusted: Restricted Mode
    const restrictedDataDir = path.join(home.dir, 'user-data-restricted');
    writeUserSettings(restrictedDataDir, {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
    });
    await runTests({
      vscodeExecutablePath: download ? undefined : path.join(__dirname, 'launcher.js'),
      extensionDevelopmentPath: PROJECT_ROOT,
      extensionTestsPath: path.join(__dirname, 'restricted/index.js'),
      launchArgs: [
        folder,
        `--user-data-dir=${restrictedDataDir}`,
        `--extensions-dir=${path.join(home.dir, 'extensions')}`,
      ],
      extensionTestsEnv: { CPWORKFLOW_TEST_FILES: files, CPWORKFLOW_WORKSPACE_TRUST: '1' },
    });
    return 0;
  } finally {
    home.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err.message);
    process.exit(1);
  },
);
