// A workflow's details as a read-only Markdown document (a virtual document of its own scheme): status, description,
// metrics, timestamps, steps, the request id of the last call. While the workflow runs and the document is visible
// it reads the workflow again after each interval, and stops when the workflow ends.
import * as vscode from 'vscode';
import type { SubmissionContext } from '../aws/context';
import { explainFor, withClient, type WorkflowRef } from '../aws/session';
import { workflowDetailsMarkdown } from './viewText';

export const DETAILS_SCHEME = 'cpworkflow-workflow';
const INTERVAL_SETTING = 'cpworkflow.workflowsView.autoRefreshSeconds';

/** The last look a details document shows. */
export interface DetailsLook {
  readonly text: string;
  /** the workflow's status, or undefined when it could not be read */
  readonly status: string | undefined;
  readonly done: boolean;
  /** the library's error code when the read failed */
  readonly error?: string;
}

export class WorkflowDetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly rendered = new vscode.EventEmitter<{ uri: string; look: DetailsLook }>();
  private readonly refs = new Map<string, { ref: WorkflowRef; intervalMs?: number }>();
  /** reads under way (provideTextDocumentContent) */
  private reading = 0;
  private readonly looks = new Map<string, DetailsLook>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed, this.rendered];

  constructor(private readonly ctx: SubmissionContext) {
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors(() => {
        for (const [uri, look] of this.looks) if (!look.done && !look.error) this.schedule(uri);
      }),
    );
  }

  static uriFor(ref: WorkflowRef): vscode.Uri {
    const label = (ref.flowName ?? ref.workflowId).replace(/[^\w.-]+/g, '-');
    return vscode.Uri.from({
      scheme: DETAILS_SCHEME,
      path: `/${ref.region}/${ref.domainName}/${ref.workflowId}/${label}.md`,
    });
  }

  /** Opens (or shows again, read anew) the details of `ref`; resolves with the first look. */
  async open(ref: WorkflowRef, options: { intervalMs?: number } = {}) {
    const uri = WorkflowDetailsDocuments.uriFor(ref);
    const key = uri.toString();
    this.refs.set(key, { ref, intervalMs: options.intervalMs });
    const first = this.nextLook(key);
    // shown before: read it anew (VS Code asks again only for a document it still holds; otherwise opening asks)
    if (this.looks.has(key)) {
      clearTimeout(this.timers.get(key)); // this read replaces the one scheduled
      this.timers.delete(key);
      this.changed.fire(uri);
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const look = await first;
    return { uri, document, look };
  }

  /** The next look rendered for `uri` (or the one that resolves when the workflow has ended). */
  nextLook(uri: string, accept: (look: DetailsLook) => boolean = () => true): Promise<DetailsLook> {
    return new Promise((resolve) => {
      const sub = this.rendered.event((e) => {
        if (e.uri === uri && accept(e.look)) {
          sub.dispose();
          resolve(e.look);
        }
      });
      this.subscriptions.push(sub);
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const entry = this.refs.get(key);
    if (!entry) return 'These details are no longer known: open them again from the Customer Profiles view.\n';
    const { ref } = entry;
    let look: DetailsLook;
    this.reading++;
    try {
      const progress = await withClient(ref, (client, aws) =>
        aws.getWorkflowProgress(client, ref.domainName, ref.workflowId, { withSteps: true }),
      );
      const source = this.ctx.sources.get(ref.workflowId);
      const text = workflowDetailsMarkdown({
        domainName: ref.domainName,
        region: ref.region,
        flowName: ref.flowName,
        progress,
        source,
        readAt: new Date(),
      });
      look = { text, status: progress.status, done: progress.done };
    } catch (err) {
      const x = explainFor(ref, 'GetWorkflow', err);
      this.ctx.log.session().error(`GetWorkflow ${ref.workflowId}: ${x.code}: ${x.serviceMessage}`);
      const text = [
        `# Workflow ${ref.workflowId}`,
        '',
        `Could not read the workflow: ${x.serviceMessage}`,
        '',
        `What to do: ${x.advice}`,
        '',
        `Request id: ${x.requestId ?? 'none'}`,
        '',
      ].join('\n');
      look = { text, status: undefined, done: false, error: x.code };
    } finally {
      this.reading--;
    }
    this.looks.set(key, look);
    this.rendered.fire({ uri: key, look });
    if (!look.done && !look.error) this.schedule(key);
    return look.text;
  }

  /** Reads the workflow again after the interval, if its document is still visible. */
  private schedule(uri: string): void {
    if (this.timers.has(uri)) return;
    if (!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri)) return;
    const entry = this.refs.get(uri);
    const seconds = vscode.workspace.getConfiguration().get<number>(INTERVAL_SETTING, 10);
    const ms = entry?.intervalMs ?? Math.max(1, seconds) * 1000;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        if (vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri))
          this.changed.fire(vscode.Uri.parse(uri));
      }, ms),
    );
  }

  /** Whether any details document is waiting to read its workflow again. */
  get polling(): boolean {
    return this.timers.size > 0;
  }

  /**
   * Whether a details document can still send a request of its own: a read is waiting or under way (a read may
   * schedule the next). Once false, nothing reads until a document is opened again: tests wait for it.
   */
  get busy(): boolean {
    return this.timers.size > 0 || this.reading > 0;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
