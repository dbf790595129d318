// Folding and smart selection, as VS Code's own JSON server gives them: vscode-json-languageservice computes both
// from the text (folding from its scanner, selection from its parse), so Neovim and every LSP client get them too.
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRange, Position, SelectionRange } from 'vscode-languageserver-types';

// no schemas, no requests: only the parser, the scanner and their structure walks are used
const json = getLanguageService({});

/** The objects and arrays that span lines, for the editor's fold markers. */
export function foldingRanges(document: TextDocument, rangeLimit?: number): FoldingRange[] {
  return json.getFoldingRanges(document, rangeLimit === undefined ? undefined : { rangeLimit });
}

/** For each position, value → property → object → … → the whole file (Expand Selection). */
export function selectionRanges(document: TextDocument, positions: readonly Position[]): SelectionRange[] {
  return json.getSelectionRanges(document, [...positions], json.parseJSONDocument(document));
}
