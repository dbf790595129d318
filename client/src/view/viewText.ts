// What the Customer Profiles view and its details document say, as plain text (no `vscode`), so it is tested
// without an editor: labels, status icons, the details Markdown, the AWS CLI command line.
import type { WorkflowProgress, WorkflowSummary, WorkflowStep } from '../../../server/src/aws';

/** A codicon and its theme colour per workflow or step status (unknown statuses get a question mark). */
export const STATUS_ICONS: Readonly<Record<string, { id: string; color?: string }>> = {
  NOT_STARTED: { id: 'circle-outline' },
  IN_PROGRESS: { id: 'sync~spin', color: 'charts.blue' },
  COMPLETE: { id: 'pass', color: 'testing.iconPassed' },
  FAILED: { id: 'error', color: 'testing.iconFailed' },
  SPLIT: { id: 'split-horizontal', color: 'charts.yellow' },
  RETRY: { id: 'debug-restart', color: 'charts.yellow' },
  CANCELLED: { id: 'circle-slash', color: 'disabledForeground' },
};
/** What each status means, for the filter's quick pick. */
export const WORKFLOW_STATUS_LABELS: Readonly<Record<string, string>> = {
  NOT_STARTED: 'waiting to start',
  IN_PROGRESS: 'running',
  COMPLETE: 'finished',
  FAILED: 'ended with an error',
  SPLIT: 'split into smaller batches',
  RETRY: 'being retried',
  CANCELLED: 'cancelled',
};
export const iconOf = (status: string) => STATUS_ICONS[status] ?? { id: 'question' };

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "2 h ago", "3 d ago": how long ago, for a tree item's description. */
export function ago(date: Date | undefined, now = Date.now()): string {
  if (!date) return '';
  const s = Math.max(0, Math.round((now - date.getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

/** ISO 8601 in UTC without milliseconds, as the AWS CLI prints timestamps. */
export const isoTime = (d: Date | undefined) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

/** The description beside a workflow in the tree: status, records (once known), age. */
export function workflowDescription(w: WorkflowSummary, recordsProcessed: number | undefined, now = Date.now()) {
  return [
    w.status,
    recordsProcessed === undefined ? undefined : plural(recordsProcessed, 'record'),
    ago(w.createdAt, now),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The description beside a step: status, records, the service's message. */
export function stepDescription(s: WorkflowStep): string {
  return [s.status, plural(s.recordsProcessed, 'record'), oneLine(s.executionMessage)].filter(Boolean).join(' · ');
}

/** Service text for one line of a tree: control characters and line breaks become spaces. */
export function oneLine(text: string): string {
  let out = '';
  for (const c of text) out += c < ' ' || (c >= '\u007f' && c <= '\u009f') ? ' ' : c;
  return out.trim();
}

/** POSIX shell quoting: bare when only safe characters, else single quotes ('\'' for a quote inside). */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The AWS CLI command that reads the same workflow, with where it lives (region, named profile, endpoint). */
export function getWorkflowCliCommand(w: {
  domainName: string;
  workflowId: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
}): string {
  const args = [
    'aws',
    'customer-profiles',
    'get-workflow',
    '--domain-name',
    w.domainName,
    '--workflow-id',
    w.workflowId,
  ];
  if (w.region) args.push('--region', w.region);
  if (w.profile) args.push('--profile', w.profile);
  if (w.endpointUrl) args.push('--endpoint-url', withoutPassword(w.endpointUrl));
  // every value single-quoted and joined to its option (--domain-name='…'), so a value that starts with "--" or holds
  // $( ) ` ; | & is one argument of that option when pasted into a shell, never an option or a command of its own
  const out = args.slice(0, 3);
  for (let i = 3; i < args.length; i += 2) out.push(`${args[i]}=${singleQuoted(args[i + 1])}`);
  return out.join(' ');
}

/** A POSIX shell word that is exactly `value`: single quotes, each ' written as '\''. */
const singleQuoted = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** An endpoint URL to show or copy: a password in it (http://user:secret@host) is left out. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (!u.password) return url;
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1@');
  }
}

/** Service text inside a Markdown table cell: one line, the characters that would format or split it escaped. */
function md(text: string): string {
  return oneLine(text).replace(/[\\`*<>[\]|]/g, (c) => `\\${c}`);
}

/** An identifier as inline code in a table cell (a backtick cannot end it early, a bar cannot split the row). */
function code(text: string): string {
  return `\`${oneLine(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

export interface WorkflowDetails {
  readonly domainName: string;
  readonly region: string;
  readonly flowName?: string;
  readonly progress: WorkflowProgress;
  /** The file that created it, when this extension sent it. */
  readonly source?: { readonly uri: string; readonly version: number; readonly sentAt: number };
  /** When this look was taken. */
  readonly readAt: Date;
}

/** A step's batch of records, "start → end", or "-" when the service gave neither. */
const batchRange = (s: WorkflowStep) =>
  s.batchRecordsStartTime || s.batchRecordsEndTime
    ? `${md(s.batchRecordsStartTime ?? '?')} → ${md(s.batchRecordsEndTime ?? '?')}`
    : '-';

/** The read-only details document: status, description, metrics, timestamps, steps, the last call's request id. */
export function workflowDetailsMarkdown(d: WorkflowDetails): string {
  const p = d.progress;
  const lines = [
    `# Workflow ${md(d.flowName ?? p.workflowId)}`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| Status | **${md(p.status)}**${p.done ? '' : ' (refreshing)'} |`,
    `| Workflow ID | ${code(p.workflowId)} |`,
    `| Domain | ${md(d.domainName)} (${md(d.region)}) |`,
    `| Steps completed | ${p.stepsCompleted} of ${p.totalSteps} |`,
    `| Records processed | ${p.recordsProcessed.toLocaleString('en-US')} |`,
    `| Started | ${isoTime(p.startDate)} |`,
    `| Last updated | ${isoTime(p.lastUpdatedAt)} |`,
  ];
  if (p.errorDescription) lines.push(`| Error | ${md(p.errorDescription)} |`);
  if (d.source)
    lines.push(
      `| Created from | ${md(d.source.uri)} (version ${d.source.version}, ${isoTime(new Date(d.source.sentAt))}) |`,
    );
  lines.push('', `## Steps`, '');
  if (!p.steps.length) lines.push('No steps yet.');
  else {
    lines.push('| # | Status | Records | Batch | Message |', '| --- | --- | --- | --- | --- |');
    p.steps.forEach((s, i) =>
      lines.push(
        `| ${i + 1} | ${md(s.status)} | ${s.recordsProcessed.toLocaleString('en-US')} | ${batchRange(s)} | ${md(s.executionMessage)} |`,
      ),
    );
  }
  lines.push('', `Read at ${isoTime(d.readAt)}; request id of the last call: ${code(p.requestId ?? 'none')}.`, '');
  return lines.join('\n');
}
