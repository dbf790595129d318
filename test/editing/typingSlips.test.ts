// One slip is one problem: every one-character deletion and insertion in the examples, validated as the user sees it.
// While the text does not parse, the Problems view holds the syntax error(s) and only what is certainly true.
import * as assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-types';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { docOf, exampleFiles, readExample } from '../support/workflows';

// the characters whose slips matter: string, object, separator and key/value delimiters, and a letter
const INSERTED = ['"', '{', '}', ',', ':', 'x'];
const MAX_EXTRA = 3;

const isSyntax = (d: Diagnostic) => String(d.code).startsWith('json-');

/** The keys an object holds at its own level, read from the text after `start` (a `{`, or the key naming it). */
function keysOfObjectAt(text: string, start: number): Set<string> {
  let i = start;
  if (text[i] === '"') {
    i = text.indexOf('"', i + 1) + 1;
    while (i > 0 && i < text.length && text[i] !== '{' && /[\s:]/.test(text[i])) i++;
  }
  const keys = new Set<string>();
  if (text[i] !== '{') return keys;
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      const after = text.slice(j + 1).match(/^\s*:/);
      if (depth === 1 && after) keys.add(text.slice(i + 1, j));
      i = j;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) break;
    }
  }
  return keys;
}

/**
 * Each distinct one-character slip of `text`: a deletion at every position and an insertion of each of INSERTED at
 * every position, less the ones that cannot differ: a whitespace run is one position, and inside a string's content
 * the slips go at its first, middle and last character (the others give the same structure and the same findings).
 */
function* slips(text: string): Generator<string> {
  const inside = stringInteriors(text);
  const seen = new Set<string>();
  const once = (edited: string) => (seen.has(edited) ? false : (seen.add(edited), true));
  for (let i = 0; i <= text.length; i++) {
    const inWhitespaceRun = i > 0 && /\s/.test(text[i - 1] ?? '') && /\s/.test(text[i] ?? '');
    if (i < text.length && inside[i] !== 'skip' && !(inWhitespaceRun && /\s/.test(text[i + 1] ?? ''))) {
      const deleted = text.slice(0, i) + text.slice(i + 1);
      if (once(deleted)) yield deleted;
    }
    if (inWhitespaceRun || inside[i] === 'skip') continue;
    for (const c of INSERTED) {
      const inserted = text.slice(0, i) + c + text.slice(i);
      if (once(inserted)) yield inserted;
    }
  }
}

/** Per offset: 'skip' where a slip falls inside a string's content but not at its first, middle or last place. */
function stringInteriors(text: string): ('skip' | undefined)[] {
  const marks: ('skip' | undefined)[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    const keep = new Set([i + 1, Math.floor((i + 1 + j) / 2), j]);
    for (let k = i + 1; k <= j; k++) if (!keep.has(k)) marks[k] = 'skip';
    i = j;
  }
  return marks;
}

describe('typing slips (one slip, one problem)', function () {
  this.timeout(120_000);

  it('every one-character deletion and insertion in the examples: at most 3 findings beyond the syntax errors, and never "missing" a key the object holds', () => {
    const started = Date.now();
    let edits = 0;
    let worst = { extra: -1, text: '', diagnostics: [] as Diagnostic[] };
    const falseMissing: string[] = [];
    for (const name of exampleFiles()) {
      const original = readExample(name);
      const svc = createWorkflowLanguageService({ now: () => new Date('2026-12-01T12:00:00Z') });
      assert.deepEqual(svc.validate(docOf(original)).filter(isSyntax), [], `${name} must parse`);
      for (const text of slips(original)) {
        edits++;
        const diagnostics = svc.validate(docOf(text, `file:///slip/${edits}.cpworkflow.json`));
        svc.forget(`file:///slip/${edits}.cpworkflow.json`);
        const extra = diagnostics.filter((d) => !isSyntax(d)).length;
        if (extra > worst.extra) worst = { extra, text, diagnostics };
        for (const d of diagnostics) {
          if (d.code !== 'missing-property') continue;
          const doc = docOf(text);
          const property = (d.data as { property: string }).property;
          if (keysOfObjectAt(text, doc.offsetAt(d.range.start)).has(property))
            falseMissing.push(`${name}: ${d.message} at ${JSON.stringify(d.range.start)}`);
        }
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `      ${edits} slips in ${seconds.toFixed(1)} s: at most ${worst.extra} findings beyond the syntax errors; ${falseMissing.length} false "missing"`,
    );
    assert.deepEqual(falseMissing.slice(0, 5), [], `${falseMissing.length} "missing" findings for keys the text holds`);
    assert.ok(
      worst.extra <= MAX_EXTRA,
      `${worst.extra} findings beyond the syntax errors:\n${worst.diagnostics.map((d) => `  ${d.code}: ${d.message}`).join('\n')}`,
    );
  });
});
