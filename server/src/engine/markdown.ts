// Text from the account or the file inside Markdown (hovers, completion documentation): shown as the characters it
// is, never as formatting, a link or an image. A field label `![](https://tracker/p.png)` would otherwise load a
// picture from that host when the hover opens; `[Sign in again](https://…)` would be a link under the mouse.

// what CommonMark can read as formatting, a link, an image, HTML or a table cell
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~&:-]/g;
import { visibleText } from './controls';

// a hover is read, not scrolled: a name longer than this is cut
const MAX_CHARS = 200;

const bounded = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/** `text` as literal Markdown text: every character that could format, link or embed is backslash-escaped. */
export const mdText = (text: string): string =>
  bounded(visibleText(String(text))).replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);

/** `text` as inline code: a backtick inside cannot end it early (a longer fence is used), and it stays on one line. */
export function mdCode(text: string): string {
  const s = bounded(visibleText(String(text)));
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}
