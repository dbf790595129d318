// docs/rules.md is the contract: for every row, `cpworkflow validate` (the built CLI) reports the row's breaking file
// with the row's code and severity at the marked range, and not the nearest good file; the quick-fix column says
// whether the engine offers a fix for it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Range } from 'vscode-languageserver-types';
import { withRanges } from '../support/markers';
import { ROOT, docOf } from '../support/workflows';
import { service } from './support';
import { CASES, caseFileName, writeCaseFiles } from './caseFiles';
import { QuickFix, documentedRules } from './rulesDoc';

const key = (x: { id?: string; rule?: string; code: string; severity: string }) =>
  `${x.id ?? x.rule} ${x.code} ${x.severity}`;

interface CliDiagnostic {
  range: Range;
  severity: string;
  code: string;
}

describe('docs/rules.md against the CLI', () => {
  const rows = documentedRules();
  let dir: string;
  let report: Map<string, CliDiagnostic[]>;
  let status: number | null;

  before(function () {
    this.timeout(60000);
    dir = mkdtempSync(join(tmpdir(), 'cpw-rules-'));
    writeCaseFiles(dir);
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'dist/cli.js'), 'validate', '--time-checks', '--format', 'json', dir],
      {
        encoding: 'utf8',
        timeout: 60000,
        maxBuffer: 64 << 20,
      },
    );
    status = r.status;
    report = new Map(
      (JSON.parse(r.stdout) as { file: string; diagnostics: CliDiagnostic[] }[]).map((f) => [
        f.file.slice(dir.length + 1),
        f.diagnostics,
      ]),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every rule the tests break, and the tests break every rule it lists', () => {
    assert.ok(rows.length > 80, `read ${rows.length} rows`);
    const documented = new Set(rows.map(key));
    const tested = new Set(CASES.map(key));
    assert.deepEqual(
      [...documented].filter((k) => !tested.has(k)),
      [],
      'documented but not tested',
    );
    assert.deepEqual(
      [...tested].filter((k) => !documented.has(k)),
      [],
      'tested but not documented',
    );
  });

  it('gives every rule its sources, each listed under Sources, and cites no document outside the repository', () => {
    const text = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    const listed = new Set([...text.split('## Sources')[1].matchAll(/^- \[([\w-]+)\]:/gm)].map((m) => m[1]));
    const wrong = rows.flatMap((r) => {
      const keys = [...r.sources.matchAll(/\[([\w-]+)\]/g)].map((m) => m[1]);
      if (keys.length === 0 && !r.sources.includes('observed')) return [`${key(r)}: no source`];
      return keys.filter((k) => !listed.has(k)).map((k) => `${key(r)}: [${k}] is not under Sources`);
    });
    assert.deepEqual(wrong, []);
    assert.doesNotMatch(text, /workflow-rules\.md/);
  });

  it('exits 1: the breaking files have errors', () => assert.equal(status, 1));

  CASES.forEach((c) => {
    it(`${c.rule} ${c.name}: reported as ${c.code} ${c.severity}, not in the good file`, () => {
      const { ranges } = withRanges(c.bad);
      const bad = report.get(caseFileName(c, 'bad'))!.filter((d) => d.code === c.code);
      assert.deepEqual(
        bad.map((d) => d.severity),
        ranges.map(() => c.severity),
      );
      assert.deepEqual(new Set(bad.map((d) => JSON.stringify(d.range))), new Set(ranges.map((r) => JSON.stringify(r))));
      const good = report.get(caseFileName(c, 'good'))!.filter((d) => d.code === c.code || d.severity === 'error');
      assert.deepEqual(good, []);
    });
  });

  it('offers a quick fix exactly where the table says yes', () => {
    const offeredFor = new Map<string, boolean[]>();
    for (const c of CASES) {
      const doc = docOf(withRanges(c.bad).text);
      const diagnostics = service.validate(doc).filter((d) => d.code === c.code);
      offeredFor.set(key(c), [...(offeredFor.get(key(c)) ?? []), service.codeActions(doc, diagnostics).length > 0]);
    }
    const wrong: string[] = [];
    for (const row of rows) {
      const offered = offeredFor.get(key(row)) ?? [];
      const actual: QuickFix = offered.every(Boolean) ? 'yes' : offered.some(Boolean) ? 'some' : 'no';
      if (actual !== row.quickFix)
        wrong.push(
          `${key(row)}: the table says ${row.quickFix}, the engine fixes ${actual === 'some' ? 'some cases' : actual}`,
        );
    }
    assert.deepEqual(wrong, []);
  });
});
