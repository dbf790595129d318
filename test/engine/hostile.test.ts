// Hostile files for the engine: every regular expression on long near-miss text, huge values, deep nesting and
// files with more findings than anyone reads. Each answers in bounded time with a clear message, never a throw.
import * as assert from 'node:assert/strict';
import { Node, parseTree } from 'jsonc-parser';
import { shapes } from '../../server/src/generated/model';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { MAX_FINDINGS } from '../../server/src/engine/findings';
import { MAX_NESTING } from '../../server/src/engine/jsonParser';
import { parseScheduleExpression } from '../../server/src/engine/domain/scheduleExpression';
import { docOf, readExample } from '../support/workflows';

const now = () => new Date('2026-11-28T12:00:00Z');

function timed<T>(bound: number, label: string, f: () => T): T {
  const t = performance.now();
  const out = f();
  const ms = performance.now() - t;
  assert.ok(ms < bound, `${label} took ${ms.toFixed(0)} ms (bound ${bound} ms)`);
  return out;
}

function stringLeaves(root: Node | undefined): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.type === 'string' && !(n.parent?.type === 'property' && n.parent.children?.[0] === n)) out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  if (root) walk(root);
  return out;
}

// Long texts that almost match: runs of what a pattern repeats, ending in what it refuses. A pattern that
// backtracks super-linearly takes seconds on these; a linear one takes well under a millisecond per kilobyte.
// (5,000 is enough for a cubic one to take seconds, and small enough that a run before the fix ends.)
const nearMisses = (N: number): Record<string, string> => ({
  spacesInRate: `rate(${' '.repeat(N)}x`,
  spacesInRateClosed: `rate(${' '.repeat(N)}1 x ${' '.repeat(N)})!`,
  spaces: `${' '.repeat(N)}\u0000`,
  letters: `${'a'.repeat(N)}\n`,
  digitsAndSpaces: `${'1 '.repeat(N / 2)}!`,
  colons: `arn:aws:kms:${':1'.repeat(N / 2)}`,
  iamColons: `arn:aws:iam:${':1'.repeat(N / 2)}`,
  cron: `cron(${' '.repeat(N)}`,
  isoLike: `2025-01-01T${'0'.repeat(N)}`,
  words: `${'a-'.repeat(N / 2)} `,
});

describe('hostile files: every regular expression on user text is linear', () => {
  it('runs every @pattern of the model on long near-miss texts in bounded time', () => {
    const patterns = [...new Set(Object.values(shapes).flatMap((s) => (s.pattern ? [s.pattern] : [])))];
    assert.ok(patterns.length >= 5, 'the model has patterns');
    for (const pattern of patterns) {
      const re = new RegExp(pattern);
      for (const [name, text] of Object.entries(nearMisses(20_000)))
        timed(100, `${pattern} on ${name}`, () => re.test(text));
    }
  });

  it('reads a 100,000-character near-miss schedule expression in bounded time', () => {
    for (const [name, text] of Object.entries(nearMisses(100_000)))
      timed(100, name, () => parseScheduleExpression(text));
  });

  it('validates a file whose strings are long near misses, each in bounded time', function () {
    this.timeout(120_000);
    const service = createWorkflowLanguageService({ now });
    const text = readExample('salesforce-account.cpworkflow.json');
    const leaves = stringLeaves(parseTree(text));
    assert.ok(leaves.length > 20);
    for (const leaf of leaves) {
      for (const [name, value] of Object.entries(nearMisses(5_000))) {
        const changed = text.slice(0, leaf.offset) + JSON.stringify(value) + text.slice(leaf.offset + leaf.length);
        const doc = docOf(changed);
        timed(1000, `${name} at offset ${leaf.offset} (was ${JSON.stringify(leaf.value)})`, () =>
          service.validate(doc),
        );
        service.forget(doc.uri);
      }
    }
  });
});

