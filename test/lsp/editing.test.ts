// The editing features through the real server process (`node dist/server.js --stdio`), as any LSP client sees them:
// capabilities, completion, hover, quick fixes (applied and re-validated), symbols, formatting.
import * as assert from 'node:assert/strict';
import {
  CodeAction,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
  SelectionRange,
  TextEdit,
} from 'vscode-languageserver-types';
import { Node, parseTree, findNodeAtLocation } from 'jsonc-parser';
import { LspTestClient } from '../support/lspClient';
import { withCaret } from '../support/markers';
import { docOf, readExample } from '../support/workflows';
import { applyTextEdits } from '../editing/support';

const SF = readExample('salesforce-account.cpworkflow.json');

/** The items of the array at `path` in `root`. */
const items = (root: Node | undefined, ...path: string[]): Node[] =>
  (root && findNodeAtLocation(root, path)?.children) || [];

interface Capabilities {
  completionProvider?: { triggerCharacters?: string[] };
  hoverProvider?: boolean;
  codeActionProvider?: { codeActionKinds?: string[] };
  documentSymbolProvider?: unknown;
  documentFormattingProvider?: boolean;
  documentRangeFormattingProvider?: boolean;
}

describe('language server over stdio: editing', function () {
  this.timeout(20000);
  let client: LspTestClient;
  let capabilities: Capabilities;
  let n = 0;
  const uri = () => `file:///ws/edit-${++n}.cpworkflow.json`;

  before(async () => {
    client = new LspTestClient();
    capabilities = ((await client.initialize()) as { capabilities: Capabilities }).capabilities;
  });
  after(async () => {
    await client.shutdown();
  });

  /** Opens `marked` (with a `|` caret) and returns its uri and the caret position. */
  async function openAt(marked: string) {
    const { text, offset } = withCaret(marked);
    const u = uri();
    await client.open(u, text);
    return { uri: u, text, position: docOf(text).positionAt(offset) };
  }

  it('announces completion on " and :, hover, quick fixes and fix-all, symbols and formatting', () => {
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['"', ':']);
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider?.codeActionKinds, ['quickfix', 'source.fixAll']);
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.documentFormattingProvider, true);
    assert.equal(capabilities.documentRangeFormattingProvider, true);
  });

  it('completes the operators the connector and the TaskType allow, and the item applies', async () => {
    const {
      uri: u,
      text,
      position,
    } = await openAt(SF.replace('"Salesforce": "VALIDATE_NON_NULL"', '"Salesforce": "VALIDATE_|"'));
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: u },
      position,
      context: { triggerKind: 2, triggerCharacter: '"' },
    });
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['VALIDATE_NON_NULL', 'VALIDATE_NON_ZERO', 'VALIDATE_NON_NEGATIVE', 'VALIDATE_NUMERIC'],
    );
    const item = list.items.find((i) => i.label === 'VALIDATE_NUMERIC')!;
    assert.equal(
      applyTextEdits(text, [item.textEdit as TextEdit]),
      SF.replace('"VALIDATE_NON_NULL"', '"VALIDATE_NUMERIC"'),
    );
  });

  it("folds every object and array that spans lines, each task on its own, over LSP as in VS Code's JSON", async () => {
    const u = uri();
    await client.open(u, SF);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: u } });
    const lines = SF.split('\n');
    const opens = (f: FoldingRange) => lines[f.startLine].trim();
    assert.ok(
      folds.some((f) => opens(f) === '"Tasks": ['),
      'the Tasks array folds',
    );
    const tasks = items(parseTree(SF), 'IntegrationConfig', 'AppflowIntegration', 'FlowDefinition', 'Tasks');
    const doc = docOf(SF);
    for (const t of tasks) {
      const start = doc.positionAt(t.offset).line;
      assert.ok(
        folds.some((f) => f.startLine === start && f.endLine >= doc.positionAt(t.offset + t.length).line - 1),
        `task at line ${start + 1} folds`,
      );
    }
  });

  it('expands the selection value → property → task → Tasks → … → the file', async () => {
    const {
      uri: u,
      text,
      position,
    } = await openAt(SF.replace('"DestinationField": "Phone"', '"DestinationField": "Ph|one"'));
    const [chain] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri: u },
      positions: [position],
    });
    const doc = docOf(text);
    const selected: string[] = [];
    for (let r: SelectionRange | undefined = chain; r; r = r.parent)
      selected.push(text.slice(doc.offsetAt(r.range.start), doc.offsetAt(r.range.end)));
    assert.ok(selected.includes('"Phone"'), 'the value');
    assert.ok(selected.includes('"DestinationField": "Phone"'), 'the property');
    const task = selected.find((s) => s.startsWith('{') && s.includes('"DestinationField": "Phone"'));
    assert.ok(task && JSON.parse(task).TaskType === 'Map', 'the task');
    assert.ok(
      selected.some((s) => s.startsWith('"Tasks": [')),
      'the Tasks property',
    );
    assert.equal(selected[selected.length - 1].trim(), text.trim(), 'the whole file last');
    // each step holds the one before it
    for (let i = 1; i < selected.length; i++) assert.ok(selected[i].includes(selected[i - 1]), `step ${i} grows`);
  });

  it('completes keys with documentation after typing a quote', async () => {
    const { uri: u, position } = await openAt('{\n  "|\n}');
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: u },
      position,
    });
    assert.deepEqual(
      list.items.filter((i) => i.kind === 10).map((i) => i.label),
      ['DomainName', 'WorkflowType', 'IntegrationConfig', 'ObjectTypeName', 'RoleArn', 'Tags'],
    );
    assert.match((list.items[0].documentation as MarkupContent).value, /The unique name of the domain/);
  });

  it("hovers with the model's documentation and the API reference link", async () => {
    const { uri: u, position } = await openAt(SF.replace('"ScheduleExpression"', '"Schedule|Expression"'));
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position });
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /\*\*ScheduleExpression\*\* · string · required/);
    assert.match(md, /rate\(5minutes\)/);
    assert.match(md, /API_ScheduledTriggerProperties\.html/);
  });

  it('offers a quick fix for a published diagnostic; applying it clears the diagnostic', async () => {
    const u = uri();
    const text = SF.replace('"rate(1hours)"', '"rate(1 hour)"');
    await client.open(u, text);
    const published = await client.diagnostics(u, 1);
    const d = published.diagnostics.find((x) => x.code === 'SCH-2');
    assert.ok(d, JSON.stringify(published.diagnostics.map((x) => x.code)));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [['Change to "rate(1hours)"', 'quickfix']],
    );
    const fixed = applyTextEdits(text, actions[0].edit!.changes![u]);
    await client.change(u, 2, [{ text: fixed }]);
    const after = await client.diagnostics(u, 2);
    assert.ok(!after.diagnostics.some((x) => x.code === 'SCH-2'));
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: d.range,
      context: { diagnostics: [d], only: ['source'] },
    });
    assert.deepEqual(none, [], 'no source actions');
  });

  it('answers source.fixAll (on save, Source Action…, the palette command) with every determined fix in one edit', async () => {
    const u = uri();
    const text = SF.replace('"rate(1hours)"', '"rate(1 hour)"').replace(
      '"team": "contact-center"',
      '"team": "contact-center",',
    );
    await client.open(u, text);
    await client.diagnostics(u, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll'],
    );
    assert.equal(applyTextEdits(text, actions[0].edit!.changes![u]), SF);
  });

  it('lists the flow, its source, tasks, trigger and batches as symbols', async () => {
    const u = uri();
    await client.open(u, SF);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Salesforce-Account', 'CP-Salesforce-Account-1', 'Batches'],
    );
    const tasks = symbols[1].children!.find((s) => s.name === 'Tasks')!;
    assert.equal(tasks.children![1].name, 'Map Id → Id');
  });

  it("formats the document and a range with the client's tab size", async () => {
    const u = uri();
    const minified = JSON.stringify(JSON.parse(SF));
    await client.open(u, minified);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: u },
      options: { tabSize: 3, insertSpaces: true },
    });
    const formatted = applyTextEdits(minified, edits);
    assert.match(formatted, /^\{\n {3}"DomainName"/);
    assert.deepEqual(JSON.parse(formatted), JSON.parse(SF));
    const range = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri: u },
      options: { tabSize: 3, insertSpaces: true },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } },
    });
    assert.ok(range.length > 0 && range.every((e) => e.range.start.character <= 40));
  });

  it('answers nothing for JSON files that are not workflows', async () => {
    await client.open('file:///ws/package.json', '{"name": "x"}', 'json');
    const list = await client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri: 'file:///ws/package.json' },
      position: { line: 0, character: 1 },
    });
    assert.equal(list, null);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: 'file:///ws/package.json' },
    });
    assert.deepEqual(symbols, []);
  });
});
