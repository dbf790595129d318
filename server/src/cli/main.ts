// The `cpworkflow` command line: the same engine as the editor, for CI pipelines.
//   cpworkflow validate [--format text|json] PATH...
import { parseArgs } from 'node:util';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { createWorkflowLanguageService } from '../engine/service';
import { severityName } from '../engine/findings';
import { version } from '../../../package.json';
import { createCommand, statusCommand } from './create';
import { EXIT, HELP, UsageError, diagnosticLine, readWorkflowText } from './common';

function findWorkflowFiles(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) findWorkflowFiles(p, out);
    else if (/\.cpworkflow\.json$/i.test(name)) out.push(p);
  }
}

function expandPaths(paths: string[]): { files: string[]; problems: string[] } {
  const files: string[] = [],
    problems: string[] = [];
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) {
        const before = files.length;
        findWorkflowFiles(p, files);
        if (files.length === before) problems.push(`${p}: no *.cpworkflow.json files in this folder`);
      } else files.push(p);
    } catch (e) {
      problems.push(
        `${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`,
      );
    }
  }
  return { files, problems };
}

interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

function validateCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (positionals.length === 0) throw new UsageError('validate needs at least one file or folder');
  const service = createWorkflowLanguageService();
  const { files, problems } = expandPaths(positionals);
  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readWorkflowText(file);
    } catch (e) {
      problems.push(e instanceof UsageError ? e.message : `${file}: cannot read: ${(e as Error).message}`);
      continue;
    }
    const doc = TextDocument.create(pathToFileURL(resolve(file)).href, 'cpworkflow', 1, text);
    results.push({ file, diagnostics: service.validate(doc) });
  }
  for (const p of problems) process.stderr.write(`cpworkflow: ${p}\n`);
  const errors = results.reduce(
    (n, r) => n + r.diagnostics.filter((d) => severityName(d.severity) === 'error').length,
    0,
  );
  if (values.format === 'json') {
    process.stdout.write(
      JSON.stringify(
        results.map((r) => ({
          file: r.file,
          diagnostics: r.diagnostics.map((d) => ({
            range: d.range,
            severity: severityName(d.severity),
            code: d.code,
            source: d.source,
            message: d.message,
          })),
        })),
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const r of results) {
      const name = relative(process.cwd(), r.file) || r.file;
      for (const d of r.diagnostics) {
        process.stdout.write(diagnosticLine(name, d));
      }
    }
    const warnings = results.reduce(
      (n, r) => n + r.diagnostics.filter((d) => severityName(d.severity) === 'warning').length,
      0,
    );
    const failed = results.filter((r) => r.diagnostics.some((d) => severityName(d.severity) === 'error')).length;
    process.stdout.write(
      `${results.length} file${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${failed} file${failed === 1 ? '' : 's'} with errors)\n`,
    );
  }
  if (problems.length) return EXIT.usage;
  return errors ? EXIT.findings : EXIT.ok;
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
