// Following a workflow to its end: "Track Progress" after a creation polls GetWorkflow and GetWorkflowSteps (through
// the submission library) under a cancellable progress notification; "Customer Profiles: Show Workflow Status", for
// a workflow id typed in or one of the recent ones, opens the view's details document, which follows it by itself.
import * as vscode from 'vscode';
import type { WorkflowProgress } from '../../../server/src/aws';
import { namedProfile, pickRegion, proxyOption, rememberRegion, resolveTarget } from '../aws/target';
import type { SubmissionContext } from '../aws/context';
import { submissionModules } from '../aws/lazyModules';
import { cancellation, submitOptionsIn } from './prompts';
import { notificationText, trackingEndText, trackingTitle } from './submissionText';
import { LANGUAGE_ID } from '../constants';
import type { RecentWorkflow } from '../aws/recentWorkflows';
import { notify } from '../notify';

export const SHOW_STATUS_COMMAND = 'cpworkflow.showWorkflowStatus';

export interface TrackResult {
  readonly outcome: 'finished' | 'cancelled' | 'failed' | 'declined';
  readonly workflowId?: string;
  readonly status?: string;
  readonly progress?: Omit<WorkflowProgress, 'steps'>;
  /** every status line the notification showed, in order */
  readonly reported: readonly string[];
  readonly shown?: string;
  readonly log: readonly string[];
}

export interface StatusResult {
  readonly outcome: 'shown' | 'declined';
  readonly workflowId?: string;
  /** the details document */
  readonly uri?: string;
  /** the workflow's status in the first look (or, with `untilFinished`, the last), undefined when unreadable */
  readonly status?: string;
  /** the details document's text at that look */
  readonly text?: string;
  /** the library's error code when the workflow could not be read */
  readonly error?: string;
  readonly shown?: string;
}

/** Opens a workflow's details document and resolves with its first look (or its last, `untilFinished`). */
export type OpenDetails = (
  w: RecentWorkflow,
  options: { intervalMs?: number; untilFinished?: boolean; signal?: AbortSignal },
) => Promise<StatusResult>;

/** Polls until COMPLETE, FAILED or CANCELLED, showing status, steps and records; the user may stop following. */
export async function trackWithProgress(
  ctx: SubmissionContext,
  w: RecentWorkflow,
  options: { intervalMs?: number; signal?: AbortSignal },
): Promise<TrackResult> {
  const { aws } = submissionModules();
  const log = ctx.log.session();
  const reported: string[] = [];
  const done = (r: Omit<TrackResult, 'reported' | 'log' | 'workflowId'>): TrackResult => ({
    ...r,
    workflowId: w.workflowId,
    reported,
    log: log.lines,
  });
  log.info(
    `Tracking workflow ${w.workflowId} in domain ${w.domainName} (${w.region}${w.endpointUrl ? `, endpoint ${w.endpointUrl}` : ''})`,
  );
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: notificationText(trackingTitle(w)),
      cancellable: true,
    },
    async (progress, token) => {
      const cancel = cancellation(token, options.signal);
      let client;
      let shownPercent = 0;
      const logChanged = aws.changedProgressLines((line) => log.info(line));
      try {
        client = await aws.createCustomerProfilesClient({
          profile: w.profile,
          region: w.region,
          endpointUrl: w.endpointUrl,
          proxy: proxyOption(),
        });
        const last = await aws.trackWorkflow(client, w.domainName, w.workflowId, {
          abortSignal: cancel.signal,
          intervalMs: options.intervalMs,
          onProgress: (p) => {
            logChanged(p);
            const line = aws.formatProgress(p);
            reported.push(line);
            const percent = p.totalSteps > 0 ? Math.floor((100 * p.stepsCompleted) / p.totalSteps) : 0;
            progress.report({ message: notificationText(line), increment: Math.max(0, percent - shownPercent) });
            shownPercent = Math.max(shownPercent, percent);
          },
        });
        for (const s of last.steps)
          log.info(`Step ${s.flowName}: ${s.status}, ${s.recordsProcessed} records: ${s.executionMessage}`);
        const shown = trackingEndText({ ...last, flowName: w.flowName }, aws.formatProgress(last));
        const { steps: _steps, ...summary } = last;
        if (last.status === 'COMPLETE') {
          void notify.info(shown);
          return done({ outcome: 'finished', status: last.status, progress: summary, shown });
        }
        log.error(shown);
        void notify.error(shown, 'Show Log').then((b) => b && ctx.log.show());
        return done({ outcome: 'finished', status: last.status, progress: summary, shown });
      } catch (err) {
        const x = aws.explainAwsError(err, {
          operation: 'GetWorkflow',
          profile: w.profile,
          region: w.region,
          endpointUrl: w.endpointUrl,
          domainName: w.domainName,
        });
        if (x.code === 'Cancelled') {
          const shown = `Stopped following workflow ${w.flowName ? `"${w.flowName}" (${w.workflowId})` : w.workflowId}; it keeps running in AWS. "Customer Profiles: Show Workflow Status" follows it again.`;
          void notify.info(shown);
          return done({ outcome: 'cancelled', shown });
        }
        log.error(`${x.code}${x.requestId ? ` (request id ${x.requestId})` : ''}: ${x.serviceMessage} ${x.advice}`);
        const shown = `Could not get the status of workflow ${w.workflowId}: ${x.text}`;
        void notify.error(shown, 'Show Log').then((b) => b && ctx.log.show());
        return done({ outcome: 'failed', shown });
      } finally {
        cancel.dispose();
        client?.destroy();
      }
    },
  );
}

