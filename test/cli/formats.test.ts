// `cpworkflow validate --format sarif|github|junit`, --severity and --max-warnings, run as the built CLI
// (dist/cli.js) the way a CI job runs it: golden reports of every rule case, SARIF checked against the OASIS schema,
// positions that agree with --format json on tabs, CRLF and text outside the BMP, and the escaping of each format.
// Goldens: UPDATE_GOLDEN=1 npx mocha out/test/cli/formats.test.js rewrites test/fixtures/formats/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { version } from '../../package.json';
import { parseCodesTable } from '../../server/src/cli/formats/ruleCatalog';
import { codes, fixesFor } from '../../server/src/engine/rules';
import { ROOT, readExample } from '../support/workflows';
import { CASES, caseFileName, writeCaseFiles } from '../rules/caseFiles';
import { documentedRules } from '../rules/rulesDoc';

const CLI = join(ROOT, 'dist/cli.js');
const GOLDEN = join(ROOT, 'test/fixtures/formats');
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [CLI, 'validate', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60000,
    maxBuffer: 64 << 20,
  });

interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string; index: number };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Sarif = any;

/** The OASIS schema is draft-04; ajv 8 reads it as draft-07 once `id` is `$id` (it uses no draft-04-only keyword). */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif-2.1.0/sarif-schema-2.1.0.json'), 'utf8'));
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  const isUri = (s: string) => URL.canParse(s);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile({ ...rest, $id: id });
  /** "instancePath message" for each way the log breaks the schema; none when it is valid */
  return (log: unknown): string[] =>
    validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** GitHub's parsing of a workflow command line (actions/runner ActionCommand.TryParseV2), for the round trip. */
function parseCommand(line: string) {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!m) return undefined;
  const unescape = (s: string) =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(
    m[2].split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]),
  );
  return { command: m[1], props, message: unescape(m[3]) };
}

