// Every quick fix, applied: break an example in one way, take the fix for that diagnostic, validate again. The
// diagnostic is gone, no new error appears, and the text is what a user would expect.
import * as assert from 'node:assert/strict';
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { readExample, docOf } from '../support/workflows';
import { applyAction, applyTextEdits, describe1, errorsOf, service } from './support';

const SF = readExample('salesforce-account.cpworkflow.json');
const SN = readExample('servicenow-incident.cpworkflow.json');
const S3 = readExample('s3-customers.cpworkflow.json');
const MK = readExample('marketo-lead.cpworkflow.json');

function replaced(text: string, find: string | RegExp, by: string): string {
  const out = text.replace(find, by);
  assert.notEqual(out, text, `fixture text not found: ${find}`);
  return out;
}

const key = (d: Diagnostic) => `${d.code} ${d.message}`;

/**
 * Validates `text`, takes the diagnostic with `code` (the first, or the one `pick` selects), lists its fixes and
 * applies
 * the one titled `title` (default: the first). Asserts the diagnostic is gone and no error appeared. Returns the titles
 * offered and the fixed text.
 */
function fix(
  text: string,
  code: string,
  title?: string | RegExp,
  pick?: (d: Diagnostic) => boolean,
): { titles: string[]; text: string; before: Diagnostic[]; after: Diagnostic[] } {
  const svc = service();
  const doc = docOf(text);
  const before = svc.validate(doc);
  const target = before.find((d) => d.code === code && (!pick || pick(d)));
  assert.ok(target, `no ${code} diagnostic; found:\n${describe1(before)}`);
  const actions = svc.codeActions(doc, [target]);
  const titles = actions.map((a) => a.title);
  const chosen =
    title === undefined
      ? actions[0]
      : actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(chosen, `no fix ${title ?? ''} for ${key(target)}; offered: ${JSON.stringify(titles)}`);
  assert.equal(chosen.kind, CodeActionKind.QuickFix);
  assert.deepEqual(chosen.diagnostics, [target]);
  const fixed = applyAction(text, chosen);
  const after = svc.validate(docOf(fixed));
  assert.ok(
    !after.some((d) => key(d) === key(target)),
    `still there after "${chosen.title}": ${key(target)}\n${fixed}`,
  );
  const known = new Set(errorsOf(before).map(key));
  const fresh = errorsOf(after).filter((d) => !known.has(key(d)));
  assert.deepEqual(fresh, [], `"${chosen.title}" brought new errors:\n${describe1(fresh)}`);
  return { titles, text: fixed, before, after };
}

/**
 * Validates `text`, takes its `code` diagnostic, then inserts a task before the first one, as a user typing on would:
 * the editor moves the diagnostic's range, its data stays as it was. Returns the edited text and the fixes offered
 * then.
 */
function fixesAfterInsertingATaskFirst(text: string, code: string): { edited: string; actions: CodeAction[] } {
  const svc = service();
  const before = docOf(text);
  const d = svc.validate(before).find((x) => x.code === code)!;
  const inserted =
    '{ "TaskType": "Map", "ConnectorOperator": { "Salesforce": "NO_OP" }, "SourceFields": ["Name"], "DestinationField": "Name" },\n          ';
  const at = text.indexOf('{', text.indexOf('"Tasks": ['));
  const edited = text.slice(0, at) + inserted + text.slice(at);
  const after = docOf(edited);
  const moved = (p: { line: number; character: number }) => after.positionAt(before.offsetAt(p) + inserted.length);
  return {
    edited,
    actions: svc.codeActions(after, [{ ...d, range: { start: moved(d.range.start), end: moved(d.range.end) } }]),
  };
}

