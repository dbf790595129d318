// A hostile HTTP server on 127.0.0.1 behind the submission library: what is sent, how often, and for how long.
// Every request loop here is bounded in count and in time.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  createCustomerProfilesClient,
  createWorkflow,
  explainAwsError,
  getWorkflowProgress,
  redactCredentials,
  toCreateWorkflowInput,
  WorkflowInputError,
} from '../../server/src/aws';
import { fieldNamedIn } from '../../server/src/aws/fieldInMessage';
import { ROOT } from '../support/root';
import { createSandbox, failure, fakeKeys, type Sandbox } from './support';

const FIXTURE_TEXT = readFileSync(join(ROOT, 'test/fixtures/aws/timestamps.cpworkflow.json'), 'utf8');
const input = () => toCreateWorkflowInput(JSON.parse(FIXTURE_TEXT));

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A server that answers every request with `handler`, counting them; sockets are destroyed on close. */
async function hostileServer(handler: Handler) {
  let count = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res, ++count));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return count;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const json = (res: ServerResponse, status: number, body: unknown, type?: string) => {
  res.writeHead(status, { 'content-type': 'application/json', ...(type ? { 'x-amzn-ErrorType': type } : {}) });
  res.end(JSON.stringify(body));
};

describe('hostile endpoints: what is sent, how often and for how long', function () {
  this.timeout(30_000);
  let sandbox: Sandbox;
  let server: Awaited<ReturnType<typeof hostileServer>> | undefined;
  beforeEach(() => {
    sandbox = createSandbox();
    const keys = fakeKeys();
    sandbox.setEnv({ AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey });
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    sandbox.restore();
  });

  async function create(handler: Handler, timeoutMs = 5000) {
    server = await hostileServer(handler);
    const client = await createCustomerProfilesClient({ endpointUrl: server.url, region: 'us-east-1', timeoutMs });
    const started = performance.now();
    try {
      const err = await failure(createWorkflow(client, input()));
      return { err, ms: performance.now() - started };
    } finally {
      client.destroy();
    }
  }

  it('sends a create once when the service answers TransactionInProgressException', async () => {
    const { err } = await create((_req, res) =>
      json(res, 400, { message: 'A transaction is in progress' }, 'TransactionInProgressException'),
    );
    assert.equal(server!.requests, 1, 'not retried');
    assert.equal((err as Error).name, 'TransactionInProgressException');
  });

  it('still retries a create the service throttled (nothing was created)', async () => {
    await create((_req, res, n) =>
      n < 3
        ? json(res, 429, { message: 'Rate exceeded' }, 'ThrottlingException')
        : json(res, 400, { message: 'stop' }, 'BadRequestException'),
    );
    assert.equal(server!.requests, 3);
  });

  it('says a 200 it cannot read may have created the workflow', async () => {
    for (const body of ['<html><body>Sign in to the portal</body></html>', '{"WorkflowId":"abc']) {
      const { err } = await create((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      });
      const x = explainAwsError(err, { operation: 'CreateIntegrationWorkflow', domainName: 'demo-domain' });
      assert.equal(x.mayHaveBeenCreated, true, body);
      assert.match(x.text, /may have reached AWS and created the workflow: list the domain's workflows/);
      assert.doesNotMatch(x.text, /Deserialization error/);
      assert.equal(server!.requests, 1, 'not sent again');
      await server!.close();
      server = undefined;
    }
  });

  it('bounds the whole response by the timeout: a body dripped a byte at a time is given up on', async () => {
    const timers = new Set<NodeJS.Timeout>();
    const { err, ms } = await create((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 100);
      timers.add(t);
    }, 1000);
    for (const t of timers) clearInterval(t);
    assert.ok(ms < 4000, `gave up after ${ms.toFixed(0)} ms (timeout 1 s)`);
    assert.equal(server!.requests, 1, 'a create that may have reached AWS is not sent again');
    const x = explainAwsError(err, { operation: 'CreateIntegrationWorkflow', timeoutMs: 1000 });
    assert.equal(x.code, 'Timeout');
    assert.equal(x.mayHaveBeenCreated, true);
  });

  it('does not read a response larger than the cap', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let written = 0;
    const { err } = await create((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"WorkflowId":"');
      const more = () => {
        // 300 MB if it were all read
        while (!res.destroyed && written < 300 && res.write(chunk)) written++;
        if (!res.destroyed && written < 300) res.once('drain', more);
        else res.end('"}');
      };
      more();
    });
    assert.equal((err as Error).name, 'ResponseTooLargeError');
    assert.ok(written < 60, `${written} MB written before the client stopped reading`);
  });

  it('stops following a repeated NextToken and caps the pages of GetWorkflowSteps', async () => {
    for (const token of [() => 'same', (n: number) => `t${n}`]) {
      server = await hostileServer((req, res, n) => {
        if (req.url?.includes('/steps')) json(res, 200, { Items: [], NextToken: token(n) });
        else json(res, 200, { WorkflowId: 'w', Status: 'COMPLETE', WorkflowType: 'APPFLOW_INTEGRATION' });
      });
      const client = await createCustomerProfilesClient({ endpointUrl: server.url, region: 'us-east-1' });
      try {
        await getWorkflowProgress(client, 'demo-domain', 'w');
      } finally {
        client.destroy();
      }
      assert.ok(server.requests <= 52, `${server.requests} requests`);
      await server.close();
      server = undefined;
    }
  });
});

