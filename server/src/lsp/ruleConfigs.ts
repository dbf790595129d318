// The team's rule configuration in the language server (configFiles.ts finds it, as for `cpworkflow validate`): read
// from disk when a folder is first asked about and again after a config file changes (workspace/didChangeWatchedFiles),
// never on the typing path. A file that cannot be used gets one diagnostic of its own, published on the config file,
// and its rules are not applied: never a silent default.
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { SOURCE } from '../engine/findings';
import type { RuleConfig } from '../engine/ruleConfig';
import { RuleConfigFiles } from '../configFiles';

export class LspRuleConfigs {
  private readonly files = new RuleConfigFiles();
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
    const found = this.files.forFolder(dir);
    if (!found?.error) return found?.config;
    const configUri = pathToFileURL(found.path).href;
    if (!this.published.has(configUri)) {
      this.published.add(configUri);
      this.publish(configUri, [problemAt(found.path, found.text, found.error)]);
    }
    return undefined;
  }

  /** A cpworkflow.config.json changed, appeared or went: everything is read again when next asked. */
  invalidate(): void {
    this.files.forget();
    for (const uri of this.published) this.publish(uri, []);
    this.published.clear();
  }
}

/** The diagnostic on a config file: at the key at fault where the text has it ("rules.SCH-66" → "SCH-66"). */
function problemAt(path: string, text: string, error: Error & { key?: string }): Diagnostic {
  const doc = TextDocument.create(pathToFileURL(path).href, 'json', 0, text);
  const name = error.key?.split('.').pop();
  const at = name ? text.indexOf(JSON.stringify(name)) : -1;
  return {
    range: {
      start: doc.positionAt(Math.max(0, at)),
      end: doc.positionAt(at >= 0 ? at + JSON.stringify(name).length : 0),
    },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'config',
    message: `${error.key ? `${error.key}: ` : ''}${error.message}. Until it is fixed, no rule level of this file applies to the workflow files below ${dirname(path)}.`,
  };
}
