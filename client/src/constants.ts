// What the extension's modules share: the language id and which documents are workflow files.
export const LANGUAGE_ID = 'cpworkflow';
/** The status bar's and the view's "Switch Profile and Region" (aws/target.ts registers it). */
export const SELECT_TARGET_COMMAND = 'cpworkflow.selectAwsTarget';
export const DOCUMENT_SELECTOR = [{ language: LANGUAGE_ID }, { scheme: 'file', pattern: '**/*.cpworkflow.json' }];
