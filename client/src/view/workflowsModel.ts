// What the "Customer Profiles" view knows and does, without VS Code: the AWS target (profile · region) → domains →
// the domain's workflows (newest first, records processed) → their steps; what is cached and read again; which
// running workflows are polled and when polling stops; a failed call as one item that says what to do. The tree
// provider (workflowsTree.ts) only turns these nodes into TreeItems; the host gives this model its I/O (the target,
// the SDK client, the log, settings, timers), so mocha tests it with a fake host.
import type { ExplainedError, WorkflowStatus, WorkflowStep, WorkflowSummary } from '../../../server/src/aws';
import { inParallel } from '../../../server/src/aws';
import type { ErrorContext } from '../../../server/src/aws';
import type { ViewTarget, WorkflowRef, withClient } from '../aws/session';
import { signerLine } from '../submit/submissionText';
import { SELECT_TARGET_COMMAND } from '../constants';

export const REFRESH_COMMAND = 'cpworkflow.workflows.refresh';
export const SHOW_DETAILS_COMMAND = 'cpworkflow.workflows.showDetails';
export const FILTER_COMMAND = 'cpworkflow.workflows.filter';
export const CLEAR_FILTER_COMMAND = 'cpworkflow.workflows.clearFilter';
const FILTER_KEY = 'cpworkflow.workflowsView.statusFilter';
// GetWorkflow (for records processed) is asked for the newest this many workflows of a domain; finished ones once.
const METRICS_FOR_NEWEST = 50;
const METRICS_CONCURRENCY = 4;
// A workflow not finished but not updated for a day is stuck, not running: it is not polled (Refresh still reads it).
const ACTIVE_WITHIN_MS = 86_400_000;

/** A command a node runs when clicked (VS Code's Command, structurally). */
export interface ViewCommand {
  readonly title: string;
  readonly command: string;
  readonly arguments?: unknown[];
}

export type ViewNode = TargetNode | MessageNode | DomainNode | WorkflowNode | StepNode;

