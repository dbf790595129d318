// Fuzzing the engine with broken versions of the example files: nodes deleted, duplicated, retyped and reordered,
// text truncated, random bytes inserted. Whatever the input, the engine answers quickly, never throws, and every
// range it returns lies inside the document.
//   `npm test` runs one fixed seed (the same cases every run); `npm run fuzz` draws a new one and prints it;
//   FUZZ_SEED=<n> replays a run; FUZZ_CASES=<n> changes the count (default 2000).
import * as assert from 'node:assert/strict';
import { Node, parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range } from 'vscode-languageserver-types';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { seedFrom, seededRandom } from '../support/random';
import { exampleFiles, readExample } from '../support/workflows';

const SEED = seedFrom(process.env.FUZZ_SEED, 0x5eed2026);
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
// a generous bound per call on a slow CI machine; typical answers take a few milliseconds
const BOUND_MS = 1000;

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Random, n: number) => Math.floor(r() * n);

// Values that stress the rules: wrong types, edge numbers, near-miss strings from the domain.
const ODD_VALUES = [
  'null',
  'true',
  '0',
  '-1',
  '1.5',
  '1e308',
  '1746057600000',
  '99999999999999999999',
  '""',
  '"x"',
  '[]',
  '{}',
  '[1,"a",null]',
  '{"S3":"NO_OP","Salesforce":"PROJECTION"}',
  '"rate(1 hour)"',
  '"rate(0minutes)"',
  '"cron(0 * * * ? *)"',
  '"rate(1weeks)"',
  '"2025-02-30T00:00:00Z"',
  '"2025-05-01T00:00:00"',
  '"Mars/Phobos"',
  '"ServiceNow"',
  '"Map_all"',
  '"VALIDATE_NOT_NULL"',
  '"PROJECTION"',
  '"NO_OP"',
  '"MASK_ALL"',
  '[{"OperatorPropertyKey":"MASK_LENGTH","Property":"4"}]',
  `"${'z'.repeat(3000)}"`,
  '"\\ud800"',
  '"\\u0000"',
  '"⟦⟧"',
  '"🙂"',
];
const BYTES = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\\',
  '/',
  '*',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u0007',
  '\ufeff',
  '\ud800',
  '\u2028',
  'é',
  '0',
  '-',
  'e',
  'n',
  't',
];

function allNodes(root: Node | undefined): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  if (root) walk(root);
  return out;
}

/** A value node (an array item or a property value), with the span that removes it as a whole member. */
function memberSpan(text: string, n: Node): [number, number] {
  const member = n.parent?.type === 'property' ? n.parent : n;
  let start = member.offset,
    end = member.offset + member.length;
  const after = /^\s*,/.exec(text.slice(end));
  if (after) end += after[0].length;
  else {
    const before = /,\s*$/.exec(text.slice(0, start));
    if (before) start -= before[0].length;
  }
  return [start, end];
}

