// A local stand-in for the Amazon Connect Customer Profiles service (restJson1, SigV4 service "profile") and, on
// the same port, the AppFlow read operations (restJson1, SigV4 service "appflow": appflowService.mjs), both
// answering from one account's data (accountData.mjs). Each request is checked against its own signing name.
// It plays AWS for the tests and the demo, so it deliberately shares no code with server/src (neither the
// validator nor the submission library): if both sides agreed on a mistake, the tests would not see it.
// Wire facts follow schemas/models/customer-profiles-2020-08-15.json (http traits, members, error shapes).
import { createServer } from 'node:http';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';
import { demoAccount } from './accountData.mjs';
import { APPFLOW_ROUTES, appflowDispatch } from './appflowService.mjs';

const SERVICE = 'profile';

// API Gateway, in front of the service, refuses a payload over 10 MB; nothing larger is read.
const MAX_BODY_BYTES = 10 * 1024 * 1024;
// SigV4: a request dated more than 5 minutes from the server's clock is refused.
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Default workflow pace: NOT_STARTED for `startMs`, then one batch step every `stepMs`. */
const DEFAULT_TIMING = { startMs: 400, stepMs: 800, totalSteps: 4, recordsPerStep: 250, failAtStep: 2 };
/** Items per page of every list operation, whatever MaxResults asks, so that clients must follow the tokens. */
const DEFAULT_PAGE_SIZE = 2;

// Timestamp members of CreateIntegrationWorkflowRequest; restJson1 sends them as epoch seconds (numbers).
const TIMESTAMP_PATHS = [
  [
    'IntegrationConfig',
    'AppflowIntegration',
    'FlowDefinition',
    'TriggerConfig',
    'TriggerProperties',
    'Scheduled',
    'ScheduleStartTime',
  ],
  [
    'IntegrationConfig',
    'AppflowIntegration',
    'FlowDefinition',
    'TriggerConfig',
    'TriggerProperties',
    'Scheduled',
    'ScheduleEndTime',
  ],
  [
    'IntegrationConfig',
    'AppflowIntegration',
    'FlowDefinition',
    'TriggerConfig',
    'TriggerProperties',
    'Scheduled',
    'FirstExecutionFrom',
  ],
  ['IntegrationConfig', 'AppflowIntegration', 'Batches', '*', 'StartTime'],
  ['IntegrationConfig', 'AppflowIntegration', 'Batches', '*', 'EndTime'],
];

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// Past workflows of a domain with `history: true`: one per status a finished or stuck run shows, ages in hours.
const HISTORY = [
  { status: 'COMPLETE', ageHours: 2, steps: ['COMPLETE', 'COMPLETE', 'COMPLETE'], flow: 'CP-Accounts-Nightly' },
  { status: 'FAILED', ageHours: 5, steps: ['COMPLETE', 'FAILED'], flow: 'CP-Contacts-Backfill' },
  { status: 'CANCELLED', ageHours: 20, steps: ['COMPLETE', 'CANCELLED'], flow: 'CP-Leads-Import' },
  { status: 'SPLIT', ageHours: 26, steps: ['COMPLETE', 'SPLIT'], flow: 'CP-Cases-History' },
  { status: 'RETRY', ageHours: 30, steps: ['COMPLETE', 'RETRY'], flow: 'CP-Orders-S3' },
  { status: 'NOT_STARTED', ageHours: 49, steps: [], flow: 'CP-Tickets-Zendesk' },
  { status: 'COMPLETE', ageHours: 72, steps: ['COMPLETE', 'COMPLETE'], flow: 'CP-Accounts-Initial' },
];
const HISTORY_DESCRIPTIONS = {
  COMPLETE: 'Workflow completed.',
  FAILED: 'Batch 2 of 2 failed; see the workflow steps.',
  CANCELLED: 'Workflow was cancelled.',
  SPLIT: 'Workflow was split into smaller batches.',
  RETRY: 'Batch 2 is being retried.',
  NOT_STARTED: 'Workflow has not started yet.',
};

/**
 * Obviously fake keys, new for every call, shaped like real ones so redaction is tested for real: AKIA + 16
 * base32 characters, and a 40-character base64 secret. Every test, the demo and the endpoint script use these.
 * @returns {{ accessKeyId: string, secretAccessKey: string }}
 */
