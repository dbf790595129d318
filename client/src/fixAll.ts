// "Customer Profiles: Fix All Problems": the server's source.fixAll action for the active workflow file, applied as
// one edit (one Undo), as ESLint's "Fix all auto-fixable problems".
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './constants';
import { notify } from './notify';

export const FIX_ALL_COMMAND = 'cpworkflow.fixAll';

/** What Fix All did: the codes it fixed and those it left (they need a choice or a change of the user's own). */
export interface FixAllResult {
  readonly fixed: readonly string[];
  readonly left: readonly string[];
  readonly shown: string;
}

/** A diagnostic's code: VS Code gives { value, target } where the diagnostic links to its documentation. */
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** "SCH-2, json-trailing-comma ×2": the codes of some diagnostics, each once with its count. */
function codesOf(diagnostics: readonly vscode.Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(codeOf(d), (counts.get(codeOf(d)) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ');
}

export async function fixAllProblems(): Promise<FixAllResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    void notify.info('Open a Customer Profiles workflow file (*.cpworkflow.json) first.');
    return undefined;
  }
  const doc = editor.document;
  const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'cpworkflow');
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
    const shown = ours.length
      ? `Nothing fixed: none of the ${ours.length} problems (${codesOf(ours)}) has a fix that needs no choice; the light bulb on each offers the choices.`
      : 'No problem in this file has a fix that needs no choice.';
    void notify.info(shown);
    return { fixed: [], left: ours.map(codeOf), shown };
  }
  // the file's next check says what is left: listen before the edit, so its publication cannot be missed
  const checked = nextDiagnostics(doc.uri);
  if (!(await vscode.workspace.applyEdit(fixAll.edit))) {
    checked.dispose();
    const shown = 'The fixes could not be applied: the file changed meanwhile. Try again.';
    void notify.warn(shown);
    return { fixed: [], left: ours.map(codeOf), shown };
  }
  // what it applied, and what it could not (the problems left need a choice or a change of the user's own)
  const after = await checked.done;
  if (!after) {
    // no new check within 10 s (a server that stopped answering): what was applied is all that can be said
    const shown = 'Applied the fixes that need no choice.';
    void notify.info(shown);
    return { fixed: [], left: [], shown };
  }
  const left = after.filter((d) => d.source === 'cpworkflow');
  const remaining = new Map<string, number>();
  for (const d of left) remaining.set(codeOf(d), (remaining.get(codeOf(d)) ?? 0) + 1);
  const fixed = ours.filter((d) => {
    const n = remaining.get(codeOf(d)) ?? 0;
    if (n > 0) remaining.set(codeOf(d), n - 1);
    return n === 0;
  });
  const shown =
    `Fixed ${fixed.length} problem${fixed.length === 1 ? '' : 's'} (${codesOf(fixed)}).` +
    (left.length
      ? ` ${left.length} left need a choice or your own change (${codesOf(left)}): see the Problems view.`
      : '');
  void notify.info(shown);
  return { fixed: fixed.map(codeOf), left: left.map(codeOf), shown };
}

/** The document's diagnostics when they next change (undefined if the server says nothing within 10 s). */
function nextDiagnostics(uri: vscode.Uri): { done: Promise<vscode.Diagnostic[] | undefined>; dispose(): void } {
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<vscode.Diagnostic[] | undefined>((resolve) => {
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      finish();
      resolve(vscode.languages.getDiagnostics(uri));
    });
    timer = setTimeout(() => {
      finish();
      resolve(undefined);
    }, 10_000);
  });
  const finish = () => {
    sub?.dispose();
    clearTimeout(timer);
  };
  return { done, dispose: finish };
}
