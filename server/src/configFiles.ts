// Where a team's rule configuration is found, for `cpworkflow validate` and the language server alike (so the editor
// and CI agree): the nearest cpworkflow.config.json from a workflow file's folder up to its repository root (the folder
// with .git) or the file system's root, as ESLint and cfn-lint find theirs. Each folder is looked up once until
// forget(); a file that cannot be used comes back with the error (and its text, to place the error), never as a silent
// default. The rules' meaning is engine/ruleConfig.ts's; this module only finds and reads the files.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, RuleConfig, RuleConfigError, parseRuleConfig } from './engine/ruleConfig';

export type FoundConfig =
  | { readonly path: string; readonly config: RuleConfig; readonly error?: undefined }
  | { readonly path: string; readonly error: RuleConfigError; readonly text: string };

export class RuleConfigFiles {
  private readonly byFolder = new Map<string, FoundConfig | undefined>();

  /** The configuration that applies to the file at `path`, or undefined when no folder up to the root has one. */
  forFile(path: string): FoundConfig | undefined {
    return this.forFolder(dirname(resolve(path)));
  }

  forFolder(dir: string): FoundConfig | undefined {
    if (this.byFolder.has(dir)) return this.byFolder.get(dir);
    const candidate = join(dir, CONFIG_FILE_NAME);
    let found: FoundConfig | undefined;
    if (existsSync(candidate)) found = read(candidate);
    else if (!existsSync(join(dir, '.git')) && dirname(dir) !== dir) found = this.forFolder(dirname(dir));
    this.byFolder.set(dir, found);
    return found;
  }

  /** A config file changed, appeared or went: every folder is looked up again when next asked. */
  forget(): void {
    this.byFolder.clear();
  }
}

function read(path: string): FoundConfig {
  let text = '';
  try {
    if (!statSync(path).isFile()) throw new RuleConfigError('it is not a regular file', undefined);
    text = readFileSync(path, 'utf8');
    return { path, config: parseRuleConfig(text) };
  } catch (e) {
    const error = e instanceof RuleConfigError ? e : new RuleConfigError((e as Error).message, undefined);
    return { path, error, text };
  }
}
