// "Customer Profiles: Create Integration Workflow": checks the editor's text, asks where and confirms, sends one
// CreateIntegrationWorkflow request under a cancellable progress notification, and says what happened in the
// service's own words. Returns what it did, so a programmatic caller can tell without reading the screen.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExplainedError } from '../../../server/src/submission';
import { pickRegion, proxyOption, rememberRegion, resolveTarget } from './awsTarget';
import type { SubmissionContext } from './context';
import { AskedQuestion, cancellation, Prompter, SubmitOptions, submitOptionsIn } from './prompts';
import {
  createConfirmation,
  createdText,
  signerLine,
  errorsRefusal,
  RequestSummary,
  warningsQuestion,
} from './submissionText';
import { trackWithProgress } from './tracking';
import { submissionModules } from './lazyModules';

export const CREATE_WORKFLOW_COMMAND = 'cpworkflow.createWorkflow';
const SHOW_PROBLEMS = 'workbench.actions.view.problems';

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
    void vscode.window
      .showWarningMessage(shown, 'Manage Workspace Trust')
      .then((b) => b && vscode.commands.executeCommand('workbench.trust.manage'));
    return { outcome: 'refused', reason: 'untrusted', shown, asked, log: [] };
  }
  const uri = args[0] instanceof vscode.Uri ? args[0] : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    const shown = 'Open a .cpworkflow.json file to create its integration workflow.';
    void vscode.window.showInformationMessage(shown);
    return { outcome: 'refused', reason: 'no-file', shown, asked, log: [] };
  }
  let doc: vscode.TextDocument;
  try {
    // The open document when there is one: the editor's current text, saved or not.
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (err) {
    const shown = `Cannot read ${uri.fsPath}: ${(err as Error).message}`;
    void vscode.window.showErrorMessage(shown);
    return { outcome: 'refused', reason: 'unreadable', shown, asked, log: [] };
  }
  const key = uri.toString();
  if (ctx.submissions.isInFlight(key)) {
    const shown = `A workflow from ${path.basename(uri.fsPath)} is already being created; nothing more was sent. Wait for that request to finish.`;
    void vscode.window.showInformationMessage(shown);
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
  const text = doc.getText();
  const fileName = path.basename(doc.uri.fsPath);

  // 1. The same checks as the Problems view, run on exactly the text that would be sent (not on diagnostics that
  //    may lag behind the last keystroke); 2. the request, as the AWS CLI would build it from the file.
  const prepared = aws.prepareSubmission(text, doc.uri.toString());
  const { errors, warnings } = prepared;
  const showProblems = { title: 'Show Problems', run: () => vscode.commands.executeCommand(SHOW_PROBLEMS) };
  if (errors.length) {
    const shown = errorsRefusal(fileName, errors.length);
    void vscode.window.showErrorMessage(shown, showProblems.title).then((b) => b && showProblems.run());
    return done({
      outcome: 'refused',
      reason: 'errors',
      errorCount: errors.length,
      warningCount: warnings.length,
      shown,
    });
  }
  if (warnings.length) {
    const lines = warnings.map((w) => ({ line: w.range.start.line + 1, message: w.message }));
    if (!(await prompter.ask('warnings', warningsQuestion(fileName, lines), showProblems))) {
      return done({ outcome: 'declined', reason: 'warnings', warningCount: warnings.length });
    }
  }
  const input = prepared.input;
  if (!input) return failed(ctx, doc, log, aws.explainAwsError(prepared.inputError, { documentText: text }), done);
  const summary: RequestSummary = {
    fileName,
    domainName: prepared.domainName,
    objectTypeName: prepared.objectTypeName,
    flowName: prepared.flowName,
  };

  // 3. Where and as whom; a region is asked for only when nothing sets one.
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
    if (!region) return done({ outcome: 'declined', reason: 'region', warningCount: warnings.length });
    await rememberRegion(ctx.memory, target.profile, region);
    target = { ...target, region, regionFrom: 'chosen now', hasRegion: true };
  }

  // 4. The user sees everything that decides what is created where before anything is sent.
  const unsaved = doc.isDirty || doc.isUntitled;
  if (!(await prompter.ask('create', createConfirmation(summary, target, unsaved)))) {
    return done({ outcome: 'declined', reason: 'create', warningCount: warnings.length });
  }

  // 5. One request, cancellable.
  const profile = target.settings.profileExplicit ? target.settings.profile : undefined;
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
      title: `Creating workflow "${summary.flowName}" in ${target.region}`,
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
        void vscode.window.showInformationMessage(shown, 'Track Progress', 'Copy ID').then(async (b) => {
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
    void vscode.window.showWarningMessage(shown, 'Show Log').then((b) => b && ctx.log.show());
    return done({ outcome: 'cancelled', error, shown });
  }
  const shown = `Creating the workflow failed: ${x.text}`;
  const reveal = field ? `Go to ${field.path.split('.').pop()}` : undefined;
  void vscode.window.showErrorMessage(shown, ...(reveal ? [reveal, 'Show Log'] : ['Show Log'])).then(async (b) => {
    if (b === 'Show Log') ctx.log.show();
    if (b && b === reveal && field) {
      await vscode.window.showTextDocument(doc, {
        selection: new vscode.Range(doc.positionAt(field.offset), doc.positionAt(field.offset + field.length)),
      });
    }
  });
  return done({ outcome: 'failed', error, shown });
}
