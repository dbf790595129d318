// The snippets of snippets/cpworkflow.json: the server offers each snippet only where its value belongs (its
// `context`), with the connector and the projected fields filled in from the file, and the New File command builds its
// template from the workflow snippet of the chosen connector. VS Code gets no snippet contribution: it would offer
// every snippet at every Ctrl+Space, even where its JSON does not fit. One file, two uses.
import snippetFile from '../../../snippets/cpworkflow.json';
import { connectors, shapes } from '../generated/model';

export interface WorkflowSnippet {
  readonly name: string;
  readonly prefix: string;
  readonly description: string;
  /** the JSON path of the value the snippet writes, list items as `[]`; '' is the whole file */
  readonly context: string;
  /** TextMate snippet syntax, tab-indented */
  readonly body: string;
}

interface SnippetEntry {
  prefix: string;
  description: string;
  context: string;
  body: string[];
}

export const SNIPPETS: readonly WorkflowSnippet[] = Object.entries(snippetFile as Record<string, SnippetEntry>).map(
  ([name, s]) => ({ name, prefix: s.prefix, description: s.description, context: s.context, body: s.body.join('\n') }),
);

/** The snippet context of a JSON path: `Tasks[]` for any task, `a.b` for members. */
export const contextOf = (path: readonly (string | number)[]): string =>
  path
    .map((s) => (typeof s === 'number' ? '[]' : `.${s}`))
    .join('')
    .replace(/^\./, '');

export const snippetsFor = (context: string): WorkflowSnippet[] => SNIPPETS.filter((s) => s.context === context);

/** The choice task snippets offer for the ConnectorOperator key: every connector's key, in model order. */
export const CONNECTOR_KEY_CHOICE = new RegExp(`\\$\\{(\\d+)\\|${connectors.map((c) => c.key).join(',')}\\|\\}`, 'g');

/** The body with the connector-key choice settled to `key` (the file's connector), when it is known. */
export function withConnectorKey(body: string, key: string | undefined): string {
  return key ? body.replace(CONNECTOR_KEY_CHOICE, key) : body;
}

// the placeholders of a task snippet's SourceFields items: `"${2:Email}"`
const SOURCE_FIELDS_LIST = /("SourceFields": \[)([^\]]*)\]/;
const FIELD_PLACEHOLDER = /"\$\{(\d+):[^}$]*\}"/g;
// a choice list is a menu, not a search: a projection of thousands of fields offers its first ones
const MAX_FIELD_CHOICES = 50;

/**
 * The body with each SourceFields placeholder a choice of `fields` (the file's projected fields, those a task most
 * likely wants first); the i-th placeholder defaults to the i-th field. The projection snippet keeps its examples.
 */
export function withFieldChoices(body: string, fields: readonly string[]): string {
  if (!fields.length || body.includes('"PROJECTION"')) return body;
  const escaped = fields
    .slice(0, MAX_FIELD_CHOICES)
    .map((f) => snippetText(JSON.stringify(f).slice(1, -1)).replace(/[,|]/g, (c) => `\\${c}`));
  return body.replace(SOURCE_FIELDS_LIST, (_all, open: string, list: string) => {
    let i = 0;
    const choices = list.replace(FIELD_PLACEHOLDER, (_p, n: string) => {
      const k = i++ % escaped.length;
      return `"\${${n}|${[...escaped.slice(k), ...escaped.slice(0, k)].join(',')}|}"`;
    });
    return `${open}${choices}]`;
  });
}

/** Escapes text for a snippet body (after JSON-escaping it for a string value). */
export const snippetText = (s: string): string => s.replace(/[\\$}]/g, (c) => `\\${c}`);

/** The whole-workflow snippet for a ConnectorType value. */
export const workflowSnippetOf = (connectorType: string): WorkflowSnippet | undefined =>
  SNIPPETS.find((s) => s.context === '' && s.body.includes(`"ConnectorType": "${connectorType}"`));

