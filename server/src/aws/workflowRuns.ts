// Creating a workflow (one request per invocation) and following it to its end.
import type {
  CreateIntegrationWorkflowCommandInput,
  CustomerProfilesClient,
  GetWorkflowCommandOutput,
} from '@aws-sdk/client-customer-profiles';
import { workflowStatuses, type WorkflowStatus } from '../generated/model';
import { allPages } from './pages';

export interface CreatedWorkflow {
  WorkflowId: string;
  Message: string;
  requestId: string | undefined;
}

/** Sends CreateIntegrationWorkflow once. Aborting rejects with an AbortError (the request may already be in AWS). */
export async function createWorkflow(
  client: CustomerProfilesClient,
  input: CreateIntegrationWorkflowCommandInput,
  options: { abortSignal?: AbortSignal } = {},
): Promise<CreatedWorkflow> {
  const { CreateIntegrationWorkflowCommand } = await import('@aws-sdk/client-customer-profiles');
  const out = await client.send(new CreateIntegrationWorkflowCommand(input), { abortSignal: options.abortSignal });
  return { WorkflowId: out.WorkflowId ?? '', Message: out.Message ?? '', requestId: out.$metadata.requestId };
}

/** Every status a workflow can have, as the service model lists them. */
export const WORKFLOW_STATUSES: readonly WorkflowStatus[] = workflowStatuses;
const TERMINAL: ReadonlySet<string> = new Set(['COMPLETE', 'FAILED', 'CANCELLED']);

/** Whether a workflow in this status has ended (COMPLETE, FAILED, CANCELLED): it changes no more. */
export function isWorkflowFinished(status: string): boolean {
  return TERMINAL.has(status);
}

/** The account's Customer Profiles domains in the client's region (ListDomains, every page), by name. */
export async function listDomains(
  client: CustomerProfilesClient,
  options: { abortSignal?: AbortSignal } = {},
): Promise<{ domains: string[]; requestId: string | undefined }> {
  const { ListDomainsCommand } = await import('@aws-sdk/client-customer-profiles');
  const { items, requestId } = await allPages(async (token) => {
    const out = await client.send(new ListDomainsCommand({ NextToken: token, MaxResults: 100 }), {
      abortSignal: options.abortSignal,
    });
    return { items: out.Items ?? [], nextToken: out.NextToken, requestId: out.$metadata.requestId };
  });
  const domains = items.map((d) => d.DomainName ?? '').filter(Boolean);
  return { domains: domains.sort((a, b) => a.localeCompare(b)), requestId };
}

/** One entry of ListWorkflows. */
export interface WorkflowSummary {
  workflowId: string;
  workflowType: string;
  status: WorkflowStatus | 'UNKNOWN';
  statusDescription: string;
  createdAt: Date | undefined;
  lastUpdatedAt: Date | undefined;
}

/**
 * The domain's workflows (ListWorkflows, every page), newest first; `status` filters on the service side.
 * `requestId` is the last page's.
 */
export async function listWorkflows(
  client: CustomerProfilesClient,
  domainName: string,
  options: { status?: WorkflowStatus; abortSignal?: AbortSignal } = {},
): Promise<{ workflows: WorkflowSummary[]; requestId: string | undefined }> {
  const { ListWorkflowsCommand } = await import('@aws-sdk/client-customer-profiles');
  const { items, requestId } = await allPages(async (token) => {
    const out = await client.send(
      new ListWorkflowsCommand({ DomainName: domainName, Status: options.status, NextToken: token, MaxResults: 100 }),
      { abortSignal: options.abortSignal },
    );
    return { items: out.Items ?? [], nextToken: out.NextToken, requestId: out.$metadata.requestId };
  });
  const workflows = items.map((i) => ({
    workflowId: i.WorkflowId ?? '',
    workflowType: i.WorkflowType ?? '',
    status: (i.Status ?? 'UNKNOWN') as WorkflowSummary['status'],
    statusDescription: i.StatusDescription ?? '',
    createdAt: i.CreatedAt,
    lastUpdatedAt: i.LastUpdatedAt,
  }));
  const time = (d: Date | undefined) => d?.getTime() ?? 0;
  return { workflows: workflows.sort((a, b) => time(b.createdAt) - time(a.createdAt)), requestId };
}

/** One step (a batch) of a workflow, from GetWorkflowSteps. */
export interface WorkflowStep {
  flowName: string;
  status: string;
  executionMessage: string;
  recordsProcessed: number;
  batchRecordsStartTime: string | undefined;
  batchRecordsEndTime: string | undefined;
  createdAt: Date | undefined;
  lastUpdatedAt: Date | undefined;
}

