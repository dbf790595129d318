// "Customer Profiles: Create Integration Workflow": checks the editor's text, asks where and confirms, sends one
// CreateIntegrationWorkflow request under a cancellable progress notification, and says what happened in the
// service's own words. Returns what it did, so a programmatic caller can tell without reading the screen.
import { createHash } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExplainedError, PreparedSubmission } from '../../../server/src/aws';
import { dataOf } from '../../../server/src/engine';
import { namedProfile, pickRegion, proxyOption, rememberRegion, resolveTarget } from '../aws/target';
import type { SubmissionContext } from '../aws/context';
import { AskedQuestion, cancellation, Prompter, SubmitOptions, submitOptionsIn } from './prompts';
import {
  createConfirmation,
  createdText,
  signerLine,
  errorsRefusal,
  notificationText,
  RequestSummary,
} from './submissionText';
import { trackWithProgress } from './tracking';
import { submissionModules } from '../aws/lazyModules';
import { notify } from '../notify';

export const CREATE_WORKFLOW_COMMAND = 'cpworkflow.createWorkflow';
const GO_TO_ERROR = 'Go to First Error';

export interface CreateWorkflowResult {
  readonly outcome: 'created' | 'refused' | 'declined' | 'failed' | 'cancelled';
  /** refused: untrusted, no-file, unreadable, busy, errors; declined: the question answered no */
  readonly reason?: string;
  readonly workflowId?: string;
  readonly requestId?: string;
  readonly errorCount?: number;
  readonly warningCount?: number;
  readonly error?: Pick<
    ExplainedError,
    'code' | 'serviceMessage' | 'advice' | 'requestId' | 'httpStatus' | 'mayHaveBeenCreated'
  > & {
    readonly field?: {
      readonly path: string;
      readonly exact: boolean;
      readonly offset: number;
      readonly length: number;
    };
  };
  /** the notification the user was shown */
  readonly shown?: string;
  readonly asked: readonly AskedQuestion[];
  /** the lines written to the Customer Profiles log */
  readonly log: readonly string[];
}

export async function createWorkflowCommand(ctx: SubmissionContext, args: unknown[]): Promise<CreateWorkflowResult> {
  const options = submitOptionsIn(args);
  const prompter = new Prompter(options);
  const asked = prompter.asked;
  if (!vscode.workspace.isTrusted) {
    const shown = 'Creating workflows is off in Restricted Mode: trust this workspace to send requests to AWS.';
    void notify
      .warn(shown, 'Manage Workspace Trust')
      .then((b) => b && vscode.commands.executeCommand('workbench.trust.manage'));
    return { outcome: 'refused', reason: 'untrusted', shown, asked, log: [] };
  }
  const uri = args[0] instanceof vscode.Uri ? args[0] : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    const shown = 'Open a .cpworkflow.json file to create its integration workflow.';
    void notify.info(shown);
    return { outcome: 'refused', reason: 'no-file', shown, asked, log: [] };
  }
  let doc: vscode.TextDocument;
  try {
    // The open document when there is one: the editor's current text, saved or not.
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (err) {
    const shown = `Cannot read ${uri.fsPath}: ${(err as Error).message}`;
    void notify.error(shown);
    return { outcome: 'refused', reason: 'unreadable', shown, asked, log: [] };
  }
  const key = uri.toString();
  if (ctx.submissions.isInFlight(key)) {
    const shown = `A workflow from ${path.basename(uri.fsPath)} is already being created; nothing more was sent. Wait for that request to finish.`;
    void notify.info(shown);
    return { outcome: 'refused', reason: 'busy', shown, asked, log: [] };
  }
  return ctx.submissions.run(key, () => submit(ctx, doc, prompter, options));
}

