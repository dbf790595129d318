// How a workflow's progress and end read, for a terminal, a notification or a log. Pure (types only from the
// SDK side), so the extension's activation bundle may use it without loading the submission bundle.
import type { WorkflowProgress } from './workflowRuns';

/** One line for a terminal or a status bar: "IN_PROGRESS: 2/4 steps, 500 records". */
export function formatProgress(p: WorkflowProgress): string {
  const steps = p.totalSteps > 0 ? `${p.stepsCompleted}/${p.totalSteps} steps` : `${p.stepsCompleted} steps`;
  return `${p.status}: ${steps}, ${p.recordsProcessed} records processed`;
}

/**
 * What the end of a workflow says in the service's words: whether it failed (FAILED or CANCELLED), its
 * ErrorDescription, and each failed step as "flow: ExecutionMessage".
 */
export function describeWorkflowEnd(p: {
  status: string;
  errorDescription: string | undefined;
  failedSteps: readonly { flowName: string; executionMessage: string }[];
}): {
  failed: boolean;
  errorDescription: string | undefined;
  failedSteps: string[];
} {
  return {
    failed: p.status === 'FAILED' || p.status === 'CANCELLED',
    errorDescription: p.errorDescription?.trim() ? p.errorDescription : undefined,
    failedSteps: p.failedSteps
      .filter((s) => s.executionMessage.trim())
      .map((s) => `${s.flowName ? `${s.flowName}: ` : ''}${s.executionMessage}`),
  };
}

/** An onProgress that passes on each progress line only when it differs from the previous one. */
export function changedProgressLines(onLine: (line: string) => void): (p: WorkflowProgress) => void {
  let last: string | undefined;
  return (p) => {
    const line = formatProgress(p);
    if (line !== last) onLine(line);
    last = line;
  };
}
