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

/** The file a workflow was created from: its URI, the document version and a SHA-256 of exactly the text sent. */
export interface WorkflowSource {
  readonly uri: string;
  readonly version: number;
  readonly sha256: string;
  readonly sentAt: number;
}

const SOURCES_KEY = 'cpworkflow.workflowSources';
const SOURCES_MAX = 500;

/** Which file created which workflow (by WorkflowId), kept in globalState; the oldest are forgotten past 500. */
export class WorkflowSources {
  constructor(private readonly memory: vscode.Memento) {}

  get(workflowId: string): WorkflowSource | undefined {
    return this.all()[workflowId];
  }

  async remember(workflowId: string, source: WorkflowSource): Promise<void> {
    const entries = Object.entries(this.all()).filter(([id]) => id !== workflowId);
    entries.push([workflowId, source]);
    await this.memory.update(SOURCES_KEY, Object.fromEntries(entries.slice(-SOURCES_MAX)));
  }

  private all(): Record<string, WorkflowSource> {
    return this.memory.get<Record<string, WorkflowSource>>(SOURCES_KEY, {});
  }
}
