// The engine's strict JSON parser must give exactly jsonc-parser's parseTree result in strict mode: the same
// nodes (offsets, lengths, colonOffset, values, parents) and the same syntax errors, so every diagnostic range and
// quick fix stays where it was. Held to parseTree on the examples, on every kind of broken input, and on thousands
// of random mutations of valid files.
import * as assert from 'node:assert/strict';
import { Node, ParseError, parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseWorkflow, reparseWorkflow } from '../../server/src/engine/document';
import { parseStrictJsonTree } from '../../server/src/engine/jsonParser';
import { docOf, exampleFiles, readExample } from '../support/workflows';
import { seededRandom } from '../support/random';

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true } as const;

/** Every node as a flat record, in document order: its own keys, their values, and its parent's index. */
function flatten(root: Node | undefined): unknown[] {
  const out: unknown[] = [];
  const index = new Map<Node, number>();
  const visit = (n: Node): void => {
    index.set(n, index.size);
    const { parent, children, ...fields } = n;
    out.push({
      keys: Object.keys(n).sort(),
      ...fields,
      parent: parent ? index.get(parent) : 'parent' in n ? 'undefined' : 'none',
      children: children?.length,
    });
    for (const c of children ?? []) visit(c);
  };
  if (root) visit(root);
  return out;
}

function expectSameAsParseTree(text: string): void {
  const expectedErrors: ParseError[] = [];
  const expected = parseTree(text, expectedErrors, STRICT);
  const actualErrors: ParseError[] = [];
  const actual = parseStrictJsonTree(text, actualErrors);
  assert.deepStrictEqual(actualErrors, expectedErrors, `errors differ for ${JSON.stringify(text.slice(0, 200))}`);
  assert.deepStrictEqual(flatten(actual), flatten(expected), `trees differ for ${JSON.stringify(text.slice(0, 200))}`);
}

// What a user's keyboard, a bad paste or a broken generator puts into a JSON file.
const ALPHABET = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  '\\',
  '/',
  '*',
  '-',
  '+',
  '.',
  '0',
  '1',
  '9',
  'e',
  'E',
  'u',
  'n',
  't',
  'f',
  'x',
  ' ',
  '\n',
  '\r',
  '\t',
  '\u0001',
  '\f',
  '\u00a0',
  '\ud83d',
  '//',
  '/*',
  '*/',
  'true',
  'null',
  '\\u12',
  ',}',
];

function mutate(text: string, rnd: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const kind = rnd();
    if (kind < 0.35) out = out.slice(0, at) + ALPHABET[Math.floor(rnd() * ALPHABET.length)] + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 3));
    else if (kind < 0.85) out = out.slice(0, at);
    else {
      const from = Math.floor(rnd() * out.length);
      out = out.slice(0, at) + out.slice(from, from + Math.floor(rnd() * 40)) + out.slice(at);
    }
  }
  return out;
}

describe('strict JSON parser (same tree and errors as jsonc-parser parseTree)', () => {
  it('parses every example exactly as parseTree does', () => {
    for (const name of exampleFiles()) expectSameAsParseTree(readExample(name));
  });

  const broken: Record<string, string[]> = {
    'empty and blank input': ['', ' ', '\n\r\n\t'],
    'values at the top level': ['1', '-0', '"s"', 'true', 'null', '[]', '{}', '[1,2]', '"a" "b"', '{} {}', '{}x'],
    comments: [
      '// c\n{}',
      '{/* c */}',
      '{"a": 1 // c\n}',
      '{"a": /* unterminated',
      '{}/*',
      '{}/',
      '/',
      '{"a":1}/*x*',
      '/**/',
    ],
    'trailing commas': ['{"a": 1,}', '[1,]', '{"a": [1, 2,], }', '{,}', '[,]', '{"a":1,,"b":2}', '[1,,2]'],
    'missing pieces': [
      '{"a"}',
      '{"a":}',
      '{"a" 1}',
      '{"a": 1 "b": 2}',
      '[1 2]',
      '{"a": 1',
      '[1, 2',
      '{"a": {"b": [1,',
      '{"a',
      '{"a":',
      '{:1}',
      '{1: 2}',
      '{a: 1}',
      ']',
      '}',
      ':',
      ',',
    ],
    strings: [
      '"unterminated',
      '"line\nbreak"',
      '"ctrl\u0001char"',
      '"bad \\x escape"',
      '"\\u12"',
      '"\\u12G4"',
      '"\\uD83D\\uDE00"',
      '"\\',
      '"a\\"',
      '"\\/\\b\\f\\n\\r\\t"',
      '{"k\\u0041": "v"}',
      '"\r"',
    ],
    numbers: [
      '01',
      '1.',
      '1.e5',
      '1e',
      '1e+',
      '-',
      '-x',
      '- 1',
      '.5',
      '+1',
      '1.5e-3',
      '-0.0',
      '0x10',
      '1_000',
      '12345678901234567890',
      '1E400',
      '[1e,2]',
    ],
    'words and symbols': [
      'tru',
      'nul',
      'True',
      'NaN',
      'Infinity',
      "'single'",
      '{"a": undefined}',
      '\f',
      '\u00a0{}',
      '{"a": 1}\u00a0',
      '#',
      '{"a": @}',
    ],
    'line ends': ['{\r\n"a": 1\r\n}', '{\r"a":\r1}', '[\n\n\n]'],
    'duplicate keys stay in order': ['{"a": 1, "a": 2}'],
  };
  for (const [kind, inputs] of Object.entries(broken)) {
    it(`matches parseTree on ${kind}`, () => {
      for (const text of inputs) expectSameAsParseTree(text);
    });
  }

  it('matches parseTree on 3,000 random mutations of the examples', () => {
    const texts = exampleFiles().map(readExample);
    const rnd = seededRandom(20261128);
    for (let i = 0; i < 3000; i++) {
      const text = mutate(texts[i % texts.length], rnd);
      expectSameAsParseTree(text);
    }
  });

  it('keeps parent links that lead back to the root', () => {
    const text = readExample(exampleFiles()[0]);
    const root = parseStrictJsonTree(text, [])!;
    assert.equal(root.parent, undefined);
    const walk = (n: Node): void => {
      for (const c of n.children ?? []) {
        assert.equal(c.parent, n);
        walk(c);
      }
    };
    walk(root);
  });
});

