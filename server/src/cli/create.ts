// `cpworkflow create` and `cpworkflow status`: submission from a terminal or a pipeline, through server/src/aws.
// The file is validated by the engine first and never sent with errors; nothing is sent without a "yes".
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline/promises';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXIT, HELP, UsageError, diagnosticLine, readWorkflowText } from './common';
import { terminalJson, terminalText, writeLine } from './terminal';
import {
  assertProfileExists,
  createCustomerProfilesClient,
  createWorkflow,
  explainAwsError,
  formatProgress,
  changedProgressLines,
  describeWorkflowEnd,
  getWorkflowProgress,
  redactCredentials,
  resolveAwsSettings,
  prepareSubmission,
  signerText,
  trackWorkflow,
  type AwsConnectionOptions,
  type AwsService,
  type ErrorContext,
  type WorkflowProgress,
} from '../aws';

/** Exit statuses beyond validate's 0/1/2: the AWS call failed; the workflow ended FAILED or CANCELLED. */
const AWS_EXIT = { requestFailed: 4, workflowFailed: 5 } as const;

/** Where requests go and how long one may take: every command that calls AWS (validate --account too) takes these. */
export const awsTargetOptions = {
  profile: { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  timeout: { type: 'string', default: '30' },
} as const;

export const connectionOptions = {
  ...awsTargetOptions,
  format: { type: 'string', default: 'text' },
  wait: { type: 'boolean', default: false },
  'poll-interval': { type: 'string', default: '3' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function seconds(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${flag} must be a positive number of seconds, not "${value}"`);
  return Math.round(n * 1000);
}

export function common(values: {
  profile?: string;
  region?: string;
  'endpoint-url'?: string;
  format?: string;
  timeout?: string;
}) {
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`--format must be text or json, not "${values.format}"`);
  return { options: connectionFrom(values), json: values.format === 'json' };
}

/** Profile, region, endpoint and timeout as the --profile, --region, --endpoint-url and --timeout options give them. */
export function connectionFrom(values: {
  profile?: string;
  region?: string;
  'endpoint-url'?: string;
  timeout?: string;
}): AwsConnectionOptions {
  return {
    profile: values.profile,
    region: values.region,
    endpointUrl: values['endpoint-url'],
    timeoutMs: seconds(values.timeout ?? '30', 'timeout'),
  };
}

// The CLI runs on Node 20 like VS Code; the SDK's notice about its own future Node support is not the user's concern.

/** Ctrl-C cancels the call in flight instead of killing the process mid-request. */
export function cancelOnInterrupt(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.removeListener('SIGINT', onSigint) };
}

const position = (doc: TextDocument, offset: number) => {
  const p = doc.positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
};

export function reportFailure(err: unknown, ctx: ErrorContext, file?: { name: string; doc: TextDocument }): number {
  const x = explainAwsError(err, ctx);
  const where = file && x.field ? `${file.name}:${position(file.doc, x.field.offset)}: ` : '';
  writeLine(process.stderr, `cpworkflow: ${where}${x.text}`);
  return AWS_EXIT.requestFailed;
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(terminalText(question))).trim());
  } finally {
    rl.close();
  }
}

const progressPrinter = (json: boolean) =>
  changedProgressLines((line) => writeLine(process.stderr, `${json ? '' : '  '}${line}`));

function reportEnd(p: WorkflowProgress): number {
  const end = describeWorkflowEnd(p);
  if (!end.failed) return EXIT.ok;
  writeLine(
    process.stderr,
    `cpworkflow: workflow ${p.workflowId} ended ${p.status}${end.errorDescription ? `: ${end.errorDescription}` : ''}`,
  );
  for (const step of end.failedSteps) writeLine(process.stderr, `  failed step ${step}`);
  return AWS_EXIT.workflowFailed;
}

const progressJson = (p: WorkflowProgress) => ({
  WorkflowId: p.workflowId,
  Status: p.status,
  StepsCompleted: p.stepsCompleted,
  TotalSteps: p.totalSteps,
  RecordsProcessed: p.recordsProcessed,
  ...(p.errorDescription ? { ErrorDescription: p.errorDescription } : {}),
  ...(p.failedSteps.length
    ? { FailedSteps: p.failedSteps.map((s) => ({ FlowName: s.flowName, ExecutionMessage: s.executionMessage })) }
    : {}),
});

export async function createCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...connectionOptions, yes: { type: 'boolean', short: 'y', default: false } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('create needs exactly one FILE');
  const { options, json } = common(values);
  const pollMs = seconds(values['poll-interval'], 'poll-interval');
  const file = positionals[0];
  const name = relative(process.cwd(), file) || file;

  let text: string;
  try {
    text = readWorkflowText(file);
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError(`${file}: cannot read: ${(e as Error).message}`);
  }
  const uri = pathToFileURL(resolve(file)).href;
  const doc = TextDocument.create(uri, 'cpworkflow', 1, text);
  const prepared = prepareSubmission(text, uri);
  const { errors, warnings, domainName, objectTypeName, flowName } = prepared;
  for (const d of [...errors, ...warnings]) {
    process.stderr.write(diagnosticLine(name, d));
  }
  if (errors.length) {
    writeLine(
      process.stderr,
      `cpworkflow: not sent: ${name} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} (cpworkflow validate ${name}) and try again.`,
    );
    return EXIT.findings;
  }

  const ctx: ErrorContext = {
    operation: 'CreateIntegrationWorkflow',
    domainName,
    objectTypeName,
    documentText: text,
    timeoutMs: options.timeoutMs,
  };
  const input = prepared.input;
  if (!input) return reportFailure(prepared.inputError, ctx, { name, doc });
  const settings = await resolveAwsSettings(options);
  const shownEndpoint = settings.endpointUrl && redactCredentials(settings.endpointUrl);
  Object.assign(ctx, {
    profile: settings.profile,
    signer: settings.signer,
    region: settings.region,
    endpointUrl: shownEndpoint,
  });
  try {
    assertProfileExists(settings);
  } catch (e) {
    return reportFailure(e, ctx);
  }
  if (!settings.region) {
    throw new UsageError(
      `no AWS region for profile "${settings.profile}": pass --region, set AWS_REGION, or run aws configure set region REGION --profile ${settings.profile}`,
    );
  }

  const summary = `flow "${flowName ?? '?'}" → domain "${domainName ?? ''}", object type "${objectTypeName ?? ''}", region ${settings.region}, ${signerText(settings)}${shownEndpoint ? `, endpoint ${shownEndpoint}` : ''}`;
  if (!values.yes) {
    if (!process.stdin.isTTY)
      throw new UsageError(
        `not sent: confirmation needed and there is no terminal to ask on; pass --yes to create ${summary}`,
      );
    const note = warnings.length
      ? ` The file has ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (above).`
      : '';
    if (!(await confirm(`Create workflow: ${summary}?${note} [y/N] `))) {
      process.stderr.write('cpworkflow: not sent.\n');
      return EXIT.ok;
    }
  }

  const interrupt = cancelOnInterrupt();
  let client;
  try {
    client = await createCustomerProfilesClient(options, settings);
    const created = await createWorkflow(client, input, { abortSignal: interrupt.signal });
    if (!values.wait) {
      writeLine(
        process.stdout,
        json ? terminalJson({ WorkflowId: created.WorkflowId, Message: created.Message }) : created.WorkflowId,
      );
      return EXIT.ok;
    }
    writeLine(
      process.stderr,
      `cpworkflow: created workflow ${created.WorkflowId} (request id ${created.requestId ?? '-'}); tracking it`,
    );
    let end: WorkflowProgress;
    try {
      end = await trackWorkflow(client, domainName ?? '', created.WorkflowId, {
        intervalMs: pollMs,
        abortSignal: interrupt.signal,
        onProgress: progressPrinter(json),
      });
    } catch (e) {
      writeLine(
        process.stdout,
        json ? terminalJson({ WorkflowId: created.WorkflowId, Message: created.Message }) : created.WorkflowId,
      );
      return reportFailure(e, { ...ctx, operation: 'GetWorkflow' });
    }
    const { WorkflowId, ...rest } = progressJson(end);
    writeLine(
      process.stdout,
      json ? terminalJson({ WorkflowId, Message: created.Message, ...rest }) : created.WorkflowId,
    );
    return reportEnd(end);
  } catch (e) {
    return reportFailure(e, ctx, { name, doc });
  } finally {
    interrupt.dispose();
    client?.destroy();
  }
}

/**
 * For a command that reads one domain: where requests go (a usage error without a region), the error context, and
 * a `connect()` that builds the client (its errors are the caller's to report).
 */
export async function readSession(
  options: AwsConnectionOptions,
  operation: string,
  domainName: string,
  service: AwsService = 'customer-profiles',
) {
  const settings = await resolveAwsSettings(options);
  const endpointUrl = service === 'appflow' ? settings.appflowEndpointUrl : settings.endpointUrl;
  if (!settings.region)
    throw new UsageError(`no AWS region for profile "${settings.profile}": pass --region or set AWS_REGION`);
  const ctx: ErrorContext = {
    operation,
    domainName,
    profile: settings.profile,
    signer: settings.signer,
    region: settings.region,
    endpointUrl: endpointUrl && redactCredentials(endpointUrl),
    timeoutMs: options.timeoutMs,
  };
  return { settings, ctx, connect: () => createCustomerProfilesClient(options, settings) };
}

export async function statusCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...connectionOptions, domain: { type: 'string' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('status needs exactly one WORKFLOW_ID');
  if (!values.domain) throw new UsageError('status needs --domain DOMAIN_NAME');
  const { options, json } = common(values);
  const pollMs = seconds(values['poll-interval'], 'poll-interval');
  const { ctx, connect } = await readSession(options, 'GetWorkflow', values.domain);
  const interrupt = cancelOnInterrupt();
  let client;
  try {
    client = await connect();
    const end = values.wait
      ? await trackWorkflow(client, values.domain, positionals[0], {
          intervalMs: pollMs,
          abortSignal: interrupt.signal,
          onProgress: json ? undefined : progressPrinter(false),
        })
      : await getWorkflowProgress(client, values.domain, positionals[0], { abortSignal: interrupt.signal });
    if (json) writeLine(process.stdout, terminalJson(progressJson(end)));
    else {
      if (!values.wait) writeLine(process.stdout, formatProgress(end));
      else writeLine(process.stdout, end.status);
    }
    return reportEnd(end);
  } catch (e) {
    return reportFailure(e, ctx);
  } finally {
    interrupt.dispose();
    client?.destroy();
  }
}
