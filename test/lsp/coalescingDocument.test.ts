// The server's documents take a burst of typing without copying the text per keystroke, and read exactly as the stock
// TextDocument would after the same changes.
import * as assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { coalescingDocuments } from '../../server/src/lsp/coalescingDocument';
import { seededRandom } from '../support/random';

const create = (text: string) =>
  [
    TextDocument.create('file:///a.cpworkflow.json', 'cpworkflow', 1, text),
    coalescingDocuments.create('file:///a.cpworkflow.json', 'cpworkflow', 1, text),
  ] as const;

describe('coalescing documents (lsp/coalescingDocument.ts)', () => {
  it('reads exactly as the stock document after random typing, backspacing, pasting and line breaks', () => {
    const r = seededRandom(12);
    const [stock, ours] = create('{\n  "a": "hello",\n  "b": [1, 2, 3]\n}\n');
    let cursor = 5;
    for (let v = 2; v < 3000; v++) {
      const text = stock.getText();
      const roll = r();
      let change: TextDocumentContentChangeEvent;
      if (roll < 0.6) change = { range: { start: stock.positionAt(cursor), end: stock.positionAt(cursor) }, text: 'x' };
      else if (roll < 0.75 && cursor > 0)
        change = { range: { start: stock.positionAt(cursor - 1), end: stock.positionAt(cursor) }, text: '' };
      else if (roll < 0.85)
        change = { range: { start: stock.positionAt(cursor), end: stock.positionAt(cursor) }, text: 'é\n ' };
      else if (roll < 0.9) change = { text: text.replace('a', 'A') };
      else {
        cursor = Math.floor(r() * (text.length + 1));
        continue;
      }
      TextDocument.update(stock, [change], v);
      ours.update([change], v);
      if ('range' in change) cursor = stock.offsetAt(change.range.start) + change.text.length;
      cursor = Math.min(cursor, stock.getText().length);
      if (r() < 0.1) assert.equal(ours.getText(), stock.getText(), `version ${v}`);
      assert.equal(ours.version, v);
    }
    assert.equal(ours.getText(), stock.getText());
    assert.equal(ours.lineCount, stock.lineCount);
    assert.deepEqual(ours.positionAt(40), stock.positionAt(40));
  });

  // how fast: npm run bench's "Edit burst" row (10,000 changes on 3.9 MB); here, that the result is right
  it('takes 10,000 keystrokes on a 4 MB document and reads back the text they make', () => {
    const big = `{"a": "${'y'.repeat(4_000_000)}", "b": "${'z'.repeat(10)}"}`;
    const burst = (doc: { update(c: TextDocumentContentChangeEvent[], v: number): void }) => {
      for (let i = 0; i < 10_000; i++) {
        const at = { line: 0, character: 7 + i };
        doc.update([{ range: { start: at, end: at }, text: 'x' }], i + 2);
      }
    };
    const ours = coalescingDocuments.create('file:///b.cpworkflow.json', 'cpworkflow', 1, big);
    burst(ours);
    assert.equal(ours.getText().slice(0, 12), '{"a": "xxxxx');
    assert.equal(ours.getText().length, big.length + 10_000);
    assert.equal(ours.version, 10_001);
  });
});