describe('quick fixes: connector and operator', () => {
  it("OP-1: renames a ConnectorOperator key to the connector's key", () => {
    const text = replaced(SF, '"Salesforce": "VALIDATE_NON_NULL"', '"S3": "VALIDATE_NON_NULL"');
    const r = fix(text, 'OP-1');
    assert.deepEqual(r.titles, ['Rename "S3" to "Salesforce"']);
    assert.equal(r.text, SF);
  });

  it('OP-1: removes a second operator member when the right key is there too', () => {
    const text = replaced(
      SF,
      '"Salesforce": "VALIDATE_NON_NULL"',
      '"Salesforce": "VALIDATE_NON_NULL",\n              "S3": "NO_OP"',
    );
    assert.equal(fix(text, 'OP-1', 'Remove "S3"').text, SF);
  });

  it('OP-1: adds the operator a task without ConnectorOperator needs', () => {
    const text = replaced(SF, /"ConnectorOperator": \{\n\s+"Salesforce": "VALIDATE_NON_NULL"\n\s+\},\n\s+/, '');
    const r = fix(text, 'OP-1', 'Add ConnectorOperator { "Salesforce": "VALIDATE_NON_NULL" }');
    assert.deepEqual(
      r.titles,
      ['VALIDATE_NON_NULL', 'VALIDATE_NON_ZERO', 'VALIDATE_NON_NEGATIVE', 'VALIDATE_NUMERIC'].map(
        (op) => `Add ConnectorOperator { "Salesforce": "${op}" }`,
      ),
    );
    assert.match(
      r.text,
      /"VALIDATION_ACTION": "DropRecord"\n {12}\},\n {12}"ConnectorOperator": \{\n {14}"Salesforce": "VALIDATE_NON_NULL"\n {12}\}\n {10}\}/,
    );
  });

  it('CASE-2: ServiceNow → Servicenow', () => {
    const text = replaced(SN, '"ConnectorType": "Servicenow"', '"ConnectorType": "ServiceNow"');
    const r = fix(text, 'CASE-2');
    assert.deepEqual(r.titles, ['Change to "Servicenow"']);
    assert.equal(r.text, SN);
  });

  it('replaces an operator the connector lacks with each allowed one, closest first', () => {
    const text = replaced(SF, '"Salesforce": "PROJECTION"', '"Salesforce": "LESS_THEN"');
    const r = fix(text, 'enum', 'Change to "LESS_THAN"');
    assert.equal(r.titles[0], 'Change to "LESS_THAN"');
    // a Filter task: only filter operators are offered, never one that trades this error for another
    assert.ok(
      r.titles.every((t) => /LESS|GREATER|EQUAL|BETWEEN|CONTAINS|PROJECTION/.test(t)),
      r.titles.join(),
    );
    assert.ok(r.titles.length <= 8);
  });

  it("Marketo EQUAL_TO in a Filter: the message lists Marketo's 4 filter operators, the fixes are the comparisons (no second projection), and nothing adds properties for the operator Marketo lacks", () => {
    const filter =
      '{\n            "TaskType": "Filter",\n            "ConnectorOperator": {\n              "Marketo": "EQUAL_TO"\n' +
      '            },\n            "SourceFields": [\n              "email"\n            ]\n          },\n          ';
    const text = replaced(MK, /("Tasks": \[\n\s*)/, `$1${filter}`);
    const svc = service();
    const doc = docOf(text);
    const line = doc.positionAt(text.indexOf('"EQUAL_TO"')).line;
    const here = svc.validate(doc).filter((d) => d.range.start.line <= line && d.range.end.line >= line);
    assert.deepEqual(
      here.map((d) => d.message),
      [
        '"EQUAL_TO" is not a Marketo operator; Marketo allows for a Filter task: PROJECTION, LESS_THAN, GREATER_THAN or BETWEEN.',
      ],
    );
    const titles = svc.codeActions(doc, here).map((a) => a.title);
    assert.deepEqual(titles.sort(), ['Change to "BETWEEN"', 'Change to "GREATER_THAN"', 'Change to "LESS_THAN"']);
  });

  it("an error's own fixes come before a warning's", () => {
    const svc = service();
    // a warning (CASE-2, ConnectorType spelled as the key) above an error (an operator ServiceNow lacks)
    const warning = replaced(SN, '"ConnectorType": "Servicenow"', '"ConnectorType": "ServiceNow"');
    const text = replaced(warning, '"ServiceNow": "PROJECTION"', '"ServiceNow": "PROJECTIN"');
    const doc = docOf(text);
    const all = svc.validate(doc);
    const actions = svc.codeActions(doc, all);
    const severities = actions.map((a) => Math.min(...a.diagnostics!.map((d) => d.severity!)));
    assert.ok(severities.length > 1 && new Set(severities).size > 1, `errors and warnings both fixed: ${severities}`);
    assert.deepEqual(
      severities,
      [...severities].sort((a, b) => a - b),
    );
  });

  it('replaces an operator of the wrong TaskType with each one the TaskType takes, and offers the right TaskType', () => {
    const text = replaced(SF, '"Salesforce": "VALIDATE_NON_NULL"', '"Salesforce": "MASK_ALL"');
    const r = fix(text, 'task-operator', 'Change to "VALIDATE_NON_NULL"');
    assert.deepEqual(
      r.titles.slice(0, 4).sort(),
      ['VALIDATE_NON_NEGATIVE', 'VALIDATE_NON_NULL', 'VALIDATE_NON_ZERO', 'VALIDATE_NUMERIC'].map(
        (v) => `Change to "${v}"`,
      ),
    );
    assert.ok(r.titles.includes('Change TaskType to "Mask"'));
    assert.equal(r.text, SF);
  });

  it('OP-2: VALIDATE_NOT_NULL is one finding with one fix, VALIDATE_NON_NULL', () => {
    const text = replaced(SF, '"Salesforce": "VALIDATE_NON_NULL"', '"Salesforce": "VALIDATE_NOT_NULL"');
    const r = fix(text, 'enum');
    assert.deepEqual(
      r.before
        .filter((d) => d.range.start.line === r.before.find((x) => x.code === 'enum')!.range.start.line)
        .map((d) => d.code),
      ['enum'],
      'one finding on the misspelt operator',
    );
    assert.deepEqual(r.titles, ['Change to "VALIDATE_NON_NULL"']);
    assert.equal(r.text, SF);
  });

  it("PAT-12: renames the SourceConnectorProperties member to the connector's key", () => {
    const text = replaced(
      SF,
      '"SourceConnectorProperties": {\n            "Salesforce"',
      '"SourceConnectorProperties": {\n            "Marketo"',
    );
    const r = fix(text, 'PAT-12', 'Rename "Marketo" to "Salesforce"');
    assert.equal(r.text, SF);
  });
});

