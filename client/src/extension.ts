// The VS Code extension: starts the language server for cpworkflow files and shows what checks them.
// The only code that imports `vscode`.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerSubmission } from './submit';
import { NEW_FILE_COMMAND, newWorkflowFile } from './newFile';
import { SNIPPETS } from '../../server/src/engine';
import { DOCUMENT_SELECTOR, LANGUAGE_ID } from './constants';

let client: LanguageClient | undefined;

export interface ExtensionApi {
  readonly client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  // VS Code already offers the snippets this extension contributes; the server offers the same ones (with the
  // file's connector key filled in) for editors without them. Show each once: VS Code's, beside the server's
  // member snippets, which have labels of their own. The engine holds the contributed file already (newFile.ts).
  const contributed = new Set(SNIPPETS.map((s) => s.prefix));
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    diagnosticCollectionName: 'cpworkflow',
    middleware: {
      provideCompletionItem: async (document, position, ctx, token, next) => {
        const result = await next(document, position, ctx, token);
        const keep = (i: vscode.CompletionItem) =>
          !(
            i.kind === vscode.CompletionItemKind.Snippet &&
            contributed.has(typeof i.label === 'string' ? i.label : i.label.label)
          );
        if (Array.isArray(result)) return result.filter(keep);
        if (result) result.items = result.items.filter(keep);
        return result;
      },
    },
  };
  client = new LanguageClient('cpworkflow', 'Customer Profiles Workflow', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('cpworkflow.model', DOCUMENT_SELECTOR);
  status.name = 'Customer Profiles model';
  status.text = 'Customer Profiles model';
  status.detail = 'Checked against the CreateIntegrationWorkflow service model';
  status.command = {
    title: 'API reference',
    command: 'vscode.open',
    arguments: [
      vscode.Uri.parse(
        'https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_CreateIntegrationWorkflow.html',
      ),
    ],
  };
  context.subscriptions.push(status);
  // Create/track commands and the AWS status bar item; the AWS SDK loads only when a command runs.
  registerSubmission(context);
  context.subscriptions.push(vscode.commands.registerCommand(NEW_FILE_COMMAND, () => newWorkflowFile(LANGUAGE_ID)));

  await client.start();
  context.subscriptions.push(client);
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
