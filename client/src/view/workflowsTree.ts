// The "Customer Profiles" view: the AWS target (profile · region, click to switch) → domains → the domain's
// workflows (newest first, status icon, records processed) → their steps. Workflows still running refresh on their
// own while the view is visible and stop when they end. A failed call is one item that says what to do, never a
// toast. In Restricted Mode the view shows one item and sends nothing.
import * as vscode from 'vscode';
import type { ExplainedError, WorkflowStatus, WorkflowStep, WorkflowSummary } from '../../../server/src/aws';
import type { SubmissionContext } from '../aws/context';
import { SELECT_TARGET_COMMAND } from '../aws/target';
import { signerLine } from '../submit/submissionText';
import { submissionModules } from '../aws/lazyModules';
import { currentTarget, explain, withClient, type ViewTarget, type WorkflowRef } from '../aws/session';
import { iconOf, isoTime, oneLine, stepDescription, workflowDescription } from './viewText';

export const VIEW_ID = 'cpworkflow.workflows';
export const REFRESH_COMMAND = 'cpworkflow.workflows.refresh';
const INTERVAL_SETTING = 'cpworkflow.workflowsView.autoRefreshSeconds';
const FILTER_KEY = 'cpworkflow.workflowsView.statusFilter';
// GetWorkflow (for records processed) is asked for the newest this many workflows of a domain; finished ones once.
const METRICS_FOR_NEWEST = 50;
const METRICS_CONCURRENCY = 4;
// A workflow not finished but not updated for a day is stuck, not running: it is not polled (Refresh still reads it).
const ACTIVE_WITHIN_MS = 86_400_000;

export type ViewNode = TargetNode | MessageNode | DomainNode | WorkflowNode | StepNode;

interface TargetNode {
  readonly kind: 'target';
  readonly label: string;
  readonly tooltip: string;
}
/** An error, an empty list or Restricted Mode: one line that says what to do, and a click that does it. */
export interface MessageNode {
  readonly kind: 'message';
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon: string;
  readonly command?: vscode.Command;
  /** the library's code for an error (NoCredentials, AccessDeniedException, ThrottlingException, …) */
  readonly code?: string;
}
export interface DomainNode {
  readonly kind: 'domain';
  readonly domainName: string;
}
export interface WorkflowNode {
  readonly kind: 'workflow';
  readonly ref: WorkflowRef;
  readonly summary: WorkflowSummary;
  readonly recordsProcessed: number | undefined;
  readonly hasSource: boolean;
}
interface StepNode {
  readonly kind: 'step';
  readonly index: number;
  readonly step: WorkflowStep;
}

interface DomainState {
  workflows: WorkflowSummary[];
  records: Map<string, number>;
  error?: MessageNode;
}

const isActive = (w: WorkflowSummary, now: number) =>
  !['COMPLETE', 'FAILED', 'CANCELLED'].includes(w.status) &&
  now - (w.lastUpdatedAt ?? w.createdAt ?? new Date(0)).getTime() < ACTIVE_WITHIN_MS;

