// The workflows this extension created or was asked about, kept in globalState across sessions and workspaces.
import type * as vscode from 'vscode';

/** A workflow this extension created (or was asked about), with where it lives. */
export interface RecentWorkflow {
  readonly workflowId: string;
  readonly domainName: string;
  readonly flowName?: string;
  /** undefined: the default chain (AWS_PROFILE, environment keys, "default") */
  readonly profile?: string;
  readonly region: string;
  readonly endpointUrl?: string;
  readonly createdAt: number;
}

const RECENT_KEY = 'cpworkflow.recentWorkflows';
const RECENT_MAX = 20;

/** The recent workflows, newest first, kept in globalState across sessions and workspaces. */
export class RecentWorkflows {
  constructor(private readonly memory: vscode.Memento) {}

  list(): RecentWorkflow[] {
    return this.memory.get<RecentWorkflow[]>(RECENT_KEY, []);
  }

  async add(w: RecentWorkflow): Promise<void> {
    const rest = this.list().filter((r) => r.workflowId !== w.workflowId);
    await this.memory.update(RECENT_KEY, [w, ...rest].slice(0, RECENT_MAX));
  }
}
