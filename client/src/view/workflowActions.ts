// What a workflow in the view offers: details, Copy ID, Copy as AWS CLI command, open the file that created it,
// Delete (behind a modal that names it; one request). None of them runs in Restricted Mode. Each returns what it
// did, so a programmatic caller (the extension-host tests) can tell without reading the screen.
import { createHash } from 'crypto';
import * as vscode from 'vscode';
import type { SubmissionContext } from '../aws/context';
import { Prompter, submitOptionsIn } from '../submit/prompts';
import { currentTarget, explainFor, withClient, type WorkflowRef } from '../aws/session';
import { getWorkflowCliCommand, withoutPassword } from './viewText';
import type { WorkflowNode, WorkflowsTree } from './workflowsTree';
import { notify } from '../notify';

export interface ActionResult {
  readonly outcome: 'done' | 'refused' | 'declined' | 'failed';
  readonly reason?: string;
  readonly shown?: string;
  /** Copy: what went to the clipboard; Delete: the request id */
  readonly value?: string;
  readonly asked?: readonly { kind: string; message: string; detail: string; answer: unknown }[];
}

/** The workflow a command's arguments name: a tree node (menus, clicks) or a WorkflowRef (programmatic callers). */
export function workflowIn(args: readonly unknown[]): WorkflowRef | undefined {
  for (const a of args) {
    if (typeof a !== 'object' || a === null) continue;
    if ((a as WorkflowNode).kind === 'workflow') return (a as WorkflowNode).ref;
    if (typeof (a as WorkflowRef).workflowId === 'string' && typeof (a as WorkflowRef).domainName === 'string')
      return a as WorkflowRef;
  }
  return undefined;
}

/**
 * The workflow a command acts on, and where its requests go. Only its id and domain come from the arguments: a
 * command link, a tasks.json input or another extension can call a command with any arguments, so profile, region
 * and endpoint never do. A workflow this editor created keeps the target it was created with; any other is read with
 * the current settings (the view's own target).
 */
export async function trustedWorkflowIn(ctx: SubmissionContext, args: readonly unknown[]): Promise<WorkflowRef> {
  const named = workflowIn(args)!;
  const known = ctx.recent.list().find((r) => r.workflowId === named.workflowId && r.domainName === named.domainName);
  if (known) return known;
  const view = await currentTarget(ctx.memory);
  return {
    workflowId: named.workflowId,
    domainName: named.domainName,
    createdAt: typeof named.createdAt === 'number' ? named.createdAt : 0,
    profile: view.profile,
    region: view.region,
    endpointUrl: view.endpointUrl,
  };
}

/** Restricted Mode or no workflow: the refusal (and nothing is sent); otherwise undefined. */
export function refusal(args: readonly unknown[]): ActionResult | undefined {
  if (!vscode.workspace.isTrusted) {
    const shown = 'Workflow actions need signed AWS requests, which are off in Restricted Mode: trust this workspace.';
    void notify.warn(shown);
    return { outcome: 'refused', reason: 'untrusted', shown };
  }
  if (!workflowIn(args)) {
    const shown = 'Choose a workflow in the Customer Profiles view.';
    void notify.info(shown);
    return { outcome: 'refused', reason: 'no-workflow', shown };
  }
  return undefined;
}

export async function copyWorkflowId(args: unknown[]): Promise<ActionResult> {
  const refused = refusal(args);
  if (refused) return refused;
  const value = workflowIn(args)!.workflowId;
  await vscode.env.clipboard.writeText(value);
  return { outcome: 'done', value };
}

export async function copyCliCommand(ctx: SubmissionContext, args: unknown[]): Promise<ActionResult> {
  const refused = refusal(args);
  if (refused) return refused;
  const value = getWorkflowCliCommand(await trustedWorkflowIn(ctx, args));
  await vscode.env.clipboard.writeText(value);
  return { outcome: 'done', value };
}

/** Opens the file the workflow was created from; says so when its text is no longer what was sent. */
export async function openSourceFile(ctx: SubmissionContext, args: unknown[]): Promise<ActionResult> {
  const refused = refusal(args);
  if (refused) return refused;
  const ref = workflowIn(args)!;
  const source = ctx.sources.get(ref.workflowId);
  if (!source) {
    const shown = `This editor did not create workflow ${ref.workflowId}, so it does not know its file.`;
    void notify.info(shown);
    return { outcome: 'refused', reason: 'unknown', shown };
  }
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(source.uri));
  } catch (err) {
    const shown = `The file that created workflow ${ref.workflowId} cannot be opened (${vscode.Uri.parse(source.uri).fsPath}): ${(err as Error).message}`;
    void notify.error(shown);
    return { outcome: 'failed', reason: 'unreadable', shown };
  }
  await vscode.window.showTextDocument(doc);
  const same = createHash('sha256').update(doc.getText()).digest('hex') === source.sha256;
  if (same) return { outcome: 'done', value: source.uri };
  const shown = `The file has changed since workflow ${ref.workflowId} was created from it (version ${source.version}, ${new Date(source.sentAt).toLocaleString()}).`;
  void notify.info(shown);
  return { outcome: 'done', reason: 'changed', value: source.uri, shown };
}

/** Deletes after a modal that names the workflow, domain and region; exactly one DeleteWorkflow request. */
export async function deleteWorkflowAction(
  ctx: SubmissionContext,
  tree: WorkflowsTree,
  args: unknown[],
): Promise<ActionResult> {
  const refused = refusal(args);
  if (refused) return refused;
  const ref = await trustedWorkflowIn(ctx, args);
  const prompter = new Prompter(submitOptionsIn(args));
  const name = ref.flowName ? `"${ref.flowName}" (${ref.workflowId})` : ref.workflowId;
  const answer = await prompter.ask('delete', {
    message: `Delete workflow ${name}?`,
    detail: `Domain: ${ref.domainName}\nRegion: ${ref.region}${ref.endpointUrl ? `\nEndpoint: ${withoutPassword(ref.endpointUrl)}` : ''}\n\nDeleteWorkflow removes the workflow and its history from Customer Profiles; it cannot be undone.`,
    yes: 'Delete',
  });
  const asked = prompter.asked;
  if (answer !== 'yes') return { outcome: 'declined', asked };
  // the guard the create command uses: one request per key at a time (a second click while it runs sends nothing)
  const key = `delete:${ref.domainName}/${ref.workflowId}`;
  if (ctx.submissions.isInFlight(key)) {
    return { outcome: 'refused', reason: 'busy', shown: 'That workflow is already being deleted.', asked };
  }
  const log = ctx.log.session();
  try {
    const { requestId } = await ctx.submissions.run(key, () =>
      withClient(ref, (client, aws) => aws.deleteWorkflow(client, ref.domainName, ref.workflowId)),
    );
    log.info(`Deleted workflow ${ref.workflowId} of domain ${ref.domainName} (request id ${requestId ?? 'none'})`);
    tree.forget(ref);
    return { outcome: 'done', value: requestId, asked };
  } catch (err) {
    const x = explainFor(ref, 'DeleteWorkflow', err);
    log.error(`DeleteWorkflow ${ref.workflowId}: ${x.code}${x.requestId ? ` (request id ${x.requestId})` : ''}`);
    const shown = `Deleting workflow ${ref.workflowId} failed: ${x.text}`;
    void notify.error(shown, 'Show Log').then((b) => b && ctx.log.show());
    return { outcome: 'failed', reason: x.code, shown, asked };
  }
}