/**
 * Programmatic form: `{ workflowId, domainName?, intervalMs?, untilFinished?, signal? }` (the domain of a recent
 * workflow is known).
 */
interface StatusRequest {
  readonly workflowId?: string;
  readonly domainName?: string;
  readonly intervalMs?: number;
  /** resolve when the workflow has ended (or cannot be read), not at the first look */
  readonly untilFinished?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * "Show Workflow Status": a recent workflow or an id typed in, then its details document, which reads the workflow
 * again while it runs.
 */
export async function showWorkflowStatus(
  ctx: SubmissionContext,
  args: unknown[],
  openDetails: OpenDetails,
): Promise<StatusResult> {
  const declined: StatusResult = { outcome: 'declined' };
  if (!vscode.workspace.isTrusted) {
    const shown =
      'Workflow status needs signed AWS requests, which are off in Restricted Mode: trust this workspace first.';
    void notify.warn(shown);
    return { ...declined, shown };
  }
  const request = (args.find((a) => typeof a === 'object' && a !== null && 'workflowId' in a) ?? {}) as StatusRequest;
  const { intervalMs, signal } = { ...submitOptionsIn(args), ...request };
  const untilFinished = request.untilFinished === true;
  const recent = ctx.recent.list();
  let workflow: RecentWorkflow | undefined;
  if (request.workflowId) {
    workflow = recent.find(
      (r) => r.workflowId === request.workflowId && (!request.domainName || r.domainName === request.domainName),
    );
  } else if (recent.length) {
    const picked = await pickRecent(recent);
    if (picked === undefined) return declined;
    if (picked !== ENTER_ID) workflow = picked;
  }
  if (workflow === undefined) {
    const workflowId = request.workflowId ?? (await askWorkflowId());
    if (!workflowId) return declined;
    const domainName = request.domainName ?? (await askDomain(recent));
    if (!domainName) return declined;
    const target = await resolveTarget(ctx.memory);
    let region = target.region;
    if (!target.hasRegion) {
      region =
        (await pickRegion(
          ctx.memory,
          `No region is set for profile ${target.profile}: where does the workflow run?`,
        )) ?? '';
      if (!region) return declined;
      await rememberRegion(ctx.memory, target.profile, region);
    }
    workflow = {
      workflowId,
      domainName,
      region,
      createdAt: Date.now(),
      profile: namedProfile(target),
      endpointUrl: target.endpointUrl,
    };
    await ctx.recent.add(workflow);
  }
  return openDetails(workflow, { intervalMs, untilFinished, signal });
}

const ENTER_ID = 'enter-id' as const;

/** A recent workflow, ENTER_ID for "Enter a workflow ID…", undefined on Escape. */
async function pickRecent(recent: RecentWorkflow[]): Promise<RecentWorkflow | typeof ENTER_ID | undefined> {
  const items = [
    ...recent.map((r) => ({
      label: r.flowName ?? r.workflowId,
      description: `${r.domainName} · ${r.region}`,
      detail: `${r.workflowId} · created ${new Date(r.createdAt).toLocaleString()}`,
      workflow: r as RecentWorkflow | typeof ENTER_ID,
    })),
    {
      label: '$(edit) Enter a workflow ID…',
      description: '',
      detail: undefined,
      workflow: ENTER_ID as RecentWorkflow | typeof ENTER_ID,
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Show Workflow Status',
    placeHolder: 'A recent workflow, or enter an ID',
    matchOnDetail: true,
  });
  return picked?.workflow;
}

async function askWorkflowId(): Promise<string | undefined> {
  return (
    await vscode.window.showInputBox({
      title: 'Show Workflow Status',
      prompt: 'The WorkflowId that CreateIntegrationWorkflow returned',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'Enter a workflow ID'),
    })
  )?.trim();
}

async function askDomain(recent: RecentWorkflow[]): Promise<string | undefined> {
  return (
    await vscode.window.showInputBox({
      title: 'Show Workflow Status',
      prompt: 'The Customer Profiles domain the workflow belongs to',
      ignoreFocusOut: true,
      value: domainOfActiveEditor() ?? recent[0]?.domainName ?? '',
      validateInput: (v) => (v.trim() ? undefined : 'Enter the domain name'),
    })
  )?.trim();
}

function domainOfActiveEditor(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId !== LANGUAGE_ID) return undefined;
  try {
    const name = (JSON.parse(doc.getText()) as { DomainName?: unknown }).DomainName;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
