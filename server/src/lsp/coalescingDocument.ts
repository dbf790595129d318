// Documents for the server's TextDocuments that take a burst of typing in O(1) per change. The stock document applies
// each incremental change to its whole text at once (a substring of a 4 MB string and every later line offset moved):
// 10,000 keystrokes on a 3.7 MB file took minutes and gigabytes. Here a change that continues the one before it
// (typing on, or backspacing over what was just typed, on one line) only extends that change; the document applies
// it when someone reads the text, by which time a whole burst has become one edit.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

interface PendingEdit {
  readonly range: Range;
  text: string;
  version: number;
}

const hasLineBreak = (s: string) => s.includes('\n') || s.includes('\r');

export class CoalescingTextDocument implements TextDocument {
  private pending: PendingEdit | undefined;

  constructor(private readonly inner: TextDocument) {}

  get uri(): string {
    return this.inner.uri;
  }
  get languageId(): string {
    return this.inner.languageId;
  }
  get version(): number {
    return this.pending?.version ?? this.inner.version;
  }
  get lineCount(): number {
    return this.settled().lineCount;
  }
  getText(range?: Range): string {
    return this.settled().getText(range);
  }
  positionAt(offset: number): Position {
    return this.settled().positionAt(offset);
  }
  offsetAt(position: Position): number {
    return this.settled().offsetAt(position);
  }

  /** Takes the changes of one didChange (LSP order: each applies to the text the one before it left). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && this.extendPending(change.range, change.text, version)) continue;
      this.flush();
      if ('range' in change && !hasLineBreak(change.text) && change.range.start.line === change.range.end.line)
        this.pending = { range: change.range, text: change.text, version };
      else TextDocument.update(this.inner, [change], version);
    }
  }

  /** Whether `range` ← `text` continues the pending edit on its line; if so it is merged into it. */
  private extendPending(range: Range, text: string, version: number): boolean {
    const p = this.pending;
    if (!p || hasLineBreak(text) || range.start.line !== p.range.start.line || range.end.line !== range.start.line)
      return false;
    // where the pending edit's text ends once applied
    const end = p.range.start.character + p.text.length;
    // typing on at the end, or replacing (backspacing over) a tail of what was typed
    if (range.end.character !== end || range.start.character > end) return false;
    const kept = range.start.character - p.range.start.character;
    if (kept < 0) return false;
    p.text = p.text.slice(0, kept) + text;
    p.version = version;
    return true;
  }

  private flush(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    TextDocument.update(this.inner, [{ range: p.range, text: p.text }], p.version);
  }

  private settled(): TextDocument {
    this.flush();
    return this.inner;
  }
}

/** The TextDocuments configuration that makes CoalescingTextDocuments. */
export const coalescingDocuments = {
  create: (uri: string, languageId: string, version: number, content: string) =>
    new CoalescingTextDocument(TextDocument.create(uri, languageId, version, content)),
  update: (document: CoalescingTextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
    document.update(changes, version);
    return document;
  },
};
