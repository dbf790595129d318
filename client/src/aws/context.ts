// What the submission commands share for the life of the extension.
import type * as vscode from 'vscode';
import type { SubmissionGuard } from '../../../server/src/aws';
import type { AwsTargetStatus } from './target';
import type { SubmissionLog } from './submissionLog';
import type { RecentWorkflow, RecentWorkflows, WorkflowSources } from './recentWorkflows';

export interface SubmissionContext {
  readonly memory: vscode.Memento;
  readonly status: AwsTargetStatus;
  readonly log: SubmissionLog;
  readonly recent: RecentWorkflows;
  /** one request at a time per file (double click, repeated command) */
  readonly submissions: SubmissionGuard;
  /** which file (URI, version, hash) created each workflow */
  readonly sources: WorkflowSources;
  /** fires after a workflow was created (the view lists it at once) */
  readonly created: vscode.EventEmitter<RecentWorkflow>;
}
