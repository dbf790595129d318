// The "Customer Profiles" view's tree provider: the model (workflowsModel.ts: what is read, cached, polled, and the
// words for a failure) turned into VS Code TreeItems, with VS Code as the model's host (settings, trust, visibility,
// the log). In Restricted Mode the view shows one item and sends nothing.
import * as vscode from 'vscode';
import type { WorkflowStatus } from '../../../server/src/aws';
import type { SubmissionContext } from '../aws/context';
import { SELECT_TARGET_COMMAND } from '../aws/target';
import { submissionModules } from '../aws/lazyModules';
import { currentTarget, explain, withClient, type WorkflowRef } from '../aws/session';
import { iconOf, isoTime, oneLine, stepDescription, workflowDescription } from './viewText';
import { SHOW_DETAILS_COMMAND, WorkflowsModel, type ViewNode } from './workflowsModel';

export {
  CLEAR_FILTER_COMMAND,
  FILTER_COMMAND,
  REFRESH_COMMAND,
  SHOW_DETAILS_COMMAND,
  type DomainNode,
  type MessageNode,
  type ViewNode,
  type WorkflowNode,
} from './workflowsModel';
export const VIEW_ID = 'cpworkflow.workflows';
const INTERVAL_SETTING = 'cpworkflow.workflowsView.autoRefreshSeconds';

export class WorkflowsTree implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires after a domain's workflows were read again (by the timer or a refresh), with the domain. */
  private readonly reloaded = new vscode.EventEmitter<string>();
  readonly onDidReloadDomain = this.reloaded.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed, this.reloaded];
  private treeView: vscode.TreeView<ViewNode> | undefined;
  readonly model: WorkflowsModel;

  constructor(ctx: SubmissionContext) {
    this.model = new WorkflowsModel({
      memory: ctx.memory,
      target: () => currentTarget(ctx.memory),
      assertProfileExists: (t) => submissionModules().aws.assertProfileExists(t.settings),
      withClient,
      explain,
      recent: () => ctx.recent.list(),
      hasSource: (id) => ctx.sources.get(id) !== undefined,
      logError: (line) => ctx.log.session().error(line),
      isTrusted: () => vscode.workspace.isTrusted,
      isVisible: () => this.treeView?.visible ?? false,
      intervalSeconds: () => vscode.workspace.getConfiguration().get<number>(INTERVAL_SETTING, 10),
      changed: (node) => this.changed.fire(node),
      reloaded: (domainName) => this.reloaded.fire(domainName),
    });
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cpworkflow.aws')) this.refresh();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
      // a workflow created from the editor is listed at once (and then followed while it runs)
      ctx.created.event((w) => this.model.reloadDomain(w.domainName)),
    );
  }

  /** The tree view this provider fills; its visibility decides whether running workflows are polled. */
  attach(treeView: vscode.TreeView<ViewNode>): void {
    this.treeView = treeView;
    this.describeFilter();
    this.subscriptions.push(
      treeView.onDidChangeVisibility((e) => {
        if (e.visible) this.model.schedule();
      }),
    );
  }

  get statusFilter(): WorkflowStatus | undefined {
    return this.model.statusFilter;
  }

  async setStatusFilter(status: WorkflowStatus | undefined): Promise<void> {
    await this.model.setStatusFilter(status);
    this.describeFilter();
  }

  /**
   * An active filter shows above the list ("Filtered: FAILED workflows only") and in the view's title when VS Code
   * shows the view's own header, with its Clear button in the title bar.
   */
  private describeFilter(): void {
    if (this.treeView) {
      this.treeView.description = this.statusFilter ? `Filtered: ${this.statusFilter}` : undefined;
      this.treeView.message = this.statusFilter
        ? `Filtered: ${this.statusFilter} workflows only (Clear Workflow Status Filter shows all)`
        : undefined;
    }
    void vscode.commands.executeCommand('setContext', 'cpworkflow.workflows.filtered', this.statusFilter !== undefined);
  }

  /** Forgets everything read; the tree is read again as VS Code asks for it. */
  refresh(): void {
    this.model.refresh();
  }

  /** A workflow was deleted: drop it from its domain without reading the domain again. */
  forget(ref: WorkflowRef): void {
    this.model.forget(ref);
  }

  get polling(): boolean {
    return this.model.polling;
  }

  get busy(): boolean {
    return this.model.busy;
  }

  getChildren(node?: ViewNode): Promise<ViewNode[]> {
    return this.model.children(node);
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    switch (node.kind) {
      case 'target': {
        const item = new vscode.TreeItem(node.label);
        item.id = 'target';
        item.iconPath = new vscode.ThemeIcon('account');
        item.tooltip = node.tooltip;
        item.command = { title: 'Switch Profile and Region', command: SELECT_TARGET_COMMAND };
        item.contextValue = 'target';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label);
        item.description = node.description;
        item.tooltip = node.tooltip ?? node.description;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.command = node.command && { ...node.command };
        item.contextValue = 'message';
        return item;
      }
      case 'domain': {
        const item = new vscode.TreeItem(node.domainName, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `domain/${node.domainName}`;
        item.iconPath = new vscode.ThemeIcon('database');
        item.contextValue = 'domain';
        return item;
      }
      case 'workflow': {
        const { summary: w, ref } = node;
        const item = new vscode.TreeItem(
          ref.flowName ?? w.workflowId,
          w.status === 'NOT_STARTED' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = `workflow/${ref.domainName}/${w.workflowId}`;
        item.description = workflowDescription(w, node.recordsProcessed);
        const icon = iconOf(w.status);
        item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
        const tip = new vscode.MarkdownString(undefined, false);
        // the status and its description come from the service: text, never Markdown (no image, no link)
        tip.appendMarkdown('**');
        tip.appendText(w.status);
        tip.appendMarkdown('**');
        tip.appendText(`  ${oneLine(w.statusDescription)}\n\n`);
        tip.appendText(
          `Workflow ID ${w.workflowId}\nCreated ${isoTime(w.createdAt)}\nLast updated ${isoTime(w.lastUpdatedAt)}`,
        );
        item.tooltip = tip;
        item.command = { title: 'Show Details', command: SHOW_DETAILS_COMMAND, arguments: [node] };
        item.contextValue = node.hasSource ? 'workflow.hasSource' : 'workflow';
        item.accessibilityInformation = { label: `${item.label}, ${item.description}` };
        return item;
      }
      case 'step': {
        const s = node.step;
        const item = new vscode.TreeItem(`Step ${node.index + 1}${s.flowName ? `: ${s.flowName}` : ''}`);
        item.description = stepDescription(s);
        const icon = iconOf(s.status);
        item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
        item.tooltip = [
          `${s.status}: ${oneLine(s.executionMessage)}`,
          `${s.recordsProcessed} records, batch ${s.batchRecordsStartTime ?? '-'} → ${s.batchRecordsEndTime ?? '-'}`,
          `Created ${isoTime(s.createdAt)}, last updated ${isoTime(s.lastUpdatedAt)}`,
        ].join('\n');
        item.contextValue = 'step';
        return item;
      }
    }
  }

  dispose(): void {
    this.model.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