export interface TargetNode {
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
  readonly command?: ViewCommand;
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
export interface StepNode {
  readonly kind: 'step';
  readonly index: number;
  readonly step: WorkflowStep;
}

interface DomainState {
  workflows: WorkflowSummary[];
  records: Map<string, number>;
  error?: MessageNode;
}

/** What the model needs from its surroundings: VS Code's in the extension, a fake in the tests. */
export interface WorkflowsModelHost {
  /** the filter's memory (the workspace state) */
  readonly memory: { get<T>(key: string): T | undefined; update(key: string, value: unknown): PromiseLike<void> };
  /** where requests go now (settings, environment, the status bar's choice) */
  readonly target: () => Promise<ViewTarget>;
  /** throws the library's ProfileNotFound for a named profile no shared file defines */
  readonly assertProfileExists: (target: ViewTarget['target']) => void;
  readonly withClient: typeof withClient;
  readonly explain: (err: unknown, ctx: ErrorContext) => ExplainedError;
  /** the workflows created from this editor (their flow names) */
  readonly recent: () => readonly { workflowId: string; flowName?: string }[];
  /** whether the file that created this workflow is known */
  readonly hasSource: (workflowId: string) => boolean;
  readonly logError: (line: string) => void;
  readonly isTrusted: () => boolean;
  /** whether the view is visible: running workflows are polled only then */
  readonly isVisible: () => boolean;
  /** cpworkflow.workflowsView.autoRefreshSeconds */
  readonly intervalSeconds: () => number;
  /** a node's children changed (undefined: the whole tree) */
  readonly changed: (node: ViewNode | undefined) => void;
  /** a domain's workflows were read again */
  readonly reloaded: (domainName: string) => void;
  readonly now?: () => number;
  readonly setTimeout?: (run: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

const isActive = (w: WorkflowSummary, now: number) =>
  !['COMPLETE', 'FAILED', 'CANCELLED'].includes(w.status) &&
  now - (w.lastUpdatedAt ?? w.createdAt ?? new Date(0)).getTime() < ACTIVE_WITHIN_MS;

/** Headlines for the errors a user meets most, and the ones a profile or region switch fixes. */
const HEADLINES: Readonly<Record<string, string>> = {
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
const CREDENTIAL_ERRORS = new Set(['NoCredentials', 'ProfileNotFound', 'SsoExpired', 'ExpiredCredentials', 'NoRegion']);

export const RESTRICTED_NODE: MessageNode = {
  kind: 'message',
  label: 'Restricted Mode: nothing is sent to AWS',
  description: 'trust this workspace to list workflows',
  icon: 'shield',
  command: { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' },
};

export class WorkflowsModel {
  private view: ViewTarget | undefined;
  private root: ViewNode[] | undefined;
  private readonly domainNodes = new Map<string, DomainNode>();
  private readonly domains = new Map<string, DomainState>();
  private readonly loading = new Map<string, Promise<void>>();
  /** Finished workflows' records processed never change: read once per workflow id. */
  private readonly finishedRecords = new Map<string, number>();
  private readonly steps = new Map<string, { status: string; updated: number; nodes: ViewNode[] }>();
  private timer: unknown;
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly host: WorkflowsModelHost) {
    this.now = host.now ?? Date.now;
    this.setTimer = host.setTimeout ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = host.clearTimeout ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  }

  get statusFilter(): WorkflowStatus | undefined {
    return this.host.memory.get<WorkflowStatus>(FILTER_KEY);
  }

  async setStatusFilter(status: WorkflowStatus | undefined): Promise<void> {
    await this.host.memory.update(FILTER_KEY, status);
    this.domains.clear();
    this.steps.clear();
    for (const node of this.domainNodes.values()) this.host.changed(node);
  }

  /** Forgets everything read; the tree is read again as it is asked for. */
  refresh(): void {
    this.view = undefined;
    this.root = undefined;
    this.domains.clear();
    this.steps.clear();
    this.domainNodes.clear();
    this.host.changed(undefined);
  }

  /** A workflow was deleted: drop it from its domain without reading the domain again. */
  forget(ref: WorkflowRef): void {
    const state = this.domains.get(ref.domainName);
    if (!state) return;
    state.workflows = state.workflows.filter((w) => w.workflowId !== ref.workflowId);
    const node = this.domainNodes.get(ref.domainName);
    if (node) this.host.changed(node);
  }

  async children(node?: ViewNode): Promise<ViewNode[]> {
    if (!this.host.isTrusted()) return [RESTRICTED_NODE];
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
      view = this.view = await this.host.target();
    } catch (err) {
      return [this.errorNode(this.host.explain(err, {}), 'Could not read the AWS settings')];
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
      this.host.assertProfileExists(t);
    } catch (err) {
      return [targetNode, this.errorNode(this.host.explain(err, { profile: t.profile }), 'Profile not found')];
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
      const { domains } = await this.host.withClient(view, (client, aws) => aws.listDomains(client));
      if (!domains.length)
        return [targetNode, { kind: 'message', label: `No Customer Profiles domains in ${view.region}`, icon: 'info' }];
      return [targetNode, ...domains.map((d) => this.domainNode(d))];
    } catch (err) {
      const x = this.host.explain(err, this.errorContext('ListDomains'));
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
    const view = this.view ?? (this.view = await this.host.target());
    const state: DomainState = { workflows: [], records: new Map() };
    try {
      await this.host.withClient(view, async (client, aws) => {
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
      const x = this.host.explain(err, { ...this.errorContext('ListWorkflows'), domainName });
      state.error = this.errorNode(x, `Could not list the workflows of ${domainName}`);
    }
    this.domains.set(domainName, state);
    this.host.reloaded(domainName);
    this.schedule();
  }

  /** Reads a domain already shown again, and says its children changed. */
  reloadDomain(domainName: string): void {
    if (!this.domains.has(domainName)) return;
    void this.loadDomain(domainName, true).then(() => {
      const node = this.domainNodes.get(domainName);
      if (node) this.host.changed(node);
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
    const recent = new Map(this.host.recent().map((r) => [r.workflowId, r]));
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
      hasSource: this.host.hasSource(w.workflowId),
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
      const { steps } = await this.host.withClient(ref, (client, aws) =>
        aws.getWorkflowSteps(client, ref.domainName, ref.workflowId),
      );
      nodes = steps.length
        ? steps.map((step, index) => ({ kind: 'step', index, step }))
        : [{ kind: 'message', label: 'No steps yet', icon: 'info' }];
    } catch (err) {
      const x = this.host.explain(err, { ...this.errorContext('GetWorkflowSteps'), domainName: ref.domainName });
      return [this.errorNode(x, 'Could not read the steps')];
    }
    this.steps.set(ref.workflowId, { status: summary.status, updated, nodes });
    return nodes;
  }

  /** The domains with a running workflow are read again after the interval, while the view is visible. */
  schedule(): void {
    if (this.timer !== undefined) return;
    const now = this.now();
    const active = [...this.domains].filter(([, s]) => s.workflows.some((w) => isActive(w, now))).map(([d]) => d);
    if (!active.length || !this.host.isVisible() || !this.host.isTrusted()) return;
    this.timer = this.setTimer(
      () => {
        this.timer = undefined;
        for (const domainName of active) this.reloadDomain(domainName);
      },
      Math.max(1, this.host.intervalSeconds()) * 1000,
    );
  }

  /** Whether a poll is waiting (the view must go quiet once all runs ended). */
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
    this.host.logError(`${what}: ${x.code}${x.requestId ? ` (request id ${x.requestId})` : ''}: ${x.serviceMessage}`);
    return {
      kind: 'message',
      label: `${HEADLINES[x.code] ?? what}`,
      description: x.advice,
      tooltip: x.text,
      icon: 'error',
      code: x.code,
      command: CREDENTIAL_ERRORS.has(x.code)
        ? { title: 'Switch Profile and Region', command: SELECT_TARGET_COMMAND }
        : { title: 'Refresh', command: REFRESH_COMMAND },
    };
  }

  dispose(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }
}
