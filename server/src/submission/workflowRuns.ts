// Creating a workflow (one request per invocation) and following it to its end.
import type {
  CreateIntegrationWorkflowCommandInput,
  CustomerProfilesClient,
  GetWorkflowCommandOutput,
  WorkflowStepItem,
} from '@aws-sdk/client-customer-profiles';
import type { WorkflowStatus } from '../generated/model';

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

const TERMINAL: ReadonlySet<string> = new Set(['COMPLETE', 'FAILED', 'CANCELLED']);

export interface WorkflowProgress {
  workflowId: string;
  status: WorkflowStatus | 'UNKNOWN';
  stepsCompleted: number;
  totalSteps: number;
  recordsProcessed: number;
  /** The service's ErrorDescription, when it gives one. */
  errorDescription: string | undefined;
  /** Per-batch steps (GetWorkflowSteps), oldest first; read only once the workflow has ended (empty before). */
  steps: { flowName: string; status: string; executionMessage: string; recordsProcessed: number }[];
  /** Steps whose status is FAILED, with their ExecutionMessage. */
  failedSteps: { flowName: string; executionMessage: string }[];
  done: boolean;
}

/** The most GetWorkflowSteps pages read in one look (100 steps a page; a workflow has one step per batch). */
export const MAX_STEP_PAGES = 50;
const MIN_POLL_INTERVAL_MS = 10;

/**
 * One look at a workflow: GetWorkflow, and once it has ended (COMPLETE, FAILED, CANCELLED) all pages of
 * GetWorkflowSteps, whose messages say why; progress itself needs only GetWorkflow's metrics.
 */
export async function getWorkflowProgress(
  client: CustomerProfilesClient,
  domainName: string,
  workflowId: string,
  options: { abortSignal?: AbortSignal } = {},
): Promise<WorkflowProgress> {
  const { GetWorkflowCommand, GetWorkflowStepsCommand } = await import('@aws-sdk/client-customer-profiles');
  const abortSignal = options.abortSignal;
  const wf: GetWorkflowCommandOutput = await client.send(
    new GetWorkflowCommand({ DomainName: domainName, WorkflowId: workflowId }),
    { abortSignal },
  );
  const status = (wf.Status ?? 'UNKNOWN') as WorkflowProgress['status'];
  const done = TERMINAL.has(status);
  const items: WorkflowStepItem[] = [];
  let nextToken: string | undefined;
  // a service that repeats a NextToken, or never stops giving one, must not keep us asking
  const seenTokens = new Set<string>();
  for (let pages = 0; done && pages < MAX_STEP_PAGES; pages++) {
    const page = await client.send(
      new GetWorkflowStepsCommand({
        DomainName: domainName,
        WorkflowId: workflowId,
        NextToken: nextToken,
        MaxResults: 100,
      }),
      { abortSignal },
    );
    for (const item of page.Items ?? []) items.push(item);
    nextToken = page.NextToken;
    if (!nextToken || seenTokens.has(nextToken)) break;
    seenTokens.add(nextToken);
  }
  const metrics = wf.Metrics?.AppflowIntegration;
  const steps = items
    .flatMap((i) => (i.AppflowIntegration ? [i.AppflowIntegration] : []))
    .map((s) => ({
      flowName: s.FlowName ?? '',
      status: s.Status ?? 'UNKNOWN',
      executionMessage: s.ExecutionMessage ?? '',
      recordsProcessed: Number(s.RecordsProcessed ?? 0),
    }));
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
    done,
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
