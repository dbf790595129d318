// The one provider of account facts: a cache per profile + region (+ endpoint) shared by every open file, with a
// TTL and a refresh; one request per fact however many files ask (de-duplicated while in flight); at most
// `concurrency` requests at once; a failure is remembered and not asked again until its back-off ends (throttling
// doubles it), so nothing retries in a loop. `snapshot()` is synchronous: it answers from the cache at once and
// starts, in the background, what the cache lacks; `onDidChange` fires when facts arrive.
import {
  AccountFact,
  AccountSnapshot,
  EntityFieldFacts,
  ObjectTypeFacts,
  TemplateSummary,
  factId,
  factKey,
} from '../engine/accountSnapshot';
import type { AwsConnectionOptions } from '../aws/client';
import { redactCredentials } from '../aws/redaction';
import { visibleText } from '../engine/controls';
import { AccountClients, FactValue, fetchFact } from './fetch';

export interface AccountProviderOptions {
  /** profile, region, endpoint, proxy, timeout: as for create */
  readonly connection: AwsConnectionOptions;
  /** how long a fact stays fresh (default 5 minutes) */
  readonly ttlMs?: number;
  /** requests in flight at once (default 4) */
  readonly concurrency?: number;
  /** the clock (tests) */
  readonly now?: () => number;
  /** builds the SDK clients (default: the AWS library's builder, SDK retries off) */
  readonly clients?: () => Promise<AccountClients>;
}

type Entry =
  | { readonly state: 'ok'; readonly value: FactValue; readonly at: number; readonly cut?: string }
  | { readonly state: 'pending' }
  | { readonly state: 'failed'; readonly message: string; readonly retryAt: number };

const DEFAULT_TTL_MS = 5 * 60_000;
/** after a failure, how long before the fact is asked again; throttling doubles it up to THROTTLE_MAX_MS */
const FAILURE_BACKOFF_MS = 30_000;
const THROTTLE_FIRST_MS = 2_000;
const THROTTLE_MAX_MS = 120_000;

export class AccountProvider {
  private readonly cache = new Map<string, Entry>();
  private readonly queue: { id: string; fact: AccountFact }[] = [];
  /** facts queued or in flight: each is asked once however many files want it */
  private readonly wanted = new Set<string>();
  private running = 0;
  private clients: Promise<AccountClients> | undefined;
  private throttleMs = 0;
  private readonly listeners = new Set<() => void>();
  private readonly abort = new AbortController();
  /** requests started (each fact fetch counts once, whatever its pages): what the tests count */
  requestsStarted = 0;

  constructor(
    private readonly options: AccountProviderOptions,
    private shownLabel: string,
  ) {}