const MUTATIONS: Record<string, (text: string, r: Random) => string> = {
  deleteNode(text, r) {
    const nodes = allNodes(parseTree(text)).filter(
      (n) => n.parent && n.type !== 'property' && !(n.parent.type === 'property' && n.parent.children?.[0] === n),
    );
    if (!nodes.length) return text;
    const [s, e] = memberSpan(text, pick(r, nodes));
    return text.slice(0, s) + text.slice(e);
  },
  duplicateNode(text, r) {
    const nodes = allNodes(parseTree(text)).filter((n) => n.type === 'property' || n.parent?.type === 'array');
    if (!nodes.length) return text;
    const n = pick(r, nodes);
    const end = n.offset + n.length;
    return `${text.slice(0, end)}, ${text.slice(n.offset, end)}${text.slice(end)}`;
  },
  retypeNode(text, r) {
    const nodes = allNodes(parseTree(text)).filter(
      (n) => n.type !== 'property' && !(n.parent?.type === 'property' && n.parent.children?.[0] === n),
    );
    if (!nodes.length) return text;
    const n = pick(r, nodes);
    return text.slice(0, n.offset) + pick(r, ODD_VALUES) + text.slice(n.offset + n.length);
  },
  renameKey(text, r) {
    const keys = allNodes(parseTree(text)).filter((n) => n.parent?.type === 'property' && n.parent.children?.[0] === n);
    if (!keys.length) return text;
    const k = pick(r, keys);
    const name = String(k.value);
    const renamed = pick(r, [
      name.toLowerCase(),
      name.toUpperCase(),
      name.slice(1),
      `${name}s`,
      'ServiceNow',
      'Servicenow',
      'FlowErrorDeactivationThreshold',
      '',
    ]);
    return text.slice(0, k.offset) + JSON.stringify(renamed) + text.slice(k.offset + k.length);
  },
  reorder(text, r) {
    const containers = allNodes(parseTree(text)).filter(
      (n) => (n.type === 'object' || n.type === 'array') && (n.children?.length ?? 0) > 1,
    );
    if (!containers.length) return text;
    const c = pick(r, containers);
    const parts = c.children!.map((ch) => text.slice(ch.offset, ch.offset + ch.length));
    for (let i = parts.length - 1; i > 0; i--) {
      const j = int(r, i + 1);
      [parts[i], parts[j]] = [parts[j], parts[i]];
    }
    const open = c.type === 'object' ? '{' : '[',
      close = c.type === 'object' ? '}' : ']';
    return `${text.slice(0, c.offset)}${open}${parts.join(',')}${close}${text.slice(c.offset + c.length)}`;
  },
  truncate: (text, r) => text.slice(0, int(r, text.length + 1)),
  insertBytes(text, r) {
    const at = int(r, text.length + 1);
    const bytes = Array.from({ length: 1 + int(r, 8) }, () =>
      r() < 0.7 ? pick(r, BYTES) : String.fromCharCode(int(r, 0x10000)),
    ).join('');
    return text.slice(0, at) + bytes + text.slice(at);
  },
  deleteSpan(text, r) {
    const at = int(r, text.length + 1);
    return text.slice(0, at) + text.slice(at + int(r, 40));
  },
  crlf: (text) => text.replace(/\n/g, '\r\n'),
};

function assertInside(doc: TextDocument, range: Range, what: string): void {
  const valid = (p: Position) =>
    p.line >= 0 &&
    p.character >= 0 &&
    p.line < doc.lineCount &&
    JSON.stringify(doc.positionAt(doc.offsetAt(p))) === JSON.stringify({ line: p.line, character: p.character });
  assert.ok(valid(range.start) && valid(range.end), `${what}: range ${JSON.stringify(range)} is outside the document`);
  assert.ok(
    doc.offsetAt(range.start) <= doc.offsetAt(range.end),
    `${what}: range ${JSON.stringify(range)} ends before it starts`,
  );
}

function timed<T>(label: string, f: () => T): T {
  const t = performance.now();
  const out = f();
  const ms = performance.now() - t;
  assert.ok(ms < BOUND_MS, `${label} took ${ms.toFixed(0)} ms (bound ${BOUND_MS} ms)`);
  return out;
}

describe('fuzz: the engine on mutated example files', function () {
  this.timeout(0);

  it(`answers ${CASES} mutated files without throwing, in bounded time, with ranges inside the document`, () => {
    console.log(`      fuzz: ${CASES} cases, seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    const r = seededRandom(SEED);
    const service = createWorkflowLanguageService({ now: () => new Date('2026-11-28T12:00:00Z') });
    // the other engine features must survive the same input
    const examples = exampleFiles().map(readExample);
    const names = Object.keys(MUTATIONS);
    const used: Record<string, number> = {};
    for (let i = 0; i < CASES; i++) {
      let text = pick(r, examples);
      const steps = 1 + int(r, 4);
      const applied: string[] = [];
      for (let s = 0; s < steps; s++) {
        const name = pick(r, names);
        applied.push(name);
        used[name] = (used[name] ?? 0) + 1;
        text = MUTATIONS[name](text, r);
      }
      const where = `seed ${SEED} case ${i} (${applied.join(' → ')})`;
      const doc = TextDocument.create(`file:///fuzz/${i}.cpworkflow.json`, 'cpworkflow', 1, text);
      try {
        const diagnostics = timed(`validate, ${where}`, () => service.validate(doc));
        for (const d of diagnostics) {
          assertInside(doc, d.range, `${where}: ${d.code}`);
          assert.ok(
            d.source === 'cpworkflow' && d.code && d.message,
            `${where}: diagnostic without source, code or message`,
          );
        }
        const position = doc.positionAt(int(r, text.length + 1));
        timed(`complete, ${where}`, () => service.complete(doc, position));
        timed(`hover, ${where}`, () => service.hover(doc, position));
        timed(`symbols, ${where}`, () => service.symbols(doc));
        timed(`codeActions, ${where}`, () => service.codeActions(doc, diagnostics));
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        throw new Error(
          `the engine threw on ${where}: ${(e as Error).stack}\n--- text (first 400 characters) ---\n${text.slice(0, 400)}`,
          { cause: e },
        );
      }
      service.forget(doc.uri);
    }
    // every kind of mutation ran
    assert.deepEqual(Object.keys(used).sort(), [...names].sort());
  });
});