describe('reparsing after an edit (typing inside a string patches the tree in place)', () => {
  /** Applies one edit the way the LSP server does (TextDocument.update), reparses, and compares with a full parse. */
  function expectReparseEqualsFullParse(text: string, offset: number, deleteCount: number, insert: string): boolean {
    const document = docOf(text);
    const previous = parseWorkflow(document);
    const previousRoot = previous.root;
    TextDocument.update(
      document,
      [{ range: { start: document.positionAt(offset), end: document.positionAt(offset + deleteCount) }, text: insert }],
      2,
    );
    const reparsed = reparseWorkflow(previous, document);
    const fresh = parseWorkflow(document);
    const where = `edit at ${offset} (-${deleteCount} +${JSON.stringify(insert)}) of ${JSON.stringify(text.slice(Math.max(0, offset - 20), offset + 20))}`;
    assert.equal(reparsed.text, document.getText());
    assert.deepStrictEqual(reparsed.syntaxErrors, fresh.syntaxErrors, where);
    assert.deepStrictEqual(flatten(reparsed.root), flatten(fresh.root), where);
    return reparsed.root === previousRoot && previousRoot !== undefined;
  }

  it('patches the tree when a character is typed at the end of a value', () => {
    const text = readExample('salesforce-account.cpworkflow.json');
    const at = text.indexOf('"BillingCity"') + '"BillingCity'.length;
    assert.equal(expectReparseEqualsFullParse(text, at, 0, 'x'), true);
  });

  it('patches the tree when a key is renamed, moving its colon', () => {
    const text = readExample('salesforce-account.cpworkflow.json');
    const at = text.indexOf('"DestinationField"') + 3;
    assert.equal(expectReparseEqualsFullParse(text, at, 2, ''), true);
  });

  it('parses afresh when an edit ends a string early, leaves a string or spans tokens', () => {
    const text = readExample('zendesk-ticket.cpworkflow.json');
    const at = text.indexOf('"Zendesk"') + 2;
    assert.equal(expectReparseEqualsFullParse(text, at, 0, '"'), false);
    assert.equal(expectReparseEqualsFullParse(text, at, 0, '\\q'), false);
    assert.equal(expectReparseEqualsFullParse(text, at, 0, '\\n'), true);
    assert.equal(expectReparseEqualsFullParse(text, at, 0, '\n'), false); // a line break ends the string
    assert.equal(expectReparseEqualsFullParse(text, at - 2, 12, ''), false);
    assert.equal(expectReparseEqualsFullParse(text, text.indexOf(':'), 0, ' '), false);
    // an error that points at the string (here a missing comma before it) spans the token, so it is parsed afresh
    assert.equal(expectReparseEqualsFullParse('{"a": 1 "bc": 2}', 10, 0, 'x'), false);
  });

  it('matches a full parse after 3,000 random edits, inside strings and anywhere else', () => {
    const texts = exampleFiles().map(readExample);
    const rnd = seededRandom(7);
    let patched = 0;
    for (let i = 0; i < 3000; i++) {
      let text = texts[i % texts.length];
      if (i % 3 === 0) text = mutate(text, rnd); // also start from broken files
      const quotes = [...text.matchAll(/"/g)].map((m) => m.index!);
      // two in three edits land next to a quote's inside, where typing happens; the rest anywhere
      const offset =
        i % 3 !== 2 && quotes.length
          ? quotes[Math.floor(rnd() * quotes.length)] + (rnd() < 0.5 ? 1 : 0)
          : Math.floor(rnd() * (text.length + 1));
      const deleteCount = rnd() < 0.6 ? 0 : Math.floor(rnd() * 3);
      const insert = rnd() < 0.2 ? '' : ALPHABET[Math.floor(rnd() * ALPHABET.length)];
      if (expectReparseEqualsFullParse(text, offset, deleteCount, insert)) patched++;
    }
    assert.ok(patched > 300, `only ${patched} edits took the in-place path`);
  });
});
