// The "Customer Profiles" log (a LogOutputChannel) that "Show Log" opens: what was sent where, request ids,
// the service's answers. Every line passes the library's credential redaction on its way in.
import * as vscode from 'vscode';

export class SubmissionLog implements vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;

  constructor(private readonly redact: (text: string) => string) {}

  /** A transcript for one command run: the lines it wrote, as written (the command's result returns them). */
  session(): LogSession {
    this.channel ??= vscode.window.createOutputChannel('Customer Profiles', { log: true });
    return new LogSession(this.channel, this.redact);
  }

  show(): void {
    this.channel?.show(true);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}

class LogSession {
  readonly lines: string[] = [];

  constructor(
    private readonly channel: vscode.LogOutputChannel,
    private readonly redact: (text: string) => string,
  ) {}

  info(text: string): void {
    this.write('info', text);
  }

  error(text: string): void {
    this.write('error', text);
  }

  private write(level: 'info' | 'error', text: string): void {
    const safe = this.redact(text);
    this.lines.push(safe);
    this.channel[level](safe);
  }
}
