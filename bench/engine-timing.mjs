// Full validation in-process, next to JSON.parse of the same text: the engine alone (bench/engine-entry.ts,
// bundled by bench/run.mjs), no pipe and no JSON-RPC, and the same work cut into its phases. Two ways, as the
// garbage collector makes them differ at 2 MB: `validate` collects the heap before each run (a fresh heap: the run
// pays for moving its new tree out of the young generation), `steady` validates over and over as a busy server
// does (V8 then allocates the long-lived nodes where they stay, and a run pays for the garbage of the one before).
// The phases are timed the steady way. Needs --expose-gc.
//   node --expose-gc bench/engine-timing.mjs ENGINE.cjs RUNS FILE...   → JSON on stdout
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { median } from './stats.mjs';

const [engineFile, runs, ...files] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const {
  createWorkflowLanguageService,
  parseWorkflow,
  syntaxFindings,
  schemaFindings,
  rules,
  toDiagnostic,
  TextDocument,
} = require(engineFile);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

function time(fn, { freshHeap = true } = {}) {
  const out = [];
  for (let i = 0; i < Number(runs) + 3; i++) {
    if (freshHeap) globalThis.gc();
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return median(out.slice(3));
}

const results = {};
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const service = createWorkflowLanguageService();
  let diagnostics = [];
  const uri = pathToFileURL(file).href;
  results[file] = {
    jsonParse: time(() => JSON.parse(text)),
    validate: time((i) => {
      diagnostics = service.validate(TextDocument.create(uri, 'cpworkflow', i + 1, text));
    }),
    steady: time(
      (i) => {
        diagnostics = service.validate(TextDocument.create(uri, 'cpworkflow', i + 1, text));
      },
      { freshHeap: false },
    ),
    errorsAndWarnings: diagnostics.filter((d) => (d.severity ?? 1) <= 2).length,
    diagnostics: diagnostics.length,
    phases: phases(uri, text),
  };
}

/** validate()'s steps one by one (service.ts), each a median over runs on a fresh document, the steady way. */
function phases(uri, text) {
  const laps = [];
  for (let i = 0; i < Number(runs) + 3; i++) {
    const lap = {};
    let t = performance.now();
    const mark = (name) => {
      const now = performance.now();
      lap[name] = (lap[name] ?? 0) + now - t;
      t = now;
    };
    const doc = parseWorkflow(TextDocument.create(uri, 'cpworkflow', i + 1, text));
    mark('parse');
    const findings = [...syntaxFindings(doc), ...schemaFindings(doc)];
    mark('schema');
    const ctx = { doc, now: new Date() };
    for (const rule of rules) {
      findings.push(...rule.check(ctx));
      mark(`rule ${rule.name}`);
    }
    findings.map((f) => toDiagnostic(doc, f));
    mark('diagnostics');
    laps.push(lap);
  }
  const counted = laps.slice(3);
  return Object.fromEntries(Object.keys(counted[0]).map((name) => [name, median(counted.map((l) => l[name]))]));
}
process.stdout.write(JSON.stringify(results));