describe('quick fixes: schedule and timestamps', () => {
  it('SCH-2: rate(1 hour) → rate(1hours)', () => {
    const text = replaced(SF, '"rate(1hours)"', '"rate(1 hour)"');
    const r = fix(text, 'SCH-2');
    assert.deepEqual(r.titles, ['Change to "rate(1hours)"']);
    assert.equal(r.text, SF);
  });

  it('SCH-18: epoch milliseconds → seconds', () => {
    const text = replaced(SF, '"ScheduleStartTime": "2027-06-01T00:00:00Z"', '"ScheduleStartTime": 1811808000000');
    const r = fix(text, 'SCH-18');
    assert.equal(r.text, SF.replace('"ScheduleStartTime": "2027-06-01T00:00:00Z"', '"ScheduleStartTime": 1811808000'));
  });

  it('timestamp-utc: a zone-less time beside a Timezone offers both readings, UTC and the zone on that date', () => {
    const text = replaced(
      SF,
      '"ScheduleStartTime": "2027-06-01T00:00:00Z"',
      '"ScheduleStartTime": "2027-06-01T09:00:00"',
    );
    const utc = fix(text, 'timestamp-utc', /^Mean UTC/);
    assert.deepEqual(utc.titles, [
      'Mean UTC: "2027-06-01T09:00:00Z"',
      'Mean America/New_York time: "2027-06-01T09:00:00-04:00"',
    ]);
    assert.match(utc.text, /"ScheduleStartTime": "2027-06-01T09:00:00Z"/);
    // January: standard time, -05:00
    const winter = replaced(
      SF,
      '"ScheduleStartTime": "2027-06-01T00:00:00Z"',
      '"ScheduleStartTime": "2028-01-10T09:00:00"',
    );
    assert.match(
      fix(winter, 'timestamp-utc', /^Mean America/).text,
      /"ScheduleStartTime": "2028-01-10T09:00:00-05:00"/,
    );
  });

  it('SCH-18: epoch milliseconds as a string → seconds; other forms → ISO 8601', () => {
    const ms = replaced(SF, '"ScheduleStartTime": "2027-06-01T00:00:00Z"', '"ScheduleStartTime": "1811808000000"');
    assert.match(fix(ms, 'SCH-18').text, /"ScheduleStartTime": 1811808000\b/);
    const rfc = replaced(SF, '"2027-06-01T00:00:00Z"', '"Tue, 01 Jun 2027 00:00:00 GMT"');
    assert.equal(fix(rfc, 'timestamp-form').text, SF);
    const pst = replaced(SF, '"2027-06-01T00:00:00Z"', '"2027-06-01 00:00:00 PST"');
    assert.equal(fix(pst, 'timestamp-zone').text, SF);
  });

  it('SCH-1: offers the AppFlow rate templates for an expression AppFlow cannot run', () => {
    const text = replaced(SF, '"rate(1hours)"', '"every hour"');
    const r = fix(text, 'SCH-1', 'Change to "rate(1hours)"');
    assert.deepEqual(r.titles, ['Change to "rate(15minutes)"', 'Change to "rate(1hours)"', 'Change to "rate(1days)"']);
    assert.equal(r.text, SF);
  });

  it('SCH-13: a start time in the past moves to now + 5 minutes', () => {
    const text = replaced(
      SF,
      '"ScheduleStartTime": "2027-06-01T00:00:00Z"',
      '"ScheduleStartTime": "2025-01-01T00:00:00Z"',
    );
    const r = fix(text, 'SCH-13');
    assert.match(r.text, /"ScheduleStartTime": "2026-03-10T14:13:00Z"/);
  });

  it('TRG-2: adds the schedule a Scheduled trigger needs', () => {
    const text = replaced(SF, /,\n\s+"TriggerProperties": \{[\s\S]*?\n {10}\}/, '');
    const r = fix(text, 'TRG-2');
    assert.match(
      r.text,
      /"TriggerType": "Scheduled",\n {10}"TriggerProperties": \{\n {12}"Scheduled": \{\n {14}"ScheduleExpression": "rate\(1hours\)"\n {12}\}\n {10}\}\n/,
    );
  });

  it('TRG-4: an Event trigger on a source without change events becomes OnDemand', () => {
    const text = replaced(MK, '"TriggerType": "Scheduled"', '"TriggerType": "Event"');
    const r = fix(text, 'TRG-4');
    assert.deepEqual(r.titles, ['Change to "OnDemand"'], 'Scheduled would need a schedule (TRG-2)');
    assert.match(r.text, /"TriggerType": "OnDemand"/);
  });

  it('TRG-3: removes TriggerProperties from an OnDemand trigger', () => {
    const text = replaced(SF, '"TriggerType": "Scheduled"', '"TriggerType": "OnDemand"');
    const r = fix(text, 'TRG-3');
    assert.deepEqual(r.titles, ['Remove "TriggerProperties"']);
    assert.match(r.text, /"TriggerConfig": \{\n {10}"TriggerType": "OnDemand"\n {8}\}/);
  });
});

