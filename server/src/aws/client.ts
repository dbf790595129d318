// The one place that builds SDK clients, Customer Profiles and AppFlow alike. The SDK is loaded lazily
// (`await import`) so that the language server and extension activation never pay for it.
import type { AppflowClient } from '@aws-sdk/client-appflow';
import type { CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import type { DeserializeMiddleware, RetryStrategyV2 } from '@smithy/types';
import { Transform, type Readable } from 'node:stream';
import { getProxyForUrl } from 'proxy-from-env';
import { awsSettingsInOrder, type AwsSettingsInOrder, type AwsTargetOptions } from './settings';

/**
 * Profile (default: AWS_PROFILE, else "default"), region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's
 * `region`) and endpoint for both services (default: AWS_ENDPOINT_URL_CUSTOMER_PROFILES, for AppFlow
 * AWS_ENDPOINT_URL_APPFLOW; then AWS_ENDPOINT_URL, the profile's `endpoint_url`), as the AWS CLI, and how to connect.
 */
export interface AwsConnectionOptions extends AwsTargetOptions {
  /** HTTP(S) proxy for every request (VS Code's `http.proxy`); `strictSSL: false` accepts any TLS certificate. */
  proxy?: ProxySetting;
  /** Give up on a response after this long (default 30 s); connecting gives up after min(this, 10 s). */
  timeoutMs?: number;
  /** Total attempts per call including SDK retries (default 3). */
  maxAttempts?: number;
  /**
   * Environment to read AWS_* settings from (default process.env; the SDK's credential chain always reads process.env).
   */
  env?: NodeJS.ProcessEnv;
}

export interface ProxySetting {
  url: string;
  strictSSL?: boolean;
  /** Hosts to reach directly (VS Code's `http.noProxy`), as NO_PROXY entries. */
  noProxy?: readonly string[];
}

export interface ResolvedAwsSettings extends AwsSettingsInOrder {
  /** Whether the shared config or credentials file defines the profile (a named one that does not cannot sign). */
  profileExists: boolean;
}

/** No region in the options, the environment or the profile: the caller must ask for one. */
class MissingRegionError extends Error {
  override readonly name = 'MissingRegionError';
  constructor(readonly profile: string) {
    super(`No AWS region is set for profile "${profile}".`);
  }
}

/** A profile was named (option or AWS_PROFILE) that neither shared file defines. */
class ProfileNotFoundError extends Error {
  override readonly name = 'ProfileNotFoundError';
  constructor(readonly profile: string) {
    super(`The config profile (${profile}) could not be found.`);
  }
}

/** Throws ProfileNotFoundError when a profile was named that neither shared file defines: check before asking. */
export function assertProfileExists(settings: ResolvedAwsSettings): void {
  if (settings.profileExplicit && !settings.profileExists) throw new ProfileNotFoundError(settings.profile);
}

/**
 * Profiles named in the shared config and credentials files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured).
 */
export async function listProfiles(): Promise<string[]> {
  const { loadSharedConfigFiles, CONFIG_PREFIX_SEPARATOR } = await import('@smithy/core/config');
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  // The loader also returns `[sso-session x]` and `[services x]` sections, keyed "sso-session.x" / "services.x".
  const isSection = (k: string) => ['sso-session', 'services'].some((p) => k.startsWith(p + CONFIG_PREFIX_SEPARATOR));
  return [...new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)])]
    .filter((k) => !isSection(k))
    .sort();
}

/** Where signed requests would go and as whom, resolved the way the AWS CLI resolves them (shared files read). */
export async function resolveAwsSettings(options: AwsConnectionOptions = {}): Promise<ResolvedAwsSettings> {
  const { loadSharedConfigFiles } = await import('@smithy/core/config');
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const settings = awsSettingsInOrder(options, options.env ?? process.env, (profile) => configFile[profile]);
  return { ...settings, profileExists: settings.profile in configFile || settings.profile in credentialsFile };
}

/**
 * Keeps the SDK's "upgrade to Node 22" runtime notice out of stderr (the CLI's output, the language server's log).
 * Every client is built through clientConfig, which calls this before the client's constructor, where the SDK
 * decides whether to warn.
 */
const quietSdkNodeNotice = (): void => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
};

/**
 * Builds a client: credentials from the SDK's standard chain for the profile (environment, shared config and
 * credentials files, SSO, credential_process, container/instance roles), region and endpoint as
 * resolveAwsSettings (or `resolved`, when the caller has them: the shared files are then not read again), request
 * timeout, optional proxy. Throws ProfileNotFoundError for a named profile no file defines, MissingRegionError
 * when no region is known.
 * CreateIntegrationWorkflow is not idempotent, so such calls are retried only when the service certainly did not
 * act (throttling, connection refused); reads are retried as the SDK's standard mode does.
 */
