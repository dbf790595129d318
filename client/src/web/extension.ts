// The extension in the browser (vscode.dev, github.dev): the language server runs as a Web Worker
// (dist/web/server.js) and gives the same checks, completion, hover, quick fixes, symbols, folding and formatting as
// on the desktop; the preview works too. Creating, the workflows view, the account checks and import need Node and
// credentials: in the browser those commands say so when run (one line, no error), and the language status says so.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { DOCUMENT_SELECTOR, LANGUAGE_ID } from '../constants';
import { PREVIEW_COMMAND, registerPreview } from '../preview';
import { notify } from '../notify';
import { FIX_ALL_COMMAND, fixAllProblems } from '../fixAll';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const worker = new (
    globalThis as unknown as { Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3] }
  ).Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true));
  const options: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, { pattern: '**/*.cpworkflow.json' }],
    synchronize: {},
    initializationOptions: {},
  };
  client = new LanguageClient(LANGUAGE_ID, 'Customer Profiles Workflow', options, worker);
  const status = vscode.languages.createLanguageStatusItem('cpworkflow.web', DOCUMENT_SELECTOR);
  status.name = 'Customer Profiles in the browser';
  status.text = 'In the browser: checks only';
  status.detail = 'Create and account checks need VS Code desktop';
  context.subscriptions.push(status, vscode.commands.registerCommand(FIX_ALL_COMMAND, fixAllProblems));
  await client.start();
  context.subscriptions.push(client);
  registerPreview(context, client);
  // the commands that need Node or credentials: listed by package.json for the desktop; here they say where they work
  const here = new Set([FIX_ALL_COMMAND, PREVIEW_COMMAND]);
  const contributed = (
    context.extension.packageJSON as { contributes?: { commands?: { command: string; title: string }[] } }
  ).contributes?.commands;
  for (const c of contributed ?? [])
    if (!here.has(c.command))
      context.subscriptions.push(
        vscode.commands.registerCommand(c.command, () =>
          notify.info(
            `"${c.title}" needs VS Code desktop: in the browser, the checks, quick fixes and the preview work.`,
          ),
        ),
      );
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
