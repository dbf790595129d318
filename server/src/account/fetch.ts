// Reads one account fact through the AWS SDK v3, following every page. Read-only calls only. The SDK modules are
// loaded on the first call (`await import`), so importing this module costs nothing.
import type { AppflowClient } from '@aws-sdk/client-appflow';
import type { CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import type { AccountFact, EntityFieldFacts, ObjectTypeFacts, TemplateSummary } from '../engine/accountSnapshot';
import { allPages as followPages } from '../aws/pages';

export interface AccountClients {
  readonly customerProfiles: CustomerProfilesClient;
  readonly appflow: AppflowClient;
}

/** What a fact is once fetched; undefined when the account says it is not there (404). */
export type FactValue =
  | readonly string[]
  | readonly TemplateSummary[]
  | ObjectTypeFacts
  | readonly { name: string; connectorType: string }[]
  | readonly { name: string; label: string }[]
  | readonly EntityFieldFacts[]
  | undefined;

/** Every page of a token-paged list, followed by the AWS library's pager (stops on a repeated token and after
 * its page cap): `page` gets the previous page's token (undefined for the first). */
async function allPages<P, T>(
  page: (token: string | undefined) => Promise<P>,
  items: (p: P) => readonly T[] | undefined,
  tokenOf: (p: P) => string | undefined,
): Promise<T[]> {
  const all = await followPages(async (token) => {
    const p = await page(token);
    return { items: [...(items(p) ?? [])], nextToken: tokenOf(p), requestId: undefined };
  });
  return all.items;
}

function objectTypeFacts(o: {
  Fields?: Record<string, { Source?: string; Target?: string }>;
  Keys?: Record<string, { StandardIdentifiers?: string[]; FieldNames?: string[] }[]>;
}): ObjectTypeFacts {
  return {
    fields: Object.fromEntries(
      Object.entries(o.Fields ?? {}).map(([k, f]) => [k, { source: f.Source ?? '', target: f.Target ?? '' }]),
    ),
    keys: Object.fromEntries(
      Object.entries(o.Keys ?? {}).map(([k, list]) => [
        k,
        list.map((x) => ({ standardIdentifiers: x.StandardIdentifiers ?? [], fieldNames: x.FieldNames ?? [] })),
      ]),
    ),
  };
}

/** Fetches `fact`; a ResourceNotFoundException becomes undefined, any other error is thrown. */
export async function fetchFact(clients: AccountClients, fact: AccountFact, signal?: AbortSignal): Promise<FactValue> {
  const opts = { abortSignal: signal };
  try {
    return await fetchOrThrow(clients, fact, opts);
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

async function fetchOrThrow(
  { customerProfiles: cp, appflow: af }: AccountClients,
  fact: AccountFact,
  opts: { abortSignal?: AbortSignal },
): Promise<FactValue> {
  switch (fact.kind) {
    case 'domains': {
      const { ListDomainsCommand } = await import('@aws-sdk/client-customer-profiles');
      const items = await allPages(
        (NextToken) => cp.send(new ListDomainsCommand({ NextToken, MaxResults: 100 }), opts),
        (p) => p.Items,
        (p) => p.NextToken,
      );
      return items.map((d) => d.DomainName ?? '');
    }
    case 'objectTypeNames': {
      const { ListProfileObjectTypesCommand } = await import('@aws-sdk/client-customer-profiles');
      const items = await allPages(
        (NextToken) =>
          cp.send(new ListProfileObjectTypesCommand({ DomainName: fact.domain, NextToken, MaxResults: 100 }), opts),
        (p) => p.Items,
        (p) => p.NextToken,
      );
      return items.map((t) => t.ObjectTypeName ?? '');
    }
    case 'objectType': {
      const { GetProfileObjectTypeCommand } = await import('@aws-sdk/client-customer-profiles');
      const o = await cp.send(
        new GetProfileObjectTypeCommand({ DomainName: fact.domain, ObjectTypeName: fact.objectType }),
        opts,
      );
      return objectTypeFacts(o);
    }
    case 'templates': {
      const { ListProfileObjectTypeTemplatesCommand } = await import('@aws-sdk/client-customer-profiles');
      const items = await allPages(
        (NextToken) => cp.send(new ListProfileObjectTypeTemplatesCommand({ NextToken, MaxResults: 100 }), opts),
        (p) => p.Items,
        (p) => p.NextToken,
      );
      return items.map((t) => ({
        id: t.TemplateId ?? '',
        sourceName: t.SourceName ?? '',
        sourceObject: t.SourceObject ?? '',
      }));
    }
    case 'template': {
      const { GetProfileObjectTypeTemplateCommand } = await import('@aws-sdk/client-customer-profiles');
      return objectTypeFacts(await cp.send(new GetProfileObjectTypeTemplateCommand({ TemplateId: fact.id }), opts));
    }
    case 'connectorProfiles': {
      const { DescribeConnectorProfilesCommand } = await import('@aws-sdk/client-appflow');
      const items = await allPages(
        (nextToken) => af.send(new DescribeConnectorProfilesCommand({ nextToken, maxResults: 100 }), opts),
        (p) => p.connectorProfileDetails,
        (p) => p.nextToken,
      );
      return items.map((p) => ({ name: p.connectorProfileName ?? '', connectorType: String(p.connectorType ?? '') }));
    }
    case 'entities': {
      const { ListConnectorEntitiesCommand } = await import('@aws-sdk/client-appflow');
      const pages = await allPages(
        (nextToken) =>
          af.send(new ListConnectorEntitiesCommand({ connectorProfileName: fact.profile, nextToken }), opts),
        (p) => Object.values(p.connectorEntityMap ?? {}).flat(),
        (p) => p.nextToken,
      );
      return pages.map((e) => ({ name: e.name ?? '', label: e.label ?? e.name ?? '' }));
    }
    case 'fields': {
      const { DescribeConnectorEntityCommand } = await import('@aws-sdk/client-appflow');
      const out = await af.send(
        new DescribeConnectorEntityCommand({ connectorProfileName: fact.profile, connectorEntityName: fact.entity }),
        opts,
      );
      return (out.connectorEntityFields ?? []).map((f) => ({
        identifier: f.identifier ?? '',
        label: f.label ?? f.identifier ?? '',
        fieldType: f.supportedFieldTypeDetails?.v1?.fieldType ?? '',
        filterOperators: (f.supportedFieldTypeDetails?.v1?.filterOperators ?? []).map(String),
        isPrimaryKey: f.isPrimaryKey === true,
        incremental: f.sourceProperties?.isTimestampFieldForIncrementalQueries === true,
      }));
    }
    case 'flows': {
      const { ListFlowsCommand } = await import('@aws-sdk/client-appflow');
      const items = await allPages(
        (nextToken) => af.send(new ListFlowsCommand({ nextToken, maxResults: 100 }), opts),
        (p) => p.flows,
        (p) => p.nextToken,
      );
      return items.map((f) => f.flowName ?? '');
    }
  }
}
