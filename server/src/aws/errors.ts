// Turns any failure of a Customer Profiles call into the service's own words plus what to do about it.
// Matching is by error name/code first; message text is read only where the SDK gives nothing else.
import { fieldAtPath, fieldNamedIn, type FieldInFile } from './fieldInMessage';
import type { JsonPath } from './input';
import { redactCredentials } from './redaction';
import type { Signer } from './signer';

export interface ErrorContext {
  /** The operation that failed; "CreateIntegrationWorkflow" adds "may already exist" advice where that is possible. */
  operation?: string;
  profile?: string;
  /** 'environment': the environment's keys signed, not the profile (resolveAwsSettings().signer). */
  signer?: Signer;
  region?: string;
  endpointUrl?: string;
  domainName?: string;
  objectTypeName?: string;
  /** The request file's text, so a field the service names can be found in it. */
  documentText?: string;
  timeoutMs?: number;
}

export interface ExplainedError {
  /**
   * Stable identifier: the AWS exception name or one of ours (NoCredentials, SsoExpired, ConnectionRefused, Timeout,
   * Cancelled, …).
   */
  code: string;
  /** The service's or the SDK's own message, credential values removed. */
  serviceMessage: string;
  /** What it means and what to do. */
  advice: string;
  requestId: string | undefined;
  httpStatus: number | undefined;
  attempts: number | undefined;
  /**
   * Where in the request file the field the service complained about, or the value that could not be converted, is
   * (needs ctx.documentText).
   */
  field: FieldInFile | undefined;
  /** True when the request may have reached the service and created the workflow despite the error. */
  mayHaveBeenCreated: boolean;
  /** One paragraph for a notification or stderr. */
  text: string;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

export function explainAwsError(error: unknown, ctx: ErrorContext = {}): ExplainedError {
  const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const code = nodeErrorCode(e);
  // the SDK appends a hint for developers to errors it met while reading a response; the user needs none of it
  const serviceMessage = redactCredentials(typeof e.message === 'string' ? e.message : String(error)).replace(
    /\s*Deserialization error: to see the raw response.*$/s,
    '',
  );
  const meta = e.$metadata ?? {};
  const creating = ctx.operation === 'CreateIntegrationWorkflow';
  const profile = ctx.profile ?? 'default';
  const envKeys = ctx.signer === 'environment';
  const signer = envKeys ? 'the environment keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)' : `profile "${profile}"`;
  const where =
    (ctx.endpointUrl && redactCredentials(ctx.endpointUrl)) ??
    (ctx.region ? `Customer Profiles in ${ctx.region}` : 'Customer Profiles');
  const checkFirst = creating
    ? ` The request may have reached AWS and created the workflow: list the domain's workflows (aws customer-profiles list-workflows --domain-name ${ctx.domainName ?? 'DOMAIN'}) before sending again.`
    : '';

  let out: { code: string; advice: string; field?: FieldInFile; mayHaveBeenCreated?: boolean };
  const fieldIn = (message: string) =>
    ctx.documentText !== undefined ? fieldNamedIn(message, ctx.documentText) : undefined;
  if (name === 'AccessDeniedException') {
    out = {
      code: name,
      advice: creating
        ? `The caller (${signer}) or the workflow's RoleArn lacks permissions: the caller needs profile:CreateIntegrationWorkflow on the domain, and the role must let Customer Profiles create and run AppFlow flows, use the connector profile and the KMS key.`
        : `The caller (${signer}) lacks permission for this Customer Profiles action (${ctx.operation ? `profile:${ctx.operation}` : 'profile:GetWorkflow, profile:GetWorkflowSteps'}): ask for it, or choose a profile that has it.`,
    };
  } else if (name === 'ResourceNotFoundException') {
    const objectType = /object ?type/i.test(serviceMessage);
    out = {
      code: name,
      advice:
        /workflow/i.test(serviceMessage) && !creating
          ? `No such workflow in domain ${quote(ctx.domainName)}in ${ctx.region ?? 'this region'}: check the workflow id, the domain and the region.`
          : objectType
            ? `The object type ${quote(ctx.objectTypeName)}does not exist in domain ${quote(ctx.domainName)}in ${ctx.region ?? 'this region'}: create it first or fix ObjectTypeName.`
            : `The domain ${quote(ctx.domainName)}does not exist in ${ctx.region ?? 'this region'} (or the caller may not see it): check DomainName, or choose the region where the domain lives.`,
      field: creating ? fieldIn(objectType ? 'ObjectTypeName' : 'DomainName') : undefined,
    };
  } else if (name === 'BadRequestException' || name === 'ValidationException' || name === 'SerializationException') {
    const field = fieldIn(serviceMessage);
    out = {
      code: name,
      advice: `The service rejected the request${field ? ` at ${field.found}` : ''}; correct the file and send it again.`,
      field,
    };
  } else if (name === 'ThrottlingException' || meta.httpStatusCode === 429) {
    out = {
      code: 'ThrottlingException',
      advice: `Customer Profiles throttled the request; the SDK retried it ${meta.attempts ? `(${meta.attempts} attempts) ` : ''}and gave up. Wait a minute and try again.`,
    };
  } else if (name === 'ExpiredTokenException' || name === 'ExpiredToken' || name === 'RequestExpired') {
    out = {
      code: 'ExpiredCredentials',
      advice: `The credentials of ${signer} have expired: ${envKeys ? 'renew the temporary keys.' : refreshHint(profile)}`,
    };
  } else if (name === 'UnrecognizedClientException' || name === 'InvalidClientTokenId') {
    out = {
      code: name,
      advice: `AWS does not recognise the access key of ${signer}: it was deleted or belongs to another partition. Configure current keys${envKeys ? ' in the environment' : ` (aws configure --profile ${profile})`}.`,
    };
  } else if (name === 'InvalidSignatureException' || name === 'SignatureDoesNotMatch') {
    out = {
      code: name,
      advice: `The request signature was rejected: check the secret access key of ${signer} and that this computer's clock is right.`,
    };
  } else if (isSsoExpiry(name, serviceMessage)) {
    out = {
      code: 'SsoExpired',
      advice: `The AWS SSO session of profile "${profile}" has expired or is not signed in: run \`aws sso login --profile ${profile}\` and try again.`,
    };
  } else if (name === 'ProfileNotFoundError') {
    out = {
      code: 'ProfileNotFound',
      advice: `Profile "${profile}" is not in the shared config or credentials files (~/.aws/config, ~/.aws/credentials): choose another profile or create it with \`aws configure --profile ${profile}\`.`,
    };
  } else if (name === 'CredentialsProviderError' || name === 'ProviderError') {
    out = {
      code: 'NoCredentials',
      advice: `No AWS credentials were found for profile "${profile}". Configure them with \`aws configure --profile ${profile}\` (access keys) or \`aws configure sso --profile ${profile}\` (IAM Identity Center), or set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
    };
  } else if (name === 'MissingRegionError') {
    out = {
      code: 'NoRegion',
      advice: `Choose a region, or set one with \`aws configure set region REGION --profile ${profile}\` or AWS_REGION.`,
    };
  } else if (name === 'SubmissionInFlightError') {
    out = { code: 'InFlight', advice: "Nothing was sent a second time; the first request's result will be shown." };
  } else if (name === 'AbortError') {
    out = {
      code: 'Cancelled',
      advice: creating ? `Cancelled.${checkFirst}` : 'Cancelled.',
      mayHaveBeenCreated: creating,
    };
  } else if (code === 'ECONNREFUSED') {
    out = {
      code: 'ConnectionRefused',
      advice: `Could not connect to ${where}: connection refused. Check the endpoint URL${ctx.endpointUrl ? ' (is the local endpoint running?)' : ''} and your network or proxy settings. Nothing was sent.`,
    };
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    out = {
      code: 'HostNotFound',
      advice: `The host of ${where} could not be resolved: check the region, the endpoint URL and your network or proxy settings. Nothing was sent.`,
    };
    // The SDK reports a reset socket as a TimeoutError with code ECONNRESET: the code decides.
  } else if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(serviceMessage)) {
    out = {
      code: 'ConnectionReset',
      advice: `The connection to ${where} was closed before an answer came.${checkFirst || ' Try again.'}`,
      mayHaveBeenCreated: creating,
    };
  } else if (name === 'TimeoutError' || code === 'ETIMEDOUT' || /timed? ?out/i.test(serviceMessage)) {
    out = {
      code: 'Timeout',
      advice: `No answer from ${where} within ${ctx.timeoutMs ? formatDuration(ctx.timeoutMs) : 'the time limit'}.${checkFirst || ' Try again later.'}`,
      mayHaveBeenCreated: creating,
    };
  } else if (name === 'InternalServerException' || (meta.httpStatusCode ?? 0) >= 500) {
    out = {
      code: 'InternalServerException',
      advice: `Customer Profiles had an internal error.${checkFirst || ' Try again later.'}`,
      mayHaveBeenCreated: creating,
    };
  } else if (name === 'WorkflowInputError') {
    const path = (error as { path?: JsonPath }).path;
    const at = path && ctx.documentText !== undefined ? fieldAtPath(ctx.documentText, path) : undefined;
    out = {
      code: name,
      advice: 'Fix the value in the file; nothing was sent.',
      field: at && { named: at.path, found: at.path, exact: at.exact, offset: at.offset, length: at.length },
    };
  } else if ((meta.httpStatusCode ?? 0) >= 200 && (meta.httpStatusCode ?? 0) < 300) {
    // a success whose body cannot be read (an HTML portal page, a truncated or oversized body): the service acted
    out = {
      code: 'UndecodableResponse',
      advice: `Customer Profiles answered HTTP ${meta.httpStatusCode}, but the answer could not be read (a proxy or portal page, or a cut-off body).${checkFirst}`,
      mayHaveBeenCreated: creating,
    };
  } else {
    out = {
      code: name,
      advice: meta.httpStatusCode
        ? `Customer Profiles answered HTTP ${meta.httpStatusCode}.`
        : 'The request failed before an answer came.',
    };
  }