  /** "profile default, us-east-1": the region as the AWS CLI resolves it (the profile's) once the clients are built */
  get label(): string {
    return this.shownLabel;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Calls `listener` whenever facts arrive or fail; returns the unsubscribe function. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets every fact: the next snapshot asks the account again ("Refresh Account"). */
  refresh(): void {
    for (const [id, e] of this.cache) if (!this.wanted.has(id) && e.state !== 'pending') this.cache.delete(id);
    this.throttleMs = 0;
    this.clients = undefined;
  }

  dispose(): void {
    this.abort.abort();
    this.listeners.clear();
    this.queue.length = 0;
    this.wanted.clear();
  }

  /** What the cache knows now, for these facts; starts fetching those it lacks or that went stale. */
  snapshot(needs: readonly AccountFact[]): AccountSnapshot {
    const now = this.now();
    const ttl = this.options.ttlMs ?? DEFAULT_TTL_MS;
    const failures: string[] = [];
    let pending = false;
    for (const fact of needs) {
      const id = factId(fact);
      const e = this.cache.get(id);
      if (this.wanted.has(id)) {
        pending = true;
        continue;
      }
      const due = !e || (e.state === 'ok' && now - e.at >= ttl) || (e.state === 'failed' && now >= e.retryAt);
      if (due) {
        // a stale fact keeps answering until its fresh value arrives
        if (!e || e.state === 'failed') this.cache.set(id, { state: 'pending' });
        this.wanted.add(id);
        this.queue.push({ id, fact });
        pending = true;
      } else if (e.state === 'failed' && !failures.includes(e.message)) failures.push(e.message);
      else if (e.state === 'ok' && e.cut && !failures.includes(e.cut)) failures.push(e.cut);
    }
    this.pump();
    return this.build(pending, failures);
  }

  /** Whether any fetch is queued or in flight. */
  get busy(): boolean {
    return this.running > 0 || this.queue.length > 0;
  }

  private build(pending: boolean, failures: string[]): AccountSnapshot {
    const value = (id: string) => {
      const e = this.cache.get(id);
      return e?.state === 'ok' ? e.value : undefined;
    };
    const objectTypeNames = new Map<string, readonly string[]>();
    const objectTypes = new Map<string, ObjectTypeFacts>();
    const templateDetails = new Map<string, ObjectTypeFacts>();
    const entities = new Map<string, readonly { name: string; label: string }[]>();
    const fields = new Map<string, readonly EntityFieldFacts[]>();
    for (const [id, e] of this.cache) {
      if (e.state !== 'ok' || e.value === undefined) continue;
      const [kind, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
      const [a, b] = rest.split('\u0000');
      if (kind === 'objectTypeNames') objectTypeNames.set(rest, e.value as readonly string[]);
      else if (kind === 'objectType') objectTypes.set(factKey(a, b), e.value as ObjectTypeFacts);
      else if (kind === 'template') templateDetails.set(rest, e.value as ObjectTypeFacts);
      else if (kind === 'entities') entities.set(rest, e.value as readonly { name: string; label: string }[]);
      else if (kind === 'fields') fields.set(factKey(a, b), e.value as readonly EntityFieldFacts[]);
    }
    return {
      label: this.label,
      domains: value('domains') as readonly string[] | undefined,
      objectTypeNames,
      objectTypes,
      templates: value('templates') as readonly TemplateSummary[] | undefined,
      templateDetails,
      connectorProfiles: value('connectorProfiles') as readonly { name: string; connectorType: string }[] | undefined,
      entities,
      fields,
      flowNames: value('flows') as readonly string[] | undefined,
      pending,
      ...(failures.length ? { unavailable: failures.join(' ') } : {}),
    };
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 4;
    while (this.running < limit && this.queue.length > 0) {
      const { id, fact } = this.queue.shift()!;
      this.running++;
      this.requestsStarted++;
      void this.fetchOne(id, fact).finally(() => {
        this.wanted.delete(id);
        this.running--;
        for (const l of [...this.listeners]) l();
        this.pump();
      });
    }
  }

  private async fetchOne(id: string, fact: AccountFact): Promise<void> {
    try {
      this.clients ??= (
        this.options.clients ??
        (() =>
          defaultClients(this.options.connection, (region) => {
            // "default region" was a placeholder: the profile's own region, as the AWS CLI and the create dialog say
            if (region) this.shownLabel = this.shownLabel.replace(/, default region$/, `, ${region}`);
          }))
      )();
      const { value, cut } = await fetchFact(await this.clients, fact, this.abort.signal);
      this.cache.set(id, {
        state: 'ok',
        value,
        at: this.now(),
        ...(cut ? { cut: `${SERVICE_OF[fact.kind]} listed ${cut}; the checks use what fits.` } : {}),
      });
      this.throttleMs = 0;
    } catch (err) {
      if (this.abort.signal.aborted) return;
      const throttled = isThrottling(err);
      if (throttled)
        this.throttleMs = Math.min(THROTTLE_MAX_MS, this.throttleMs ? this.throttleMs * 2 : THROTTLE_FIRST_MS);
      const wait = throttled ? this.throttleMs : FAILURE_BACKOFF_MS;
      // a client that could not be built (no region, unknown profile) fails every fact the same way: build it anew
      if ((err as Error)?.name === 'MissingRegionError' || (err as Error)?.name === 'ProfileNotFoundError')
        this.clients = undefined;
      const where = this.options.connection.endpointUrl;
      this.cache.set(id, {
        state: 'failed',
        message: describeFailure(err, fact, wait, where),
        retryAt: this.now() + wait,
      });
    }
  }
}

function isThrottling(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e?.name === 'ThrottlingException' || e?.name === 'TooManyRequestsException' || e?.$metadata?.httpStatusCode === 429
  );
}

const SERVICE_OF: Record<AccountFact['kind'], string> = {
  domains: 'Customer Profiles ListDomains',
  objectTypeNames: 'Customer Profiles ListProfileObjectTypes',
  objectType: 'Customer Profiles GetProfileObjectType',
  templates: 'Customer Profiles ListProfileObjectTypeTemplates',
  template: 'Customer Profiles GetProfileObjectTypeTemplate',
  connectorProfiles: 'AppFlow DescribeConnectorProfiles',
  entities: 'AppFlow ListConnectorEntities',
  fields: 'AppFlow DescribeConnectorEntity',
  flows: 'AppFlow ListFlows',
};

const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * One sentence: what failed, where, and when it is asked again ("Can't reach http://127.0.0.1:47001 (connection
 * refused): trying again in 30 s."). No control characters, no credentials, no SDK hint for developers, and no
 * editor-only advice (the CLI prints it too). `where`: the endpoint URL the user set, if any.
 */
export function describeFailure(err: unknown, fact: AccountFact, retryInMs: number, where?: string): string {
  const e = err as { name?: string; message?: string; code?: string };
  const name = e?.name ?? 'Error';
  const said = redactCredentials(String(e?.message ?? err))
    // the SDK's hint for developers ("Deserialization error: to see the raw response, inspect the hidden field
    // {error}.$response on this object.") is no help to a user
    .replace(/\s*Deserialization error: to see the raw response[^.]*\.[^.]*\.?/gi, '')
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, 300)
    .replace(/\.$/, '');
  const call = SERVICE_OF[fact.kind];
  const again = `trying again in ${Math.round(retryInMs / 1000)} s.`;
  const network = NETWORK_WORDS[String(e?.code)];
  if (network) {
    // the endpoint the user set, else the host Node names (an AWS_ENDPOINT_URL_* variable may have sent it there)
    const n = err as { hostname?: string; address?: string; port?: number };
    const host = n.hostname ?? (n.address ? `${n.address}${n.port ? `:${n.port}` : ''}` : undefined);
    const target = where ?? (host ? visibleText(host).slice(0, 200) : 'AWS');
    return `Can't reach ${redactCredentials(target)} (${network}): ${again}`;
  }
  if (name === 'TimeoutError' || /timed? ?out/i.test(said)) return `${call} got no answer in time: ${again}`;
  if (isThrottling(err)) return `${call} was throttled: ${again}`;
  if (name === 'AccessDeniedException') return `${call}: access denied (${said}): ${again}`;
  if (name === 'CredentialsProviderError') return `No AWS credentials (${said}): ${again}`;
  return `${call} failed (${name}: ${said}): ${again}`;
}

