// The project's verdict against the AWS CLI's, observed: every file of the corpus (test/fixtures/corpus, real-shaped
// requests the AWS CLI sends), every example, and both files of every rule case go through each installed AWS CLI
// (v1 and v2) to the local endpoint. "Refused before sending" (no request arrived) must come with an error here; a
// file with no error here must be sent; and an error this project says the AWS CLI itself refuses (syntax, encoding,
// timestamps, types, required and unknown members) must not be sent. Other errors are the service's rules: the AWS
// CLI sends those files and the service rejects them (docs/rules.md says which).
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { severityName } from '../../server/src/engine/findings';
import { startLocalEndpoint, type LocalEndpoint } from '../endpoint/customerProfilesEndpoint.mjs';
import { awsExecutables, runAwsCliBatch } from '../support/awsCli';
import { withRanges } from '../support/markers';
import { EXAMPLES, ROOT, exampleFiles } from '../support/workflows';
import { fakeKeys } from '../aws/support';
import { CASES } from './caseFiles';
import { validate } from './support';

const CORPUS = join(ROOT, 'test/fixtures/corpus');

/** The warnings a corpus file may have: each is a documented rule that fires on a request the AWS CLI sends. */
const DOCUMENTED_WARNINGS: Record<string, string[]> = {
  's3-customers': ['PAT-14'],
  'zendesk-ticket': ['PAT-14'],
  // CreateIntegrationWorkflow documents Salesforce, ServiceNow and Marketo sources only (PAT-14)
  's3-dotted-bucket-date-only': ['PAT-14'],
  's3-epoch-strings': ['PAT-14'],
  's3-hourly-incremental': ['PAT-14'],
  's3-ondemand-minimal': ['PAT-14'],
  'zendesk-datetime-filter': ['PAT-14'],
  'zendesk-scheduled': ['PAT-14'],
};

// Errors for what botocore checks before sending (json parsing, file decoding, timestamps, parameter validation).
const REFUSED_BY_THE_AWS_CLI = new Set([
  'json-syntax',
  'json-comment',
  'json-trailing-comma',
  'json-bom',
  'json-encoding',
  'timestamp',
  'SCH-18',
  'type',
  'missing-property',
  'unknown-property',
]);

const corpusFiles = () =>
  readdirSync(CORPUS)
    .filter((f) => f.endsWith('.cpworkflow.json'))
    .sort();

/** A file as a user has it: an editor shows bytes that are not UTF-8 as U+FFFD; they go back as a Latin-1 "é". */
const bytesOf = (text: string) =>
  Buffer.from(
    Buffer.from(text, 'utf8')
      .toString('latin1')
      .replace(/\u00ef\u00bf\u00bd/g, '\u00e9'),
    'latin1',
  );

interface Sample {
  /** where it comes from: a corpus file, an example, or a rule case's bad or good file */
  readonly name: string;
  readonly kind: 'accepted' | 'case';
  readonly text: string;
  readonly bytes: Buffer;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const f of corpusFiles()) {
    const text = readFileSync(join(CORPUS, f), 'utf8');
    out.push({ name: `corpus/${f}`, kind: 'accepted', text, bytes: Buffer.from(text) });
  }
  for (const f of exampleFiles()) {
    const text = readFileSync(join(EXAMPLES, f), 'utf8');
    out.push({ name: `examples/${f}`, kind: 'accepted', text, bytes: Buffer.from(text) });
  }
  for (const c of CASES)
    for (const which of ['bad', 'good'] as const) {
      const text = withRanges(c[which]).text;
      out.push({ name: `${c.rule} ${c.name} (${which})`, kind: 'case', text, bytes: bytesOf(text) });
    }
  return out;
}

interface Verdict {
  sent: boolean;
  stderr: string;
}

