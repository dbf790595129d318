// The team's rule configuration in the language server: for each workflow file, the nearest cpworkflow.config.json
// from its folder up to the repository root (the folder with .git), as `cpworkflow validate` finds it, so the editor
// and CI agree. Read from disk when a folder is first asked about and again after the file changes
// (workspace/didChangeWatchedFiles), never on the typing path. A file that cannot be used gets one diagnostic of its
// own (published on the config file), and its rules are not applied: never a silent default.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { SOURCE } from '../engine/findings';
import { CONFIG_FILE_NAME, RuleConfig, RuleConfigError, parseRuleConfig } from '../engine/ruleConfig';

type Found = { readonly path: string; readonly config?: RuleConfig };

export class LspRuleConfigs {
  private readonly byFolder = new Map<string, Found | undefined>();
  private readonly published = new Set<string>();

  constructor(private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void) {}

  /** The configuration for a workflow document (undefined: none, not a file, or one that cannot be used). */
  forDocument(uri: string): RuleConfig | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let dir: string;
    try {
      dir = dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
    return this.forFolder(dir)?.config;
  }

  /** A cpworkflow.config.json changed, appeared or went: everything is read again when next asked. */
  invalidate(): void {
    this.byFolder.clear();
    for (const uri of this.published) this.publish(uri, []);
    this.published.clear();
  }

  private forFolder(dir: string): Found | undefined {
    if (this.byFolder.has(dir)) return this.byFolder.get(dir);
    const candidate = join(dir, CONFIG_FILE_NAME);
    let found: Found | undefined;
    if (existsSync(candidate)) found = this.read(candidate);
    else if (!existsSync(join(dir, '.git')) && dirname(dir) !== dir) found = this.forFolder(dirname(dir));
    this.byFolder.set(dir, found);
    return found;
  }

  private read(path: string): Found {
    let text = '';
    try {
      if (!statSync(path).isFile()) throw new RuleConfigError('it is not a regular file', undefined);
      text = readFileSync(path, 'utf8');
      return { path, config: parseRuleConfig(text) };
    } catch (e) {
      const key = e instanceof RuleConfigError ? e.key : undefined;
      const uri = pathToFileURL(path).href;
      const doc = TextDocument.create(uri, 'json', 0, text);
      // at the key at fault where the text has it ("rules.SCH-66" → "SCH-66"), else at the start
      const name = key?.split('.').pop();
      const at = name ? text.indexOf(JSON.stringify(name)) : -1;
      const start = doc.positionAt(Math.max(0, at));
      const end = doc.positionAt(at >= 0 ? at + JSON.stringify(name).length : 0);
      this.publish(uri, [
        {
          range: { start, end },
          severity: DiagnosticSeverity.Error,
          source: SOURCE,
          code: 'config',
          message: `${key ? `${key}: ` : ''}${(e as Error).message}. Until it is fixed, no rule level of this file applies to the workflow files below ${dirname(path)}.`,
        },
      ]);
      this.published.add(uri);
      return { path };
    }
  }
}
