// The one seam between the submission commands and the questions they ask: a user answers modal dialogs and
// quick picks; a programmatic caller (the extension-host tests, another extension) passes its answers in the
// command's options. Either way each question asked is recorded, so the command's result says what was asked.
import * as vscode from 'vscode';
import type { CreateAnswer, Question } from './submissionText';

type QuestionKind = 'create' | 'delete';
/** A caller's answer to the confirmation: true is Create, false Cancel; a function answers each time it is asked. */
type CreateAnswerInput =
  boolean | CreateAnswer | ((q: Question) => boolean | CreateAnswer | Promise<boolean | CreateAnswer>);

export interface Answers {
  readonly create?: CreateAnswerInput;
  /** Delete Workflow's modal: true is Delete, false Cancel */
  readonly delete?: boolean;
  /** the region to take when none is configured, instead of the region picker */
  readonly region?: string;
  /** the button to press on the notification a command ends with; the command then waits for what it does */
  readonly button?: string;
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
  /** the buttons offered besides Cancel */
  readonly buttons?: readonly string[];
  /** 'cancel' when the modal was dismissed */
  readonly answer: string | undefined;
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
    this.answers = options.confirm === false ? { create: true, delete: true, ...options.answers } : options.answers;
  }

  /** A modal question: 'yes' for its first button, another button's `answer`, or 'cancel'. */
  async ask(kind: QuestionKind, q: Question): Promise<string> {
    const buttons = [q.yes, ...(q.others ?? []).map((o) => o.title)];
    const given = this.answers?.[kind];
    let answer: string;
    if (given === undefined) {
      const picked = await vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, ...buttons);
      answer = picked === q.yes ? 'yes' : (q.others?.find((o) => o.title === picked)?.answer ?? 'cancel');
    } else {
      const a = typeof given === 'function' ? await given(q) : given;
      answer = a === true || a === 'create' ? 'yes' : a === false ? 'cancel' : a;
    }
    this.asked.push({ kind, message: q.message, detail: q.detail, buttons, answer });
    return answer;
  }

  /**
   * A notification that ends a command, with buttons whose actions run when pressed; a caller's `button` answer
   * presses one and the command waits for its action.
   */
  async notify(
    show: (message: string, ...items: string[]) => Thenable<string | undefined>,
    message: string,
    actions: Record<string, () => unknown>,
  ): Promise<void> {
    const press = (b: string | undefined) => (b && actions[b] ? actions[b]() : undefined);
    if (this.answers?.button !== undefined) {
      void show(message, ...Object.keys(actions));
      await press(this.answers.button);
    } else {
      void show(message, ...Object.keys(actions)).then(press);
    }
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
