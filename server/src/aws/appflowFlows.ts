// The account's AppFlow flows: ListFlows (every page) to pick one, DescribeFlow to read its definition.
import type { AppflowClient, DescribeFlowCommandOutput } from '@aws-sdk/client-appflow';
import { allPages } from './pages';

export interface FlowSummary {
  flowName: string;
  description: string;
  sourceConnectorType: string;
  destinationConnectorType: string;
  triggerType: string;
  flowStatus: string;
  lastUpdatedAt: Date | undefined;
}

/** The flows of the account and region (ListFlows, every page), by name. */
export async function listFlows(
  client: AppflowClient,
  options: { abortSignal?: AbortSignal } = {},
): Promise<FlowSummary[]> {
  const { ListFlowsCommand } = await import('@aws-sdk/client-appflow');
  const { items } = await allPages(async (token) => {
    const out = await client.send(new ListFlowsCommand({ nextToken: token, maxResults: 100 }), {
      abortSignal: options.abortSignal,
    });
    return { items: out.flows ?? [], nextToken: out.nextToken, requestId: out.$metadata.requestId };
  });
  return items
    .map((f) => ({
      flowName: f.flowName ?? '',
      description: f.description ?? '',
      sourceConnectorType: f.sourceConnectorType ?? '',
      destinationConnectorType: f.destinationConnectorType ?? '',
      triggerType: f.triggerType ?? '',
      flowStatus: f.flowStatus ?? '',
      lastUpdatedAt: f.lastUpdatedAt,
    }))
    .sort((a, b) => a.flowName.localeCompare(b.flowName));
}

/** One flow's definition as DescribeFlow gives it (the input of workflowFromFlow). */
export async function describeFlow(
  client: AppflowClient,
  flowName: string,
  options: { abortSignal?: AbortSignal } = {},
): Promise<DescribeFlowCommandOutput> {
  const { DescribeFlowCommand } = await import('@aws-sdk/client-appflow');
  return client.send(new DescribeFlowCommand({ flowName }), { abortSignal: options.abortSignal });
}
