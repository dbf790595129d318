// "Customer Profiles: New Integration Workflow File": asks for the source connector and its object (an S3 bucket for
// S3), then opens an untitled cpworkflow document from that connector's workflow snippet, the cursor on the first
// placeholder. The template and the input rules come from the engine and the model, not from this file.
import * as vscode from 'vscode';
import {
  connectors,
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
  const document = await vscode.workspace.openTextDocument({ language: languageId, content: '' });
  const editor = await vscode.window.showTextDocument(document);
  // as a snippet, so the cursor lands on the first placeholder and Tab walks the rest
  await editor.insertSnippet(new vscode.SnippetString(template), new vscode.Position(0, 0));
  return editor;
}