describe('quick fixes: projection', () => {
  it('PAT-1: inserts a projection task listing every field the other tasks read', () => {
    const text = replaced(SF, /\{\n\s+"TaskType": "Filter",[\s\S]*?"LastModifiedDate"\n\s+\]\n\s+\},\n\s+/, '');
    const r = fix(text, 'PAT-1');
    assert.deepEqual(r.titles, ['Insert a projection task listing 5 fields']);
    assert.match(
      r.text,
      /"Tasks": \[\n {10}\{\n {12}"TaskType": "Filter",\n {12}"ConnectorOperator": \{\n {14}"Salesforce": "PROJECTION"\n {12}\},\n {12}"SourceFields": \[\n {14}"Id",\n {14}"Name",\n {14}"Phone",\n {14}"BillingCity",\n {14}"LastModifiedDate"\n {12}\]\n {10}\},\n {10}\{\n {12}"TaskType": "Map"/,
    );
    assert.ok(!r.after.some((d) => d.code === 'PAT-4'), 'every field is projected now');
  });

  it('PAT-4: adds an unprojected field to the projection', () => {
    const text = replaced(SF, '"BillingCity",\n              "LastModifiedDate"', '"LastModifiedDate"');
    const r = fix(text, 'PAT-4');
    assert.deepEqual(r.titles, ['Add "BillingCity" to the projection task']);
    assert.match(r.text, /"LastModifiedDate",\n {14}"BillingCity"\n {12}\]/);
  });

  it('PAT-4: adds to the projection even after an edit moved it', () => {
    const { edited, actions } = fixesAfterInsertingATaskFirst(
      replaced(SF, '"BillingCity",\n              "LastModifiedDate"', '"LastModifiedDate"'),
      'PAT-4',
    );
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Add "BillingCity" to the projection task'],
    );
    assert.match(applyAction(edited, actions[0]), /"LastModifiedDate",\n {14}"BillingCity"\n {12}\]/);
  });

  it('PAT-5: adds the field a Validate task reads to the projection', () => {
    const text = replaced(
      SF,
      '"Salesforce": "VALIDATE_NON_NULL"\n            },\n            "SourceFields": [\n              "Id"',
      '"Salesforce": "VALIDATE_NON_NULL"\n            },\n            "SourceFields": [\n              "Email"',
    );
    const r = fix(text, 'PAT-5');
    assert.match(r.text, /"LastModifiedDate",\n {14}"Email"\n/);
  });

  it('PAT-6: adds Map tasks for every projected field no Map writes, in one action, laid out as Format Document would', () => {
    const mapOf = (field: string) =>
      new RegExp(
        `\\{\\s*"TaskType": "Map",[^{}]*\\{[^{}]*\\},\\s*"SourceFields": \\[\\s*"${field}"[^{}]*\\{[^{}]*\\}\\s*\\},\\s*`,
      );
    const text = replaced(replaced(SN, mapOf('number'), ''), mapOf('short_description'), '');
    const r = fix(text, 'PAT-6', 'Add Map tasks for the 2 projected fields no Map writes');
    assert.ok(!r.after.some((d) => d.code === 'PAT-6'), describe1(r.after));
    const tasks = JSON.parse(r.text).IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks;
    assert.deepEqual(tasks.slice(-2), [
      {
        TaskType: 'Map',
        ConnectorOperator: { ServiceNow: 'NO_OP' },
        SourceFields: ['number'],
        DestinationField: 'number',
        TaskProperties: {},
      },
      {
        TaskType: 'Map',
        ConnectorOperator: { ServiceNow: 'NO_OP' },
        SourceFields: ['short_description'],
        DestinationField: 'short_description',
        TaskProperties: {},
      },
    ]);
    const formatted = service().format(docOf(r.text), { tabSize: 2, insertSpaces: true });
    // (the examples end with a newline, which Format Document without insertFinalNewline drops)
    assert.equal(applyTextEdits(r.text, formatted), r.text.trimEnd(), 'Format Document changes nothing');
  });

  it('PAT-2: merges a second projection into the first', () => {
    const second =
      '{\n            "TaskType": "Filter",\n            "ConnectorOperator": {\n              "Salesforce": "PROJECTION"\n            },\n            "SourceFields": [\n              "Email", "Id", "Fax"\n            ]\n          },\n          ';
    const text = replaced(SF, /(\{\n\s+"TaskType": "Validate")/, `${second}$1`);
    const r = fix(text, 'PAT-2');
    // one field a line, as Format Document lays a multi-line list out
    assert.match(r.text, /"LastModifiedDate",\n {14}"Email",\n {14}"Fax"\n {12}\]/);
    assert.equal((r.text.match(/"PROJECTION"/g) ?? []).length, 1);
  });

  it('PAT-9: moves the projection task first', () => {
    const projection = /\{\n\s+"TaskType": "Filter",[\s\S]*?"LastModifiedDate"\n\s+\]\n\s+\},\n\s+/.exec(SF)![0];
    const text = replaced(
      SF.replace(projection, ''),
      /(\n {10}\{\n {12}"TaskType": "Validate")/,
      `\n          ${projection.trimEnd().replace(/,$/, '')},$1`,
    );
    const r = fix(text, 'PAT-9');
    assert.equal(r.text, SF);
  });

  it('PAT-7: gives a Map task without DestinationField its source field', () => {
    const text = replaced(SF, ',\n            "DestinationField": "Phone"', '');
    const r = fix(text, 'PAT-7');
    assert.deepEqual(r.titles, ['Set DestinationField to "Phone"']);
    assert.match(
      r.text,
      /"TaskProperties": \{\n\s+"SOURCE_DATA_TYPE": "phone",\n\s+"DESTINATION_DATA_TYPE": "phone"\n\s+\},\n {12}"DestinationField": "Phone"\n/,
    );
  });
});

