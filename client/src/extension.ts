// The VS Code extension: starts the language server for cpworkflow files and shows what checks them.
// The only code that imports `vscode`.
import { registerPreview } from './preview';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerSubmission } from './submit';
import { registerWorkflowsView, type WorkflowsViewApi } from './view';
import { NEW_FILE_COMMAND, newWorkflowFile } from './newFile';
import { FIX_ALL_COMMAND, fixAllProblems } from './fixAll';
import { DOCUMENT_SELECTOR, LANGUAGE_ID } from './constants';
import { accountSettings, registerAccount } from './account';

let client: LanguageClient | undefined;

export interface ExtensionApi {
  readonly client: LanguageClient;
  /** The Customer Profiles view, its details documents (for tests and other extensions) */
  readonly workflows: WorkflowsViewApi;
  /** the account's language status item: what it shows and the one command it offers (tests read it) */
  readonly accountStatus: vscode.LanguageStatusItem;
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
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    diagnosticCollectionName: 'cpworkflow',
    // the account stays off unless the user turned it on (user settings) in a trusted workspace
    initializationOptions: { account: accountSettings() },
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
  const submission = registerSubmission(context);
  const workflows = registerWorkflowsView(context, submission);
  context.subscriptions.push(vscode.commands.registerCommand(NEW_FILE_COMMAND, () => newWorkflowFile(LANGUAGE_ID)));
  context.subscriptions.push(vscode.commands.registerCommand(FIX_ALL_COMMAND, fixAllProblems));

  await client.start();
  context.subscriptions.push(client);
  const accountStatus = registerAccount(context, client);
  registerPreview(context, client);
  return { client, workflows, accountStatus };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
