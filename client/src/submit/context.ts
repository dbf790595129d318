// What the submission commands share for the life of the extension.
import type * as vscode from 'vscode';
import type { SubmissionGuard } from '../../../server/src/aws';
import type { AwsTargetStatus } from './awsTarget';
import type { SubmissionLog } from './submissionLog';
import type { RecentWorkflows } from './tracking';

export interface SubmissionContext {
  readonly memory: vscode.Memento;
  readonly status: AwsTargetStatus;
  readonly log: SubmissionLog;
  readonly recent: RecentWorkflows;
  /** one request in flight per file; created with the library on first use */
  guard?: SubmissionGuard;
}
