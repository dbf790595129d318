// The language server's files on Node (the desktop and other LSP editors): the saved file's first bytes, for a BOM
// the editor hides, and the team's cpworkflow.config.json. The browser's Web Worker has neither (lsp/server.ts).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServerFiles } from './server';
import { LspRuleConfigs } from './ruleConfigs';

/**
 * Whether the saved file starts with a UTF-8 BOM, which VS Code and Neovim keep but hide from the text they send.
 * Only a regular file is opened (a FIFO would block), and only its first three bytes are read.
 */
export function savedWithBom(uri: string): boolean {
  if (!uri.startsWith('file:')) return false;
  let fd: number | undefined;
  try {
    const path = fileURLToPath(uri);
    if (!statSync(path).isFile()) return false;
    fd = openSync(path, 'r');
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && head.equals(UTF8_BOM);
  } catch {
    return false; // not saved yet, gone, or unreadable: the text is all there is
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export const nodeFiles: ServerFiles = {
  savedBom: savedWithBom,
  ruleConfigs: (publish) => new LspRuleConfigs(publish),
};