async function defaultClients(
  connection: AwsConnectionOptions,
  onRegion: (region: string | undefined) => void = () => {},
): Promise<AccountClients> {
  const { createAppflowClient, createCustomerProfilesClient, resolveAwsSettings } = await import('../aws/client');
  // no SDK retries: the provider backs off instead, so a throttled account is not asked again in a loop
  const options = { ...connection, maxAttempts: 1 };
  const settings = await resolveAwsSettings(options);
  onRegion(settings.region);
  const [customerProfiles, appflow] = await Promise.all([
    createCustomerProfilesClient(options, settings),
    createAppflowClient(options, settings),
  ]);
  return { customerProfiles, appflow };
}

/** One provider per profile + region + endpoint, shared by every file and command of a process. */
export class AccountProviders {
  private readonly byKey = new Map<string, AccountProvider>();

  constructor(private readonly defaults: Omit<AccountProviderOptions, 'connection'> = {}) {}

  providerFor(connection: AwsConnectionOptions): AccountProvider {
    const key = JSON.stringify([connection.profile ?? '', connection.region ?? '', connection.endpointUrl ?? '']);
    let p = this.byKey.get(key);
    if (!p) {
      const label = [
        `profile ${connection.profile || process.env.AWS_PROFILE || 'default'}`,
        connection.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'default region',
      ].join(', ');
      p = new AccountProvider({ ...this.defaults, connection }, label);
      this.byKey.set(key, p);
    }
    return p;
  }

  refreshAll(): void {
    for (const p of this.byKey.values()) p.refresh();
  }

  dispose(): void {
    for (const p of this.byKey.values()) p.dispose();
    this.byKey.clear();
  }
}
