// The extension as published: reads the built dist/cpworkflow.vsix (a zip) and checks what a user of the Extensions
// view or the Marketplace page gets: a README that opens on the user's content, whose pictures and links all point
// at entries of the package; the icon the manifest names, a 128×128 PNG; no source maps. Run by `npm run
// test:package` after `npm run package`; exits 1 with every problem listed.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import path from 'node:path';

const VSIX = process.argv[2] ?? 'dist/cpworkflow.vsix';

/** The entries of a zip file by name, each with a function that reads its bytes (stored or deflated). */
export function zipEntries(zip) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return method === 8 ? inflateRawSync(data) : data;
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Targets of Markdown links and pictures (`[t](x)`, `![t](x)`). */
export function markdownLinks(markdown) {
  return [...markdown.matchAll(/(!?)\[[^\]\n]*\]\(([^)\s]+)\)/g)].map((m) => ({ target: m[2], image: m[1] === '!' }));
}

/** GitHub's heading ids, as VS Code's extension page gives them too. */
const headingIds = (markdown) =>
  new Set(
    [...markdown.matchAll(/^#+ (.*)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

export function checkVsix(zip) {
  const problems = [];
  const entries = zipEntries(zip);
  const text = (name) => entries.get(name)().toString('utf8');
  const names = [...entries.keys()];
  for (const n of names.filter((n) => n.endsWith('.map'))) problems.push(`a source map is packaged: ${n}`);
  for (const n of names.filter((n) => /^extension\/dist\/.*\.js$/.test(n)))
    if (/\/\/# sourceMappingURL=/.test(text(n))) problems.push(`${n} names a source map`);

  const manifest = JSON.parse(text('extension/package.json'));
  const icon = manifest.icon && `extension/${manifest.icon}`;
  if (!icon || !entries.has(icon))
    problems.push(`the icon ${manifest.icon ?? '(none in package.json)'} is not packaged`);
  else {
    const png = entries.get(icon)();
    const size = png.subarray(0, 8).equals(PNG) ? [png.readUInt32BE(16), png.readUInt32BE(20)] : undefined;
    if (!size || size[0] !== 128 || size[1] !== 128)
      problems.push(`the icon is not a 128×128 PNG (${size ? size.join('×') : 'not a PNG'})`);
  }

  const readme = entries.has('extension/readme.md') ? text('extension/readme.md') : '';
  if (!readme) problems.push('no extension/readme.md');
  const firstScreen = readme.split('\n').slice(0, 30).join('\n');
  if (/npm ci/.test(firstScreen)) problems.push("the README's first screen holds the developer commands");
  if (!/!\[[^\]]*\]\(/.test(firstScreen)) problems.push("the README's first screen has no screenshot");
  if (!/^## Install/m.test(firstScreen)) problems.push("the README's first screen does not say how to install");
  if (!/^## Development/m.test(readme)) problems.push('the README has no Development section');

  // VS Code's extension page shows only https: and data: pictures and opens only http(s) links: every picture and
  // link of every Markdown page in the package is one of those, a #heading of the same page, or a packaged entry
  const pages = names.filter((n) => n.toLowerCase().endsWith('.md'));
  let links = 0;
  for (const page of pages) {
    const markdown = text(page);
    const ids = headingIds(markdown);
    for (const { target, image } of markdownLinks(markdown)) {
      links++;
      const shown = target.length > 60 ? `${target.slice(0, 60)}…` : target;
      const data = /^data:image\/png;base64,(.*)$/.exec(target);
      if (image && data) {
        if (!Buffer.from(data[1], 'base64').subarray(0, 8).equals(PNG)) problems.push(`${page}: ${shown} is no PNG`);
      } else if (/^https:\/\//.test(target) || (!image && /^(http|mailto):/.test(target))) {
        // shown or opened as is
      } else if (target.startsWith('#')) {
        if (image || !ids.has(target.slice(1))) problems.push(`${page}: ${shown} is no heading of the page`);
      } else if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
        problems.push(`${page}: ${image ? 'picture' : 'link'} ${shown} is neither https nor data`);
      } else {
        const entry = path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(target.split('#')[0])));
        problems.push(
          `${page}: ${image ? 'picture' : 'link'} ${shown} is relative (${entries.has(entry) ? 'packaged' : 'not even packaged'}), which VS Code's extension page neither shows nor opens`,
        );
      }
    }
  }
  if (!/^## Validation rules$/m.test(readme) || !/\]\(#validation-rules\)/.test(readme))
    problems.push('the README neither holds nor links the rules (docs/rules.md)');
  if (!/!\[[^\]]*\]\(data:image\/png;base64,/.test(firstScreen))
    problems.push("the first screen's screenshot is not inside the README");
  return { problems, entries: names.length, links, bytes: zip.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { problems, entries, links, bytes } = checkVsix(readFileSync(VSIX));
  if (problems.length) {
    console.error(`${VSIX}:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    `${VSIX}: ${entries} entries, ${bytes} bytes, ${links} README links and pictures all inside the package, no source maps`,
  );
}