describe('hostile files: huge values', () => {
  const service = createWorkflowLanguageService({ now });
  const base = readExample('salesforce-account.cpworkflow.json');
  for (const [what, from, to] of [
    ['Timezone', '"America/New_York"', `"${'Amerika/New_York'.repeat(65_536)}"`],
    ['operator', '"PROJECTION"', `"${'PROJECTIN'.repeat(250_000)}"`],
    ['ScheduleExpression', '"rate(1hours)"', `"rate(1${'hour'.repeat(250_000)})"`],
    // PAT-15 names the object in its message (found by the longValue fuzz generator, seed 673061763)
    ['Salesforce Object', '"Object": "Account"', `"Object": "${'Acct'.repeat(250_000)}"`],
  ] as const) {
    it(`answers a ${((to.length - 2) / 1e6).toFixed(0)} MB ${what} quickly and quotes it shortened`, () => {
      const doc = docOf(base.replace(from, to));
      const diagnostics = timed(2000, `validate with a long ${what}`, () => service.validate(doc));
      assert.ok(diagnostics.length > 0, 'the long value is reported');
      for (const d of diagnostics)
        assert.ok(d.message.length < 1000, `${d.code}: a ${d.message.length}-character message`);
      timed(2000, 'quick fixes', () => service.codeActions(doc, diagnostics));
    });
  }
  // BUCKET-1 and BUCKET-2 name the bucket and prefix in their messages (the longValue fuzz generator found a
  // 708,868-character BUCKET-1 message)
  it('quotes a 1 MB S3 bucket name and prefix shortened', () => {
    const s3 = readExample('s3-customers.cpworkflow.json')
      .replace('"examplecorp-customer-exports"', `"s3://${'Bucket_'.repeat(150_000)}/x"`)
      .replace('"customers/"', `"/${'p'.repeat(1_000_000)}"`);
    const doc = docOf(s3);
    const diagnostics = timed(2000, 'validate with a long bucket', () => service.validate(doc));
    assert.ok(diagnostics.some((d) => d.code === 'BUCKET-1') && diagnostics.some((d) => d.code === 'BUCKET-2'));
    for (const d of diagnostics)
      assert.ok(d.message.length < 1000, `${d.code}: a ${d.message.length}-character message`);
  });
});

describe('hostile files: deep nesting', () => {
  const service = createWorkflowLanguageService({ now });
  for (const [what, text] of [
    ['3,000 levels of {"a":', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`],
    ['10,000 unclosed [', '['.repeat(10_000)],
    ['100,000 levels inside a valid file', `{"DomainName":"d","Tags":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ] as const) {
    it(`reports ${what} as a syntax error at the depth limit, without throwing`, () => {
      const doc = docOf(text);
      const diagnostics = timed(2000, 'validate', () => service.validate(doc));
      const deep = diagnostics.find((d) => /nested more than/.test(d.message));
      assert.ok(deep, `a nesting error among ${diagnostics.map((d) => d.message).join(' | ')}`);
      assert.equal(deep.code, 'json-syntax');
      assert.equal(deep.severity, 1);
      // the first bracket past the limit
      const opens = [...text.matchAll(/[[{]/g)].map((m) => m.index);
      assert.equal(doc.offsetAt(deep.range.start), opens[MAX_NESTING]);
      timed(2000, 'symbols', () => service.symbols(doc));
      timed(2000, 'hover', () => service.hover(doc, doc.positionAt(text.length / 2)));
      timed(2000, 'completion', () => service.complete(doc, doc.positionAt(text.length / 2)));
    });
  }
});

describe('hostile files: many findings', () => {
  it(`publishes at most ${MAX_FINDINGS} findings per file and says how many more there are`, function () {
    this.timeout(60_000);
    const service = createWorkflowLanguageService({ now });
    const text = readExample('salesforce-account.cpworkflow.json');
    // 130,000 tasks that each break a rule: more findings than a function call can take as arguments
    const tasks = Array.from({ length: 130_000 }, () => '{"TaskType":"Nope","SourceFields":[]}').join(',');
    const doc = docOf(text.replace(/"Tasks": \[/, `"Tasks": [${tasks},`));
    const diagnostics = timed(30_000, 'validate', () => service.validate(doc));
    assert.equal(diagnostics.length, MAX_FINDINGS + 1);
    const last = diagnostics[diagnostics.length - 1];
    assert.equal(last.code, 'too-many-findings');
    assert.equal(last.severity, 1, 'errors among those not shown: the summary is an error too');
    assert.match(last.message, /^\d{3},\d{3} more findings are not shown/);
  });
});