/** Parses XML with expat (Python's xml.etree), a strict XML 1.0 parser; returns the testcases it read. */
function parseJunit(xml: string): { name: string; failures: string[]; errors: string[]; out: string }[] {
  const py = `
import sys, json, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
print(json.dumps([{"name": c.get("name"), "failures": [f.get("message") for f in c.findall("failure")],
  "errors": [e.get("message") for e in c.findall("error")], "out": c.findtext("system-out") or ""}
  for c in root.iter("testcase")]))`;
  const r = spawnSync('python3', ['-c', py], { input: xml, encoding: 'utf8', timeout: 30000 });
  assert.equal(r.status, 0, `not well-formed XML: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const ISO = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ`;
const NOW_IS = new RegExp(`now is ${ISO}`, 'g');
const SUGGESTED = new RegExp(
  `(plus 5 minutes, e\\.g\\. )(\\d+ \\(${ISO}\\)|(\\\\"|"|&quot;)${ISO}(\\\\"|"|&quot;))`,
  'g',
);
/** SCH-13 quotes the clock ("now is …", now + 5 minutes): the same for runs seconds apart. */
const timeless = (s: string) => s.replace(NOW_IS, 'now is {now}').replace(SUGGESTED, '$1{now + 5 minutes}');

function golden(name: string, actual: string) {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  assert.ok(existsSync(file), `${name} is missing (UPDATE_GOLDEN=1 writes it)`);
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `${name} differs from the golden file (UPDATE_GOLDEN=1 rewrites it)`,
  );
}

const catalogOf = new Map(
  parseCodesTable(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8')).map((c) => [c.code, c.shortDescription]),
);

describe('cpworkflow validate: CI formats', () => {
  let dir: string;
  const schemaErrors = sarifValidator();
  const out: Record<string, { stdout: string; status: number | null }> = {};
  let json: { file: string; diagnostics: JsonDiagnostic[] }[];

  before(function () {
    this.timeout(120000);
    dir = mkdtempSync(join(tmpdir(), 'cpw-formats-'));
    mkdirSync(join(dir, 'cases'));
    writeCaseFiles(join(dir, 'cases'));
    for (const f of ['json', 'sarif', 'github', 'junit']) {
      const r = run(['--format', f, 'cases'], dir);
      out[f] = { stdout: timeless(r.stdout), status: r.status };
    }
    json = JSON.parse(out.json.stdout);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The run's machine-specific parts: the temporary folder and the version. */
  const normalized = (s: string) =>
    s
      .split(pathToFileURL(dir).href + '/')
      .join('file:///ROOT/')
      .replace(new RegExp(`"(semanticVersion|version)": "${version.replace(/\./g, '\\.')}"`, 'g'), '"$1": "VERSION"');

  it('writes golden reports of every rule case in each format, and exits 1 as the text format does', () => {
    for (const f of ['sarif', 'github', 'junit']) assert.equal(out[f].status, 1, `--format ${f}`);
    golden('rule-cases.sarif.json', normalized(out.sarif.stdout));
    golden('rule-cases.github.txt', out.github.stdout);
    golden('rule-cases.junit.xml', out.junit.stdout);
  });

  describe('sarif', () => {
    let sarif: Sarif;
    before(() => (sarif = JSON.parse(out.sarif.stdout)));

    it('is valid SARIF 2.1.0 (the OASIS schema)', () => {
      assert.deepEqual(schemaErrors(sarif), []);
    });

    it('the schema check can fail: a result without a message, a column 0 and a bad level are rejected', () => {
      const broken = structuredClone(sarif);
      const result = broken.runs[0].results[0];
      delete result.message;
      result.locations[0].physicalLocation.region.startColumn = 0;
      result.level = 'information';
      const paths = schemaErrors(broken).map((e) => e.split(' ')[0]);
      assert.ok(paths.includes('/runs/0/results/0/locations/0/physicalLocation/region/startColumn'), paths.join());
      assert.ok(paths.includes('/runs/0/results/0/level'), paths.join());
      assert.ok(paths.includes('/runs/0/results/0'), paths.join());
    });

    it('lists every rule of docs/rules.md with its short description, help row and default level', () => {
      const { driver } = sarif.runs[0].tool;
      assert.equal(driver.name, 'cpworkflow');
      assert.equal(driver.version, version);
      // no placeholder address: the log says what it knows without a link to a site that does not exist
      assert.equal(driver.informationUri, undefined);
      assert.doesNotMatch(out.sarif.stdout, /example\.invalid/);
      const catalog = parseCodesTable(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8'));
      assert.deepEqual(
        driver.rules.map((r: Sarif) => [r.id, r.shortDescription.text, r.defaultConfiguration.level]),
        catalog.map((c) => [
          c.code,
          c.shortDescription,
          { information: 'note', hint: 'note' }[c.defaultSeverity as string] ?? c.defaultSeverity,
        ]),
      );
      // code scanning shows the help under an alert: each rule carries what docs/rules.md says of its code
      const tpl = driver.rules.find((r: Sarif) => r.id === 'TPL-1');
      assert.match(tpl.help.text, /^No example .*\nTPL-1 \(warning\): .+ Sources: .+\./m);
      assert.match(tpl.help.markdown, /^- \*\*TPL-1\*\* \(warning\): /m);
      const acc = driver.rules.find((r: Sarif) => r.id === 'ACC-10');
      assert.match(acc.help.text, /ACC-10 \(warning, with the account on\): /);
      for (const r of driver.rules) {
        assert.equal(r.helpUri, undefined);
        assert.ok(r.help.text.split('\n').length >= 2, `${r.id} has help: ${r.help.text}`);
      }
    });

    it('has one result per diagnostic of --format json, at the same place + 1, with the rule it names', () => {
      const { results, artifacts, columnKind } = sarif.runs[0];
      assert.equal(columnKind, 'utf16CodeUnits');
      const rules = sarif.runs[0].tool.driver.rules;
      const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as Record<string, string>;
      const expected = json.flatMap((f) =>
        f.diagnostics.map((d) => ({
          uri: f.file.split('/').map(encodeURIComponent).join('/'),
          ruleId: d.code,
          level: level[d.severity],
          message: d.message,
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        })),
      );
      const actual = (results as SarifResult[]).map((r) => {
        const loc = r.locations[0].physicalLocation;
        assert.equal(rules[r.ruleIndex!].id, r.ruleId);
        assert.equal(artifacts[loc.artifactLocation.index].location.uri, loc.artifactLocation.uri);
        assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        return {
          uri: loc.artifactLocation.uri,
          ruleId: r.ruleId,
          level: r.level,
          message: r.message.text,
          region: loc.region,
        };
      });
      assert.ok(expected.length > CASES.length, `${expected.length} diagnostics`);
      assert.deepEqual(actual, expected);
    });

    it('lists every checked file as an artifact, the good ones (no findings) too', () => {
      const uris = sarif.runs[0].artifacts.map((a: Sarif) => a.location.uri);
      assert.deepEqual(
        uris,
        readdirSync(join(dir, 'cases'))
          .sort()
          .map((f) => `cases/${f}`),
      );
      assert.ok(uris.includes(`cases/${caseFileName(CASES[0], 'good')}`));
      assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(dir).href + '/');
    });

    it('makes paths relative to the git repository root when run below it, percent-encoded', () => {
      const repo = join(dir, 'repo');
      mkdirSync(join(repo, '.git'), { recursive: true });
      mkdirSync(join(repo, 'flows', 'team a'), { recursive: true });
      writeFileSync(join(repo, 'flows', 'team a', 'x#1.cpworkflow.json'), readExample('marketo-lead.cpworkflow.json'));
      const r = run(['--format', 'sarif', 'team a'], join(repo, 'flows'));
      assert.equal(r.status, 0, r.stderr);
      const log = JSON.parse(r.stdout);
      assert.deepEqual(log.runs[0].artifacts[0].location, {
        uri: 'flows/team%20a/x%231.cpworkflow.json',
        uriBaseId: '%SRCROOT%',
        index: 0,
      });
      assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(repo).href + '/');
      assert.deepEqual(schemaErrors(log), []);
    });

    it('names a file outside the repository by its file: URL, with no base', () => {
      const repo = join(dir, 'repo2');
      mkdirSync(join(repo, '.git'), { recursive: true });
      const outside = join(dir, 'cases', caseFileName(CASES[0], 'bad'));
      const log = JSON.parse(run(['--format', 'sarif', outside], repo).stdout);
      assert.deepEqual(log.runs[0].artifacts[0].location, { uri: pathToFileURL(outside).href, index: 0 });
      assert.equal(
        log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
        pathToFileURL(outside).href,
      );
      assert.deepEqual(schemaErrors(log), []);
    });

    it('reports a file that cannot be read as a tool notification, still valid SARIF, and exits 2', () => {
      const r = run(['--format', 'sarif', 'missing.cpworkflow.json', `cases/${caseFileName(CASES[0], 'good')}`], dir);
      assert.equal(r.status, 2);
      const log = JSON.parse(r.stdout);
      assert.deepEqual(schemaErrors(log), []);
      assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
      assert.match(
        log.runs[0].invocations[0].toolExecutionNotifications[0].message.text,
        /missing\.cpworkflow\.json: no such file/,
      );
      assert.equal(log.runs[0].artifacts.length, 1);
    });
  });

  describe('rule catalog (docs/rules.md "Codes")', () => {
    const doc = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    const catalog = parseCodesTable(doc);
    const RANK = ['error', 'warning', 'information', 'hint'];

    it('has one row per code of the rules table, at the most severe level that table gives it', () => {
      const severities = new Map<string, string[]>();
      for (const row of documentedRules())
        severities.set(row.code, [...(severities.get(row.code) ?? []), row.severity]);
      // the model and syntax layers' codes that the table names in prose only
      for (const code of ['json-syntax', 'json-comment', 'json-trailing-comma']) severities.set(code, ['error']);
      severities.set('duplicate-key', ['warning']);
      // the cap on findings per file: as severe as the worst finding it counts
      severities.set('too-many-findings', ['error']);
      // the account checks have a table of their own ("Account checks"): `| \`ACC-n\` | severity | …`
      for (const m of doc.matchAll(/^\| `(ACC-\d+)` \| (error|warning|information|hint) \|/gm))
        severities.set(m[1], [...(severities.get(m[1]) ?? []), m[2]]);
      const expected = [...severities].map(([code, s]) => [
        code,
        s.sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b))[0],
      ]);
      assert.deepEqual(catalog.map((c) => [c.code, c.defaultSeverity]).sort(), expected.sort());
    });

    it('has exactly the codes of the rule registry: one row per code a rule module owns, none it does not', () => {
      // the registry (server/src/engine/rules/index.ts) lists every code of CodeData; the compiler holds it to that
      assert.ok(codes.length > 50, `${codes.length} codes`);
      assert.deepEqual(catalog.map((c) => c.code).sort(), [...codes].sort());
    });

    it('says "no" quick fix exactly for the codes whose module has no fix for them', () => {
      const rowsOf = new Map<string, string[]>();
      for (const row of documentedRules()) rowsOf.set(row.code, [...(rowsOf.get(row.code) ?? []), row.quickFix]);
      for (const code of codes) {
        const documented = rowsOf.get(code);
        if (!documented) continue; // the account and syntax codes: tables of their own
        if (!fixesFor(code))
          assert.ok(
            documented.every((q) => q === 'no'),
            `${code}: documented with a fix`,
          );
        else
          assert.ok(
            documented.some((q) => q !== 'no'),
            `${code}: has a fix the docs do not mention`,
          );
      }
    });

    it('gives every row its own anchor', () => {
      assert.ok(catalog.length > 50, `${catalog.length} rows`);
      for (const c of catalog)
        assert.ok(doc.includes(`<a id="code-${c.code.toLowerCase()}"></a>\`${c.code}\``), c.code);
      assert.equal(new Set(catalog.map((c) => c.anchor)).size, catalog.length);
    });
  });

  describe('github', () => {
    it('writes one annotation per --format json diagnostic, 1-based, titled by code and rule, then the summary', () => {
      const lines = out.github.stdout.trimEnd().split('\n');
      const summary = lines.pop()!;
      assert.match(summary, /^\d+ files checked: \d+ errors, \d+ warnings/);
      const command = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as Record<
        string,
        string
      >;
      const expected = json.flatMap((f) =>
        f.diagnostics.map((d) => ({
          command: command[d.severity],
          props: {
            file: f.file,
            line: String(d.range.start.line + 1),
            endLine: String(d.range.end.line + 1),
            // GitHub takes columns only on one line
            ...(d.range.start.line === d.range.end.line
              ? { col: String(d.range.start.character + 1), endColumn: String(d.range.end.character + 1) }
              : {}),
            // "TPL-1: No example account, KMS key, … is left in the file": the code and what it checks
            title: `${d.code}: ${catalogOf.get(d.code)!.replace(/`/g, '')}`.replace(/^(.{99}).+$/, '$1…'),
          },
          message: d.message,
        })),
      );
      assert.deepEqual(lines.map(parseCommand), expected);
    });

    it('gives columns only to a finding on one line, as GitHub takes them', () => {
      const f = join(dir, 'multiline.cpworkflow.json');
      writeFileSync(
        f,
        readExample('marketo-lead.cpworkflow.json').replace('"DomainName": "', '"DomainName": {\n}, "X": "'),
      );
      const annotations = run(['--format', 'github', 'multiline.cpworkflow.json'], dir)
        .stdout.split('\n')
        .map(parseCommand);
      const type = annotations.find((a) => a?.props.title.startsWith('type: '))!;
      assert.deepEqual(type.props, {
        file: 'multiline.cpworkflow.json',
        line: '2',
        endLine: '3',
        title: 'type: Every value has the type the service model gives it',
      });
      const unknown = annotations.find((a) => a?.props.title.startsWith('unknown-property: '))!;
      assert.deepEqual(Object.keys(unknown.props), ['file', 'line', 'endLine', 'col', 'endColumn', 'title']);
    });

    it('escapes %, CR, LF in the message and also : and , in properties, so one finding is one command', () => {
      const odd = join(dir, 'odd');
      mkdirSync(odd);
      // a file name with , : % and a value with a line feed, a percent sign and an escape character
      const name = 'a,b:c%25.cpworkflow.json';
      writeFileSync(
        join(odd, name),
        readExample('marketo-lead.cpworkflow.json').replace('"APPFLOW_INTEGRATION"', '"X%0A::warning::y\\n%\\u001b"'),
      );
      const r = run(['--format', 'github', 'odd'], dir);
      assert.equal(r.status, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2, r.stdout);
      const annotation = parseCommand(lines[0])!;
      assert.equal(annotation.command, 'error');
      assert.equal(annotation.props.file, `odd/${name}`);
      assert.equal(
        annotation.message,
        // the engine quotes the value as JSON does (engine/findings.ts quoted): no raw line feed or ESC to escape
        '"X%0A::warning::y\\n%\\u001b" is not a valid WorkflowType. Allowed: APPFLOW_INTEGRATION.',
      );
      assert.ok(lines[0].includes('file=odd/a%2Cb%3Ac%2525.cpworkflow.json,'), lines[0]);
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u001f]/.test(r.stdout.replace(/\n/g, '')), 'no control character');
    });
  });

  describe('junit', () => {
    it('is well-formed XML with one test case per file and one failure per error', () => {
      const cases = parseJunit(out.junit.stdout);
      assert.deepEqual(
        cases.map((c) => c.name),
        json.map((f) => f.file),
      );
      cases.forEach((c, i) => {
        const errors = json[i].diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(
          c.failures,
          errors.map((d) => `${d.code}: ${d.message}`),
        );
        for (const d of json[i].diagnostics.filter((x) => x.severity !== 'error')) assert.ok(c.out.includes(d.message));
      });
      assert.ok(
        cases.some((c) => c.failures.length === 0 && c.out),
        'a file with warnings only',
      );
      assert.match(out.junit.stdout, /<testsuite name="cpworkflow validate" tests="\d+" failures="\d+" errors="0"/);
    });

    it('escapes markup and makes characters XML cannot hold visible, so the report still parses', () => {
      const odd = join(dir, 'xml');
      mkdirSync(odd);
      writeFileSync(
        join(odd, 'a&b.cpworkflow.json'),
        readExample('marketo-lead.cpworkflow.json')
          .replace('"APPFLOW_INTEGRATION"', '"<x a=\\"1\\">&amp;]]>\\u0001\\uffff\\ud800\\t\\n"')
          .replace(/"RoleArn": "[^"]*"/, '"RoleArn": 7'),
      );
      writeFileSync(join(odd, 'binary.cpworkflow.json'), Buffer.from([0x7b, 0, 0x7d]));
      const r = run(['--format', 'junit', 'xml'], dir);
      assert.equal(r.status, 2);
      const cases = parseJunit(r.stdout);
      assert.equal(cases[0].name, 'xml/a&b.cpworkflow.json');
      assert.equal(
        cases[0].failures[0],
        'enum: "<x a=\\"1\\">&amp;]]>\\u0001\ufffd\\ud800\\t\\n" is not a valid WorkflowType. Allowed: APPFLOW_INTEGRATION.',
      );
      assert.equal(cases[0].failures.length, 2, 'a failure per error');
      assert.match(cases[0].failures[1], /^type: /);
      assert.equal(cases[1].name, 'xml/binary.cpworkflow.json');
      assert.match(cases[1].errors[0], /not a text file/);
    });
  });

  describe('positions on tabs, CRLF and text outside the BMP', () => {
    // "😀" is 2 UTF-16 code units and 1 code point; "é" and "中" 1 unit each; a tab is 1 column
    const text = readExample('marketo-lead.cpworkflow.json')
      .replace('"Description": "', '"Description": "😀😀 é中 ')
      .replace(/\n/g, '\r\n')
      .replace(/\r\n( +)"WorkflowType": "APPFLOW_INTEGRATION"/, '\r\n\t"😀": 1, "é中": 2, "WorkflowType": "APPFLOW"');
    let file: string;
    before(() => {
      file = join(dir, 'wide.cpworkflow.json');
      writeFileSync(file, text);
    });

    it('puts the SARIF and GitHub columns at the UTF-16 offset + 1 that --format json gives 0-based', () => {
      const lines = text.split('\r\n');
      const line = lines.findIndex((l) => l.includes('"APPFLOW"'));
      const character = lines[line].indexOf('"APPFLOW"');
      // the code point count differs, so a column counted in code points would fail below
      assert.equal([...lines[line].slice(0, character)].length, character - 1);
      const j = JSON.parse(run(['--format', 'json', 'wide.cpworkflow.json'], dir).stdout)[0].diagnostics.find(
        (d: JsonDiagnostic) => d.code === 'enum',
      );
      assert.deepEqual(j.range, { start: { line, character }, end: { line, character: character + 9 } });
      const s = JSON.parse(run(['--format', 'sarif', 'wide.cpworkflow.json'], dir).stdout).runs[0].results.find(
        (r: SarifResult) => r.ruleId === 'enum',
      );
      assert.deepEqual(s.locations[0].physicalLocation.region, {
        startLine: line + 1,
        startColumn: character + 1,
        endLine: line + 1,
        endColumn: character + 10,
      });
      const g = run(['--format', 'github', 'wide.cpworkflow.json'], dir)
        .stdout.split('\n')
        .map(parseCommand)
        .find((c) => c?.props.title.startsWith('enum: '))!;
      assert.deepEqual(
        [g.props.line, g.props.col, g.props.endLine, g.props.endColumn],
        [line + 1, character + 1, line + 1, character + 10].map(String),
      );
    });
  });

  describe('--severity and --max-warnings', () => {
    // a case whose bad file has warnings and information but no error
    const warningsOnly = () => {
      const i = json.findIndex(
        (f) =>
          f.diagnostics.some((d) => d.severity === 'warning') &&
          f.diagnostics.some((d) => d.severity === 'information') &&
          !f.diagnostics.some((d) => d.severity === 'error'),
      );
      assert.ok(i >= 0, 'no case with warnings and information only');
      return { file: json[i].file, diagnostics: json[i].diagnostics };
    };

    it('exits 0 on warnings, 1 when there are more than --max-warnings (with a message), 0 at the limit', () => {
      const { file, diagnostics } = warningsOnly();
      const n = diagnostics.filter((d) => d.severity === 'warning').length;
      assert.equal(run([file], dir).status, 0);
      const over = run(['--max-warnings', String(n - 1), file], dir);
      assert.equal(over.status, 1);
      assert.equal(over.stderr, `cpworkflow: too many warnings: ${n} (--max-warnings ${n - 1})\n`);
      assert.equal(run(['--max-warnings', String(n), file], dir).status, 0);
      assert.equal(run(['--format', 'sarif', '--max-warnings', '0', file], dir).status, 1);
    });

    it('--severity prints only findings at or above it, says how many it left out, and those do not count', () => {
      const { file, diagnostics } = warningsOnly();
      const all = run(['--format', 'json', file], dir);
      assert.equal(JSON.parse(all.stdout)[0].diagnostics.length, diagnostics.length);
      const warnings = JSON.parse(run(['--format', 'json', '--severity', 'warning', file], dir).stdout)[0].diagnostics;
      assert.deepEqual(
        warnings,
        diagnostics.filter((d) => d.severity === 'warning').map((d) => ({ ...d, source: 'cpworkflow' })),
      );
      const errorsOnly = run(['--severity', 'error', '--max-warnings', '0', file], dir);
      assert.equal(errorsOnly.status, 0);
      assert.match(
        errorsOnly.stdout,
        new RegExp(
          `^1 file checked: 0 errors, 0 warnings \\(0 files with errors\\); ${diagnostics.length} below --severity not shown\\n$`,
        ),
      );
      const sarif = JSON.parse(run(['--format', 'sarif', '--severity', 'error', file], dir).stdout);
      assert.deepEqual(sarif.runs[0].results, []);
      assert.equal(sarif.runs[0].artifacts.length, 1);
    });

    it('rejects a bad --severity, --max-warnings or --format with exit 2 and the choices', () => {
      for (const [args, message] of [
        [['--severity', 'hint'], /--severity must be error, warning, information/],
        [['--max-warnings=-1'], /--max-warnings takes a whole number/],
        [['--max-warnings', 'many'], /--max-warnings takes a whole number/],
        [['--format', 'checkstyle'], /--format must be text, json, sarif, github, junit/],
        [['--format', 'constructor'], /--format must be/],
      ] as const) {
        const r = run([...args, 'cases'], dir);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, message);
      }
    });
  });
});