describe('the AWS CLI (v1 and v2) against the project: refused before sending, or sent', function () {
  this.timeout(150000);
  const keys = fakeKeys();
  const all = samples();
  // many good files are the same file: each distinct content goes through each AWS CLI once
  const byHash = new Map<string, Sample>();
  for (const s of all) byHash.set(createHash('sha256').update(s.bytes).digest('hex'), s);
  const distinct = [...byHash.entries()];
  const hashOf = new Map(all.map((s) => [s, createHash('sha256').update(s.bytes).digest('hex')]));
  const clis = awsExecutables();
  const verdicts = new Map<string, Map<string, Verdict>>(); // aws → hash → verdict
  let endpoint: LocalEndpoint;
  let dir: string;
  let seconds = 0;

  before(async () => {
    const started = Date.now();
    dir = mkdtempSync(join(tmpdir(), 'cpw-awscli-files-'));
    endpoint = await startLocalEndpoint({ credentials: { [keys.accessKeyId]: keys.secretAccessKey } });
    const files = distinct.map(([hash, s]) => {
      const file = join(dir, `${hash.slice(0, 16)}.cpworkflow.json`);
      writeFileSync(file, s.bytes);
      return file;
    });
    const env = {
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_MAX_ATTEMPTS: '1',
    };
    // two processes per AWS CLI, all at once: each file's requests arrive under its own endpoint path
    const CHUNKS = 2;
    await Promise.all(
      clis.flatMap((aws, a) =>
        Array.from({ length: CHUNKS }, async (_, chunk) => {
          const mine = files.map((f, i) => ({ f, i })).filter(({ i }) => i % CHUNKS === chunk);
          const jobs = mine.map(({ f, i }) => [
            'customer-profiles',
            'create-integration-workflow',
            '--cli-input-json',
            `file://${f}`,
            '--endpoint-url',
            `${endpoint.url}/cli${a}-file${i}`,
            '--region',
            'us-east-1',
          ]);
          const result = await runAwsCliBatch(aws, jobs, env, 140000);
          const seen = verdicts.get(aws) ?? new Map<string, Verdict>();
          verdicts.set(aws, seen);
          mine.forEach(({ i }, k) => {
            const sent = endpoint.requests.some((r) => r.path.startsWith(`/cli${a}-file${i}/`));
            seen.set(distinct[i][0], { sent, stderr: result.stderr[k] });
          });
        }),
      ),
    );
    seconds = (Date.now() - started) / 1000;
  });
  after(async () => {
    await endpoint?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs at least 20 corpus files, every example and every rule case through every installed AWS CLI', () => {
    assert.ok(corpusFiles().length >= 20, `${corpusFiles().length} corpus files`);
    assert.ok(clis.length >= 2, `AWS CLI v1 and v2 installed: ${clis.join(', ')}`);
    for (const aws of clis) assert.equal(verdicts.get(aws)?.size, distinct.length, aws);
    assert.ok(seconds < 120, `${distinct.length} distinct files × ${clis.length} AWS CLIs took ${seconds} s`);
  });

  it('every corpus file and example: no error, no warning but the documented ones, and every AWS CLI sends it', () => {
    const wrong: string[] = [];
    for (const s of all.filter((x) => x.kind === 'accepted')) {
      const base = s.name.replace(/^.*\//, '').replace('.cpworkflow.json', '');
      const found = validate(s.text).filter((d) => ['error', 'warning'].includes(severityName(d.severity)));
      const unexpected = found.filter((d) => !(DOCUMENTED_WARNINGS[base] ?? []).includes(String(d.code)));
      if (unexpected.length) wrong.push(`${s.name}: ${unexpected.map((d) => `${d.code} ${d.message}`).join('; ')}`);
      for (const aws of clis) {
        const v = verdicts.get(aws)!.get(hashOf.get(s)!)!;
        if (!v.sent) wrong.push(`${s.name}: ${aws} refused it: ${v.stderr.trim().slice(-300)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("every corpus file and example passes the JSON schema that VS Code's own JSON validation applies", async () => {
    const uri = 'file:///cpworkflow.schema.json';
    const json = getLanguageService({
      schemaRequestService: async () => readFileSync(join(ROOT, 'schemas/cpworkflow.schema.json'), 'utf8'),
    });
    json.configure({ validate: true, schemas: [{ uri, fileMatch: ['*.cpworkflow.json'] }] });
    const wrong: string[] = [];
    for (const s of all.filter((x) => x.kind === 'accepted')) {
      const doc = TextDocument.create('file:///x.cpworkflow.json', 'json', 1, s.text);
      const found = await json.doValidation(doc, json.parseJSONDocument(doc));
      wrong.push(...found.map((d) => `${s.name}: ${d.message} at ${JSON.stringify(d.range.start)}`));
    }
    assert.deepEqual(wrong, []);
  });

  it("every rule case's bad and good file: the project's verdict agrees with what each AWS CLI does", () => {
    const wrong: string[] = [];
    const tally = { refusedAndError: 0, sentAndServiceError: 0, sentAndNoError: 0 };
    for (const s of all.filter((x) => x.kind === 'case')) {
      const errors: Diagnostic[] = validate(s.text).filter((d) => severityName(d.severity) === 'error');
      const clientSide = errors.filter((d) => REFUSED_BY_THE_AWS_CLI.has(String(d.code)));
      for (const aws of clis) {
        const v = verdicts.get(aws)!.get(hashOf.get(s)!)!;
        const why = v.stderr.trim().split('\n').slice(-1)[0]?.slice(0, 200);
        if (!v.sent && errors.length === 0)
          wrong.push(`${s.name}: ${aws} refuses it (${why}), the project finds no error`);
        else if (v.sent && clientSide.length)
          wrong.push(`${s.name}: ${aws} sends it, the project says the AWS CLI refuses it: ${clientSide[0].message}`);
        else if (!v.sent) tally.refusedAndError++;
        else if (errors.length) tally.sentAndServiceError++;
        else tally.sentAndNoError++;
      }
    }
    assert.deepEqual(wrong, []);
    // the comparison is not vacuous: each kind of verdict occurs
    assert.ok(
      Object.values(tally).every((n) => n > 0),
      JSON.stringify(tally),
    );
  });
});
