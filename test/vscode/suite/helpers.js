'use strict';
// What the extension-host tests share: the workspace's files, the extension, and waits on readiness signals
// (VS Code events, or a condition checked as the host runs) instead of fixed sleeps.
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'cpworkflow.cpworkflow';
const WAIT_MS = 20000;

/** A file of the copy that runTests.js made of examples/ and test/vscode/workspace/. */
function testFileUri(relative) {
  const root = process.env.CPWORKFLOW_TEST_FILES;
  if (!root) throw new Error('CPWORKFLOW_TEST_FILES is not set: run the suite through test/vscode/runTests.js');
  return vscode.Uri.file(path.join(root, ...relative.split('/')));
}

/** Opens a test file in an editor, as a user's click in the explorer would. */
async function openTestFile(relative) {
  const doc = await vscode.workspace.openTextDocument(testFileUri(relative));
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

/** Resolves once `condition()` returns something truthy; checked again after every host turn, up to `ms`. */
async function until(condition, what, ms = WAIT_MS) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The document's diagnostics once `accept(diagnostics)` holds, re-checked on each onDidChangeDiagnostics. */
function diagnosticsWhen(uri, accept, what, ms = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const got = vscode.languages.getDiagnostics(uri).map(describeDiagnostic).join('\n  ');
      reject(
        new Error(`timed out after ${ms} ms waiting for ${what} in ${path.basename(uri.fsPath)}; it has:\n  ${got}`),
      );
    }, ms);
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

function describeDiagnostic(d) {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${code} ${d.message}`;
}

const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);

/** The range of the first occurrence of `needle` in the document (which must hold it exactly once). */
function rangeOf(doc, needle) {
  const text = doc.getText();
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0)
    throw new Error(`${doc.fileName} must hold "${needle}" exactly once`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/**
 * Runs a VS Code command and gives its result as the command's own code returns it: VS Code types every command's
 * result as unknown, and each test knows the shape of the command it calls.
 * @param {string} command
 * @param {...any} args
 * @returns {Promise<any>}
 */
const execute = async (command, ...args) => vscode.commands.executeCommand(command, ...args);

module.exports = {
  EXTENSION_ID,
  execute,
  testFileUri,
  openTestFile,
  until,
  diagnosticsWhen,
  describeDiagnostic,
  codeOf,
  rangeOf,
};
