'use strict';
// "Customer Profiles: Create Integration Workflow" in a real VS Code against the local Customer Profiles endpoint
// (SigV4-checked, restJson1): what reaches the endpoint, what the user is asked and told. The command's answers
// come through its options argument ({ confirm: false } or { answers }), the same seam a programmatic caller uses.
const assert = require('assert');
const vscode = require('vscode');
const path = require('path');
const { EXTENSION_ID, until, diagnosticsWhen, execute } = require('./helpers');
const {
  startSandbox,
  openRequestFile,
  expectedBody,
  create,
  PROFILE,
  DOMAIN,
  OBJECT_TYPE,
} = require('./create-support');

suite('create integration workflow', () => {
  let sandbox;
  suiteSetup(async () => {
    sandbox = await startSandbox();
  });
  suiteTeardown(async () => {
    await sandbox?.restore();
  });
  setup(() => {
    sandbox.endpoint.requests.length = 0;
    sandbox.endpoint.clearFaults();
  });
  teardown(async () => {
    await execute('workbench.action.closeAllEditors');
  });

  test('activation and an open workflow editor have not loaded the submission bundle (the AWS SDK)', async () => {
    const { doc } = await openRequestFile('before-any-command.cpworkflow.json');
    assert.strictEqual(doc.languageId, 'cpworkflow');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID).isActive);
    const bundle = path.join(vscode.extensions.getExtension(EXTENSION_ID).extensionPath, 'dist/submission.js');
    assert.strictEqual(require.cache[bundle], undefined, `${bundle} is loaded only by a submission command`);
  });

  test("a clean file is sent once, signed for the profile's region, as the AWS CLI would send it; the WorkflowId comes back", async () => {
    const { doc, uri } = await openRequestFile('clean.cpworkflow.json');
    const result = await create(uri);

    assert.strictEqual(result.outcome, 'created', result.shown);
    const creates = sandbox.creates();
    assert.strictEqual(creates.length, 1, 'exactly one CreateIntegrationWorkflow request');
    const [req] = creates;
    assert.strictEqual(req.method, 'POST');
    assert.strictEqual(req.path, `/domains/${DOMAIN}/workflows/integrations`);
    assert.strictEqual(req.signatureValid, true, 'SigV4 signature checks out');
    assert.strictEqual(req.signingService, 'profile');
    assert.strictEqual(req.signingRegion, 'us-east-1', 'region from the profile');
    assert.strictEqual(req.accessKeyId, sandbox.keys.accessKeyId, 'keys of the chosen profile');
    assert.deepStrictEqual(
      req.json,
      expectedBody(doc.getText()),
      'the file, DomainName in the path, timestamps as epoch seconds',
    );

    // the same path the activation test found absent: after a create it is loaded, so that check can fail
    const bundle = path.join(vscode.extensions.getExtension(EXTENSION_ID).extensionPath, 'dist/submission.js');
    assert.ok(require.cache[bundle], `${bundle} is loaded once a submission command ran`);
    assert.match(result.workflowId, /^[0-9a-f]{32}$/);
    assert.strictEqual(
      sandbox.endpoint.workflowStatus(result.workflowId) !== undefined,
      true,
      'the endpoint knows the workflow',
    );
    assert.ok(result.shown.includes(result.workflowId), 'the notification names the WorkflowId');
    assert.strictEqual(result.requestId, req.requestId, "the service's request id is kept");
    assert.ok(
      result.log.some((l) => l.includes(result.workflowId) && l.includes(req.requestId)),
      'the log has the id and request id',
    );

    const confirmation = result.asked.find((q) => q.kind === 'create');
    assert.ok(confirmation, 'a confirmation was asked');
    for (const word of [DOMAIN, OBJECT_TYPE, 'CP-Salesforce-Account-1', 'us-east-1', PROFILE, sandbox.endpoint.url]) {
      assert.ok(confirmation.detail.includes(word), `the confirmation names ${word}:\n${confirmation.detail}`);
    }
    assert.doesNotMatch(confirmation.detail, /unsaved/, 'a saved file is not called unsaved');
    const everything = JSON.stringify(result);
    assert.ok(
      !everything.includes(sandbox.keys.secretAccessKey) && !everything.includes(sandbox.keys.accessKeyId),
      'no credential in what was shown or logged',
    );
  });

  test("the editor's unsaved text is what is sent, and the confirmation says so", async () => {
    const { doc, editor, uri } = await openRequestFile('unsaved.cpworkflow.json');
    const at = doc.getText().indexOf('CP-Salesforce-Account-1');
    await editor.edit((e) =>
      e.replace(
        new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'CP-Salesforce-Account-1'.length)),
        'CP-Edited-Flow',
      ),
    );
    assert.ok(doc.isDirty);
    const result = await create(uri);
    assert.strictEqual(result.outcome, 'created', result.shown);
    assert.strictEqual(
      sandbox.creates()[0].json.IntegrationConfig.AppflowIntegration.FlowDefinition.FlowName,
      'CP-Edited-Flow',
    );
    assert.match(result.asked.find((q) => q.kind === 'create').detail, /unsaved text is sent/);
    await execute('workbench.action.files.revert');
  });

  test('a file with errors is refused with their count and nothing is sent', async () => {
    const { uri } = await openRequestFile('errors.cpworkflow.json', {
      edit: (t) => t.replace('"WorkflowType": "APPFLOW_INTEGRATION"', '"WorkflowType": "APPFLOW"'),
    });
    const shownErrors = (
      await diagnosticsWhen(uri, (ds) => ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'an error')
    ).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const result = await create(uri);
    assert.strictEqual(result.outcome, 'refused');
    assert.strictEqual(result.reason, 'errors');
    assert.strictEqual(result.errorCount, shownErrors.length, 'the count the Problems view shows');
    assert.match(result.shown, new RegExp(`has ${shownErrors.length} error`));
    assert.strictEqual(sandbox.endpoint.requests.length, 0, 'nothing reached the endpoint');
    assert.deepStrictEqual(result.asked, [], 'nothing was asked');
  });

  test("the refusal's button goes to this file's first error, not to another file's warning", async () => {
    // another file with a warning (PAT-14) is open and in the Problems view too
    const other = await openRequestFile('other-with-warning.cpworkflow.json', {
      example: 'zendesk-ticket.cpworkflow.json',
    });
    await diagnosticsWhen(other.uri, (ds) => ds.length > 0, "the other file's warning");
    const { uri, editor } = await openRequestFile('first-error.cpworkflow.json', {
      edit: (t) =>
        t
          .replace('"WorkflowType": "APPFLOW_INTEGRATION"', '"WorkflowType": "APPFLOW"')
          .replace('"TaskType": "Map"', '"TaskType": "Mapp"'),
    });
    const errors = (
      await diagnosticsWhen(
        uri,
        (ds) => ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length >= 2,
        'two errors',
      )
    )
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
      .sort((a, b) => a.range.start.compareTo(b.range.start));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.window.showTextDocument(other.doc); // the other file is in front when the button is pressed
    const result = await create(uri, { answers: { button: 'Go to First Error' } });
    assert.strictEqual(result.outcome, 'refused');
    const active = vscode.window.activeTextEditor;
    assert.strictEqual(active.document.uri.toString(), uri.toString(), 'the refused file is in front');
    assert.ok(
      active.selection.isEqual(errors[0].range),
      `the first error is selected: ${JSON.stringify(active.selection)} vs ${JSON.stringify(errors[0].range)}`,
    );
  });

  test('warnings and the target are one question: Cancel sends nothing, Fix First goes to the warning, Create sends', async () => {
    // The Zendesk example carries PAT-14 (a source CreateIntegrationWorkflow does not document) as a warning.
    const { uri, editor } = await openRequestFile('warnings.cpworkflow.json', {
      example: 'zendesk-ticket.cpworkflow.json',
      edit: (t) => t.replace('"ObjectTypeName": "Zendesk-Ticket"', `"ObjectTypeName": "${OBJECT_TYPE}"`),
    });
    const [warning] = await diagnosticsWhen(uri, (ds) => ds.length === 1, 'the warning');

    const declined = await create(uri, { answers: { create: false } });
    assert.strictEqual(declined.outcome, 'declined');
    assert.strictEqual(declined.reason, 'create');
    assert.strictEqual(declined.asked.length, 1, 'one question, not two in a row');
    const [q] = declined.asked;
    assert.match(q.message, /^Create the integration workflow "[^"]+" with 1 warning in Amazon Connect/);
    assert.match(q.detail, /Zendesk/, 'the warning itself is listed');
    assert.match(q.detail, /^Region: us-east-1/m, 'and the target');
    assert.deepStrictEqual(q.buttons, ['Create', 'Fix First']);
    assert.strictEqual(sandbox.endpoint.requests.length, 0);

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const fix = await create(uri, { answers: { create: 'fix-first' } });
    assert.strictEqual(fix.outcome, 'declined');
    assert.strictEqual(fix.reason, 'fix-first');
    assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), uri.toString());
    assert.ok(vscode.window.activeTextEditor.selection.isEqual(warning.range), 'the warning is selected');
    assert.strictEqual(sandbox.endpoint.requests.length, 0);

    const confirmed = await create(uri, { answers: { create: true } });
    assert.strictEqual(confirmed.outcome, 'created', confirmed.shown);
    assert.deepStrictEqual(
      confirmed.asked.map((q) => [q.kind, q.answer]),
      [['create', 'yes']],
    );
    assert.strictEqual(confirmed.warningCount, 1);
    assert.strictEqual(sandbox.creates().length, 1);
  });

  const sentStart = (req) =>
    req.json.IntegrationConfig.AppflowIntegration.FlowDefinition.TriggerConfig.TriggerProperties.Scheduled
      .ScheduleStartTime;

  test('a start time in the past: the question offers to move it to now + 5 minutes, and that is what is sent', async () => {
    const { doc, uri } = await openRequestFile('past-start.cpworkflow.json', {
      edit: (t) =>
        t.replace('"ScheduleStartTime": "2027-06-01T00:00:00Z"', '"ScheduleStartTime": "2020-01-01T00:00:00Z"'),
    });
    const result = await create(uri, { answers: { create: 'move-start' } });
    assert.strictEqual(result.outcome, 'created', result.shown);
    assert.strictEqual(result.asked.length, 1);
    assert.match(result.asked[0].detail, /ScheduleStartTime .* is in the past \(now is /);
    assert.match(result.asked[0].buttons[1], /^Move Start to \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ and Create$/);
    const [req] = sandbox.creates();
    assert.ok(sentStart(req) > Date.now() / 1000 + 240, `the sent start ${sentStart(req)} is about 5 minutes ahead`);
    assert.deepStrictEqual(req.json, expectedBody(doc.getText()), "the editor's text holds the new start, as sent");
    assert.ok(doc.isDirty, 'the move is an edit in the editor (undoable), not a hidden change');
    await execute('workbench.action.files.revert');
  });

  test('a start that passes while the question is open is asked about again before anything is sent', async () => {
    const soonMs = Math.ceil(Date.now() / 1000) * 1000 + 2000;
    const soon = new Date(soonMs).toISOString().replace('.000Z', 'Z');
    const { uri } = await openRequestFile('start-passes.cpworkflow.json', {
      edit: (t) => t.replace('"ScheduleStartTime": "2027-06-01T00:00:00Z"', `"ScheduleStartTime": "${soon}"`),
    });
    const questions = [];
    const result = await create(uri, {
      answers: {
        create: async (q) => {
          questions.push(q);
          if (questions.length > 1) return 'move-start';
          await until(() => Date.now() > soonMs + 200, 'the start time to pass while the question is open');
          return true;
        },
      },
    });
    assert.strictEqual(result.outcome, 'created', result.shown);
    assert.strictEqual(questions.length, 2, 'asked again once the start had passed');
    assert.doesNotMatch(questions[0].detail, /in the past/);
    assert.match(questions[1].detail, /ScheduleStartTime .* is in the past/);
    assert.strictEqual(sandbox.creates().length, 1);
    assert.ok(sentStart(sandbox.creates()[0]) > Date.now() / 1000 + 240, 'not stale when sent');
    await execute('workbench.action.files.revert');
  });

  test('answering no to the confirmation sends nothing', async () => {
    const { uri } = await openRequestFile('declined.cpworkflow.json');
    const result = await create(uri, { answers: { create: false } });
    assert.strictEqual(result.outcome, 'declined');
    assert.strictEqual(result.reason, 'create');
    assert.strictEqual(sandbox.endpoint.requests.length, 0);
  });

  test('a second invocation while the first request is in flight sends nothing and says so', async () => {
    const { uri } = await openRequestFile('double.cpworkflow.json');
    sandbox.endpoint.injectFault({ type: 'slow', operation: 'CreateIntegrationWorkflow', delayMs: 1500 });
    const first = create(uri);
    await until(() => sandbox.creates().length === 1, 'the first request to reach the endpoint');
    const second = await create(uri);
    assert.strictEqual(second.outcome, 'refused');
    assert.strictEqual(second.reason, 'busy');
    assert.match(second.shown, /already being created; nothing more was sent/);
    const firstResult = await first;
    assert.strictEqual(firstResult.outcome, 'created', firstResult.shown);
    assert.strictEqual(sandbox.creates().length, 1, 'one request in all');
  });

  test('two invocations in the same instant (a double click) send one request', async () => {
    const { uri } = await openRequestFile('double-click.cpworkflow.json');
    const results = await Promise.all([create(uri), create(uri)]);
    assert.deepStrictEqual(results.map((r) => r.outcome).sort(), ['created', 'refused']);
    assert.strictEqual(sandbox.creates().length, 1);
  });

  test('cancelling while the request is in flight stops waiting, says the workflow may exist, and sends nothing more', async () => {
    const { uri } = await openRequestFile('cancelled.cpworkflow.json');
    sandbox.endpoint.injectFault({ type: 'slow', operation: 'CreateIntegrationWorkflow', delayMs: 3000 });
    const cancel = new AbortController();
    const started = Date.now();
    const pending = create(uri, { confirm: false, signal: cancel.signal });
    await until(() => sandbox.creates().length === 1, 'the request to reach the endpoint');
    cancel.abort();
    const result = await pending;
    assert.strictEqual(result.outcome, 'cancelled');
    assert.ok(Date.now() - started < 2500, 'did not wait for the slow answer');
    assert.match(result.shown, /may have reached AWS and created the workflow/);
    assert.match(result.shown, /list-workflows --domain-name demo-domain/);
    assert.strictEqual(sandbox.creates().length, 1, 'not retried');
  });

  test("a service error shows the service's own message, the advice for it and the request id in the log", async () => {
    const { uri } = await openRequestFile('denied.cpworkflow.json');
    sandbox.endpoint.injectFault({ type: 'accessDenied', operation: 'CreateIntegrationWorkflow' });
    const result = await create(uri);
    assert.strictEqual(result.outcome, 'failed');
    assert.strictEqual(result.error.code, 'AccessDeniedException');
    assert.match(
      result.shown,
      /is not authorized to perform: profile:CreateIntegrationWorkflow/,
      "the service's words",
    );
    assert.match(result.shown, /RoleArn lacks permissions/, 'the advice');
    const [req] = sandbox.creates();
    assert.strictEqual(result.error.requestId, req.requestId);
    assert.ok(
      result.log.some((l) => l.includes(`request id ${req.requestId}`) && l.includes('HTTP 403')),
      result.log.join('\n'),
    );
    assert.strictEqual(sandbox.creates().length, 1, 'an access error is not retried');
  });

  test('a BadRequestException that names a field offers to go to that field in the file', async () => {
    const { doc, uri } = await openRequestFile('bad-request.cpworkflow.json');
    sandbox.endpoint.injectFault({
      type: 'badRequest',
      operation: 'CreateIntegrationWorkflow',
      message:
        "1 validation error detected: Value at 'integrationConfig.appflowIntegration.flowDefinition.flowName' failed to satisfy constraint: a flow with this name already exists",
    });
    const result = await create(uri);
    assert.strictEqual(result.outcome, 'failed');
    assert.strictEqual(result.error.code, 'BadRequestException');
    assert.match(result.shown, /a flow with this name already exists/, "the service's words");
    const field = result.error.field;
    assert.ok(field, 'a field to go to');
    assert.match(field.path, /FlowName$/);
    const text = doc.getText();
    assert.strictEqual(
      text.slice(field.offset, field.offset + field.length),
      '"FlowName"',
      'Go to FlowName selects its key',
    );
    assert.strictEqual(field.offset, text.indexOf('"FlowName"'));
  });

  test('an unknown domain is a ResourceNotFoundException that points at the region and DomainName', async () => {
    const { uri } = await openRequestFile('no-domain.cpworkflow.json', { domain: 'missing-domain' });
    const result = await create(uri);
    assert.strictEqual(result.error.code, 'ResourceNotFoundException');
    assert.match(result.shown, /Domain missing-domain does not exist in us-east-1/, "the service's words");
    assert.match(result.error.advice, /choose the region where the domain lives/);
    assert.strictEqual(result.error.field.path, 'DomainName', 'Go to DomainName is offered');
  });

  test('throttling is retried by the SDK and then succeeds with one workflow', async () => {
    const { uri } = await openRequestFile('throttled.cpworkflow.json');
    const before = sandbox.endpoint.workflowCount;
    sandbox.endpoint.injectFault({ type: 'throttle', operation: 'CreateIntegrationWorkflow', times: 1 });
    const result = await create(uri);
    assert.strictEqual(result.outcome, 'created', result.shown);
    assert.deepStrictEqual(
      sandbox.creates().map((r) => r.status),
      [429, 200],
    );
    assert.strictEqual(sandbox.endpoint.workflowCount, before + 1, 'one workflow, not two');
  });

  test('a profile without a region asks for one (answered here), remembers it, and does not ask again', async () => {
    const cfg = vscode.workspace.getConfiguration('cpworkflow.aws');
    await cfg.update('profile', 'cpw-no-region', vscode.ConfigurationTarget.Global);
    try {
      const { uri } = await openRequestFile('no-region.cpworkflow.json');
      const first = await create(uri, { confirm: false, answers: { region: 'us-east-1' } });
      assert.strictEqual(first.outcome, 'created', first.shown);
      assert.deepStrictEqual(
        first.asked.map((q) => q.kind),
        ['region', 'create'],
      );
      assert.match(first.asked[1].detail, /Region: us-east-1 \(chosen now\)/);
      const second = await create(uri);
      assert.strictEqual(second.outcome, 'created', second.shown);
      assert.deepStrictEqual(
        second.asked.map((q) => q.kind),
        ['create'],
        'the region is not asked again',
      );
      assert.match(second.asked[0].detail, /Region: us-east-1 \(chosen earlier\)/);
      assert.deepStrictEqual(
        sandbox.creates().map((r) => r.signingRegion),
        ['us-east-1', 'us-east-1'],
      );
    } finally {
      await cfg.update('profile', PROFILE, vscode.ConfigurationTarget.Global);
    }
  });

  test("VS Code's http.proxy carries the request (a CONNECT tunnel through a proxy on 127.0.0.1)", async () => {
    const http = require('http');
    const net = require('net');
    const tunnels = [];
    const proxy = http.createServer((_req, res) => {
      res.writeHead(405);
      res.end();
    });
    proxy.on('connect', (req, client, head) => {
      tunnels.push(req.url);
      const [host, port] = req.url.split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(undefined)));
    const httpCfg = vscode.workspace.getConfiguration('http');
    await httpCfg.update(
      'proxy',
      `http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (proxy.address()).port}`,
      vscode.ConfigurationTarget.Global,
    );
    try {
      const { uri } = await openRequestFile('proxied.cpworkflow.json');
      const result = await create(uri);
      assert.strictEqual(result.outcome, 'created', result.shown);
      assert.deepStrictEqual(tunnels, [new URL(sandbox.endpoint.url).host], 'one tunnel, to the endpoint');
      assert.strictEqual(sandbox.creates().length, 1);
    } finally {
      await httpCfg.update('proxy', undefined, vscode.ConfigurationTarget.Global);
      proxy.closeAllConnections?.();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  test('with the settings empty, AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL decide, as for the AWS CLI', async () => {
    const cfg = vscode.workspace.getConfiguration('cpworkflow.aws');
    await cfg.update('profile', undefined, vscode.ConfigurationTarget.Global);
    await cfg.update('endpointUrl', undefined, vscode.ConfigurationTarget.Global);
    Object.assign(process.env, {
      AWS_PROFILE: 'cpw-no-region',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: sandbox.endpoint.url,
    });
    try {
      const { uri } = await openRequestFile('environment.cpworkflow.json');
      const result = await create(uri);
      assert.strictEqual(result.outcome, 'created', result.shown);
      const detail = result.asked.find((q) => q.kind === 'create').detail;
      assert.match(detail, /^Region: us-east-1 \(AWS_REGION\)$/m);
      assert.match(detail, /^Profile: cpw-no-region \(AWS_PROFILE\)$/m);
      assert.ok(detail.includes(`Endpoint: ${sandbox.endpoint.url} (AWS_ENDPOINT_URL)`), detail);
      assert.strictEqual(sandbox.creates().length, 1);
    } finally {
      for (const k of ['AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL']) delete process.env[k];
      await cfg.update('profile', PROFILE, vscode.ConfigurationTarget.Global);
      await cfg.update('endpointUrl', sandbox.endpoint.url, vscode.ConfigurationTarget.Global);
    }
  });

  test('a dead endpoint says the connection was refused and that nothing was sent', async () => {
    const cfg = vscode.workspace.getConfiguration('cpworkflow.aws');
    const { uri } = await openRequestFile('refused.cpworkflow.json');
    const net = require('net');
    const port = await new Promise((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = /** @type {import('net').AddressInfo} */ (s.address()).port;
        s.close(() => resolve(p));
      });
    });
    await cfg.update('endpointUrl', `http://127.0.0.1:${port}`, vscode.ConfigurationTarget.Global);
    try {
      const result = await create(uri);
      assert.strictEqual(result.outcome, 'failed');
      assert.strictEqual(result.error.code, 'ConnectionRefused');
      assert.match(result.shown, /connection refused/i);
      assert.match(result.shown, /Nothing was sent/);
    } finally {
      await cfg.update('endpointUrl', sandbox.endpoint.url, vscode.ConfigurationTarget.Global);
    }
  });
});
