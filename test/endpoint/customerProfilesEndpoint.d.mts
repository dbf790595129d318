// Types for customerProfilesEndpoint.mjs (plain JS so it also runs as `node scripts/local-endpoint.mjs`).
import type { AccountData } from './accountData.mjs';

export interface DomainConfig {
  /** Object types that exist in the domain; CreateIntegrationWorkflow for any other → ResourceNotFoundException. */
  objectTypes?: string[];
  /** Workflows for these object types run to FAILED instead of COMPLETE. */
  failObjectTypes?: string[];
  /** Every workflow in this domain fails. */
  failWorkflows?: boolean;
  /**
   * Past workflows, one per status a finished or stuck run shows (COMPLETE, FAILED, CANCELLED, SPLIT, RETRY,
   * NOT_STARTED), created hours ago, with steps; they never change.
   */
  history?: boolean;
}

export interface WorkflowTiming {
  /** How long a new workflow stays NOT_STARTED (ms). */
  startMs?: number;
  /** How long each batch step takes (ms). */
  stepMs?: number;
  /** Steps of a workflow whose request has no Batches; with Batches, one step per batch. */
  totalSteps?: number;
  recordsPerStep?: number;
  /** The step (1-based) at which a failing workflow fails. */
  failAtStep?: number;
}

export interface LocalEndpointOptions {
  /** 0 (default) picks a free port. The host is always 127.0.0.1. */
  port?: number;
  /** Requests must be signed for this region (default us-east-1). */
  region?: string;
  /** Access key id → secret access key; requests signed with anything else are rejected. */
  credentials?: Record<string, string>;
  /** The account served (default: demoAccount(), whose domains `domains` replaces when given). */
  account?: AccountData;
  /** Bare domains by name, object types as names without Fields/Keys (the older form; `account` wins). */
  domains?: Record<string, DomainConfig>;
  /** Items per page of every list operation (default 2), whatever the client's MaxResults. */
  pageSize?: number;
  timing?: WorkflowTiming;
  /** One line per request (method, path, operation, status); never a credential. */
  log?: (line: string) => void;
  /** A larger request body is not read: 413 (default 10 MiB, API Gateway's payload limit). */
  maxBodyBytes?: number;
}

export type FaultType = 'throttle' | 'internal' | 'slow' | 'reset' | 'accessDenied' | 'expiredToken' | 'badRequest';

export interface Fault {
  type: FaultType;
  /** How many matching requests get the fault (default 1); later ones are served normally. */
  times?: number;
  /** Only requests for this operation, e.g. "CreateIntegrationWorkflow". */
  operation?: string;
  /** For "slow": how long before the (normal) answer. */
  delayMs?: number;
  /** For "badRequest": the service's message. */
  message?: string;
}

export interface RecordedRequest {
  operation: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Headers as received, the signature and any session token replaced by "<redacted>". */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed body of a request whose signature checked out; undefined for any other (nothing unsigned is kept). */
  json: unknown;
  accessKeyId: string | undefined;
  signingRegion: string | undefined;
  signingService: string | undefined;
  /** The service the route belongs to: "profile" or "appflow" (undefined for an unknown route). */
  service: 'profile' | 'appflow' | undefined;
  signatureValid?: boolean;
  requestId: string;
  fault?: FaultType;
  status?: number | string;
}

export interface LocalEndpoint {
  url: string;
  port: number;
  region: string;
  requests: RecordedRequest[];
  /** The account data served; tests derive their expectations from it. */
  account: AccountData;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  workflowStatus(id: string): string | undefined;
  readonly workflowCount: number;
  stop(): Promise<void>;
}

export function startLocalEndpoint(options?: LocalEndpointOptions): Promise<LocalEndpoint>;

/** Obviously fake keys, new for every call: AKIA + 16 base32 characters, and a 40-character base64 secret. */
export function fakeAwsKeys(): { accessKeyId: string; secretAccessKey: string };
