// Text from the account or the file inside Markdown (hovers, completion documentation): shown as the characters it
// is, never as formatting, a link or an image. A field label `![](https://tracker/p.png)` would otherwise load a
// picture from that host when the hover opens; `[Sign in again](https://…)` would be a link under the mouse.

// what CommonMark can read as formatting, a link, an image, HTML or a table cell
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~&:-]/g;
// controls, separators and bidi marks, shown as escapes
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// a hover is read, not scrolled: a name longer than this is cut
const MAX_CHARS = 200;

const bounded = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);
const visible = (s: string) => s.replace(CONTROLS, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);

/** `text` as literal Markdown text: every character that could format, link or embed is backslash-escaped. */
export const mdText = (text: string): string =>
  bounded(visible(String(text))).replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);

/** `text` as inline code: a backtick inside cannot end it early (a longer fence is used), and it stays on one line. */
export function mdCode(text: string): string {
  const s = bounded(visible(String(text)));
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}
