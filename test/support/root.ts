// The project root, wherever the bundled test file sits below it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'esbuild.mjs'))) return d;
    if (dirname(d) === d) throw new Error(`project root not found above ${from}`);
  }
}
export const ROOT = findRoot(__dirname);