async function submit(
  ctx: SubmissionContext,
  doc: vscode.TextDocument,
  prompter: Prompter,
  options: SubmitOptions,
): Promise<CreateWorkflowResult> {
  const { aws } = submissionModules();
  const log = ctx.log.session();
  const asked = prompter.asked;
  const done = (r: Omit<CreateWorkflowResult, 'asked' | 'log'>): CreateWorkflowResult => ({
    ...r,
    asked,
    log: log.lines,
  });
  const fileName = path.basename(doc.uri.fsPath);
  // The same checks as the Problems view, run on exactly the text that would be sent (not on diagnostics that may
  // lag behind the last keystroke) and at this moment: SCH-13 ("ScheduleStartTime is in the past") depends on it.
  const check = () => aws.prepareSubmission(doc.getText(), doc.uri.toString());
  let prepared = check();
  if (prepared.errors.length) return refused(doc, prepared, prompter, done);
  if (!prepared.input) return failed(ctx, doc, log, explain(prepared, doc.getText()), done);

  // Where and as whom; a region is asked for only when nothing sets one.
  let target = await resolveTarget(ctx.memory);
  try {
    aws.assertProfileExists(target.settings);
  } catch (err) {
    return failed(ctx, doc, log, aws.explainAwsError(err, { profile: target.profile }), done);
  }
  if (!target.hasRegion) {
    const region = await prompter.region(() =>
      pickRegion(ctx.memory, `No region is set for profile ${target.profile}: where should the workflow be created?`),
    );
    if (!region) return done({ outcome: 'declined', reason: 'region', warningCount: prepared.warnings.length });
    await rememberRegion(ctx.memory, target.profile, region);
    target = { ...target, region, regionFrom: 'chosen now', hasRegion: true };
  }

  // One question names everything that decides what is created where, with the warnings as of the moment it is
  // shown. The text is checked again once answered, as it is sent: a warning that appeared meanwhile (a start
  // time that passed while the question was open) is asked about again, never sent unseen.
  const seen = new Set<string>();
  let confirmed = false;
  for (;;) {
    prepared = check();
    if (prepared.errors.length) return refused(doc, prepared, prompter, done);
    const unseen = prepared.warnings.filter((w) => !seen.has(findingKey(w)));
    if (confirmed && !unseen.length) break;
    const pastStart = prepared.warnings.find((w) => w.code === 'SCH-13');
    const question = createConfirmation(
      summaryOf(fileName, prepared),
      target,
      doc.isDirty || doc.isUntitled,
      prepared.warnings.map((w) => ({ line: w.range.start.line + 1, message: w.message })),
      pastStart && instantText(dataOf(pastStart, 'SCH-13')?.replacement),
    );
    const answer = await prompter.ask('create', question);
    for (const w of prepared.warnings) seen.add(findingKey(w));
    if (answer === 'fix-first') {
      const first = [...prepared.warnings].sort(byPosition)[0];
      if (first) await revealFinding(doc, first);
      return done({ outcome: 'declined', reason: 'fix-first', warningCount: prepared.warnings.length });
    }
    if (answer === 'move-start') {
      if (!(await moveStartForward(doc, check()))) return done({ outcome: 'declined', reason: 'move-start' });
    } else if (answer !== 'yes') {
      return done({ outcome: 'declined', reason: 'create', warningCount: prepared.warnings.length });
    }
    confirmed = true;
  }
  const input = prepared.input;
  if (!input) return failed(ctx, doc, log, explain(prepared, doc.getText()), done);
  const { warnings } = prepared;
  const text = doc.getText();
  const version = doc.version;
  const summary = summaryOf(fileName, prepared);
  const unsaved = doc.isDirty || doc.isUntitled;

  // One request, cancellable.
  const profile = namedProfile(target);
  const context = {
    operation: 'CreateIntegrationWorkflow',
    profile: target.profile,
    signer: target.signer,
    region: target.region,
    endpointUrl: target.endpointUrl,
    domainName: summary.domainName,
    objectTypeName: summary.objectTypeName,
    documentText: text,
  };
  log.info(
    `CreateIntegrationWorkflow from ${fileName}${unsaved ? ' (unsaved editor text)' : ''}: domain ${summary.domainName}, ` +
      `object type ${summary.objectTypeName}, flow ${summary.flowName}; region ${target.region} (${target.regionFrom}), ` +
      `${signerLine(target)}${target.endpointUrl ? `, endpoint ${target.endpointUrl} (${target.endpointFrom})` : ''}`,
  );
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: notificationText(`Creating workflow "${summary.flowName}" in ${target.region}`),
      cancellable: true,
    },
    async (_progress, token) => {
      const cancel = cancellation(token, options.signal);
      let client;
      try {
        client = await aws.createCustomerProfilesClient(
          { proxy: proxyOption() },
          { ...target.settings, region: target.region },
        );
        const created = await aws.createWorkflow(client, input, { abortSignal: cancel.signal });
        const shown = createdText(created.WorkflowId, summary, target);
        log.info(
          `Created workflow ${created.WorkflowId} (request id ${created.requestId ?? 'none'}): ${created.Message}`,
        );
        const recent = {
          workflowId: created.WorkflowId,
          domainName: summary.domainName ?? '',
          flowName: summary.flowName,
          profile,
          region: target.region,
          endpointUrl: target.endpointUrl,
          createdAt: Date.now(),
        };
        await ctx.recent.add(recent);
        ctx.created.fire(recent);
        await ctx.sources.remember(created.WorkflowId, {
          uri: doc.uri.toString(),
          version,
          sha256: createHash('sha256').update(text).digest('hex'),
          sentAt: Date.now(),
        });
        void notify.info(shown, 'Track Progress', 'Copy ID').then(async (b) => {
          if (b === 'Copy ID') await vscode.env.clipboard.writeText(created.WorkflowId);
          if (b === 'Track Progress') await trackWithProgress(ctx, recent, {});
        });
        return done({
          outcome: 'created',
          workflowId: created.WorkflowId,
          requestId: created.requestId,
          warningCount: warnings.length,
          shown,
        });
      } catch (err) {
        return failed(ctx, doc, log, aws.explainAwsError(err, context), done);
      } finally {
        cancel.dispose();
        client?.destroy();
      }
    },
  );
}

