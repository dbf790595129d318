// `cpworkflow list --domain D [--status S]`: the domain's workflows, every page, newest first (ListWorkflows).
import { parseArgs } from 'node:util';
import { listWorkflows, WORKFLOW_STATUSES, type WorkflowStatus, type WorkflowSummary } from '../aws';
import { EXIT, HELP, UsageError } from './common';
import { terminalJson, terminalText } from './terminal';
import { cancelOnInterrupt, common, connectionOptions, readSession, reportFailure } from './create';

const iso = (d: Date | undefined) => (d ? d.toISOString().replace(/\.000Z$/, 'Z') : null);

/** The JSON form: ListWorkflows' members as the AWS CLI names them, timestamps in ISO 8601. */
const summaryJson = (w: WorkflowSummary) => ({
  WorkflowId: w.workflowId,
  WorkflowType: w.workflowType,
  Status: w.status,
  StatusDescription: w.statusDescription,
  CreatedAt: iso(w.createdAt),
  LastUpdatedAt: iso(w.lastUpdatedAt),
});

/** One line: created, status, id, description (the service's words, control characters escaped). */
const summaryLine = (w: WorkflowSummary) =>
  [iso(w.createdAt) ?? '-', w.status.padEnd(11), w.workflowId, w.statusDescription]
    .map((field) => terminalText(field))
    .join('  ')
    .trimEnd();

export async function listCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: false,
    strict: true,
    options: { ...connectionOptions, domain: { type: 'string' }, status: { type: 'string' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (positionals.length) throw new UsageError('list takes no positional arguments');
  if (!values.domain) throw new UsageError('list needs --domain DOMAIN_NAME');
  const status = values.status?.toUpperCase();
  if (status !== undefined && !(WORKFLOW_STATUSES as readonly string[]).includes(status))
    throw new UsageError(
      `--status must be one of ${WORKFLOW_STATUSES.join(', ')}, not "${terminalText(values.status!)}"`,
    );
  const { options, json } = common(values);
  const { ctx, connect } = await readSession(options, 'ListWorkflows', values.domain);
  const interrupt = cancelOnInterrupt();
  let client;
  try {
    client = await connect();
    const { workflows } = await listWorkflows(client, values.domain, {
      status: status as WorkflowStatus | undefined,
      abortSignal: interrupt.signal,
    });
    if (json) process.stdout.write(`${terminalJson(workflows.map(summaryJson), 2)}\n`);
    else for (const w of workflows) process.stdout.write(`${summaryLine(w)}\n`);
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, ctx);
  } finally {
    interrupt.dispose();
    client?.destroy();
  }
}
