// The "Customer Profiles" view, its actions and the workflow details documents. Registering loads no AWS SDK: the
// view reads the account only once it is shown (and never in Restricted Mode).
import * as vscode from 'vscode';
import type { SubmissionContext } from '../aws/context';
import { SHOW_STATUS_COMMAND, showWorkflowStatus, type OpenDetails, type StatusResult } from '../submit/tracking';
import { WORKFLOW_STATUS_LABELS } from './viewText';
import {
  copyCliCommand,
  copyWorkflowId,
  deleteWorkflowAction,
  openSourceFile,
  refusal,
  trustedWorkflowIn,
} from './workflowActions';
import { DETAILS_SCHEME, WorkflowDetailsDocuments } from './workflowDetails';
import { IMPORT_FLOW_COMMAND, importFlowCommand } from './importFlowCommand';
import {
  CLEAR_FILTER_COMMAND,
  FILTER_COMMAND,
  REFRESH_COMMAND,
  SHOW_DETAILS_COMMAND,
  VIEW_ID,
  WorkflowsTree,
} from './workflowsTree';

export interface WorkflowsViewApi {
  readonly tree: WorkflowsTree;
  readonly details: WorkflowDetailsDocuments;
  readonly treeView: vscode.TreeView<unknown>;
}

export function registerWorkflowsView(context: vscode.ExtensionContext, ctx: SubmissionContext): WorkflowsViewApi {
  const tree = new WorkflowsTree(ctx);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(treeView);
  const details = new WorkflowDetailsDocuments(ctx);

  const openDetails: OpenDetails = async (w, options) => {
    const { uri, look } = await details.open(w, { intervalMs: options.intervalMs });
    const key = uri.toString();
    let last = look;
    if (options.untilFinished && !look.done && !look.error) {
      const aborted = new Promise<undefined>((resolve) =>
        options.signal?.addEventListener('abort', () => resolve(undefined), { once: true }),
      );
      last = (await Promise.race([details.nextLook(key, (l) => l.done || !!l.error), aborted])) ?? look;
    }
    return {
      outcome: 'shown',
      workflowId: w.workflowId,
      uri: key,
      status: last.status,
      text: last.text,
      error: last.error,
    };
  };
  const run =
    <T>(fn: (args: unknown[]) => Promise<T>) =>
    (...args: unknown[]) =>
      fn(args).finally(() => ctx.status.invalidate());

  context.subscriptions.push(
    tree,
    treeView,
    details,
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, details),
    vscode.commands.registerCommand(REFRESH_COMMAND, () => tree.refresh()),
    vscode.commands.registerCommand(FILTER_COMMAND, (status?: unknown) => filterByStatus(tree, status)),
    vscode.commands.registerCommand(CLEAR_FILTER_COMMAND, () => filterByStatus(tree, null)),
    vscode.commands.registerCommand(
      SHOW_DETAILS_COMMAND,
      run(async (args): Promise<StatusResult> => {
        const refused = refusal(args);
        if (refused) return { outcome: 'declined', shown: refused.shown };
        return openDetails(await trustedWorkflowIn(ctx, args), {});
      }),
    ),
    vscode.commands.registerCommand(
      SHOW_STATUS_COMMAND,
      run((args) => showWorkflowStatus(ctx, args, openDetails)),
    ),
    vscode.commands.registerCommand('cpworkflow.workflows.copyId', run(copyWorkflowId)),
    vscode.commands.registerCommand(
      'cpworkflow.workflows.copyCliCommand',
      run((args) => copyCliCommand(ctx, args)),
    ),
    vscode.commands.registerCommand(
      'cpworkflow.workflows.openSource',
      run((args) => openSourceFile(ctx, args)),
    ),
    vscode.commands.registerCommand(
      IMPORT_FLOW_COMMAND,
      run((args) => importFlowCommand(ctx, args)),
    ),
    vscode.commands.registerCommand(
      'cpworkflow.workflows.delete',
      run((args) => deleteWorkflowAction(ctx, tree, args)),
    ),
  );
  return { tree, details, treeView };
}

/**
 * The status filter: the status given (null: every status), else a quick pick. Anything else in the argument (the
 * view's title-bar button passes its own context, not a status) opens the pick too.
 */
async function filterByStatus(tree: WorkflowsTree, status?: unknown): Promise<string | undefined> {
  let chosen: string | null | undefined =
    status === null || (typeof status === 'string' && Object.hasOwn(WORKFLOW_STATUS_LABELS, status))
      ? status
      : undefined;
  if (chosen === undefined) {
    const current = tree.statusFilter;
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'All statuses', value: null as string | null, picked: !current },
        ...Object.entries(WORKFLOW_STATUS_LABELS).map(([value, label]) => ({
          label: value,
          description: value === current ? `${label} · current` : label,
          value: value as string | null,
        })),
      ],
      {
        title: 'Show workflows of one status',
        placeHolder: 'ListWorkflows asks Customer Profiles for this status only',
      },
    );
    if (!picked) return tree.statusFilter;
    chosen = picked.value;
  }
  await tree.setStatusFilter((chosen ?? undefined) as Parameters<WorkflowsTree['setStatusFilter']>[0]);
  return tree.statusFilter;
}
