// "Customer Profiles: Fix All Problems": the server's source.fixAll action for the active workflow file, applied as
// one edit (one Undo), as ESLint's "Fix all auto-fixable problems".
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './constants';
import { notify } from './notify';

export const FIX_ALL_COMMAND = 'cpworkflow.fixAll';

export async function fixAllProblems(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    void notify.info('Open a Customer Profiles workflow file (*.cpworkflow.json) first.');
    return;
  }
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      whole,
      vscode.CodeActionKind.SourceFixAll.value,
    )) ?? [];
  const fixAll = actions.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind) && a.edit);
  if (!fixAll?.edit) {
    void notify.info('No problem in this file has a fix that needs no choice.');
    return;
  }
  if (!(await vscode.workspace.applyEdit(fixAll.edit)))
    void notify.warn('The fixes could not be applied: the file changed meanwhile. Try again.');
}
