// "Customer Profiles: New Workflow File from AppFlow Flow…": pick a flow of the account (ListFlows), read it
// (DescribeFlow), and open it as an untitled .cpworkflow.json in the CreateIntegrationWorkflow form, which the
// language server checks at once. What was dropped or is still to set goes to the Customer Profiles output.
import * as vscode from 'vscode';
import type { SubmissionContext } from '../aws/context';
import { awsSettings, proxyOption } from '../aws/target';
import { submissionModules } from '../aws/lazyModules';
import { LANGUAGE_ID } from '../constants';
import { currentTarget, explain } from '../aws/session';
import { notify } from '../notify';

export const IMPORT_FLOW_COMMAND = 'cpworkflow.newFileFromFlow';

/** Programmatic answers (tests, other extensions): the flow, and optionally what the file should name. */
interface ImportRequest {
  readonly flowName?: string;
  readonly domainName?: string;
  readonly objectTypeName?: string;
  readonly roleArn?: string;
}

export interface ImportResult {
  readonly outcome: 'opened' | 'refused' | 'declined' | 'failed';
  readonly reason?: string;
  readonly flowName?: string;
  readonly uri?: string;
  readonly notes?: readonly string[];
  readonly shown?: string;
}

export async function importFlowCommand(ctx: SubmissionContext, args: unknown[]): Promise<ImportResult> {
  if (!vscode.workspace.isTrusted) {
    const shown =
      'Reading AppFlow flows needs signed AWS requests, which are off in Restricted Mode: trust this workspace.';
    void notify.warn(shown);
    return { outcome: 'refused', reason: 'untrusted', shown };
  }
  const request = (args.find((a) => typeof a === 'object' && a !== null && 'flowName' in a) ?? {}) as ImportRequest;
  const { aws } = submissionModules();
  const log = ctx.log.session();
  const view = await currentTarget(ctx.memory);
  if (!view.target.hasRegion) {
    const shown = `No region is set for profile ${view.target.profile}: choose one (Customer Profiles: Select AWS Profile and Region).`;
    void notify.warn(shown);
    return { outcome: 'refused', reason: 'region', shown };
  }
  let client;
  try {
    // the endpoint setting, when set, serves both services (the local endpoint); else AWS_ENDPOINT_URL_APPFLOW etc.
    client = await aws.createAppflowClient({
      profile: view.profile,
      region: view.region,
      endpointUrl: awsSettings().endpointUrl,
      proxy: proxyOption(),
    });
    let flowName = request.flowName;
    if (!flowName) {
      const flows = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Listing AppFlow flows in ${view.region}…` },
        () => aws.listFlows(client!),
      );
      const picked = await vscode.window.showQuickPick(
        flows.map((f) => ({
          label: f.flowName,
          description: `${f.sourceConnectorType} → ${f.destinationConnectorType} · ${f.triggerType} · ${f.flowStatus}`,
          detail: f.description || undefined,
        })),
        {
          title: 'New Workflow File from AppFlow Flow',
          placeHolder: flows.length ? 'The flow to start from' : `No AppFlow flows in ${view.region}`,
          matchOnDescription: true,
        },
      );
      if (!picked) return { outcome: 'declined' };
      flowName = picked.label;
    }
    const flow = await aws.describeFlow(client, flowName);
    const imported = aws.workflowFromFlow(flow as unknown as Record<string, unknown>, {
      domainName: request.domainName,
      objectTypeName: request.objectTypeName,
      roleArn: request.roleArn,
    });
    const content = `${JSON.stringify(imported.document, null, 2)}\n`;
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
    await vscode.window.showTextDocument(doc);
    log.info(`New workflow file from AppFlow flow ${flowName} (${view.region}):`);
    for (const note of imported.notes) log.info(`  ${note}`);
    const shown = `Workflow file made from flow "${flowName}": ${imported.notes.length} note${imported.notes.length === 1 ? '' : 's'} on what was dropped or is still to set.`;
    void notify.info(shown, 'Show Notes').then((b) => b && ctx.log.show());
    return { outcome: 'opened', flowName, uri: doc.uri.toString(), notes: imported.notes, shown };
  } catch (err) {
    if ((err as Error).name === 'FlowImportError') {
      const shown = (err as Error).message;
      void notify.error(shown);
      return { outcome: 'refused', reason: 'source', shown };
    }
    const x = explain(err, { operation: 'DescribeFlow', profile: view.target.profile, region: view.region });
    log.error(`AppFlow: ${x.code}${x.requestId ? ` (request id ${x.requestId})` : ''}: ${x.serviceMessage}`);
    const shown = `Reading AppFlow flows failed: ${x.text}`;
    void notify.error(shown, 'Show Log').then((b) => b && ctx.log.show());
    return { outcome: 'failed', reason: x.code, shown };
  } finally {
    client?.destroy();
  }
}
