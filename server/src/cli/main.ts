// The `cpworkflow` command line: the same engine as the editor, for CI pipelines.
//   cpworkflow validate [--format text|json|sarif|github|junit] [--severity S] [--max-warnings N]
//                       [--rule CODE=LEVEL]... [--time-checks] [--now ISO-8601]
//                       [--account [--profile P] [--region R] [--endpoint-url URL] [--timeout S]] PATH...
import { parseArgs } from 'node:util';
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { createWorkflowLanguageService } from '../engine/service';
import { version } from '../../../package.json';
import { awsTargetOptions, connectionFrom, createCommand, seconds, statusCommand } from './create';
import { AccountProviders, completeSnapshot } from '../account';
import { listCommand } from './list';
import { importFlowCommand } from './importFlow';
import { EXIT, HELP, UsageError, pinnedNow, readWorkflowText } from './common';
import { previewCommand } from './preview';
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
import { terminalText, writeLine } from './terminal';
import { RuleConfigFiles } from '../configFiles';
import {
  RuleConfig,
  RuleConfigError,
  RuleLevel,
  applyRuleConfig,
  mergeRuleConfigs,
  parseRuleOptions,
} from '../engine/ruleConfig';

const errnoText = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or folder' : code === 'ELOOP' ? 'a loop of links' : (e as Error).message;
};

/**
 * The workflow files under `root`, walked without recursion. A link is followed only to a place inside the tree
 * (a link out of it could be anything, /dev or the whole disk); a broken link, a loop or an unreadable folder is
 * that entry's problem and the walk goes on.
 */
function findWorkflowFiles(root: string, out: string[], problems: Problem[]): void {
  const top = realpathSync(root);
  const inside = (real: string) => real === top || real.startsWith(top.endsWith(sep) ? top : top + sep);
  const problem = (path: string, why: string) => problems.push({ path, message: `${path}: ${why}` });
  const seen = new Set<string>([top]);
  const folders = [root];
  while (folders.length) {
    const dir = folders.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problem(dir, `cannot read this folder: ${errnoText(e)}`);
      continue;
    }
    const subfolders: string[] = [];
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      const wanted = /\.cpworkflow\.json$/i.test(name);
      try {
        const link = lstatSync(p);
        if (!link.isSymbolicLink()) {
          if (link.isDirectory()) {
            if (!seen.has(realpathSync(p))) subfolders.push(p);
          } else if (wanted) out.push(p);
          continue;
        }
        const real = realpathSync(p); // throws for a broken link (ENOENT) or a loop (ELOOP)
        const st = statSync(real);
        if (!st.isDirectory() && !wanted) continue;
        if (!inside(real)) problem(p, `skipped: a link to ${real}, outside ${root}`);
        else if (!st.isDirectory()) out.push(p);
        else if (seen.has(real)) problem(p, 'skipped: a link back to a folder already searched (a loop)');
        else subfolders.push(p);
      } catch (e) {
        problem(p, (e as NodeJS.ErrnoException).code === 'ENOENT' && !wanted ? 'a broken link' : errnoText(e));
      }
    }
    // depth first, in name order
    for (const f of subfolders.reverse()) {
      seen.add(realpathSync(f));
      folders.push(f);
    }
  }
}

function expandPaths(paths: string[]): { files: string[]; problems: Problem[] } {
  const files: string[] = [],
    problems: Problem[] = [];
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) {
        const before = files.length;
        findWorkflowFiles(p, files, problems);
        if (files.length === before)
          problems.push({ path: p, message: `${p}: no *.cpworkflow.json files in this folder` });
      } else files.push(p);
    } catch (e) {
      problems.push({ path: p, message: `${p}: ${errnoText(e)}` });
    }
  }
  return { files, problems };
}