export async function createCustomerProfilesClient(
  options: AwsConnectionOptions = {},
  resolved?: ResolvedAwsSettings,
): Promise<CustomerProfilesClient> {
  const settings = resolved ?? (await resolveAwsSettings(options));
  const [{ CustomerProfilesClient }, { StandardRetryStrategy }] = await Promise.all([
    import('@aws-sdk/client-customer-profiles'),
    import('@smithy/util-retry'),
  ]);
  const config = await clientConfig(options, settings, settings.endpointUrl, 'profile');
  const client = new CustomerProfilesClient({
    ...config,
    retryStrategy: nonIdempotentAware(new StandardRetryStrategy(config.maxAttempts)),
  });
  client.middlewareStack.add(boundedResponse(config.timeoutMs, MAX_RESPONSE_BYTES), BOUNDED_RESPONSE_STEP);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        if (NON_IDEMPOTENT_COMMANDS.has(context.commandName ?? '') && typeof err === 'object' && err !== null) {
          (err as Record<symbol, boolean>)[NON_IDEMPOTENT] = true;
        }
        throw err;
      }
    },
    // finalizeRequest/low runs inside the retry loop (retry is finalizeRequest/high), so it sees each attempt.
    { step: 'finalizeRequest', priority: 'low', name: 'cpworkflowNonIdempotentMarker' },
  );
  return client;
}

/**
 * Builds an AppFlow client exactly as createCustomerProfilesClient builds its client (credentials, region, proxy,
 * timeouts), the endpoint from `appflowEndpointUrl` (AWS_ENDPOINT_URL_APPFLOW). Every AppFlow call made here reads.
 */
export async function createAppflowClient(
  options: AwsConnectionOptions = {},
  resolved?: ResolvedAwsSettings,
): Promise<AppflowClient> {
  const settings = resolved ?? (await resolveAwsSettings(options));
  const { AppflowClient } = await import('@aws-sdk/client-appflow');
  const config = await clientConfig(options, settings, settings.appflowEndpointUrl, 'appflow');
  const client = new AppflowClient(config);
  client.middlewareStack.add(boundedResponse(config.timeoutMs, MAX_RESPONSE_BYTES), BOUNDED_RESPONSE_STEP);
  return client;
}

// deserialize/low wraps the HTTP handler alone, inside the deserializer that reads the body
const BOUNDED_RESPONSE_STEP = { step: 'deserialize', priority: 'low', name: 'cpworkflowBoundedResponse' } as const;

/** What every client shares: region, endpoint, credentials from the standard chain, attempts, timeouts, proxy. */
async function clientConfig(
  options: AwsConnectionOptions,
  settings: ResolvedAwsSettings,
  endpointUrl: string | undefined,
  endpointPrefix: 'profile' | 'appflow',
) {
  // the SDK's notice that it will want Node 22 is for the SDK's maintainers: not in a user's terminal or editor log
  quietSdkNodeNotice();
  assertProfileExists(settings);
  if (!settings.region) throw new MissingRegionError(settings.profile);
  const [{ defaultProvider }, { NodeHttpHandler }] = await Promise.all([
    import('@aws-sdk/credential-provider-node'),
    import('@smithy/node-http-handler'),
  ]);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const target = endpointUrl ?? `https://${endpointPrefix}.${settings.region}.amazonaws.com`;
  const proxy = proxyFor(target, options.proxy, process.env);
  const agent = proxy ? await proxyAgent(proxy) : undefined;
  return {
    timeoutMs,
    region: settings.region,
    ...(endpointUrl ? { endpoint: endpointUrl } : {}),
    // The SDK skips environment keys whenever a profile is passed, so pass one only when it was named (AWS CLI order).
    credentials: defaultProvider(settings.profileExplicit ? { profile: settings.profile } : {}),
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({
      // requestTimeout is a whole-request deadline only with throwOnRequestTimeout (otherwise it just warns).
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: timeoutMs,
      connectionTimeout: Math.min(timeoutMs, 10_000),
      ...(agent ? { httpAgent: agent, httpsAgent: agent } : {}),
    }),
  };
}

// A retried DeleteWorkflow whose first attempt acted would report "not found" for a workflow it did delete.
const NON_IDEMPOTENT_COMMANDS = new Set(['CreateIntegrationWorkflowCommand', 'DeleteWorkflowCommand']);
const NON_IDEMPOTENT = Symbol('cpworkflow.nonIdempotent');
// Errors raised before the request left this machine: repeating them cannot create a second workflow.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// Throttling that refuses the call before any work: the SDK also counts TransactionInProgressException (a create
// may be under way) and others as throttling, and those prove nothing.
const REFUSED_BEFORE_WORK = new Set(['ThrottlingException', 'TooManyRequestsException']);

