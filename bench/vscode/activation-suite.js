'use strict';
// Runs inside a real VS Code's extension host (the harness's code-server, as `--extensionTestsPath`) for the
// benchmark: how long the extension takes to activate (loading dist/client.js, activate(), the language server's
// start and initialize), whether that loaded the AWS SDK, and how long an opened workflow takes to show its
// diagnostics. Writes its figures as JSON to CPWORKFLOW_BENCH_OUT.
const fs = require('fs');
const vscode = require('vscode');

const EXTENSION_ID = 'cpworkflow.cpworkflow';
const WAIT_MS = 60000;

function diagnosticsOf(uri) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no diagnostics for ${uri} within ${WAIT_MS} ms`));
    }, WAIT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || vscode.languages.getDiagnostics(uri).length === 0)
        return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(vscode.languages.getDiagnostics(uri));
    });
  });
}

exports.run = async function run() {
  const out = {};
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  if (extension.isActive) throw new Error('the extension is active before the benchmark asked for it');
  let t0 = performance.now();
  const api = await extension.activate();
  out.activateMs = performance.now() - t0;
  out.clientRunning = api.client.isRunning();
  out.awsSdkModules = Object.keys(require.cache).filter((m) =>
    /[\\/]@aws-sdk[\\/]|[\\/]dist[\\/]submission\.js$/.test(m),
  );

  const uri = vscode.Uri.file(process.env.CPWORKFLOW_BENCH_FILE);
  t0 = performance.now();
  const shown = diagnosticsOf(uri);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  out.diagnostics = (await shown).length;
  out.openToDiagnosticsMs = performance.now() - t0;
  fs.writeFileSync(process.env.CPWORKFLOW_BENCH_OUT, JSON.stringify(out));
};