export class WorkflowsTree implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires after a domain's workflows were read again (by the timer or a refresh), with the domain. */
  private readonly reloaded = new vscode.EventEmitter<string>();
  readonly onDidReloadDomain = this.reloaded.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed, this.reloaded];

  private view: ViewTarget | undefined;
  private root: ViewNode[] | undefined;
  private readonly domainNodes = new Map<string, DomainNode>();
  private readonly domains = new Map<string, DomainState>();
  private readonly loading = new Map<string, Promise<void>>();
  /** Finished workflows' records processed never change: read once per workflow id. */
  private readonly finishedRecords = new Map<string, number>();
  private readonly steps = new Map<string, { status: string; updated: number; nodes: ViewNode[] }>();
  private timer: NodeJS.Timeout | undefined;
  private treeView: vscode.TreeView<ViewNode> | undefined;

  constructor(private readonly ctx: SubmissionContext) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cpworkflow.aws')) this.refresh();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
      // a workflow created from the editor is listed at once (and then followed while it runs)
      ctx.created.event((w) => this.reloadDomain(w.domainName)),
    );
  }

  /** The tree view this provider fills; its visibility decides whether running workflows are polled. */
  attach(treeView: vscode.TreeView<ViewNode>): void {
    this.treeView = treeView;
    this.describeFilter();
    this.subscriptions.push(
      treeView.onDidChangeVisibility((e) => {
        if (e.visible) this.schedule();
      }),
    );
  }

  get statusFilter(): WorkflowStatus | undefined {
    return this.ctx.memory.get<WorkflowStatus>(FILTER_KEY);
  }

  async setStatusFilter(status: WorkflowStatus | undefined): Promise<void> {
    await this.ctx.memory.update(FILTER_KEY, status);
    this.describeFilter();
    this.domains.clear();
    this.steps.clear();
    for (const node of this.domainNodes.values()) this.changed.fire(node);
  }

  private describeFilter(): void {
    if (this.treeView) this.treeView.description = this.statusFilter ? `${this.statusFilter} only` : undefined;
  }

  /** Forgets everything read; the tree is read again as VS Code asks for it. */
  refresh(): void {
    this.view = undefined;
    this.root = undefined;
    this.domains.clear();
    this.steps.clear();
    this.domainNodes.clear();
    this.changed.fire(undefined);
  }

  /** A workflow was deleted: drop it from its domain without reading the domain again. */
  forget(ref: WorkflowRef): void {
    const state = this.domains.get(ref.domainName);
    if (!state) return;
    state.workflows = state.workflows.filter((w) => w.workflowId !== ref.workflowId);
    const node = this.domainNodes.get(ref.domainName);
    if (node) this.changed.fire(node);
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
        item.command = node.command;
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
        tip.appendMarkdown(`**${w.status}**`);
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

  async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    if (!vscode.workspace.isTrusted) return [restrictedNode()];
    if (!node) return (this.root ??= await this.readRoot());
    if (node.kind === 'domain') {
      await this.loadDomain(node.domainName);
      return this.domainChildren(node.domainName);
    }
    if (node.kind === 'workflow') return this.readSteps(node);
    return [];
  }

  /** The target line, then the domains (or the one item saying why there are none). */
  private async readRoot(): Promise<ViewNode[]> {
    let view: ViewTarget;
    try {
      view = this.view = await currentTarget(this.ctx.memory);
    } catch (err) {
      return [this.errorNode(explain(err, {}), 'Could not read the AWS settings')];
    }
    const t = view.target;
    const targetNode: TargetNode = {
      kind: 'target',
      label: `${t.signer === 'environment' ? 'environment keys' : t.profile} · ${t.hasRegion ? t.region : 'no region'}`,
      tooltip: [
        signerLine(t),
        `Region: ${t.hasRegion ? `${t.region} (${t.regionFrom})` : 'not set'}`,
        `Endpoint: ${t.endpointUrl ? `${t.endpointUrl} (${t.endpointFrom})` : "AWS's endpoint for the region"}`,
        'Click to switch profile or region.',
      ].join('\n'),
    };
    try {
      // a profile named (setting, AWS_PROFILE) that no shared file defines: say so before asking for a region
      submissionModules().aws.assertProfileExists(t.settings);
    } catch (err) {
      return [targetNode, this.errorNode(explain(err, { profile: t.profile }), 'Profile not found')];
    }
    if (!t.hasRegion) {
      return [
        targetNode,
        {
          kind: 'message',
          label: `No region is set for profile ${t.profile}`,
          description: 'click to choose one',
          icon: 'warning',
          command: { title: 'Choose Region', command: SELECT_TARGET_COMMAND },
        },
      ];
    }
    try {
      const { domains } = await withClient(view, (client, aws) => aws.listDomains(client));
      if (!domains.length)
        return [targetNode, { kind: 'message', label: `No Customer Profiles domains in ${view.region}`, icon: 'info' }];
      return [targetNode, ...domains.map((d) => this.domainNode(d))];
    } catch (err) {
      const x = explain(err, this.errorContext('ListDomains'));
      return [targetNode, this.errorNode(x, 'Could not list the domains')];
    }
  }

  private domainNode(domainName: string): DomainNode {
    let node = this.domainNodes.get(domainName);
    if (!node) this.domainNodes.set(domainName, (node = { kind: 'domain', domainName }));
    return node;
  }

  /** Reads a domain's workflows (once at a time) unless they are already read. */
  private loadDomain(domainName: string, force = false): Promise<void> {
    if (!force && this.domains.has(domainName)) return Promise.resolve();
    let pending = this.loading.get(domainName);
    if (!pending) {
      pending = this.readDomain(domainName).finally(() => this.loading.delete(domainName));
      this.loading.set(domainName, pending);
    }
    return pending;
  }

  private async readDomain(domainName: string): Promise<void> {
    const view = this.view ?? (this.view = await currentTarget(this.ctx.memory));
    const state: DomainState = { workflows: [], records: new Map() };
    try {
      await withClient(view, async (client, aws) => {
        const { workflows } = await aws.listWorkflows(client, domainName, { status: this.statusFilter });
        state.workflows = workflows;
        const wanted = workflows.slice(0, METRICS_FOR_NEWEST);
        await inParallel(wanted, METRICS_CONCURRENCY, async (w) => {
          const known = this.finishedRecords.get(w.workflowId);
          if (known !== undefined) return state.records.set(w.workflowId, known);
          const p = await aws.getWorkflowProgress(client, domainName, w.workflowId, { withSteps: false });
          state.records.set(w.workflowId, p.recordsProcessed);
          if (p.done) this.finishedRecords.set(w.workflowId, p.recordsProcessed);
        });
      });
    } catch (err) {
      const x = explain(err, { ...this.errorContext('ListWorkflows'), domainName });
      state.error = this.errorNode(x, `Could not list the workflows of ${domainName}`);
    }
    this.domains.set(domainName, state);
    this.reloaded.fire(domainName);
    this.schedule();
  }

  /** Reads a domain already shown again, and has VS Code show the result. */
  private reloadDomain(domainName: string): void {
    if (!this.domains.has(domainName)) return;
    void this.loadDomain(domainName, true).then(() => {
      const node = this.domainNodes.get(domainName);
      if (node) this.changed.fire(node);
    });
  }

  private domainChildren(domainName: string): ViewNode[] {
    const state = this.domains.get(domainName);
    if (!state) return [];
    if (state.error) return [state.error];
    if (!state.workflows.length) {
      const filter = this.statusFilter;
      return [
        {
          kind: 'message',
          label: filter ? `No ${filter} workflows` : 'No workflows yet',
          description: filter ? 'click to show every status' : undefined,
          icon: 'info',
          command: filter ? { title: 'Show All', command: FILTER_COMMAND, arguments: [null] } : undefined,
        },
      ];
    }
    const view = this.view!;
    const recent = new Map(this.ctx.recent.list().map((r) => [r.workflowId, r]));
    return state.workflows.map((w) => ({
      kind: 'workflow',
      ref: {
        workflowId: w.workflowId,
        domainName,
        flowName: recent.get(w.workflowId)?.flowName,
        profile: view.profile,
        region: view.region,
        endpointUrl: view.endpointUrl,
        createdAt: w.createdAt?.getTime() ?? 0,
      },
      summary: w,
      recordsProcessed: state.records.get(w.workflowId),
      hasSource: this.ctx.sources.get(w.workflowId) !== undefined,
    }));
  }

  /** The steps of a workflow; read again only when the workflow changed since (or on Refresh). */
  private async readSteps(node: WorkflowNode): Promise<ViewNode[]> {
    const { ref, summary } = node;
    const updated = summary.lastUpdatedAt?.getTime() ?? 0;
    const cached = this.steps.get(ref.workflowId);
    if (cached && cached.status === summary.status && cached.updated === updated) return cached.nodes;
    let nodes: ViewNode[];
    try {
      const { steps } = await withClient(ref, (client, aws) =>
        aws.getWorkflowSteps(client, ref.domainName, ref.workflowId),
      );
      nodes = steps.length
        ? steps.map((step, index) => ({ kind: 'step', index, step }))
        : [{ kind: 'message', label: 'No steps yet', icon: 'info' }];
    } catch (err) {
      const x = explain(err, { ...this.errorContext('GetWorkflowSteps'), domainName: ref.domainName });
      return [this.errorNode(x, 'Could not read the steps')];
    }
    this.steps.set(ref.workflowId, { status: summary.status, updated, nodes });
    return nodes;
  }

  /** The domains with a running workflow are read again after the interval, while the view is visible. */
  private schedule(): void {
    if (this.timer) return;
    const now = Date.now();
    const active = [...this.domains].filter(([, s]) => s.workflows.some((w) => isActive(w, now))).map(([d]) => d);
    if (!active.length || !this.treeView?.visible || !vscode.workspace.isTrusted) return;
    const seconds = vscode.workspace.getConfiguration().get<number>(INTERVAL_SETTING, 10);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        for (const domainName of active) this.reloadDomain(domainName);
      },
      Math.max(1, seconds) * 1000,
    );
  }

  /** Whether a poll is waiting (for tests and the benchmark: the view must go quiet once all runs ended). */
  get polling(): boolean {
    return this.timer !== undefined;
  }

  /**
   * Whether the view can still send a request of its own: a poll is waiting or a domain is being read (which may
   * schedule the next poll). Once false, only a user's action or a create makes it read again: tests wait for it
   * instead of waiting to see that nothing happens.
   */
  get busy(): boolean {
    return this.timer !== undefined || this.loading.size > 0;
  }

  private errorContext(operation: string) {
    const t = this.view?.target;
    return { operation, profile: t?.profile, signer: t?.signer, region: t?.region, endpointUrl: t?.endpointUrl };
  }

  /** One item for a failed call: what happened in a few words, what to do beside it, the service's text on hover. */
  private errorNode(x: ExplainedError, what: string): MessageNode {
    this.ctx.log
      .session()
      .error(`${what}: ${x.code}${x.requestId ? ` (request id ${x.requestId})` : ''}: ${x.serviceMessage}`);
    const credentials = ['NoCredentials', 'ProfileNotFound', 'SsoExpired', 'ExpiredCredentials', 'NoRegion'];
    const headline: Record<string, string> = {
      NoCredentials: 'No AWS credentials',
      ProfileNotFound: 'Profile not found',
      SsoExpired: 'AWS SSO session expired',
      ExpiredCredentials: 'AWS credentials expired',
      AccessDeniedException: 'Access denied',
      ThrottlingException: 'Throttled by Customer Profiles',
      ResourceNotFoundException: 'Not found',
      ConnectionRefused: 'Cannot connect',
      Timeout: 'No answer in time',
    };
    return {
      kind: 'message',
      label: `${headline[x.code] ?? what}`,
      description: x.advice,
      tooltip: x.text,
      icon: 'error',
      code: x.code,
      command: credentials.includes(x.code)
        ? { title: 'Switch Profile and Region', command: SELECT_TARGET_COMMAND }
        : { title: 'Refresh', command: REFRESH_COMMAND },
    };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const s of this.subscriptions) s.dispose();
  }
}

export const SHOW_DETAILS_COMMAND = 'cpworkflow.workflows.showDetails';
export const FILTER_COMMAND = 'cpworkflow.workflows.filter';

function restrictedNode(): MessageNode {
  return {
    kind: 'message',
    label: 'Restricted Mode: nothing is sent to AWS',
    description: 'trust this workspace to list workflows',
    icon: 'shield',
    command: { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' },
  };
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