export function fakeAwsKeys() {
  return {
    accessKeyId: 'AKIA' + [...randomBytes(16)].map((b) => BASE32[b % BASE32.length]).join(''),
    secretAccessKey: randomBytes(30).toString('base64'),
  };
}

/**
 * Starts the endpoint on 127.0.0.1.
 * @param {import("./customerProfilesEndpoint.mjs").LocalEndpointOptions} [options]
 * @returns {Promise<import("./customerProfilesEndpoint.mjs").LocalEndpoint>}
 */
export async function startLocalEndpoint(options = {}) {
  const region = options.region ?? 'us-east-1';
  const credentials = new Map(Object.entries(options.credentials ?? {}));
  const timing = { ...DEFAULT_TIMING, ...(options.timing ?? {}) };
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const account = accountOf(options);
  const domains = new Map();
  for (const [name, cfg] of Object.entries(account.domains)) {
    domains.set(name, {
      objectTypes: new Map(Object.entries(cfg.objectTypes)),
      failObjectTypes: new Set(cfg.failObjectTypes ?? []),
      failAll: cfg.failWorkflows === true,
      createdAt: Date.now(),
    });
  }
  /** @type {any[]} */
  const requests = [];
  /** @type {any[]} */
  const faults = [];
  /** @type {Map<string, any>} */
  const workflows = new Map();
  const sockets = new Set();
  const timers = new Set();
  const log = options.log ?? (() => {});
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  for (const [name, cfg] of Object.entries(account.domains)) if (cfg.history) addHistory(name);

  const server = createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= maxBodyBytes) chunks.push(c);
      else if (chunks.length) chunks.length = 0;
    });
    req.on('end', () => {
      if (size > maxBodyBytes) {
        log(`${req.method} ${req.url} -> 413`);
        return sendServiceError(res, 413, 'RequestEntityTooLargeException', `Request body over ${maxBodyBytes} bytes.`);
      }
      handle(req, res, Buffer.concat(chunks)).catch((err) => {
        if (!res.headersSent)
          sendServiceError(res, 500, 'InternalServerException', `Local endpoint failure: ${err && err.message}`);
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
  });
  const port = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
  const url = `http://127.0.0.1:${port}`;

  async function handle(req, res, bodyBuf) {
    const requestId = randomUUID();
    res.setHeader('x-amzn-RequestId', requestId);
    const u = new URL(req.url ?? '/', url);
    const body = bodyBuf.toString('utf8');
    const route = routeOf(req.method ?? 'GET', u.pathname);
    const auth = parseAuthorization(req.headers.authorization);
    /** @type {any} */
    const record = {
      operation: route?.operation ?? 'Unknown',
      method: req.method,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: redactHeaders(req.headers),
      // the body only of a request that proved who sent it (set below): nothing unsigned is kept
      json: undefined,
      accessKeyId: auth?.accessKeyId,
      signingRegion: auth?.region,
      signingService: auth?.service,
      service: route?.service,
      requestId,
    };
    requests.push(record);
    const finish = (status) => {
      record.status = status;
      log(`${record.method} ${record.path} ${record.operation} -> ${status}`);
    };

    const namespace = route?.service === 'appflow' ? 'appflow' : 'customerprofiles';
    const sendError = (res, status, type, message) => sendServiceError(res, status, type, message, namespace);
    const fault = takeFault(record.operation);
    if (fault) {
      record.fault = fault.type;
      switch (fault.type) {
        case 'reset':
          finish('reset');
          req.socket.destroy();
          return;
        case 'throttle':
          finish(429);
          return sendError(res, 429, 'ThrottlingException', 'Rate exceeded');
        case 'internal':
          finish(500);
          return sendError(res, 500, 'InternalServerException', 'Internal service error');
        case 'accessDenied':
          finish(403);
          return sendError(
            res,
            403,
            'AccessDeniedException',
            `User: arn:aws:iam::210987654321:user/local is not authorized to perform: ${route?.service ?? SERVICE}:${record.operation} on resource: arn:aws:${route?.service ?? SERVICE}:${region}:210987654321:*`,
          );
        case 'badRequest':
          // what the service says of a value the model allows but the service does not (its own validation words)
          finish(400);
          return sendError(res, 400, 'BadRequestException', fault.message ?? 'Invalid request');
        case 'expiredToken':
          finish(403);
          return sendError(res, 403, 'ExpiredTokenException', 'The security token included in the request is expired');
        case 'slow':
          // Answer normally, but only after the delay: the service did the work even if the client gave up.
          await new Promise((resolve) => {
            const t = setTimeout(() => {
              timers.delete(t);
              resolve(undefined);
            }, fault.delayMs ?? 5000);
            timers.add(t);
          });
          if (res.destroyed || req.socket.destroyed) {
            record.status = 'client-gone';
            return;
          }
          break;
      }
    }

    const authError = await verifySignature(req, u, bodyBuf, auth, route?.service ?? SERVICE);
    if (authError) {
      record.signatureValid = false;
      finish(authError.status);
      return sendError(res, authError.status, authError.type, authError.message);
    }
    record.signatureValid = true;
    record.json = safeJson(body);

    if (!route) {
      finish(404);
      return sendError(res, 404, 'UnknownOperationException', `No operation matches ${req.method} ${u.pathname}`);
    }
    const result =
      route.service === 'appflow'
        ? appflowDispatch(route, safeJson(body) ?? {}, { account, region, page: pageOf })
        : await dispatch(route, u, body);
    finish(result.status);
    if (result.status >= 400) return sendError(res, result.status, result.type, result.message);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(result.body));
  }

  function takeFault(operation) {
    const i = faults.findIndex((f) => f.remaining > 0 && (!f.operation || f.operation === operation));
    if (i < 0) return undefined;
    const f = faults[i];
    f.remaining -= 1;
    if (f.remaining === 0) faults.splice(i, 1);
    return f;
  }

  async function verifySignature(req, u, bodyBuf, auth, service) {
    if (!auth)
      return { status: 403, type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
    if (auth.service !== service) {
      return {
        status: 403,
        type: 'InvalidSignatureException',
        message: `Credential should be scoped to correct service: '${service}'.`,
      };
    }
    if (auth.region !== region) {
      return {
        status: 403,
        type: 'InvalidSignatureException',
        message: `Credential should be scoped to a valid region, not '${auth.region}'.`,
      };
    }
    const secret = credentials.get(auth.accessKeyId);
    if (secret === undefined) {
      return {
        status: 403,
        type: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      };
    }
    const amzDate = parseAmzDate(req.headers['x-amz-date']);
    if (amzDate === undefined) {
      return { status: 403, type: 'IncompleteSignatureException', message: 'X-Amz-Date is missing or malformed.' };
    }
    const skew = amzDate.getTime() - Date.now();
    if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
      const now = amzStamp(new Date());
      const limit = amzStamp(new Date(Date.now() + Math.sign(skew) * MAX_CLOCK_SKEW_MS));
      return {
        status: 403,
        type: 'InvalidSignatureException',
        message:
          skew < 0
            ? `Signature expired: ${amzStamp(amzDate)} is now earlier than ${limit} (${now} - 5 min.)`
            : `Signature not yet current: ${amzStamp(amzDate)} is still later than ${limit} (${now} + 5 min.)`,
      };
    }
    // The payload hash is computed here from the bytes received, never taken from the client's header.
    const payloadHash = createHash('sha256').update(bodyBuf).digest('hex');
    const claimed = req.headers['x-amz-content-sha256'];
    if (claimed !== undefined && claimed !== payloadHash) {
      return {
        status: 400,
        type: 'InvalidSignatureException',
        message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
      };
    }
    if (await signatureMatches(req, u, bodyBuf, payloadHash, auth, secret)) return undefined;
    return {
      status: 403,
      type: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    };
  }

  /**
   * One page of `items`: at most min(maxResults, pageSize), from the offset the token carries.
   * @param {any[]} items
   * @param {{ maxResults?: unknown, nextToken?: string }} [page]
   */
  function pageOf(items, { maxResults, nextToken } = {}) {
    const size = Math.max(1, Math.min(Number(maxResults) || pageSize, pageSize));
    const m = /^page-(\d+)$/.exec(nextToken ?? 'page-0');
    const start = m ? Number(m[1]) : items.length;
    const end = start + size;
    return { items: items.slice(start, end), ...(end < items.length ? { nextToken: `page-${end}` } : {}) };
  }

  /** Customer Profiles list operations: `max-results` / `next-token` in the query, `NextToken` in the answer. */
  function pagedItems(u, items) {
    const { items: Items, nextToken } = pageOf(items, {
      maxResults: u.searchParams.get('max-results') ?? undefined,
      nextToken: u.searchParams.get('next-token') ?? undefined,
    });
    return ok({ Items, ...(nextToken ? { NextToken: nextToken } : {}) });
  }

  async function dispatch(route, u, body) {
    const domainName = route.params.DomainName;
    if (route.operation === 'ListDomains') {
      return pagedItems(
        u,
        [...domains.entries()].map(([DomainName, d]) => ({
          DomainName,
          CreatedAt: secs(d.createdAt),
          LastUpdatedAt: secs(d.createdAt),
        })),
      );
    }
    if (route.operation === 'ListProfileObjectTypeTemplates') {
      return pagedItems(
        u,
        Object.entries(account.templates).map(([TemplateId, t]) => ({
          TemplateId,
          SourceName: t.SourceName,
          SourceObject: t.SourceObject,
        })),
      );
    }
    if (route.operation === 'GetProfileObjectTypeTemplate') {
      const t = account.templates[route.params.TemplateId];
      return t
        ? ok({ TemplateId: route.params.TemplateId, AllowProfileCreation: true, ...t })
        : notFound(`Template ${route.params.TemplateId} does not exist.`);
    }
    const domain = domains.get(domainName);
    if (!domain) return notFound(`Domain ${domainName} does not exist in ${region}.`);
    switch (route.operation) {
      case 'GetDomain':
        return ok({
          DomainName: domainName,
          DefaultExpirationDays: 366,
          CreatedAt: secs(domain.createdAt),
          LastUpdatedAt: secs(domain.createdAt),
        });
      case 'ListProfileObjectTypes':
        return pagedItems(
          u,
          [...domain.objectTypes].map(([ObjectTypeName, t]) => ({
            ObjectTypeName,
            Description: t.Description ?? `${ObjectTypeName} (local endpoint)`,
            CreatedAt: secs(domain.createdAt),
            LastUpdatedAt: secs(domain.createdAt),
          })),
        );
      case 'GetProfileObjectType': {
        const t = domain.objectTypes.get(route.params.ObjectTypeName);
        if (!t) return notFound(`Object type ${route.params.ObjectTypeName} does not exist in domain ${domainName}.`);
        return ok({
          ObjectTypeName: route.params.ObjectTypeName,
          Description: t.Description ?? '',
          ...(t.TemplateId ? { TemplateId: t.TemplateId } : {}),
          ExpirationDays: 366,
          AllowProfileCreation: true,
          Fields: t.Fields ?? {},
          Keys: t.Keys ?? {},
          CreatedAt: secs(domain.createdAt),
          LastUpdatedAt: secs(domain.createdAt),
        });
      }
      case 'CreateIntegrationWorkflow':
        return createWorkflow(domainName, domain, body);
      case 'GetWorkflow': {
        const wf = findWorkflow(domainName, route.params.WorkflowId);
        return wf
          ? ok(describeWorkflow(wf))
          : notFound(`Workflow ${route.params.WorkflowId} does not exist in domain ${domainName}.`);
      }
      case 'GetWorkflowSteps': {
        const wf = findWorkflow(domainName, route.params.WorkflowId);
        if (!wf) return notFound(`Workflow ${route.params.WorkflowId} does not exist in domain ${domainName}.`);
        const { items, nextToken } = pageOf(progressOf(wf).steps, {
          maxResults: u.searchParams.get('max-results') ?? undefined,
          nextToken: u.searchParams.get('next-token') ?? undefined,
        });
        return ok({
          WorkflowId: wf.id,
          WorkflowType: 'APPFLOW_INTEGRATION',
          Items: items.map((s) => ({ AppflowIntegration: s })),
          ...(nextToken ? { NextToken: nextToken } : {}),
        });
      }
      case 'ListWorkflows': {
        const filter = safeJson(body) ?? {};
        const items = [...workflows.values()]
          .filter((wf) => wf.domain === domainName)
          .map((wf) => {
            const p = progressOf(wf);
            return {
              WorkflowType: 'APPFLOW_INTEGRATION',
              WorkflowId: wf.id,
              Status: p.status,
              StatusDescription: p.description,
              CreatedAt: secs(wf.createdAt),
              LastUpdatedAt: secs(p.updatedAt),
            };
          })
          .filter((item) => !filter.Status || item.Status === filter.Status);
        return pagedItems(u, items);
      }
      case 'DeleteWorkflow': {
        const wf = findWorkflow(domainName, route.params.WorkflowId);
        if (!wf) return notFound(`Workflow ${route.params.WorkflowId} does not exist in domain ${domainName}.`);
        workflows.delete(wf.id);
        return ok({});
      }
    }
    return { status: 404, type: 'UnknownOperationException', message: route.operation };
  }

  function createWorkflow(domainName, domain, body) {
    const json = safeJson(body);
    if (json === undefined)
      return { status: 400, type: 'SerializationException', message: 'Request body is not valid JSON.' };
    const problem = structuralProblem(json);
    if (problem) return problem;
    if (!domain.objectTypes.has(json.ObjectTypeName)) {
      return notFound(`Object type ${json.ObjectTypeName} does not exist in domain ${domainName}.`);
    }
    const flow = json.IntegrationConfig.AppflowIntegration.FlowDefinition;
    // one workflow step per batch, as the service splits ingestion on the batch boundaries; without Batches the
    // configured default number of steps
    const batches = Array.isArray(json.IntegrationConfig.AppflowIntegration.Batches)
      ? json.IntegrationConfig.AppflowIntegration.Batches
      : [];
    const id = randomBytes(16).toString('hex');
    workflows.set(id, {
      id,
      domain: domainName,
      createdAt: Date.now(),
      request: json,
      flowName: flow.FlowName,
      fails: domain.failAll || domain.failObjectTypes.has(json.ObjectTypeName),
      timing: { ...timing, ...(batches.length ? { totalSteps: batches.length } : {}) },
      batches,
    });
    return ok({ WorkflowId: id, Message: 'Integration workflow creation request was received.' });
  }

  /** Adds the HISTORY workflows to a domain: fixed states, created hours ago. */
  function addHistory(domainName) {
    for (const h of HISTORY) {
      const id = randomUUID().replaceAll('-', '');
      const createdAt = Date.now() - h.ageHours * 3_600_000;
      const steps = h.steps.map((status, i) => ({
        FlowName: h.flow,
        Status: status,
        ExecutionMessage:
          status === 'FAILED'
            ? 'Flow execution failed: the connector profile could not read the source object (access denied).'
            : `Batch ${i + 1}: ${status.toLowerCase().replace('_', ' ')}.`,
        RecordsProcessed: status === 'COMPLETE' ? 1000 : 120,
        BatchRecordsStartTime: new Date(createdAt - (i + 1) * 86_400_000).toISOString(),
        BatchRecordsEndTime: new Date(createdAt - i * 86_400_000).toISOString(),
        CreatedAt: secs(createdAt + i * 600_000),
        LastUpdatedAt: secs(createdAt + (i + 1) * 600_000),
      }));
      const records = steps.reduce((n, s) => n + s.RecordsProcessed, 0);
      const updatedAt = createdAt + steps.length * 600_000;
      workflows.set(id, {
        id,
        domain: domainName,
        createdAt,
        request: {
          RoleArn: 'arn:aws:iam::123456789012:role/CustomerProfilesAppFlow',
          IntegrationConfig: {
            AppflowIntegration: {
              FlowDefinition: { SourceFlowConfig: { ConnectorType: 'Salesforce', ConnectorProfileName: 'salesforce' } },
            },
          },
        },
        flowName: h.flow,
        timing: { ...timing, totalSteps: Math.max(steps.length, 1) },
        fixed: {
          status: h.status,
          steps,
          records,
          completed: steps.filter((s) => s.Status === 'COMPLETE').length,
          updatedAt,
          description: HISTORY_DESCRIPTIONS[h.status],
        },
      });
    }
  }

  function findWorkflow(domainName, id) {
    const wf = workflows.get(id);
    return wf && wf.domain === domainName ? wf : undefined;
  }

  /** The workflow's state is a pure function of the time since creation: no timers to leak. */
  function progressOf(wf) {
    if (wf.fixed) return wf.fixed;
    const t = wf.timing;
    const now = Date.now();
    const elapsed = now - wf.createdAt;
    const steps = [];
    if (elapsed < t.startMs)
      return {
        status: 'NOT_STARTED',
        steps,
        records: 0,
        completed: 0,
        updatedAt: wf.createdAt,
        description: 'Workflow has not started yet.',
      };
    const done = Math.min(t.totalSteps, Math.floor((elapsed - t.startMs) / t.stepMs));
    const failAt = wf.fails ? Math.min(t.failAtStep, t.totalSteps) : Infinity;
    let records = 0;
    for (let i = 0; i < Math.min(done + 1, t.totalSteps); i++) {
      const created = wf.createdAt + t.startMs + i * t.stepMs;
      const finished = i < done;
      const failed = finished && i + 1 === failAt;
      const stepRecords = finished
        ? failed
          ? Math.floor(t.recordsPerStep / 2)
          : t.recordsPerStep
        : Math.floor(t.recordsPerStep / 2);
      records += stepRecords;
      steps.push({
        FlowName: wf.flowName,
        Status: failed ? 'FAILED' : finished ? 'COMPLETE' : 'IN_PROGRESS',
        ExecutionMessage: failed
          ? 'Flow execution failed: the connector profile could not read the source object (access denied).'
          : finished
            ? `Batch ${i + 1} ingested.`
            : `Batch ${i + 1} in progress.`,
        RecordsProcessed: stepRecords,
        BatchRecordsStartTime: wf.batches[i]
          ? new Date(wf.batches[i].StartTime * 1000).toISOString()
          : new Date(created - 86_400_000).toISOString(),
        BatchRecordsEndTime: wf.batches[i]
          ? new Date(wf.batches[i].EndTime * 1000).toISOString()
          : new Date(created).toISOString(),
        CreatedAt: secs(created),
        LastUpdatedAt: secs(finished ? created + t.stepMs : now),
      });
      if (failed) {
        const at = created + t.stepMs;
        return {
          status: 'FAILED',
          steps,
          records,
          completed: i,
          updatedAt: at,
          description: `Batch ${i + 1} of ${t.totalSteps} failed; see the workflow steps.`,
        };
      }
    }
    if (done >= t.totalSteps) {
      return {
        status: 'COMPLETE',
        steps,
        records,
        completed: done,
        updatedAt: wf.createdAt + t.startMs + t.totalSteps * t.stepMs,
        description: 'Workflow completed.',
      };
    }
    return {
      status: 'IN_PROGRESS',
      steps,
      records,
      completed: done,
      updatedAt: now,
      description: `Batch ${done + 1} of ${t.totalSteps} in progress.`,
    };
  }

  function describeWorkflow(wf) {
    const p = progressOf(wf);
    const src = wf.request.IntegrationConfig.AppflowIntegration.FlowDefinition.SourceFlowConfig;
    return {
      WorkflowId: wf.id,
      WorkflowType: 'APPFLOW_INTEGRATION',
      Status: p.status,
      ...(p.status === 'FAILED' ? { ErrorDescription: p.description } : {}),
      StartDate: secs(wf.createdAt),
      LastUpdatedAt: secs(p.updatedAt),
      Attributes: {
        AppflowIntegration: {
          SourceConnectorType: src.ConnectorType,
          ConnectorProfileName: src.ConnectorProfileName ?? '',
          RoleArn: wf.request.RoleArn,
        },
      },
      Metrics: {
        AppflowIntegration: {
          RecordsProcessed: p.records,
          StepsCompleted: p.completed,
          TotalSteps: wf.timing.totalSteps,
        },
      },
    };
  }

  return {
    url,
    port,
    region,
    requests,
    injectFault(fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    /** The account data the endpoint serves (tests derive their expectations from it). */
    account,
    clearFaults() {
      faults.length = 0;
    },
    workflowStatus(id) {
      const wf = workflows.get(id);
      return wf ? progressOf(wf).status : undefined;
    },
    get workflowCount() {
      return workflows.size;
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

// ---- protocol helpers -------------------------------------------------------------------------------

const PROFILE_ROUTES = [
  { method: 'GET', re: /^\/domains$/, operation: 'ListDomains', names: [] },
  { method: 'GET', re: /^\/templates$/, operation: 'ListProfileObjectTypeTemplates', names: [] },
  { method: 'GET', re: /^\/templates\/([^/]+)$/, operation: 'GetProfileObjectTypeTemplate', names: ['TemplateId'] },
  {
    method: 'GET',
    re: /^\/domains\/([^/]+)\/object-types\/([^/]+)$/,
    operation: 'GetProfileObjectType',
    names: ['DomainName', 'ObjectTypeName'],
  },
  { method: 'GET', re: /^\/domains\/([^/]+)$/, operation: 'GetDomain', names: ['DomainName'] },
  {
    method: 'GET',
    re: /^\/domains\/([^/]+)\/object-types$/,
    operation: 'ListProfileObjectTypes',
    names: ['DomainName'],
  },
  {
    method: 'POST',
    re: /^\/domains\/([^/]+)\/workflows\/integrations$/,
    operation: 'CreateIntegrationWorkflow',
    names: ['DomainName'],
  },
  { method: 'POST', re: /^\/domains\/([^/]+)\/workflows$/, operation: 'ListWorkflows', names: ['DomainName'] },
  {
    method: 'GET',
    re: /^\/domains\/([^/]+)\/workflows\/([^/]+)\/steps$/,
    operation: 'GetWorkflowSteps',
    names: ['DomainName', 'WorkflowId'],
  },
  {
    method: 'GET',
    re: /^\/domains\/([^/]+)\/workflows\/([^/]+)$/,
    operation: 'GetWorkflow',
    names: ['DomainName', 'WorkflowId'],
  },
  {
    method: 'DELETE',
    re: /^\/domains\/([^/]+)\/workflows\/([^/]+)$/,
    operation: 'DeleteWorkflow',
    names: ['DomainName', 'WorkflowId'],
  },
];

const ROUTES = [...PROFILE_ROUTES.map((r) => ({ ...r, service: SERVICE })), ...APPFLOW_ROUTES];

function routeOf(method, pathname) {
  for (const r of ROUTES) {
    const m = r.method === method ? r.re.exec(pathname) : null;
    if (m)
      return {
        operation: r.operation,
        service: r.service,
        params: Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])])),
      };
  }
  return undefined;
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/profile/aws4_request, SignedHeaders=a;b, Signature=hex` */
function parseAuthorization(header) {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(
      header ?? '',
    );
  if (!m) return undefined;
  return {
    accessKeyId: m[1],
    date: m[2],
    region: m[3],
    service: m[4],
    signedHeaders: m[5].split(';'),
    signature: m[6],
  };
}

/** Re-signs the request as received with the known secret key and compares signatures. */
async function signatureMatches(req, u, bodyBuf, payloadHash, auth, secretAccessKey) {
  const signingDate = parseAmzDate(req.headers['x-amz-date']);
  if (!signingDate) return false;
  /** @type {Record<string, string>} */
  const headers = {};
  for (const name of auth.signedHeaders) {
    const v = req.headers[name];
    if (v === undefined) return false;
    headers[name] = Array.isArray(v) ? v.join(',') : v;
  }
  // the signer takes a signed x-amz-content-sha256 as the payload's hash: give it the one computed from the body
  if ('x-amz-content-sha256' in headers) headers['x-amz-content-sha256'] = payloadHash;
  /** @type {Record<string, string | string[]>} */
  const query = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  const sessionToken = req.headers['x-amz-security-token'];
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: {
      accessKeyId: auth.accessKeyId,
      secretAccessKey,
      ...(sessionToken ? { sessionToken: String(sessionToken) } : {}),
    },
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false,
  });
  const rawPath = (req.url ?? '/').split('?')[0];
  const signed = await signer.sign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: rawPath,
      query,
      headers,
      body: bodyBuf.length ? bodyBuf.toString('utf8') : undefined,
    },
    {
      signingDate,
      signingRegion: auth.region,
      signingService: auth.service,
      signableHeaders: new Set(auth.signedHeaders),
    },
  );
  const expected = parseAuthorization(signed.headers.authorization ?? signed.headers.Authorization);
  return (
    expected !== undefined &&
    expected.signature === auth.signature &&
    expected.signedHeaders.join(';') === auth.signedHeaders.join(';')
  );
}

/** `20240101T000000Z` → Date, or undefined. */
function parseAmzDate(value) {
  const dm = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(value ?? ''));
  return dm ? new Date(Date.UTC(+dm[1], +dm[2] - 1, +dm[3], +dm[4], +dm[5], +dm[6])) : undefined;
}

function amzStamp(date) {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Request headers as recorded: the signature and any session token are replaced, never stored. */
function redactHeaders(headers) {
  const out = {};
  for (const [k, v] of Object.entries(headers)) {
    if (k === 'authorization') out[k] = String(v).replace(/Signature=[0-9a-f]+/, 'Signature=<redacted>');
    else if (k === 'x-amz-security-token') out[k] = '<redacted>';
    else out[k] = v;
  }
  return out;
}

/**
 * The account the endpoint serves: `options.account`, else the demo account with `options.domains` (the older
 * form, object types as a list of names) in place of its domains.
 */
function accountOf(options) {
  if (options.account) return options.account;
  const demo = demoAccount();
  if (!options.domains) return demo;
  const domains = Object.fromEntries(
    Object.entries(options.domains).map(([name, cfg]) => [
      name,
      {
        ...cfg,
        objectTypes: Array.isArray(cfg.objectTypes)
          ? Object.fromEntries(cfg.objectTypes.map((t) => [t, { Fields: {}, Keys: {} }]))
          : (cfg.objectTypes ?? {}),
      },
    ]),
  );
  return { ...demo, domains };
}

// restJson1 errors: status code, `x-amzn-ErrorType` header, JSON body with `Message`.
function sendServiceError(res, status, type, message, namespace = 'customerprofiles') {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'x-amzn-ErrorType': `${type}:http://internal.amazon.com/coral/com.amazonaws.${namespace}/`,
  });
  res.end(JSON.stringify({ Message: message }));
}

