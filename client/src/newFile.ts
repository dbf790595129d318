// "Customer Profiles: New Integration Workflow File": asks for the source connector and its object (an S3 bucket for
// S3), then opens an untitled cpworkflow document from that connector's workflow snippet, the cursor on the first
// placeholder. The template and the input rules come from the engine and the model, not from this file.
import * as vscode from 'vscode';
import {
  connectors,
  defaultText,
  sourceObjectOf,
  sourceObjectProblem,
  workflowConnectorTypes,
  workflowTemplate,
} from '../../server/src/engine';

export const NEW_FILE_COMMAND = 'cpworkflow.newFile';

export async function newWorkflowFile(languageId: string): Promise<vscode.TextEditor | undefined> {
  const picked = await vscode.window.showQuickPick(
    connectors.map((c) => ({
      label: c.type,
      type: c.type,
      description: workflowConnectorTypes.includes(c.type) ? undefined : 'not documented for workflows',
    })),
    { title: 'New Integration Workflow File (1/2)', placeHolder: 'The source connector (ConnectorType)' },
  );
  if (!picked) return undefined;
  const source = sourceObjectOf(picked.type);
  const bucket = source?.member === 'BucketName';
  const object = await vscode.window.showInputBox({
    title: 'New Integration Workflow File (2/2)',
    prompt: bucket ? 'The S3 bucket that holds the files to ingest' : `The ${picked.type} object to ingest`,
    value: source?.example,
    valueSelection: [0, source?.example.length ?? 0],
    validateInput: (v) => sourceObjectProblem(picked.type, v),
  });
  if (object === undefined) return undefined;
  const template = workflowTemplate(picked.type, object.trim());
  if (!template) return undefined;
  const untitled = await vscode.workspace.openTextDocument(await untitledUriFor(template));
  const document = await vscode.languages.setTextDocumentLanguage(untitled, languageId);
  const editor = await vscode.window.showTextDocument(document);
  // as a snippet, so the cursor lands on the first placeholder and Tab walks the rest
  await editor.insertSnippet(new vscode.SnippetString(template), new vscode.Position(0, 0));
  return editor;
}

/**
 * An untitled document named after the template's FlowName, in the first workspace folder: Save and Save As propose
 * `<FlowName>.cpworkflow.json` there (a plain untitled document would be "Untitled-1"). A name already taken on disk
 * or by an open document gets a number.
 */
async function untitledUriFor(template: string): Promise<vscode.Uri> {
  let flowName = 'workflow';
  try {
    const v = JSON.parse(defaultText(template)) as {
      IntegrationConfig?: { AppflowIntegration?: { FlowDefinition?: { FlowName?: unknown } } };
    };
    const name = v.IntegrationConfig?.AppflowIntegration?.FlowDefinition?.FlowName;
    if (typeof name === 'string' && name) flowName = name;
  } catch {
    // a template that does not parse keeps the generic name
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  for (let n = 1; ; n++) {
    const fileName = `${flowName}${n > 1 ? `-${n}` : ''}.cpworkflow.json`;
    const onDisk = folder && vscode.Uri.joinPath(folder, fileName);
    const uri = vscode.Uri.from({ scheme: 'untitled', path: onDisk ? onDisk.path : fileName });
    const open = vscode.workspace.textDocuments.some((d) => d.uri.path === uri.path);
    if (!open && !(onDisk && (await exists(onDisk)))) return uri;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
