// Caret and range markers for fixtures: `|` is a position, `⟦…⟧` a range (yaml-language-server's caretPosition idea).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range } from 'vscode-languageserver-types';

export function withCaret(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('fixture has no | caret');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Strips every ⟦ ⟧ pair and returns the ranges they marked, in order. */
export function withRanges(marked: string): { text: string; ranges: Range[] } {
  let text = '';
  const starts: number[] = [],
    spans: [number, number][] = [];
  for (const ch of marked) {
    if (ch === '⟦') starts.push(text.length);
    else if (ch === '⟧') spans.push([starts.pop()!, text.length]);
    else text += ch;
  }
  const doc = TextDocument.create('file:///m', 'json', 1, text);
  return {
    text,
    ranges: spans.sort((a, b) => a[0] - b[0]).map(([s, e]) => ({ start: doc.positionAt(s), end: doc.positionAt(e) })),
  };
}

export const pos = (line: number, character: number): Position => ({ line, character });
