// `cpworkflow import-flow FLOW_NAME [--domain D --object-type T]`: an existing AppFlow flow (DescribeFlow) as a
// .cpworkflow.json on stdout, checked at once; what was dropped or is still to set goes to stderr.
import { parseArgs } from 'node:util';
import {
  createAppflowClient,
  describeFlow,
  prepareSubmission,
  workflowFromFlow,
  FlowImportError,
  type DescribedFlow,
} from '../aws';
import { EXIT, HELP, UsageError, diagnosticLine } from './common';
import { terminalJson, writeLine } from './terminal';
import { cancelOnInterrupt, common, connectionOptions, readSession, reportFailure } from './create';

export async function importFlowCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...connectionOptions,
      domain: { type: 'string' },
      'object-type': { type: 'string' },
      'role-arn': { type: 'string' },
      'flow-name': { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('import-flow needs exactly one FLOW_NAME');
  const [flowName] = positionals;
  const { options } = common({ ...values, format: 'text' });
  const { settings, ctx } = await readSession(options, 'DescribeFlow', values.domain ?? '', 'appflow');
  const interrupt = cancelOnInterrupt();
  let client;
  let flow;
  try {
    client = await createAppflowClient(options, settings);
    flow = await describeFlow(client, flowName, { abortSignal: interrupt.signal });
  } catch (e) {
    return reportFailure(e, ctx);
  } finally {
    interrupt.dispose();
    client?.destroy();
  }
  let imported;
  try {
    imported = workflowFromFlow(flow as unknown as DescribedFlow, {
      domainName: values.domain,
      objectTypeName: values['object-type'],
      roleArn: values['role-arn'],
      flowName: values['flow-name'],
    });
  } catch (e) {
    if (!(e instanceof FlowImportError)) throw e;
    writeLine(process.stderr, `cpworkflow: ${e.message}`);
    return EXIT.findings;
  }
  // names from the account (flow, fields) with C1 or bidi marks come out as \u escapes: the same JSON, shown as it is
  const text = `${terminalJson(imported.document, 2)}\n`;
  process.stdout.write(text);
  for (const note of imported.notes) writeLine(process.stderr, `cpworkflow: note: ${note}`);
  // checked at once, as the editor would: what the file still lacks is said now, not at create time
  const checked = prepareSubmission(text, 'file:///imported.cpworkflow.json');
  for (const d of [...checked.errors, ...checked.warnings]) process.stderr.write(diagnosticLine('(output)', d));
  return EXIT.ok;
}
