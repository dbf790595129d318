'use strict';
// One launch of a real VS Code (the harness: code-server in headless Chromium, through @vscode/test-electron's
// runTests) with the extension under development and bench/vscode/activation-suite.js as its test suite.
//   node bench/vscode/run-activation.js RESULT.json WORKFLOW_FILE
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '../..');

async function main() {
  const [result, file] = process.argv.slice(2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpworkflow-bench-vscode-'));
  try {
    const folder = path.join(dir, 'folder');
    fs.mkdirSync(folder);
    await runTests({
      vscodeExecutablePath: path.join(ROOT, 'test/vscode/launcher.js'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'activation-suite.js'),
      launchArgs: [
        folder,
        `--user-data-dir=${path.join(dir, 'user-data')}`,
        `--extensions-dir=${path.join(dir, 'extensions')}`,
      ],
      extensionTestsEnv: { CPWORKFLOW_BENCH_FILE: path.resolve(file), CPWORKFLOW_BENCH_OUT: path.resolve(result) },
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err.stack ?? String(err));
    process.exit(1);
  },
);
