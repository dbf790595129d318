// `cpworkflow preview FILE --records RECORDS`: the dry run of a workflow on sample source records (engine/simulate.ts)
// and its next runs (engine/nextRuns.ts), as text or JSON. A file with errors is reported as `validate` reports it
// and nothing is simulated; records that cannot be read are a usage error (exit 2) naming their file.
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createWorkflowLanguageService } from '../engine/service';
import { parseWorkflow } from '../engine/document';
import { simulate, type SourceRecord } from '../engine/simulate';
import { parseRecords } from '../engine/records';
import { nextRuns } from '../engine/nextRuns';
import { previewMermaid, previewModel } from '../engine/previewModel';
import { accountReferences, objectTypeOf } from '../engine/accountSnapshot';
import { AccountProviders, completeSnapshot } from '../account';
import { EXIT, UsageError, diagnosticLine, pinnedNow, readRegularFile, readWorkflowText } from './common';
import { awsTargetOptions, connectionFrom } from './create';
import { terminalText, writeLine } from './terminal';

/** Source records from a JSON array, JSON Lines, or CSV with a header row (S3), as the connector returns them. */
export function readRecords(file: string): SourceRecord[] {
  const bytes = readRegularFile(file);
  if (bytes.includes(0)) throw new UsageError(`${file}: not a text file (it contains NUL bytes).`);
  const read = parseRecords(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  if ('error' in read) throw new UsageError(`${file}: ${read.error}`);
  return read.records;
}

// A computed path, so esbuild leaves the require to run time: dist/svg.js (with ELK) is parsed only for --format svg.
const SVG_BUNDLE = join(__dirname, 'svg.js');

const HELP_LINE =
  'cpworkflow preview FILE --records RECORDS [--format text|json] [--runs N] [--now ISO-8601] [--account …], or FILE --format mermaid|svg';

export async function previewCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      records: { type: 'string' },
      format: { type: 'string', default: 'text' },
      runs: { type: 'string', default: '5' },
      now: { type: 'string' },
      account: { type: 'boolean', default: false },
      ...awsTargetOptions,
    },
  });
  if (positionals.length !== 1) throw new UsageError(`preview takes one workflow file: ${HELP_LINE}`);
  const picture = values.format === 'mermaid' || values.format === 'svg';
  if (!values.records && !picture) throw new UsageError(`preview needs --records RECORDS: ${HELP_LINE}`);
  if (values.format !== 'text' && values.format !== 'json' && !picture)
    throw new UsageError(`--format is text, json, mermaid or svg, not "${values.format}"`);
  const runCount = Number(values.runs);
  if (!Number.isInteger(runCount) || runCount < 0 || runCount > 1000)
    throw new UsageError(`--runs takes a whole number from 0 to 1000, not "${values.runs}"`);
  const now = values.now === undefined ? new Date() : pinnedNow(values.now);
  const [file] = positionals;
  const text = readWorkflowText(file);
  const records = values.records ? readRecords(values.records) : [];
  const doc = TextDocument.create(pathToFileURL(resolve(file)).href, 'cpworkflow', 1, text);
  const service = createWorkflowLanguageService({ now: () => now });
  let objectType;
  let providers: AccountProviders | undefined;
  try {
    let account;
    if (values.account) {
      providers = new AccountProviders();
      const provider = providers.providerFor(connectionFrom(values));
      account = await completeSnapshot(provider, doc);
      objectType = objectTypeOf(account, accountReferences(parseWorkflow(doc)))?.facts;
    }
    const errors = service.validate(doc, {}, account).filter((d) => d.severity === DiagnosticSeverity.Error);
    if (errors.length) {
      for (const d of errors) process.stderr.write(diagnosticLine(file, d));
      writeLine(
        process.stderr,
        `cpworkflow: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}: nothing was simulated.`,
      );
      return EXIT.findings;
    }
  } finally {
    providers?.dispose();
  }
  const parsed = parseWorkflow(doc);
  if (picture) {
    const model = previewModel(parsed, objectType);
    if (values.format === 'mermaid') process.stdout.write(previewMermaid(model));
    else process.stdout.write(await (require(SVG_BUNDLE) as typeof import('./svg')).previewSvg(model));
    return EXIT.ok;
  }
  const simulation = simulate(parsed, records, objectType);
  const runs = nextRuns(parsed, now, runCount);
  if (values.format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        {
          records: simulation.records,
          ...(runs.history ? { history: runs.history } : {}),
          runs: runs.runs,
          notes: [...simulation.notes, ...runs.notes],
        },
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const kept = simulation.records.filter((r) => r.kept).length;
  const out: string[] = [`${file}: ${kept} of ${records.length} records kept`];
  for (const r of simulation.records) {
    if (!r.kept) out.push(`  record ${r.index}: dropped by Tasks[${r.droppedBy!.task}]: ${r.droppedBy!.reason}`);
    else {
      out.push(`  record ${r.index}: kept → ${JSON.stringify(r.object)}`);
      if (r.profile) out.push(`    keys ${JSON.stringify(r.profile.keys)}`);
    }
    for (const p of r.problems) out.push(`    problem: ${p}`);
  }
  if (!objectType)
    out.push('  (the object type is not known offline: --account shows the profile keys each record gets)');
  if (runs.history?.length) {
    out.push('history batches first:');
    for (const b of runs.history) out.push(`  ${b.from ?? '?'} → ${b.to ?? '?'}`);
  }
  if (runs.runs.length) {
    out.push('next runs:');
    for (const run of runs.runs)
      out.push(
        `  ${run.at}${run.local ? ` (${run.local})` : ''}${run.to ? ` pulls ${run.from ?? 'everything'} → ${run.to}` : ''}`,
      );
  }
  for (const n of [...simulation.notes, ...runs.notes]) out.push(`note: ${n}`);
  process.stdout.write(out.map((l) => `${terminalText(l)}\n`).join(''));
  return EXIT.ok;
}