describe('quick fixes: model checks', () => {
  it('renames an unknown property to the nearest valid one (or removes it)', () => {
    const text = replaced(SF, '"FlowName"', '"FlowNme"');
    const r = fix(text, 'unknown-property');
    assert.deepEqual(r.titles, ['Rename "FlowNme" to "FlowName"', 'Remove "FlowNme"']);
    assert.equal(r.text, SF);
  });

  it('removes an AppFlow-only property', () => {
    const text = replaced(
      SF,
      '"Timezone": "America/New_York"',
      '"Timezone": "America/New_York",\n              "FlowErrorDeactivationThreshold": 5',
    );
    assert.equal(fix(text, 'unknown-property', 'Remove "FlowErrorDeactivationThreshold"').text, SF);
  });

  it('inserts a missing required property with a placeholder that passes the checks', () => {
    for (const [name, find] of [
      ['FlowName', /\n\s+"FlowName": "[^"]*",/],
      ['KmsArn', /\n\s+"KmsArn": "[^"]*",/],
      ['RoleArn', /,\n\s+"RoleArn": "[^"]*"/],
      ['DomainName', /\n\s+"DomainName": "[^"]*",/],
      ['ScheduleExpression', /\n\s+"ScheduleExpression": "[^"]*",/],
      ['TriggerConfig', /,\n {8}"TriggerConfig": \{[\s\S]*?\n {8}\}/],
      ['SourceFlowConfig', /\n {8}"SourceFlowConfig": \{[\s\S]*?\n {8}\},/],
    ] as [string, RegExp][]) {
      const text = replaced(SF, find, '');
      const r = fix(
        text,
        'missing-property',
        `Add "${name}"`,
        (d) => (d.data as { property: string }).property === name,
      );
      assert.ok(r.text.includes(`"${name}": `), r.text);
    }
  });

  it('fills a missing batch end a month after its start', () => {
    const text = replaced(SF, ',\n          "EndTime": "2026-07-01T00:00:00Z"', '');
    const r = fix(text, 'missing-property');
    assert.match(r.text, /"StartTime": "2026-05-01T00:00:00Z",\n {10}"EndTime": "2026-05-31T00:00:00Z"\n/);
  });

  it('fills a missing batch end a month after a start written in epoch milliseconds', () => {
    const text = replaced(
      SF,
      '"StartTime": "2026-05-01T00:00:00Z",\n          "EndTime": "2026-07-01T00:00:00Z"',
      '"StartTime": 1777593600000',
    );
    const r = fix(text, 'missing-property');
    assert.match(r.text, /"StartTime": 1777593600000,\n {10}"EndTime": "2026-05-31T00:00:00Z"\n/);
  });

  it('adds the missing Object of a ServiceNow source and a missing ConnectorProfileName', () => {
    const text = replaced(SN, /"Object": "incident"/, '');
    const r = fix(text, 'missing-property');
    assert.match(
      r.text,
      /"ServiceNow": \{\n\s+"Object": "incident"\n\s+\}/,
      "the example object of the connector's template",
    );
    const noProfile = replaced(MK, /\n\s+"ConnectorProfileName": "[^"]*",/, '');
    assert.match(
      fix(noProfile, 'LIM-8').text,
      /"Object": "leads"\n {12}\}\n {10}\},\n {10}"ConnectorProfileName": "my-marketo-connection"\n {8}\}/,
    );
  });

  it('changes an invalid enum value to the suggestion', () => {
    const text = replaced(SF, '"DataPullMode": "Incremental"', '"DataPullMode": "incremental"');
    assert.equal(fix(text, 'enum').text, SF);
  });

  it('renames a misspelt TaskProperties key', () => {
    const text = replaced(SF, '"VALIDATION_ACTION"', '"VALIDATION_ACTON"');
    const r = fix(text, 'enum');
    assert.deepEqual(r.titles, ['Rename "VALIDATION_ACTON" to "VALIDATION_ACTION"']);
    assert.equal(r.text, SF);
  });

  it('removes the earlier of duplicate keys and keeps the one the AWS CLI reads', () => {
    const text = replaced(
      SF,
      '"FlowName": "CP-Salesforce-Account-1",',
      '"FlowName": "old-name",\n        "FlowName": "CP-Salesforce-Account-1",',
    );
    const r = fix(text, 'duplicate-key');
    assert.deepEqual(r.titles, ['Remove the earlier "FlowName"']);
    assert.equal(r.text, SF);
  });

  it('removes a trailing comma', () => {
    const text = replaced(SF, '"team": "contact-center"', '"team": "contact-center",');
    const r = fix(text, 'json-trailing-comma');
    assert.equal(r.text, SF);
  });

  it('removes a byte-order mark', () => {
    const r = fix(`\uFEFF${SF}`, 'json-bom');
    assert.deepEqual(r.titles, ['Remove the byte-order mark']);
    assert.equal(r.text, SF);
  });

  it('converts values of the wrong type when the intent is certain', () => {
    const masked = replaced(
      SF,
      '"VALIDATION_ACTION": "DropRecord"',
      '"VALIDATION_ACTION": "DropRecord",\n              "SUBFIELD_CATEGORY_MAP": 5',
    );
    assert.match(fix(masked, 'type').text, /"SUBFIELD_CATEGORY_MAP": "5"/);
    const bool = replaced(SF, '"IncludeDeletedRecords": false', '"IncludeDeletedRecords": "false"');
    assert.equal(fix(bool, 'type').text, SF);
    const lone = replaced(
      SF,
      '"SourceFields": [\n              "Id"\n            ],\n            "TaskProperties": {\n              "VALIDATION_ACTION"',
      '"SourceFields": "Id",\n            "TaskProperties": {\n              "VALIDATION_ACTION"',
    );
    assert.match(
      fix(lone, 'type').text,
      /"SourceFields": \[\n {14}"Id"\n {12}\],\n {12}"TaskProperties": \{\n {14}"VALIDATION_ACTION"/,
    );
  });

  it("converts CloudFormation's list form of TaskProperties to the API's map", () => {
    const text = replaced(
      SF,
      '"TaskProperties": {\n              "VALIDATION_ACTION": "DropRecord"\n            }',
      '"TaskProperties": [{ "OperatorPropertyKey": "VALIDATION_ACTION", "Property": "DropRecord" }]',
    );
    const r = fix(text, 'type');
    assert.match(r.text, /"TaskProperties": \{\n {14}"VALIDATION_ACTION": "DropRecord"\n {12}\}/);
    // AppFlow's Key/Value form, with a number where the API wants a string
    const truncate = replaced(
      SF,
      /"TaskType": "Validate",\n( +)"ConnectorOperator": \{\n +"Salesforce": "VALIDATE_NON_NULL"\n +\},\n +"SourceFields": \[\n +"Id"\n +\],\n +"TaskProperties": \{\n +"VALIDATION_ACTION": "DropRecord"\n +\}/,
      '"TaskType": "Truncate", "ConnectorOperator": { "Salesforce": "NO_OP" }, "SourceFields": ["Name"], "TaskProperties": [{ "Key": "TRUNCATE_LENGTH", "Value": 10 }]',
    );
    assert.match(fix(truncate, 'type').text, /"TaskProperties": \{\n {14}"TRUNCATE_LENGTH": "10"\n {12}\}/);
  });

  it('removes an empty Tags object', () => {
    const text = replaced(SF, '{\n    "team": "contact-center"\n  }', '{}');
    const r = fix(text, 'map-size');
    assert.match(r.text, /"RoleArn": "[^"]*"\n\}/);
  });
});

