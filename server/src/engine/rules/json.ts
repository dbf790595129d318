// The codes of the text itself (syntax.ts reports them before any model or rule check): strict JSON as the AWS CLI
// reads it, UTF-8 without a byte-order mark.
import { TextEdit } from 'vscode-languageserver-types';
import type { Fixes } from './types';

declare module '../findings' {
  interface CodeData {
    'json-syntax': object;
    'json-comment': object;
    'json-trailing-comma': { readonly offset: number };
    /** `stored`: the BOM is in the file on disk, hidden from the text by the editor; `remove`: it is in the text */
    'json-bom': { readonly stored?: true; readonly remove?: true };
    'json-encoding': object;
  }
}

export const jsonFixes: Fixes<'json-syntax' | 'json-comment' | 'json-trailing-comma' | 'json-bom' | 'json-encoding'> = {
  'json-syntax': null,
  'json-comment': null,
  'json-trailing-comma': (c) => [{ title: 'Remove the trailing comma', edits: [TextEdit.del(c.diagnostic.range)] }],
  // a BOM the editor hides (data.stored) is not in the text: only saving with another encoding removes it
  'json-bom': (c) =>
    c.data.stored ? [] : [{ title: 'Remove the byte-order mark', edits: [TextEdit.del(c.diagnostic.range)] }],
  'json-encoding': null,
};
