// The `cpworkflow` command line: the same engine as the editor, for CI pipelines.
//   cpworkflow validate [--format text|json|sarif|github|junit] [--severity S] [--max-warnings N] PATH...
import { parseArgs } from 'node:util';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createWorkflowLanguageService } from '../engine/service';
import { version } from '../../../package.json';
import { createCommand, statusCommand } from './create';
import { EXIT, HELP, UsageError, readWorkflowText } from './common';
import {
  FORMATS,
  FileResult,
  Problem,
  SEVERITY_THRESHOLDS,
  SeverityThreshold,
  ValidationReport,
  atOrAbove,
  countBySeverity,
  repositoryRoot,
} from './formats';

function findWorkflowFiles(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) findWorkflowFiles(p, out);
    else if (/\.cpworkflow\.json$/i.test(name)) out.push(p);
  }
}

function expandPaths(paths: string[]): { files: string[]; problems: Problem[] } {
  const files: string[] = [],
    problems: Problem[] = [];
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) {
        const before = files.length;
        findWorkflowFiles(p, files);
        if (files.length === before)
          problems.push({ path: p, message: `${p}: no *.cpworkflow.json files in this folder` });
      } else files.push(p);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message;
      problems.push({ path: p, message: `${p}: ${why}` });
    }
  }
  return { files, problems };
}

function validateCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      severity: { type: 'string', default: 'information' },
      'max-warnings': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const format = FORMATS[values.format];
  if (!Object.hasOwn(FORMATS, values.format))
    throw new UsageError(`--format must be ${Object.keys(FORMATS).join(', ')}; not "${values.format}"`);
  const threshold = values.severity as SeverityThreshold;
  if (!SEVERITY_THRESHOLDS.includes(threshold))
    throw new UsageError(`--severity must be ${SEVERITY_THRESHOLDS.join(', ')}; not "${values.severity}"`);
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d{1,9}$/.test(maxWarnings))
    throw new UsageError(`--max-warnings takes a whole number of warnings (0 or more), not "${maxWarnings}"`);
  if (positionals.length === 0) throw new UsageError('validate needs at least one file or folder');
  const service = createWorkflowLanguageService();
  const { files, problems } = expandPaths(positionals);
  const results: FileResult[] = [];
  let hidden = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readWorkflowText(file);
    } catch (e) {
      const message = e instanceof UsageError ? e.message : `${file}: cannot read: ${(e as Error).message}`;
      problems.push({ path: file, message });
      continue;
    }
    const doc = TextDocument.create(pathToFileURL(resolve(file)).href, 'cpworkflow', 1, text);
    const all = service.validate(doc);
    // --severity decides what the run reports, so also what counts for the exit status (as ESLint's --quiet)
    const shown = all.filter((d) => atOrAbove(d, threshold));
    hidden += all.length - shown.length;
    results.push({ file, diagnostics: shown });
  }
  for (const p of problems) process.stderr.write(`cpworkflow: ${p.message}\n`);
  const report: ValidationReport = { results, problems, root: repositoryRoot(), hidden };
  process.stdout.write(format(report));
  const warnings = countBySeverity(report, 'warning');
  const tooManyWarnings = maxWarnings !== undefined && warnings > Number(maxWarnings);
  if (tooManyWarnings)
    process.stderr.write(`cpworkflow: too many warnings: ${warnings} (--max-warnings ${maxWarnings})\n`);
  if (problems.length) return EXIT.usage;
  return countBySeverity(report, 'error') || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

/** Subcommands; each returns the exit status. */
const commands: Record<string, (argv: string[]) => number | Promise<number>> = {
  validate: validateCommand,
  create: createCommand,
  status: statusCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(HELP);
    return cmd ? EXIT.ok : EXIT.usage;
  }
  if (cmd === '--version' || cmd === '-v') {
    process.stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  const run = commands[cmd];
  try {
    if (!run) throw new UsageError(`unknown command "${cmd}"; try cpworkflow --help`);
    return await run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`cpworkflow: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`cpworkflow: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 3;
    },
  );
}
