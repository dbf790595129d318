// The AWS CLIs installed here, and a way to run one over many files in bounded time. Each `aws` start costs about
// half a second of CPU (it builds its command table); the batch runner starts each installed `aws` once and has it
// run its own driver (awscli.clidriver, exactly what `aws …` calls) once per file, through a sitecustomize hook put
// on PYTHONPATH. The hook only acts when CPWORKFLOW_AWS_JOBS names a jobs file; the CLI's code is not changed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const DEBIAN_AWS = '/usr/bin/aws';

/** Every distinct `aws` executable: Debian's first, then any other on PATH (e.g. a pip-installed v1). */
export function awsExecutables(): string[] {
  const found = [DEBIAN_AWS, ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'aws'))].filter((p) =>
    existsSync(p),
  );
  const seen = new Set<string>();
  return found.filter((p) => {
    // /bin/aws and /usr/bin/aws are one program on merged-/usr systems
    const real = realpathSync(p);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

// Runs each job with the driver `aws` builds (v2: AWSCLIEntryPoint around it, v1: the driver itself), its stdout and
// stderr sent to the job's files at the descriptor level, then writes the exit codes and ends the process.
const HOOK = String.raw`
import os
_jobs_file = os.environ.pop('CPWORKFLOW_AWS_JOBS', None)
if _jobs_file:
    import json, sys
    if os.environ.get('LC_CTYPE', '') == 'UTF-8':
        os.environ['LC_CTYPE'] = 'en_US.UTF-8'
    import awscli.clidriver
    with open(_jobs_file) as f:
        jobs = json.load(f)
    if hasattr(awscli.clidriver, 'AWSCLIEntryPoint'):
        _entry = awscli.clidriver.AWSCLIEntryPoint(awscli.clidriver.create_clidriver())
        _run = lambda args: _entry.main(args)
    else:
        _driver = awscli.clidriver.create_clidriver()
        _run = lambda args: _driver.main(args)
    saved = os.dup(1), os.dup(2)
    results = []
    for job in jobs:
        with open(job['out'], 'wb') as out, open(job['err'], 'wb') as err:
            sys.stdout.flush(); sys.stderr.flush()
            os.dup2(out.fileno(), 1); os.dup2(err.fileno(), 2)
            sys.argv = ['aws'] + job['args']
            try:
                rc = _run(job['args'])
            except SystemExit as e:
                rc = e.code if isinstance(e.code, int) else 1
            except BaseException as e:
                print('cpworkflow hook: %s: %s' % (type(e).__name__, e), file=sys.stderr)
                rc = 255
            sys.stdout.flush(); sys.stderr.flush()
            os.dup2(saved[0], 1); os.dup2(saved[1], 2)
        results.append(rc)
    with open(_jobs_file + '.rc', 'w') as f:
        json.dump(results, f)
    os._exit(0)
`;

export interface AwsCliRun {
  /** the exit code of each job */
  readonly codes: number[];
  /** what each job wrote to stderr */
  readonly stderr: string[];
}

/**
 * Runs `aws <args>` for each job in one process of `aws`, with `env` (PATH and HOME are added). Bounded by
 * `timeoutMs` for the whole batch.
 */
export async function runAwsCliBatch(
  aws: string,
  jobs: readonly (readonly string[])[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<AwsCliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cpw-awscli-'));
  try {
    writeFileSync(join(dir, 'sitecustomize.py'), HOOK);
    const jobsFile = join(dir, 'jobs.json');
    const files = jobs.map((args, i) => ({ args, out: join(dir, `${i}.out`), err: join(dir, `${i}.err`) }));
    writeFileSync(jobsFile, JSON.stringify(files));
    await run(aws, ['--version'], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, ...env, PYTHONPATH: dir, CPWORKFLOW_AWS_JOBS: jobsFile },
      timeout: timeoutMs,
    });
    if (!existsSync(`${jobsFile}.rc`))
      throw new Error(`${aws} did not run the jobs: it does not load sitecustomize from PYTHONPATH`);
    return {
      codes: JSON.parse(readFileSync(`${jobsFile}.rc`, 'utf8')),
      stderr: files.map((f) => readFileSync(f.err, 'utf8')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