type Done = (r: Omit<CreateWorkflowResult, 'asked' | 'log'>) => CreateWorkflowResult;
type Prepared = PreparedSubmission;
type Finding = Prepared['warnings'][number];

const summaryOf = (fileName: string, p: Prepared): RequestSummary => ({
  fileName,
  domainName: p.domainName,
  objectTypeName: p.objectTypeName,
  flowName: p.flowName,
});
const explain = (p: Prepared, documentText: string) =>
  submissionModules().aws.explainAwsError(p.inputError, { documentText });
const findingKey = (f: Finding) => `${String(f.code)}@${f.range.start.line}:${f.range.start.character}`;
const byPosition = (a: Finding, b: Finding) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
const rangeOf = (f: Finding) =>
  new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
/** An SCH-13 replacement as people read it: ISO text as written, epoch seconds as their UTC instant. */
const instantText = (v: unknown) =>
  typeof v === 'number'
    ? new Date(v * 1000).toISOString().replace('.000Z', 'Z')
    : typeof v === 'string'
      ? v
      : undefined;

/** The file has errors: nothing is sent, and the way to them leads to this file's first error. */
function refused(doc: vscode.TextDocument, p: Prepared, prompter: Prompter, done: Done): Promise<CreateWorkflowResult> {
  const shown = errorsRefusal(path.basename(doc.uri.fsPath), p.errors.length);
  const first = [...p.errors].sort(byPosition)[0];
  const result = done({
    outcome: 'refused',
    reason: 'errors',
    errorCount: p.errors.length,
    warningCount: p.warnings.length,
    shown,
  });
  return prompter
    .notify((m, ...items) => notify.error(m, ...items), shown, {
      [GO_TO_ERROR]: () => revealFinding(doc, first),
    })
    .then(() => result);
}

/** Opens the document with the finding selected and in view. */
async function revealFinding(doc: vscode.TextDocument, f: Finding): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc, { selection: rangeOf(f), preview: false });
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Applies SCH-13's own replacement (now + 5 minutes, computed as the button is pressed) to the editor's text. */
async function moveStartForward(doc: vscode.TextDocument, p: Prepared): Promise<boolean> {
  const past = p.warnings.find((w) => w.code === 'SCH-13');
  const replacement = past && dataOf(past, 'SCH-13')?.replacement;
  if (!past || replacement === undefined) return true; // no longer in the past: nothing to move
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, rangeOf(past), JSON.stringify(replacement));
  return vscode.workspace.applyEdit(edit);
}

/** Says what failed in the service's words with the advice; the log gets the request id and status. */
function failed(
  ctx: SubmissionContext,
  doc: vscode.TextDocument,
  log: { error(t: string): void },
  x: ExplainedError,
  done: Done,
): CreateWorkflowResult {
  const facts = [
    x.httpStatus && `HTTP ${x.httpStatus}`,
    x.requestId && `request id ${x.requestId}`,
    x.attempts && `${x.attempts} attempt(s)`,
  ];
  log.error(`${x.code}${facts.some(Boolean) ? ` (${facts.filter(Boolean).join(', ')})` : ''}: ${x.serviceMessage}`);
  log.error(`Advice: ${x.advice}`);
  const field = x.field && {
    path: x.field.found,
    exact: x.field.exact,
    offset: x.field.offset,
    length: x.field.length,
  };
  const error = {
    code: x.code,
    serviceMessage: x.serviceMessage,
    advice: x.advice,
    requestId: x.requestId,
    httpStatus: x.httpStatus,
    mayHaveBeenCreated: x.mayHaveBeenCreated,
    field,
  };
  if (x.code === 'Cancelled') {
    const shown = x.advice;
    void notify.warn(shown, 'Show Log').then((b) => b && ctx.log.show());
    return done({ outcome: 'cancelled', error, shown });
  }
  const shown = `Creating the workflow failed: ${x.text}`;
  const reveal = field ? `Go to ${field.path.split('.').pop()}` : undefined;
  void notify.error(shown, ...(reveal ? [reveal, 'Show Log'] : ['Show Log'])).then(async (b) => {
    if (b === 'Show Log') ctx.log.show();
    if (b && b === reveal && field) {
      await vscode.window.showTextDocument(doc, {
        selection: new vscode.Range(doc.positionAt(field.offset), doc.positionAt(field.offset + field.length)),
      });
    }
  });
  return done({ outcome: 'failed', error, shown });
}