// Hostile classes (issue 12): each generator makes a file of one class from an example, with seeded random sizes and
// places. Every file is answered within the bound, without a throw, with short messages and ranges inside it.
const HOSTILE_CASES = Number(process.env.FUZZ_HOSTILE_CASES ?? 12);
const CONTROL_CHARACTERS = [
  '\u0000',
  '\u0007',
  '\b',
  '\u001b[2K',
  '\u001b]0;x\u0007',
  '\r',
  '\u009b',
  '\u2028',
  '\u202e',
];

/** A string value of the example, chosen at random, replaced by `value` (raw JSON text). */
function replaceString(text: string, r: Random, value: string): string {
  const strings = allNodes(parseTree(text)).filter(
    (n) => n.type === 'string' && !(n.parent?.type === 'property' && n.parent.children?.[0] === n),
  );
  const n = pick(r, strings);
  return text.slice(0, n.offset) + value + text.slice(n.offset + n.length);
}

const HOSTILE: Record<string, (text: string, r: Random) => string> = {
  deep(text, r) {
    const depth = 200 + int(r, 20_000);
    const [open, close] = r() < 0.5 ? ['[', ']'] : ['{"a":', '}'];
    const closed = r() < 0.7;
    return replaceString(text, r, `${open.repeat(depth)}1${closed ? close.repeat(depth) : ''}`);
  },
  wide(text, r) {
    const count = 10_000 + int(r, 60_000);
    const item = pick(r, ['1', '"x"', '{}', '{"TaskType":"Nope"}', '[]']);
    return replaceString(text, r, `[${Array(count).fill(item).join(',')}]`);
  },
  longValue(text, r) {
    const unit = pick(r, [' ', 'a', 'rate(', '1 ', 'Europe/', 'PROJECTIN', '\\\\', '\\u00e9']);
    return replaceString(text, r, `"${unit.repeat(Math.ceil((50_000 + int(r, 500_000)) / unit.length))}"`);
  },
  controlCharacters(text, r) {
    const value = Array.from({ length: 1 + int(r, 20) }, () => pick(r, CONTROL_CHARACTERS)).join('x');
    // escaped (valid JSON holding control characters) or raw (a syntax error)
    return replaceString(text, r, r() < 0.5 ? JSON.stringify(value) : `"${value}"`);
  },
  extremeNumbers(text, r) {
    const numbers = allNodes(parseTree(text)).filter((n) => n.type === 'number' || n.type === 'string');
    const n = pick(r, numbers);
    const value = pick(r, [
      '1e20',
      '1e300',
      '1e400',
      '-1e400',
      '123456789012345678901234567890',
      '-0',
      '5e-324',
      '1e-400',
    ]);
    return text.slice(0, n.offset) + value + text.slice(n.offset + n.length);
  },
};

describe('fuzz: hostile classes of file', function () {
  this.timeout(0);
  for (const [name, generate] of Object.entries(HOSTILE)) {
    it(`${name}: ${HOSTILE_CASES} files, each answered in bounded time without a throw`, () => {
      const r = seededRandom(SEED ^ name.length);
      const service = createWorkflowLanguageService({ now: () => new Date('2026-11-28T12:00:00Z') });
      const examples = exampleFiles().map(readExample);
      for (let i = 0; i < HOSTILE_CASES; i++) {
        const text = generate(pick(r, examples), r);
        const where = `${name}, seed ${SEED} case ${i} (${text.length} characters)`;
        const doc = TextDocument.create(`file:///fuzz/${name}-${i}.cpworkflow.json`, 'cpworkflow', 1, text);
        const diagnostics = timed(`validate, ${where}`, () => service.validate(doc));
        for (const d of diagnostics) {
          assertInside(doc, d.range, `${where}: ${d.code}`);
          assert.ok(d.message.length < 2000, `${where}: ${d.code} has a ${d.message.length}-character message`);
        }
        const position = doc.positionAt(int(r, text.length + 1));
        timed(`complete, ${where}`, () => service.complete(doc, position));
        timed(`hover, ${where}`, () => service.hover(doc, position));
        timed(`symbols, ${where}`, () => service.symbols(doc));
        timed(`codeActions, ${where}`, () => service.codeActions(doc, diagnostics));
        service.forget(doc.uri);
      }
    });
  }
});
