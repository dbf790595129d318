// The example workflows, read from examples/, for tests that start from a valid file and break one thing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { ROOT } from './root';

export { ROOT };
export const EXAMPLES = join(ROOT, 'examples');
export const exampleFiles = () =>
  readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.cpworkflow.json'))
    .sort();
export const readExample = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
export const docOf = (text: string, uri = 'file:///test/w.cpworkflow.json') =>
  TextDocument.create(uri, 'cpworkflow', 1, text);
