// Helpers for the editing tests: run completion at a `|` caret, apply an item (expanding a snippet with its default
// placeholder values, as an editor does when the user tabs through), apply a code action, validate again.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DiagnosticSeverity,
  InsertTextFormat,
  TextEdit,
} from 'vscode-languageserver-types';
import { createWorkflowLanguageService, WorkflowLanguageService } from '../../server/src/engine/service';
import { defaultText } from '../../server/src/engine/snippets';
import { withCaret } from '../support/markers';
import { docOf } from '../support/workflows';

/** The clock every editing test uses: 2026-03-10T14:07:30.250Z. */
export const NOW = new Date(Date.UTC(2026, 2, 10, 14, 7, 30, 250));
export const service = (): WorkflowLanguageService => createWorkflowLanguageService({ now: () => NOW });

/** An editor's whitespace adjustment: tabs become two spaces, later lines take the insertion line's indentation. */
function adjustIndentation(text: string, lineIndent: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? '' : lineIndent) + l.replace(/^\t+/, (t) => '  '.repeat(t.length)))
    .join('\n');
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), edits);
}

export interface CompletionRun {
  readonly text: string;
  readonly items: CompletionItem[];
  readonly labels: string[];
  /** the list is cut short: the editor asks again as the user types */
  readonly isIncomplete: boolean;
  /** the text after choosing the item with this label */
  apply(label: string): string;
}

export function completeAt(marked: string, svc = service()): CompletionRun {
  const { text, offset } = withCaret(marked);
  const doc = docOf(text);
  const list = svc.complete(doc, doc.positionAt(offset));
  const items = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return {
    text,
    items,
    labels: items.map((i) => i.label),
    isIncomplete: list.isIncomplete,
    apply(label: string): string {
      const chosen = items.find((i) => i.label === label);
      assert.ok(chosen, `no completion "${label}" among ${JSON.stringify(items.map((i) => i.label))}`);
      const edit = chosen.textEdit as TextEdit;
      let newText = edit.newText;
      if (chosen.insertTextFormat === InsertTextFormat.Snippet) {
        const line = doc.getText({ start: { line: edit.range.start.line, character: 0 }, end: edit.range.start });
        newText = adjustIndentation(defaultText(newText), /^\s*/.exec(line)![0]);
      }
      return applyTextEdits(text, [{ range: edit.range, newText }, ...(chosen.additionalTextEdits ?? [])]);
    },
  };
}

export const errorsOf = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);

/** Validates `text`; the message lists what was found, for failures that explain themselves. */
export function validate(text: string, svc = service()): Diagnostic[] {
  return svc.validate(docOf(text));
}

export const describe1 = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.message}`).join('\n');

/** Applies a code action's edit to `text`. */
export function applyAction(text: string, action: CodeAction): string {
  const changes = action.edit?.changes ?? {};
  const edits = Object.values(changes)[0] ?? [];
  return applyTextEdits(text, edits);
}
