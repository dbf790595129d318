// The project root, wherever the bundled test file sits below it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'esbuild.mjs'))) return d;
    if (dirname(d) === d) throw new Error(`project root not found above ${from}`);
  }
}
export const ROOT = findRoot(__dirname);

/**
 * A copy of this repository's files as git tracks them, as the work tree has them (no node_modules, no dist/): what a
 * runner or pre-commit gets when it checks the repository out.
 */
export function copyCheckout(dest: string): void {
  const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0');
  for (const f of tracked.filter(Boolean)) {
    if (!existsSync(join(ROOT, f))) continue; // deleted in the work tree
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(ROOT, f), join(dest, f));
  }
}
