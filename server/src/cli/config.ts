// Where `cpworkflow validate` finds a team's rule configuration: the nearest cpworkflow.config.json from each checked
// file's folder up to the repository root (the folder with .git), as ESLint and cfn-lint find theirs. Read once per
// folder; a file that cannot be used is a usage error naming the file and the key (never a silent default).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, RuleConfig, RuleConfigError, parseRuleConfig } from '../engine/ruleConfig';
import { UsageError } from './common';

export interface FoundConfig {
  readonly path: string;
  readonly config: RuleConfig;
}

export class ConfigFinder {
  private readonly byFolder = new Map<string, FoundConfig | undefined>();
  private readonly byPath = new Map<string, FoundConfig>();

  constructor(private readonly root: string) {}

  /** The configuration that applies to `file`, or undefined when no folder up to the root has one. */
  forFile(file: string): FoundConfig | undefined {
    return this.forFolder(dirname(resolve(file)));
  }

  private forFolder(dir: string): FoundConfig | undefined {
    if (this.byFolder.has(dir)) return this.byFolder.get(dir);
    const candidate = join(dir, CONFIG_FILE_NAME);
    let found: FoundConfig | undefined;
    if (existsSync(candidate)) found = this.read(candidate);
    else if (dir !== this.root && dirname(dir) !== dir && (dir + '/').startsWith(this.root + '/'))
      found = this.forFolder(dirname(dir));
    this.byFolder.set(dir, found);
    return found;
  }

  private read(path: string): FoundConfig {
    const known = this.byPath.get(path);
    if (known) return known;
    try {
      if (!statSync(path).isFile()) throw new RuleConfigError('it is not a regular file', undefined);
      const found = { path, config: parseRuleConfig(readFileSync(path, 'utf8')) };
      this.byPath.set(path, found);
      return found;
    } catch (e) {
      const where = e instanceof RuleConfigError && e.key ? `${path}: ${e.key}` : path;
      throw new UsageError(`${where}: ${e instanceof RuleConfigError ? e.message : (e as Error).message}`);
    }
  }
}