describe('hostile input to the submission library', () => {
  it('never sends a non-finite number: 1e400 (Infinity after JSON.parse) and a timestamp past year 275760', () => {
    const withScheduled = (member: string, value: number) => {
      const doc = JSON.parse(FIXTURE_TEXT);
      doc.IntegrationConfig.AppflowIntegration.FlowDefinition.TriggerConfig.TriggerProperties.Scheduled[member] = value;
      return doc;
    };
    assert.throws(
      () => toCreateWorkflowInput(withScheduled('ScheduleOffset', JSON.parse('1e400'))),
      WorkflowInputError,
    );
    // refused before any Date is made: the AWS CLI reads epoch seconds of the years 1 to 9999 only
    assert.throws(
      () => toCreateWorkflowInput(withScheduled('ScheduleStartTime', 1e20)),
      /ScheduleStartTime: 100000000000000000000 is not a timestamp the AWS CLI reads/,
    );
  });

  it('matches field names of a long BadRequest message against a large file in linear time', () => {
    const file = (tasks: number) =>
      JSON.stringify({
        DomainName: 'd',
        IntegrationConfig: {
          AppflowIntegration: {
            FlowDefinition: {
              Tasks: Array.from({ length: tasks }, (_, i) => ({ SourceFields: [`F${i}`], TaskType: 'Map' })),
            },
          },
        },
      });
    const message = (paths: number) =>
      Array.from({ length: paths }, (_, i) => `Value at 'sourceFields.${i}.member.nope' failed;`).join(' ');
    const time = (tasks: number, paths: number) => {
      const [m, f] = [message(paths), file(tasks)];
      const t = performance.now();
      fieldNamedIn(m, f);
      return performance.now() - t;
    };
    time(1000, 100);
    // the fastest of three: a GC pause or a busy machine is not the algorithm's cost
    const fastest = (tasks: number, paths: number) => Math.min(...[0, 1, 2].map(() => time(tasks, paths)));
    const small = fastest(5_000, 500);
    const large = fastest(20_000, 2_000);
    // 4× the file and 4× the message: quadratic work would take ~16× as long
    assert.ok(large < Math.max(small * 8, 500), `small ${small.toFixed(0)} ms, large ${large.toFixed(0)} ms`);
  });

  it('redacts the whole password of a URL whose password holds a raw @', () => {
    const out = redactCredentials('could not reach http://me:s3cr@t-tail@proxy.example:8080/x');
    assert.equal(out, 'could not reach http://proxy.example:8080/x');
  });

  it('keeps a run of 100+ letters (a word, a path) but still redacts a token', () => {
    const letters = 'Supercalifragilistic'.repeat(6);
    assert.equal(redactCredentials(`field ${letters} missing`), `field ${letters} missing`);
    const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD'.repeat(3);
    assert.equal(redactCredentials(`token ${token}`), 'token <redacted>');
  });
});