  const requestId = meta.requestId;
  const text = [
    `${serviceMessage}${/[.!?]$/.test(serviceMessage) ? '' : '.'}`,
    out.advice,
    requestId ? `(request id ${requestId})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    code: out.code,
    serviceMessage,
    advice: redactCredentials(out.advice),
    requestId,
    httpStatus: meta.httpStatusCode,
    attempts: meta.attempts,
    field: out.field,
    mayHaveBeenCreated: out.mayHaveBeenCreated ?? false,
    text: redactCredentials(text),
  };
}

function nodeErrorCode(e: ErrorLike): string | undefined {
  for (
    let cur: unknown = e, depth = 0;
    cur && typeof cur === 'object' && depth < 5;
    cur = (cur as ErrorLike).cause, depth++
  ) {
    const c = (cur as ErrorLike).code;
    if (typeof c === 'string' && /^E[A-Z]+$/.test(c)) return c;
  }
  return undefined;
}

function isSsoExpiry(name: string, message: string): boolean {
  return (
    (name === 'CredentialsProviderError' || name === 'TokenProviderError') &&
    /sso/i.test(message) &&
    /expired|invalid|sso login/i.test(message)
  );
}

function refreshHint(profile: string): string {
  return `sign in again (\`aws sso login --profile ${profile}\` for an SSO profile) or renew the temporary keys.`;
}

const quote = (s: string | undefined) => (s ? `"${s}" ` : '');
const formatDuration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