describe('quick fixes: task properties', () => {
  it('TP-9: swaps the bounds of an empty BETWEEN range, and the finding goes', () => {
    const json = JSON.parse(SF);
    json.IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks.push({
      TaskType: 'Filter',
      ConnectorOperator: { Salesforce: 'BETWEEN' },
      SourceFields: ['LastModifiedDate'],
      TaskProperties: { DATA_TYPE: 'datetime', LOWER_BOUND: '1746057600000', UPPER_BOUND: '1735689600000' },
    });
    const r = fix(JSON.stringify(json, null, 2), 'TP-9');
    assert.deepEqual(r.titles, ['Swap the bounds: "1735689600000" to "1746057600000"']);
    const props = JSON.parse(r.text).IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks.at(-1).TaskProperties;
    assert.deepEqual([props.LOWER_BOUND, props.UPPER_BOUND], ['1735689600000', '1746057600000']);
    assert.ok(!r.after.some((d) => d.code === 'TP-9'));
  });

  it('SCH-19: an end already past is removed by its fix, and the finding goes', () => {
    const text = replaced(
      SF,
      '"ScheduleStartTime": "2027-06-01T00:00:00Z",',
      '"ScheduleStartTime": "2025-01-01T00:00:00Z",\n              "ScheduleEndTime": "2025-06-01T00:00:00Z",',
    );
    const r = fix(text, 'SCH-19');
    assert.deepEqual(r.titles, ['Remove "ScheduleEndTime"']);
    assert.doesNotMatch(r.text, /ScheduleEndTime/);
    assert.ok(!r.after.some((d) => d.code === 'SCH-19'));
  });

  it('TP-3: adds the TaskProperties a task needs, with values the checks accept', () => {
    const text = replaced(
      SF,
      ',\n            "TaskProperties": {\n              "VALIDATION_ACTION": "DropRecord"\n            }',
      '',
    );
    const r = fix(text, 'TP-3');
    assert.deepEqual(r.titles, ['Add "VALIDATION_ACTION"']);
    assert.equal(r.text.replace(/\s+/g, ''), SF.replace(/\s+/g, ''));
  });

  it('TP-3: adds missing keys into existing TaskProperties', () => {
    const text = replaced(SF, '"Salesforce": "VALIDATE_NON_NULL"', '"Salesforce": "MASK_LAST_N"')
      .replace('"TaskType": "Validate"', '"TaskType": "Mask"')
      .replace('"VALIDATION_ACTION": "DropRecord"', '"MASK_VALUE": "#"');
    const r = fix(text, 'TP-3');
    assert.match(r.text, /"MASK_VALUE": "#",\n {14}"MASK_LENGTH": "4"\n/);
  });

  it('TP-3: fixes the task the diagnostic points at even after an edit moved the tasks', () => {
    const text = replaced(
      SF,
      ',\n            "TaskProperties": {\n              "VALIDATION_ACTION": "DropRecord"\n            }',
      '',
    );
    const {
      edited,
      actions: [action],
    } = fixesAfterInsertingATaskFirst(text, 'TP-3');
    assert.ok(action, 'a fix for the moved diagnostic');
    const fixed = applyAction(edited, action);
    assert.match(fixed, /"TaskType": "Validate",[\s\S]*"VALIDATION_ACTION": "DropRecord"/);
    assert.ok(
      !service()
        .validate(docOf(fixed))
        .some((x) => x.code === 'TP-3'),
      fixed,
    );
  });

  it("TP-3: a date filter's missing VALUE gets epoch milliseconds, not a value TP-7 flags", () => {
    const text = replaced(
      SF,
      '"TaskType": "Validate",\n            "ConnectorOperator": {\n              "Salesforce": "VALIDATE_NON_NULL"',
      '"TaskType": "Filter",\n            "ConnectorOperator": {\n              "Salesforce": "GREATER_THAN"',
    ).replace('"VALIDATION_ACTION": "DropRecord"', '"DATA_TYPE": "datetime"');
    const r = fix(text, 'TP-3');
    assert.match(r.text, /"DATA_TYPE": "datetime",\n {14}"VALUE": "1773100800000"\n/);
    assert.ok(!r.after.some((d) => d.code === 'TP-7'), describe1(r.after));
  });

  it('TP-4: removes a property that means nothing to the operator', () => {
    const text = replaced(
      SF,
      '"VALIDATION_ACTION": "DropRecord"',
      '"VALIDATION_ACTION": "DropRecord",\n              "TRUNCATE_LENGTH": "10"',
    );
    assert.equal(fix(text, 'TP-4').text, SF);
  });

  it('TP-5: offers the known VALIDATION_ACTION values', () => {
    const text = replaced(SF, '"VALIDATION_ACTION": "DropRecord"', '"VALIDATION_ACTION": "DropRecords"');
    const r = fix(text, 'TP-5');
    assert.deepEqual(r.titles, ['Change to "DropRecord"', 'Change to "DropDataset"']);
    assert.equal(r.text, SF);
  });
});