/** A workflow's steps (GetWorkflowSteps, every page), oldest first as the service lists them. */
export async function getWorkflowSteps(
  client: CustomerProfilesClient,
  domainName: string,
  workflowId: string,
  options: { abortSignal?: AbortSignal } = {},
): Promise<{ steps: WorkflowStep[]; requestId: string | undefined }> {
  const { GetWorkflowStepsCommand } = await import('@aws-sdk/client-customer-profiles');
  const { items, requestId } = await allPages(async (token) => {
    const out = await client.send(
      new GetWorkflowStepsCommand({
        DomainName: domainName,
        WorkflowId: workflowId,
        NextToken: token,
        MaxResults: 100,
      }),
      { abortSignal: options.abortSignal },
    );
    return { items: out.Items ?? [], nextToken: out.NextToken, requestId: out.$metadata.requestId };
  });
  const steps = items
    .flatMap((i) => (i.AppflowIntegration ? [i.AppflowIntegration] : []))
    .map((s) => ({
      flowName: s.FlowName ?? '',
      status: s.Status ?? 'UNKNOWN',
      executionMessage: s.ExecutionMessage ?? '',
      recordsProcessed: Number(s.RecordsProcessed ?? 0),
      batchRecordsStartTime: s.BatchRecordsStartTime,
      batchRecordsEndTime: s.BatchRecordsEndTime,
      createdAt: s.CreatedAt,
      lastUpdatedAt: s.LastUpdatedAt,
    }));
  return { steps, requestId };
}

/** Sends DeleteWorkflow once (retried only on throttling, as a create is: a retry could not tell what happened). */
export async function deleteWorkflow(
  client: CustomerProfilesClient,
  domainName: string,
  workflowId: string,
  options: { abortSignal?: AbortSignal } = {},
): Promise<{ requestId: string | undefined }> {
  const { DeleteWorkflowCommand } = await import('@aws-sdk/client-customer-profiles');
  const out = await client.send(new DeleteWorkflowCommand({ DomainName: domainName, WorkflowId: workflowId }), {
    abortSignal: options.abortSignal,
  });
  return { requestId: out.$metadata.requestId };
}

export interface WorkflowProgress {
  workflowId: string;
  status: WorkflowStatus | 'UNKNOWN';
  stepsCompleted: number;
  totalSteps: number;
  recordsProcessed: number;
  /** The service's ErrorDescription, when it gives one. */
  errorDescription: string | undefined;
  /** Per-batch steps (GetWorkflowSteps), oldest first; read only once the workflow has ended (empty before). */
  steps: WorkflowStep[];
  /** Steps whose status is FAILED, with their ExecutionMessage. */
  failedSteps: { flowName: string; executionMessage: string }[];
  done: boolean;
  /** The service's own timestamps (GetWorkflow). */
  startDate: Date | undefined;
  lastUpdatedAt: Date | undefined;
  /** The request id of the last call made for this look. */
  requestId: string | undefined;
}

const MIN_POLL_INTERVAL_MS = 10;

/**
 * One look at a workflow: GetWorkflow, and once it has ended (COMPLETE, FAILED, CANCELLED) all pages of
 * GetWorkflowSteps, whose messages say why (`withSteps`: true always, false never); progress itself needs only
 * GetWorkflow's metrics.
 */
export async function getWorkflowProgress(
  client: CustomerProfilesClient,
  domainName: string,
  workflowId: string,
  options: { abortSignal?: AbortSignal; withSteps?: boolean } = {},
): Promise<WorkflowProgress> {
  const { GetWorkflowCommand } = await import('@aws-sdk/client-customer-profiles');
  const abortSignal = options.abortSignal;
  const wf: GetWorkflowCommandOutput = await client.send(
    new GetWorkflowCommand({ DomainName: domainName, WorkflowId: workflowId }),
    { abortSignal },
  );
  const status = (wf.Status ?? 'UNKNOWN') as WorkflowProgress['status'];
  const read =
    (options.withSteps ?? TERMINAL.has(status))
      ? await getWorkflowSteps(client, domainName, workflowId, { abortSignal })
      : undefined;
  const steps = read?.steps ?? [];
  const metrics = wf.Metrics?.AppflowIntegration;
  return {
    workflowId,
    status,
    stepsCompleted: Number(metrics?.StepsCompleted ?? 0),
    totalSteps: Number(metrics?.TotalSteps ?? 0),
    recordsProcessed: Number(metrics?.RecordsProcessed ?? 0),
    errorDescription: wf.ErrorDescription,
    steps,
    failedSteps: steps
      .filter((s) => s.status === 'FAILED')
      .map(({ flowName, executionMessage }) => ({ flowName, executionMessage })),
    done: TERMINAL.has(status),
    startDate: wf.StartDate,
    lastUpdatedAt: wf.LastUpdatedAt,
    requestId: read?.requestId ?? wf.$metadata.requestId,
  };
}

/**
 * Polls GetWorkflow every `intervalMs` (default 3 s) until COMPLETE, FAILED or CANCELLED, calling `onProgress`
 * after each look; resolves with the last look, which alone carries the steps. Aborting rejects with an AbortError
 * (the workflow itself keeps running in AWS).
 */
export async function trackWorkflow(
  client: CustomerProfilesClient,
  domainName: string,
  workflowId: string,
  options: { onProgress?: (p: WorkflowProgress) => void; abortSignal?: AbortSignal; intervalMs?: number } = {},
): Promise<WorkflowProgress> {
  // never a busy loop, whatever interval is asked for
  const intervalMs = Math.max(options.intervalMs ?? 3000, MIN_POLL_INTERVAL_MS);
  for (;;) {
    const progress = await getWorkflowProgress(client, domainName, workflowId, { abortSignal: options.abortSignal });
    options.onProgress?.(progress);
    if (progress.done) return progress;
    await sleep(intervalMs, options.abortSignal);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(): Error {
  const err = new Error('The operation was aborted.');
  err.name = 'AbortError';
  return err;
}
