// Where the view's requests go, and one SDK client per batch of calls. Everything here loads the submission bundle
// (dist/submission.js, the AWS SDK) only when called, never at activation.
import * as vscode from 'vscode';
import type { ErrorContext, ExplainedError } from '../../../server/src/aws';
import { namedProfile, proxyOption, resolveTarget, type ResolvedTarget } from './target';
import { submissionModules } from './lazyModules';
import type { RecentWorkflow } from './recentWorkflows';

type Aws = ReturnType<typeof submissionModules>['aws'];
/** The SDK client, named through the library (the client never imports the SDK, not even its types). */
type Client = Parameters<Aws['listWorkflows']>[0];

/** A workflow and where it lives: what a details document, an action or a remembered workflow needs. */
export type WorkflowRef = RecentWorkflow;

/** The account the view shows: the resolved target, with the endpoint as configured (unredacted, for the client). */
export interface ViewTarget {
  readonly target: ResolvedTarget;
  /** undefined: the default chain (the profile was not named) */
  readonly profile: string | undefined;
  readonly region: string;
  readonly endpointUrl: string | undefined;
}

export async function currentTarget(memory: vscode.Memento): Promise<ViewTarget> {
  const target = await resolveTarget(memory);
  return {
    target,
    profile: namedProfile(target),
    region: target.region,
    endpointUrl: target.settings.endpointUrl,
  };
}

/** Runs `fn` with a client for `where` (profile, region, endpoint), destroyed afterwards. */
export async function withClient<T>(
  where: { profile?: string; region: string; endpointUrl?: string },
  fn: (client: Client, aws: Aws) => Promise<T>,
): Promise<T> {
  const { aws } = submissionModules();
  const client = await aws.createCustomerProfilesClient({
    profile: where.profile,
    region: where.region,
    endpointUrl: where.endpointUrl,
    proxy: proxyOption(),
  });
  try {
    return await fn(client, aws);
  } finally {
    client.destroy();
  }
}

/** The library's explanation of a failed call, for a tree item or a details document. */
export function explain(err: unknown, ctx: ErrorContext): ExplainedError {
  return submissionModules().aws.explainAwsError(err, ctx);
}

/** The explanation of a failed call about one workflow (its profile, region, endpoint and domain). */
export function explainFor(ref: WorkflowRef, operation: string, err: unknown): ExplainedError {
  return explain(err, {
    operation,
    profile: ref.profile,
    region: ref.region,
    endpointUrl: ref.endpointUrl,
    domainName: ref.domainName,
  });
}