describe('fix all (source.fixAll)', () => {
  it('applies every determined fix in one edit: the file then has none of those problems', () => {
    let text = replaced(SF, '"rate(1hours)"', '"rate(1 hour)"'); // SCH-2
    text = replaced(text, '"Salesforce": "VALIDATE_NON_NULL"', '"Salesforce": "VALIDATE_NOT_NULL"'); // OP-2
    text = replaced(
      text,
      /"Tags": \{\n(\s*)"team": "contact-center"\n(\s*)\}/,
      '"Tags": {\n$1"team": "contact-center",\n$2}',
    ); // trailing comma
    const svc = service();
    const doc = docOf(text);
    const before = svc.validate(doc);
    const all = svc.fixAll(doc);
    assert.ok(all, describe1(before));
    assert.equal(all.kind, 'source.fixAll');
    assert.deepEqual(all.diagnostics!.map((d) => d.code).sort(), ['SCH-2', 'enum', 'json-trailing-comma']);
    const fixed = applyAction(text, all);
    assert.equal(fixed, SF);
  });

  it('offers nothing for a file without a determined fix', () => {
    assert.equal(service().fixAll(docOf(SF)), undefined);
  });
});

describe('quick fixes: what they key off', () => {
  it('read code and data, never the message', () => {
    const text = replaced(SN, '"ConnectorType": "Servicenow"', '"ConnectorType": "ServiceNow"');
    const svc = service();
    const doc = docOf(text);
    const d = svc.validate(doc).find((x) => x.code === 'CASE-2')!;
    const reworded = svc.codeActions(doc, [{ ...d, message: 'something else entirely' }]);
    assert.deepEqual(
      reworded.map((a) => a.title),
      ['Change to "Servicenow"'],
    );
  });

  it("offer nothing for another tool's diagnostics or for a range that no longer fits the text", () => {
    const svc = service();
    const text = replaced(SN, '"ConnectorType": "Servicenow"', '"ConnectorType": "ServiceNow"');
    const doc = docOf(text);
    const d = svc.validate(doc).find((x) => x.code === 'CASE-2')!;
    assert.deepEqual(svc.codeActions(doc, [{ ...d, source: 'json' }]), []);
    const stale: Diagnostic = {
      ...d,
      range: { start: d.range.start, end: { line: d.range.end.line, character: d.range.end.character + 3 } },
    };
    assert.deepEqual(svc.codeActions(doc, [stale]), []);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
  });

  it('S3 files get fixes with the S3 key', () => {
    const text = replaced(S3, /"S3": "PROJECTION"/, '"Salesforce": "PROJECTION"');
    assert.match(fix(text, 'OP-1').text, /"S3": "PROJECTION"/);
  });
});

describe('quick fixes: several diagnostics on one value', () => {
  it('offer a shared fix once, for all of them, and no TaskType the connector cannot serve', () => {
    // Zendesk has no LESS_THAN: the model's enum and the TaskType matrix both flag it on a Map task
    const zd = readExample('zendesk-ticket.cpworkflow.json');
    const text = replaced(
      zd,
      /("TaskType": "Map",\n\s+"ConnectorOperator": \{\n\s+"Zendesk": )"NO_OP"/,
      '$1"LESS_THAN"',
    );
    const svc = service();
    const doc = docOf(text);
    const onValue = svc.validate(doc).filter((d) => d.code === 'enum' || d.code === 'task-operator');
    assert.deepEqual(onValue.map((d) => d.code).sort(), ['enum', 'task-operator']);
    const actions = svc.codeActions(doc, onValue);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to "NO_OP"'],
    );
    assert.equal(actions[0].diagnostics!.length, 2);
    const after = svc.validate(docOf(applyAction(text, actions[0])));
    assert.ok(!after.some((d) => d.code === 'enum' || d.code === 'task-operator'), describe1(after));
  });
});