const ok = (body) => ({ status: 200, body });
const notFound = (message) => ({ status: 404, type: 'ResourceNotFoundException', message });
const bad = (message) => ({ status: 400, type: 'BadRequestException', message });
const secs = (ms) => Math.floor(ms / 1000);

function safeJson(text) {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The service's own structural checks, reported the way AWS validation errors read. */
function structuralProblem(json) {
  if (!isObject(json)) return bad('Request body must be a JSON object.');
  const missing = (path) =>
    bad(`1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`);
  for (const key of ['WorkflowType', 'IntegrationConfig', 'ObjectTypeName', 'RoleArn']) {
    if (json[key] === undefined || json[key] === null) return missing(camel([key]));
  }
  if (json.WorkflowType !== 'APPFLOW_INTEGRATION') {
    return bad(
      `1 validation error detected: Value '${json.WorkflowType}' at 'workflowType' failed to satisfy constraint: Member must satisfy enum value set: [APPFLOW_INTEGRATION]`,
    );
  }
  for (const key of ['ObjectTypeName', 'RoleArn'])
    if (typeof json[key] !== 'string') return bad(`Invalid type for ${key}: expected a string.`);
  const ai = json.IntegrationConfig?.AppflowIntegration;
  if (!isObject(ai)) return missing('integrationConfig.appflowIntegration');
  const fd = ai.FlowDefinition;
  if (!isObject(fd)) return missing('integrationConfig.appflowIntegration.flowDefinition');
  const base = ['IntegrationConfig', 'AppflowIntegration', 'FlowDefinition'];
  for (const key of ['FlowName', 'KmsArn', 'SourceFlowConfig', 'Tasks', 'TriggerConfig']) {
    if (fd[key] === undefined || fd[key] === null) return missing(camel([...base, key]));
  }
  if (!isObject(fd.SourceFlowConfig) || typeof fd.SourceFlowConfig.ConnectorType !== 'string')
    return missing(camel([...base, 'SourceFlowConfig', 'ConnectorType']));
  if (!isObject(fd.SourceFlowConfig.SourceConnectorProperties))
    return missing(camel([...base, 'SourceFlowConfig', 'SourceConnectorProperties']));
  if (!Array.isArray(fd.Tasks)) return bad(`Invalid type at '${camel([...base, 'Tasks'])}': expected a list.`);
  for (let i = 0; i < fd.Tasks.length; i++) {
    const t = fd.Tasks[i];
    if (!isObject(t) || typeof t.TaskType !== 'string')
      return missing(`${camel([...base, 'Tasks'])}.${i + 1}.member.taskType`);
    if (!Array.isArray(t.SourceFields)) return missing(`${camel([...base, 'Tasks'])}.${i + 1}.member.sourceFields`);
  }
  if (!isObject(fd.TriggerConfig) || typeof fd.TriggerConfig.TriggerType !== 'string')
    return missing(camel([...base, 'TriggerConfig', 'TriggerType']));
  for (const path of TIMESTAMP_PATHS) {
    for (const v of valuesAt(json, path)) {
      if (typeof v !== 'number')
        return {
          status: 400,
          type: 'SerializationException',
          message: `Expected a timestamp in epoch seconds at ${path.join('.')}, got ${JSON.stringify(v)}.`,
        };
    }
  }
  return undefined;
}

function valuesAt(value, path) {
  if (path.length === 0) return value === undefined ? [] : [value];
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.flatMap((v) => valuesAt(v, rest)) : [];
  return isObject(value) ? valuesAt(value[head], rest) : [];
}

const camel = (keys) => keys.map((k) => k[0].toLowerCase() + k.slice(1)).join('.');
