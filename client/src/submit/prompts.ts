// The one seam between the submission commands and the questions they ask: a user answers modal dialogs and
// quick picks; a programmatic caller (the extension-host tests, another extension) passes its answers in the
// command's options. Either way each question asked is recorded, so the command's result says what was asked.
import * as vscode from 'vscode';
import type { Question } from './submissionText';

type QuestionKind = 'warnings' | 'create';

export interface Answers {
  readonly warnings?: boolean;
  readonly create?: boolean;
  /** the region to take when none is configured, instead of the region picker */
  readonly region?: string;
}

/** Options a programmatic caller may pass as the command's last argument. */
export interface SubmitOptions {
  /** `false`: ask nothing and answer yes, as the CLI's --yes */
  readonly confirm?: false;
  readonly answers?: Answers;
  /** Tracking: poll this often (default: the library's) */
  readonly intervalMs?: number;
  /** Cancels as the progress notification's Cancel button does */
  readonly signal?: AbortSignal;
}

export interface AskedQuestion {
  readonly kind: QuestionKind | 'region';
  readonly message: string;
  readonly detail: string;
  readonly answer: string | boolean | undefined;
}

const OPTION_KEYS = ['confirm', 'answers', 'intervalMs', 'signal'];

/** The options among a command's arguments: a plain object with a known key (menus pass URIs and editor contexts). */
export function submitOptionsIn(args: readonly unknown[]): SubmitOptions {
  const found = args.find(
    (a) =>
      typeof a === 'object' &&
      a !== null &&
      !(a instanceof vscode.Uri) &&
      !Array.isArray(a) &&
      OPTION_KEYS.some((k) => k in a),
  );
  return (found as SubmitOptions | undefined) ?? {};
}

export class Prompter {
  readonly asked: AskedQuestion[] = [];
  private readonly answers: Answers | undefined;

  constructor(options: SubmitOptions) {
    this.answers = options.confirm === false ? { warnings: true, create: true, ...options.answers } : options.answers;
  }

  /**
   * A modal yes/no question. `other` is an extra button that runs an action and counts as no
   * (e.g. "Show Problems").
   */
  async ask(kind: QuestionKind, q: Question, other?: { title: string; run: () => unknown }): Promise<boolean> {
    let answer = this.answers?.[kind];
    if (answer === undefined) {
      const buttons = other ? [q.yes, other.title] : [q.yes];
      const picked = await vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, ...buttons);
      if (other && picked === other.title) await other.run();
      answer = picked === q.yes;
    }
    this.asked.push({ kind, message: q.message, detail: q.detail, answer });
    return answer;
  }

  /** A region for a profile that has none: the caller's answer, else the region picker. */
  async region(pick: () => Promise<string | undefined>): Promise<string | undefined> {
    const answer = this.answers?.region ?? (await pick());
    this.asked.push({ kind: 'region', message: 'AWS region', detail: '', answer });
    return answer;
  }
}

/** An AbortSignal for the SDK that fires on the progress notification's Cancel or on the caller's own signal. */
export function cancellation(token: vscode.CancellationToken, callerSignal: AbortSignal | undefined) {
  const abort = new AbortController();
  const onCaller = () => abort.abort();
  const subscription = token.onCancellationRequested(() => abort.abort());
  if (callerSignal?.aborted) abort.abort();
  callerSignal?.addEventListener('abort', onCaller, { once: true });
  return {
    signal: abort.signal,
    dispose() {
      subscription.dispose();
      callerSignal?.removeEventListener('abort', onCaller);
    },
  };
}
