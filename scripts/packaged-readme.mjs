// Writes dist/README.md, the README inside the .vsix (`vsce package --readme-path`), from README.md:
// - without the two developer commands at its top, so the page opens on what the extension does, its screenshot
//   and how to install it (the commands stay in its Development section);
// - self-contained, because VS Code's extension page opens only http(s) links and shows only https: and data:
//   pictures, and this project has no public URL to point at: each picture is inlined as a data: URL, and
//   docs/rules.md (every rule, linked from the text) is appended as a section that the links jump to. Other
//   relative links become plain text.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const MARKER = '<!-- end of the developer quick start';
const APPENDED = ['docs/rules.md'];

/** GitHub's heading id: lower case, punctuation dropped, spaces as hyphens. */
export const headingSlug = (title) =>
  title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

export function packagedReadme(readme, read) {
  const lines = readme.split('\n');
  const end = lines.findIndex((l) => l.startsWith(MARKER));
  if (!lines[0]?.startsWith('# ') || end < 0)
    throw new Error(`README.md must start with its title and hold a line starting "${MARKER}"`);
  let body = [lines[0], ...lines.slice(end + 1)].join('\n');
  const pages = APPENDED.map((file) => {
    // one level down, so the page's title is a section of the README
    const text = read(file)
      .toString('utf8')
      .trimEnd()
      .replace(/^(#+) /gm, '#$1 ');
    const heading = /^## (.*)$/m.exec(text)[1];
    return { file, text, heading, anchor: `#${headingSlug(heading)}` };
  });
  body = body.replace(/(!?)\[([^\]\n]*)\]\(([^)\s]+)\)/g, (all, bang, title, target) => {
    if (/^[a-z][a-z0-9+.-]*:|^#/i.test(target)) return all;
    if (bang) {
      if (!target.endsWith('.png')) throw new Error(`README.md: picture ${target} is not a PNG`);
      return `![${title}](data:image/png;base64,${read(target).toString('base64')})`;
    }
    const page = pages.find((p) => p.file === target.split('#')[0]);
    return page ? `[${title === target ? page.heading : title}](${page.anchor})` : title;
  });
  return [body.trimEnd(), ...pages.map((p) => p.text)].join('\n\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const out = packagedReadme(readFileSync('README.md', 'utf8'), (f) => readFileSync(f));
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/README.md', out);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
