// Submission to Amazon Connect Customer Profiles from the editor: the create command, the AWS profile/region status
// bar item and the log (Show Workflow Status is the view's: it opens the details document). Registering costs no AWS
// SDK load; the commands load it on first use.
import * as vscode from 'vscode';
import { AwsTargetStatus, SELECT_TARGET_COMMAND, selectTarget, SelectTargetAnswers } from '../aws/target';
import type { SubmissionContext } from '../aws/context';
import { CREATE_WORKFLOW_COMMAND, createWorkflowCommand } from './createWorkflowCommand';
import { SubmissionLog } from '../aws/submissionLog';
import { createSubmissionGuard, redactCredentials } from '../../../server/src/aws';
import { RecentWorkflows, WorkflowSources } from '../aws/recentWorkflows';

export function registerSubmission(context: vscode.ExtensionContext): SubmissionContext {
  const status = new AwsTargetStatus(context.globalState);
  const log = new SubmissionLog(redactCredentials);
  const ctx: SubmissionContext = {
    memory: context.globalState,
    status,
    log,
    recent: new RecentWorkflows(context.globalState),
    submissions: createSubmissionGuard(),
    sources: new WorkflowSources(context.globalState),
    created: new vscode.EventEmitter(),
  };
  context.subscriptions.push(
    status,
    log,
    ctx.created,
    // After a command the library is loaded, so the status bar can show the profile's own region too.
    vscode.commands.registerCommand(CREATE_WORKFLOW_COMMAND, (...args: unknown[]) =>
      createWorkflowCommand(ctx, args).finally(() => status.invalidate()),
    ),
    vscode.commands.registerCommand(SELECT_TARGET_COMMAND, (answers?: SelectTargetAnswers) =>
      selectTarget(status, answers),
    ),
  );
  return ctx;
}
