// What the submission commands say to the user, as plain text (no `vscode`), so it is tested without an editor.
import { signerText, type Signer } from '../../../server/src/aws';
import { describeWorkflowEnd } from '../../../server/src/aws';

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

/** A modal question: `yes` is its first button; `others` more buttons, each an answer of its own. */
export interface Question {
  readonly message: string;
  readonly detail: string;
  /** the button that says yes */
  readonly yes: string;
  readonly others?: readonly { readonly answer: string; readonly title: string }[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const named = (v: string | undefined) => (v ? v : '(not set)');

interface FindingLine {
  readonly line: number;
  readonly message: string;
}

/** What the confirmation may offer besides Create: go to the first warning, or move a past start time forward. */
export type CreateAnswer = 'create' | 'fix-first' | 'move-start';

/**
 * The one modal question before sending: names everything that decides what is created where, and lists the
 * file's warnings (the first five); with warnings it offers "Fix First", and with a past ScheduleStartTime (SCH-13)
 * to move it to `startSoon` (as the user wrote it) before sending.
 */
export function createConfirmation(
  summary: RequestSummary,
  target: RequestTarget,
  unsaved: boolean,
  warnings: readonly FindingLine[] = [],
  startSoon?: string,
): Question {
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
  if (warnings.length) {
    lines.push('', `${summary.fileName} has ${plural(warnings.length, 'warning')}:`);
    lines.push(...warnings.slice(0, 5).map((w) => `Line ${w.line}: ${w.message}`));
    if (warnings.length > 5) lines.push(`… and ${plural(warnings.length - 5, 'more warning')} in the Problems view.`);
  }
  const others: { answer: CreateAnswer; title: string }[] = [];
  if (startSoon) others.push({ answer: 'move-start', title: `Move Start to ${startSoon} and Create` });
  if (warnings.length) others.push({ answer: 'fix-first', title: 'Fix First' });
  const with_ = warnings.length ? ` with ${plural(warnings.length, 'warning')}` : '';
  return {
    message: `Create the integration workflow "${named(summary.flowName)}"${with_} in Amazon Connect Customer Profiles?`,
    detail: lines.join('\n'),
    yes: 'Create',
    others,
  };
}

/** As whom requests are signed: the profile and where it was named, or the environment's keys. */
export function signerLine(target: RequestTarget): string {
  return target.signer === 'environment'
    ? `Credentials: ${signerText(target)}`
    : `Profile: ${target.profile} (${target.profileFrom})`;
}

export function errorsRefusal(fileName: string, errorCount: number): string {
  return `${fileName} has ${plural(errorCount, 'error')}; nothing was sent. Fix ${errorCount === 1 ? 'it' : 'them'} and create the workflow again.`;
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

// A notification is one short paragraph: past this, the rest is in the log.

export { notificationText, NOTIFICATION_MAX_CHARS } from '../notificationText';
