// Document and range formatting with the editor's tab size and spaces/tabs. jsonc-parser's formatter only changes
// whitespace, so the file stays the strict JSON the AWS CLI reads (no comma is added or dropped).
import { format as jsonFormat } from 'jsonc-parser';
import { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { ParsedWorkflow, rangeOf } from './document';

export function formatEdits(doc: ParsedWorkflow, options: FormattingOptions, range?: Range): TextEdit[] {
  const d = doc.document;
  const span = range && { offset: d.offsetAt(range.start), length: d.offsetAt(range.end) - d.offsetAt(range.start) };
  const eol = /\r\n/.test(doc.text.slice(0, 10000)) ? '\r\n' : '\n';
  const edits = jsonFormat(doc.text, span, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol,
    insertFinalNewline: options.insertFinalNewline ?? false,
    keepLines: false,
  });
  return edits.map((e) => TextEdit.replace(rangeOf(doc, e.offset, e.length), e.content));
}
