#!/usr/bin/env node
// Where the time goes in a `node --cpu-prof` profile: self time per function, largest first, and per source module
// when the profiled code is an esbuild bundle (its `// path/to/module.ts` comments mark where each module starts).
//   node bench/profile-summary.mjs FILE.cpuprofile [TOP]
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile [TOP]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

// module start lines of each bundle the profile names
const moduleStarts = new Map();
function moduleOf(url, line) {
  if (!url.startsWith('file://')) return url ? basename(url) : '(native)';
  if (!moduleStarts.has(url)) {
    const path = fileURLToPath(url);
    const starts = [];
    if (existsSync(path))
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const m = /^\/\/ ((?:server|client|node_modules)\/\S+)$/.exec(text);
          if (m) starts.push([i, m[1].replace(/^node_modules\/([^/]+)\/.*/, 'node_modules/$1')]);
        });
    moduleStarts.set(url, starts);
  }
  let name = basename(url);
  for (const [start, module] of moduleStarts.get(url)) {
    if (start > line) break;
    name = module;
  }
  return name;
}

const self = new Map();
const modules = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  total += dt;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''}`.trim();
  self.set(key, (self.get(key) ?? 0) + dt);
  const module = url ? moduleOf(url, lineNumber) : functionName;
  modules.set(module, (modules.get(module) ?? 0) + dt);
}
const print = (rows) =>
  rows.forEach(([key, ms]) =>
    console.log(`${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`),
  );
console.log(`total ${total.toFixed(0)} ms sampled\n\nby function (self time):`);
print([...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top)));
console.log('\nby module (self time):');
print([...modules].sort((a, b) => b[1] - a[1]).slice(0, Number(top)));