/** Wraps the standard strategy: a failed non-idempotent call is retried only if the service surely did not act. */
function nonIdempotentAware(inner: RetryStrategyV2): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: (scope) => inner.acquireInitialRetryToken(scope),
    recordSuccess: (token) => inner.recordSuccess(token),
    async refreshRetryTokenForRetry(token, info) {
      const err = info.error as unknown as Record<string | symbol, unknown>;
      const refused = info.errorType === 'THROTTLING' && REFUSED_BEFORE_WORK.has(String(err.name ?? ''));
      if (err[NON_IDEMPOTENT] && !refused && !NOT_SENT_CODES.has(String(err.code ?? ''))) throw info.error;
      return inner.refreshRetryTokenForRetry(token, info);
    },
  };
}

/** The largest response read: Customer Profiles' answers are a few kilobytes, a page of steps well under 1 MB. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * Middleware for one attempt: the timeout covers the whole response, body included (the handler's own timeouts end
 * with the headers, and a socket timeout restarts with every byte of a dripped body), and no more than `maxBytes`
 * of a body is read.
 */
function boundedResponse<I extends object, O extends object>(
  timeoutMs: number,
  maxBytes: number,
): DeserializeMiddleware<I, O> {
  return (next) => async (args) => {
    const started = Date.now();
    const out = await next(args);
    const response = out.response as { statusCode?: number; headers?: Record<string, string>; body?: unknown };
    const body = response?.body as Readable | undefined;
    if (!body || typeof (body as Readable).pipe !== 'function') return out;
    const fail = (message: string, name: string) => {
      const err = Object.assign(new Error(message), { name });
      bounded.destroy(err);
      body.destroy();
    };
    let received = 0;
    const bounded = new Transform({
      transform(chunk: Buffer, _enc, done) {
        received += chunk.length;
        if (received > maxBytes) return done(tooLarge());
        done(null, chunk);
      },
    });
    const tooLarge = () =>
      Object.assign(new Error(`The response is larger than ${maxBytes / 1024 / 1024} MB; it was not read.`), {
        name: 'ResponseTooLargeError',
      });
    const declared = Number(response.headers?.['content-length'] ?? NaN);
    const timer = setTimeout(
      () => fail(`The response did not arrive whole within ${timeoutMs / 1000} s.`, 'TimeoutError'),
      Math.max(0, timeoutMs - (Date.now() - started)),
    );
    bounded.once('close', () => clearTimeout(timer));
    body.once('error', (e) => bounded.destroy(e));
    body.pipe(bounded);
    response.body = bounded;
    if (declared > maxBytes) {
      clearTimeout(timer);
      bounded.destroy(tooLarge());
      body.destroy();
    }
    return out;
  };
}

/**
 * The proxy for requests to `target`, or undefined to connect directly: VS Code's `http.proxy` with its
 * `http.noProxy` list when given, else HTTPS_PROXY / HTTP_PROXY with NO_PROXY from `env`. No-proxy entries match by
 * proxy-from-env's rules: "*", "host", ".suffix" or "*.suffix", each with an optional ":port" that must then match.
 */
export function proxyFor(target: string, setting: ProxySetting | undefined, env: NodeJS.ProcessEnv) {
  // ALL_PROXY is left out: the AWS CLI (botocore) ignores it, and it is often a socks:// proxy no agent here speaks.
  const { ALL_PROXY: _all, all_proxy: _allLower, ...environment } = env;
  const variables = setting
    ? { https_proxy: setting.url, http_proxy: setting.url, no_proxy: (setting.noProxy ?? []).join(',') }
    : environment;
  const url = withProcessEnv(variables, () => getProxyForUrl(target));
  return url ? { ...setting, url } : undefined;
}

// proxy-from-env reads process.env only; its call is synchronous, so nothing else can see the swap.
function withProcessEnv<T>(env: NodeJS.ProcessEnv, read: () => T): T {
  const saved = process.env;
  process.env = env;
  try {
    return read();
  } finally {
    process.env = saved;
  }
}

async function proxyAgent(proxy: { url: string; strictSSL?: boolean }) {
  const { HttpsProxyAgent } = await import('https-proxy-agent');
  // CONNECT tunnels both http: and https: targets; rejectUnauthorized applies to the target's TLS.
  return new HttpsProxyAgent(proxy.url, { rejectUnauthorized: proxy.strictSSL ?? true, keepAlive: true });
}