// where the workflow snippet names the source object (S3 names a bucket)
const SOURCE_OBJECT = /"(Object|BucketName)": "\$\{(\d+):([^}]*)\}"/;

/**
 * The New File template: the workflow snippet for `connectorType` with the source object set to `object`, and the
 * object type and flow names derived from it (as the console names them: `Salesforce-Account`).
 */
export function workflowTemplate(connectorType: string, object: string): string | undefined {
  const snippet = workflowSnippetOf(connectorType);
  if (!snippet) return undefined;
  const m = SOURCE_OBJECT.exec(snippet.body);
  if (!m) return snippet.body;
  const literal = snippetText(JSON.stringify(object).slice(1, -1));
  const body = snippet.body.replace(m[0], `"${m[1]}": "${literal}"`);
  // ObjectTypeName and FlowName allow letters, digits, _ and -: anything else becomes -
  const name = object.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return name
    ? body.replace(/\$\{(\d+):([^}$]*)\}/g, (all, n, text: string) =>
        text.includes(m[3]) ? `\${${n}:${text.split(m[3]).join(name)}}` : all,
      )
    : body;
}

/** What a snippet inserts when every placeholder keeps its default (a choice its first option), without tab stops. */
export function defaultText(body: string): string {
  const defaults = new Map<string, string>();
  const pass = (): string => {
    let i = 0;
    const read = (closing: boolean): string => {
      let out = '';
      while (i < body.length) {
        const ch = body[i];
        if (ch === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
          out += body[i + 1];
          i += 2;
          continue;
        }
        if (closing && ch === '}') {
          i++;
          return out;
        }
        const rest = ch === '$' ? body.slice(i, i + 12) : '';
        const simple = /^\$(\d+)/.exec(rest);
        const braced = /^\$\{(\d+)([:|}])/.exec(rest);
        if (simple) {
          out += defaults.get(simple[1]) ?? '';
          i += simple[0].length;
          continue;
        }
        if (!braced) {
          out += ch;
          i++;
          continue;
        }
        const n = braced[1];
        i += braced[0].length;
        if (braced[2] === '}') {
          out += defaults.get(n) ?? '';
          continue;
        }
        if (braced[2] === ':') {
          const d = read(true);
          defaults.set(n, d);
          out += d;
          continue;
        }
        const end = body.indexOf('|}', i);
        const first = body.slice(i, end).split(',')[0];
        defaults.set(n, first);
        out += first;
        i = end + 2;
      }
      return out;
    };
    return read(false);
  };
  pass(); // learns every default, so a mirror written before its placeholder resolves on the second pass
  return pass();
}

/** The source object (or S3 bucket) the workflow snippet for `connectorType` names by default, and its model shape. */
export function sourceObjectOf(connectorType: string): { member: string; example: string } | undefined {
  const snippet = workflowSnippetOf(connectorType);
  const m = snippet && SOURCE_OBJECT.exec(snippet.body);
  return m ? { member: m[1], example: m[3] } : undefined;
}

/**
 * What is wrong with `value` as the source object (or bucket) of a `connectorType` flow, by the model's length and
 * pattern.
 */
export function sourceObjectProblem(connectorType: string, value: string): string | undefined {
  const connector = connectors.find((c) => c.type === connectorType);
  const source = sourceObjectOf(connectorType);
  if (!connector || !source) return undefined;
  const target = shapes[connector.sourcePropertiesShape].members?.[source.member]?.target;
  const shape = target && shapes[target];
  const { min, max } = shape?.length ?? { min: null, max: null };
  if (!value.trim()) return `Enter the ${source.member === 'BucketName' ? 'bucket name' : 'object name'}.`;
  if (min !== null && value.length < min) return `At least ${min} characters.`;
  if (max !== null && value.length > max) return `At most ${max} characters.`;
  if (shape?.pattern && !new RegExp(shape.pattern).test(value))
    return 'No spaces: the model allows no whitespace here.';
  return undefined;
}
