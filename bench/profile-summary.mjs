#!/usr/bin/env node
// Where the time goes in a `node --cpu-prof` profile: self time per function, largest first.
//   node bench/profile-summary.mjs FILE.cpuprofile [TOP]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const [file, top = '25'] = process.argv.slice(2);
if (!file) { console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile [TOP]'); process.exit(2); }
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  const dt = (deltas[i + 1] ?? 0) / 1000;
  total += dt;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''}`.trim();
  self.set(key, (self.get(key) ?? 0) + dt);
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
console.log(`total ${total.toFixed(0)} ms sampled`);
for (const [key, ms] of rows) console.log(`${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