async function validateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      severity: { type: 'string', default: 'information' },
      'max-warnings': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      account: { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true, default: [] },
      'time-checks': { type: 'boolean' },
      now: { type: 'string' },
      ...awsTargetOptions,
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
  for (const flag of ['profile', 'region', 'endpoint-url'] as const)
    if (values[flag] !== undefined && !values.account)
      throw new UsageError(`--${flag} applies to the account checks: add --account`);
  // a bad --timeout is a usage error (exit 2) before any file is read, with or without --account
  seconds(values.timeout, 'timeout');
  let cliRules: Record<string, RuleLevel>;
  try {
    cliRules = parseRuleOptions(values.rule ?? []);
  } catch (e) {
    throw new UsageError((e as RuleConfigError).message);
  }
  const now = values.now === undefined ? undefined : pinnedNow(values.now);
  const root = repositoryRoot();
  const configs = new RuleConfigFiles();
  const overrides = new Map<string, { code: string; level: RuleLevel }>();
  const configFor = (file: string): RuleConfig => {
    const found = configs.forFile(file);
    if (found?.error)
      throw new UsageError(`${found.path}: ${found.error.key ? `${found.error.key}: ` : ''}${found.error.message}`);
    const config = mergeRuleConfigs(found?.config, {
      rules: cliRules,
      ...(values['time-checks'] !== undefined ? { timeChecks: values['time-checks'] } : {}),
    });
    for (const [code, level] of Object.entries(config.rules)) overrides.set(`${code}=${level}`, { code, level });
    return config;
  };
  // one provider for every file: each account fact is asked once, whatever the number of files
  const providers = values.account ? new AccountProviders() : undefined;
  const provider = providers?.providerFor(connectionFrom(values));
  const service = createWorkflowLanguageService(now ? { now: () => now } : {});
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
    // a configuration that cannot be used stops the run (exit 2), naming its file and key
    const config = configFor(file);
    let all;
    try {
      // the account's facts are fetched first (the snapshot is complete or says why not); the engine stays synchronous
      const account = provider && (await completeSnapshot(provider, doc));
      all = applyRuleConfig(service.validate(doc, {}, account), config.rules, config.timeChecks ?? false);
    } catch (e) {
      // one file the engine cannot check does not empty the report of the others
      problems.push({ path: file, message: `${file}: could not be checked (internal error: ${(e as Error).message})` });
      continue;
    } finally {
      service.forget(doc.uri);
    }
    // --severity decides what the run reports, so also what counts for the exit status (as ESLint's --quiet)
    const shown = all.filter((d) => atOrAbove(d, threshold));
    hidden += all.length - shown.length;
    results.push({ file, diagnostics: [...shown].sort(byPosition) });
  }
  providers?.dispose();
  // every format lists files by path and findings by line and column, whatever order the folders were walked in
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const p of problems) writeLine(process.stderr, `cpworkflow: ${p.message}`);
  const report: ValidationReport = { results, problems, root, hidden, overrides: [...overrides.values()] };
  process.stdout.write(format(report));
  // account warnings never fail a run (only account errors do): they do not count against --max-warnings
  const accountWarnings = results
    .flatMap((r) => r.diagnostics)
    .filter((d) => d.severity === DiagnosticSeverity.Warning && String(d.code).startsWith('ACC-')).length;
  const warnings = countBySeverity(report, 'warning') - accountWarnings;
  const tooManyWarnings = maxWarnings !== undefined && warnings > Number(maxWarnings);
  if (tooManyWarnings)
    process.stderr.write(`cpworkflow: too many warnings: ${warnings} (--max-warnings ${maxWarnings})\n`);
  if (problems.length) return EXIT.usage;
  return countBySeverity(report, 'error') || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

const byPosition = (a: { range: Range }, b: { range: Range }) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** Subcommands; each returns the exit status. */
const commands: Record<string, (argv: string[]) => number | Promise<number>> = {
  validate: validateCommand,
  create: createCommand,
  status: statusCommand,
  list: listCommand,
  'import-flow': importFlowCommand,
  preview: previewCommand,
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
      writeLine(process.stderr, `cpworkflow: ${(e as Error).message}`);
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
      process.stderr.write(`cpworkflow: internal error: ${terminalText(String((e as Error).stack ?? e))}\n`);
      process.exitCode = 3;
    },
  );
}
