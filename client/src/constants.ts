// What the extension's modules share: the language id and which documents are workflow files.
export const LANGUAGE_ID = 'cpworkflow';
export const DOCUMENT_SELECTOR = [{ language: LANGUAGE_ID }, { scheme: 'file', pattern: '**/*.cpworkflow.json' }];
