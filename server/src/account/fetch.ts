// Reads one account fact through the AWS SDK v3, following every page. Read-only calls only. The SDK modules are
// loaded on the first call (`await import`), so importing this module costs nothing.
import type { AppflowClient } from '@aws-sdk/client-appflow';
import type { CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import type { AccountFact, EntityFieldFacts, ObjectTypeFacts, TemplateSummary } from '../engine/accountSnapshot';
import { allPages as followPages, LISTING_BUDGET, takeWithin, type Cut } from '../aws/pages';
import { shapes } from '../generated/model';

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

/** Every page of a token-paged list, followed by the AWS library's pager (stops on a repeated token, after its page
 * cap, and when the listing budget is spent): `page` gets the previous page's token (undefined for the first). */
async function allPages<P, T>(
  page: (token: string | undefined) => Promise<P>,
  items: (p: P) => readonly T[] | undefined,
  tokenOf: (p: P) => string | undefined,
  cut: Cuts,
): Promise<T[]> {
  const all = await followPages(async (token) => {
    const p = await page(token);
    return { items: [...(items(p) ?? [])], nextToken: tokenOf(p), requestId: undefined };
  });
  cut.reason ??= all.cut;
  return all.items;
}

/** Why a fact's list was cut, written by the listing that cut it. */
interface Cuts {
  reason: Cut;
}

// Names from the account are data: one longer than the request itself allows (DomainName 64, ObjectTypeName 255,
// ConnectorProfileName and FlowName 256, Object 512, a source field 2048) cannot be written into the file, so it is
// dropped on arrival; a label (text for people) is cut to LABEL_MAX characters.
const NAME_MAX = {
  domain: shapes.name.length!.max!,
  objectType: shapes.typeName.length!.max!,
  connectorProfile: shapes.ConnectorProfileName.length!.max!,
  flow: shapes.FlowName.length!.max!,
  entity: shapes.Object.length!.max!,
  field: shapes.stringTo2048.length!.max!,
} as const;
const LABEL_MAX = 256;
const label = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);
/** The names that fit `max` (and are not empty). */
const fitting = <T>(items: readonly T[], nameOf: (t: T) => string, max: number) =>
  items.filter((t) => {
    const n = nameOf(t);
    return n.length > 0 && n.length <= max;
  });

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

/**
 * Fetches `fact`; a ResourceNotFoundException becomes undefined, any other error is thrown. `cut` says why a list
 * holds less than the account has (the listing budget ran out).
 */
export async function fetchFact(
  clients: AccountClients,
  fact: AccountFact,
  signal?: AbortSignal,
): Promise<{ value: FactValue; cut: Cut }> {
  const opts = { abortSignal: signal };
  const cut: Cuts = { reason: undefined };
  try {
    return { value: await fetchOrThrow(clients, fact, opts, cut), cut: cut.reason };
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return { value: undefined, cut: undefined };
    throw err;
  }
}

async function fetchOrThrow(
  { customerProfiles: cp, appflow: af }: AccountClients,
  fact: AccountFact,
  opts: { abortSignal?: AbortSignal },
  cut: Cuts,
): Promise<FactValue> {
  switch (fact.kind) {
    case 'domains': {
      const { ListDomainsCommand } = await import('@aws-sdk/client-customer-profiles');
      const items = await allPages(
        (NextToken) => cp.send(new ListDomainsCommand({ NextToken, MaxResults: 100 }), opts),
        (p) => p.Items,
        (p) => p.NextToken,
        cut,
      );
      return fitting(
        items.map((d) => d.DomainName ?? ''),
        (n) => n,
        NAME_MAX.domain,
      );
    }
    case 'objectTypeNames': {
      const { ListProfileObjectTypesCommand } = await import('@aws-sdk/client-customer-profiles');
      const items = await allPages(
        (NextToken) =>
          cp.send(new ListProfileObjectTypesCommand({ DomainName: fact.domain, NextToken, MaxResults: 100 }), opts),
        (p) => p.Items,
        (p) => p.NextToken,
        cut,
      );
      return fitting(
        items.map((t) => t.ObjectTypeName ?? ''),
        (n) => n,
        NAME_MAX.objectType,
      );
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
        cut,
      );
      return fitting(
        items.map((t) => ({
          id: t.TemplateId ?? '',
          sourceName: label(t.SourceName ?? ''),
          sourceObject: label(t.SourceObject ?? ''),
        })),
        (t) => t.id,
        NAME_MAX.objectType,
      );
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
        cut,
      );
      return fitting(
        items.map((p) => ({ name: p.connectorProfileName ?? '', connectorType: label(String(p.connectorType ?? '')) })),
        (p) => p.name,
        NAME_MAX.connectorProfile,
      );
    }
    case 'entities': {
      const { ListConnectorEntitiesCommand } = await import('@aws-sdk/client-appflow');
      const pages = await allPages(
        (nextToken) =>
          af.send(new ListConnectorEntitiesCommand({ connectorProfileName: fact.profile, nextToken }), opts),
        (p) => Object.values(p.connectorEntityMap ?? {}).flat(),
        (p) => p.nextToken,
        cut,
      );
      return fitting(
        pages.map((e) => ({ name: e.name ?? '', label: label(e.label ?? e.name ?? '') })),
        (e) => e.name,
        NAME_MAX.entity,
      );
    }
    case 'fields': {
      const { DescribeConnectorEntityCommand } = await import('@aws-sdk/client-appflow');
      const out = await af.send(
        new DescribeConnectorEntityCommand({ connectorProfileName: fact.profile, connectorEntityName: fact.entity }),
        opts,
      );
      // one answer, not pages: the same budget, over its fields
      const fields = fitting(out.connectorEntityFields ?? [], (f) => f.identifier ?? '', NAME_MAX.field);
      const kept: typeof fields = [];
      cut.reason ??= takeWithin(kept, fields, LISTING_BUDGET).reason;
      return kept.map((f) => ({
        identifier: f.identifier!,
        label: label(f.label ?? f.identifier!),
        fieldType: label(f.supportedFieldTypeDetails?.v1?.fieldType ?? ''),
        filterOperators: (f.supportedFieldTypeDetails?.v1?.filterOperators ?? [])
          .slice(0, 64)
          .map((o) => label(String(o))),
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
        cut,
      );
      return fitting(
        items.map((f) => f.flowName ?? ''),
        (n) => n,
        NAME_MAX.flow,
      );
    }
  }
}
