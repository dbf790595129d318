// What the submission commands say to the user, as plain text (no `vscode`), so it is tested without an editor.
import { signerText, type Signer } from '../../../server/src/submission';
import { describeWorkflowEnd } from '../../../server/src/submission';

/** What the request will create, read from the file. */
export interface RequestSummary {
  readonly fileName: string;
  readonly domainName: string | undefined;
  readonly objectTypeName: string | undefined;
  readonly flowName: string | undefined;
}

/** Where it goes and as whom, with where each came from ("setting", "AWS_PROFILE", …). */
export interface RequestTarget {
  readonly profile: string;
  readonly profileFrom: string;
  /** 'environment': no profile is named and both environment keys are set, so the SDK signs with them */
  readonly signer: Signer;
  readonly region: string;
  readonly regionFrom: string;
  /** undefined: AWS's own endpoint for the region */
  readonly endpointUrl: string | undefined;
  readonly endpointFrom: string | undefined;
}

export interface Question {
  readonly message: string;
  readonly detail: string;
  /** the button that says yes */
  readonly yes: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const named = (v: string | undefined) => (v ? v : '(not set)');

/** The modal question before sending; names everything that decides what is created where. */
export function createConfirmation(summary: RequestSummary, target: RequestTarget, unsaved: boolean): Question {
  const lines = [
    `Domain: ${named(summary.domainName)}`,
    `Object type: ${named(summary.objectTypeName)}`,
    `Flow name: ${named(summary.flowName)}`,
    `Region: ${target.region} (${target.regionFrom})`,
    signerLine(target),
  ];
  if (target.endpointUrl)
    lines.push(`Endpoint: ${target.endpointUrl} (${target.endpointFrom}), not AWS's endpoint for the region`);
  if (unsaved) lines.push('', `The editor's unsaved text is sent, not the file on disk.`);
  return {
    message: `Create the integration workflow "${named(summary.flowName)}" in Amazon Connect Customer Profiles?`,
    detail: lines.join('\n'),
    yes: 'Create Workflow',
  };
}

/** As whom requests are signed: the profile and where it was named, or the environment's keys. */
export function signerLine(target: RequestTarget): string {
  return target.signer === 'environment'
    ? `Credentials: ${signerText(target)}`
    : `Profile: ${target.profile} (${target.profileFrom})`;
}

interface FindingLine {
  readonly line: number;
  readonly message: string;
}

/** The modal question when the file has warnings (and no errors): lists the first few. */
export function warningsQuestion(fileName: string, warnings: readonly FindingLine[]): Question {
  const shown = warnings.slice(0, 5).map((w) => `Line ${w.line}: ${w.message}`);
  if (warnings.length > shown.length)
    shown.push(`… and ${plural(warnings.length - shown.length, 'more warning')} in the Problems view.`);
  return {
    message: `${fileName} has ${plural(warnings.length, 'warning')}. Create the workflow anyway?`,
    detail: shown.join('\n'),
    yes: 'Continue',
  };
}

export function errorsRefusal(fileName: string, errorCount: number): string {
  return `${fileName} has ${plural(errorCount, 'error')}; nothing was sent. Fix ${errorCount === 1 ? 'it' : 'them'} (see the Problems view) and create the workflow again.`;
}

export function createdText(workflowId: string, summary: RequestSummary, target: RequestTarget): string {
  return `Workflow ${workflowId} created for flow "${named(summary.flowName)}" in domain ${named(summary.domainName)} (${target.region}).`;
}

const ENDINGS: Record<string, string> = { COMPLETE: 'completed', FAILED: 'failed', CANCELLED: 'was cancelled' };

/**
 * The end of a tracked workflow (`progress` is the library's one-line summary); on failure the service's
 * ErrorDescription and each failed step's ExecutionMessage.
 */
export function trackingEndText(
  p: Parameters<typeof describeWorkflowEnd>[0] & { workflowId: string; flowName?: string },
  progress: string,
): string {
  const ending = `${ENDINGS[p.status] ?? `is ${p.status}`} (${progress}).`;
  // people know a workflow by its flow; the hex id is for the CLI and support
  const head = p.flowName
    ? `Workflow "${p.flowName}" ${ending} Workflow ID ${p.workflowId}.`
    : `Workflow ${p.workflowId} ${ending}`;
  if (p.status !== 'FAILED') return head;
  const end = describeWorkflowEnd(p);
  return [head, end.errorDescription, ...end.failedSteps].filter(Boolean).join(' ');
}

/** The progress notification's title: its only button reads "Cancel", so the title says what that cancels. */
export function trackingTitle(w: { workflowId: string; flowName?: string }): string {
  const which = w.flowName ? `"${w.flowName}" (${w.workflowId})` : w.workflowId;
  return `Following workflow ${which}: Cancel stops following; the workflow keeps running in AWS.`;
}
