// Hover text under a `|` caret, the Outline of a workflow, and formatting that keeps strict JSON.
import * as assert from 'node:assert/strict';
import { DocumentSymbol, MarkupContent, SymbolKind } from 'vscode-languageserver-types';
import { withCaret } from '../support/markers';
import { docOf, readExample } from '../support/workflows';
import { applyTextEdits, describe1, errorsOf, service, validate } from './support';

const SF = readExample('salesforce-account.cpworkflow.json');
const SN = readExample('servicenow-incident.cpworkflow.json');

function hoverAt(marked: string): { markdown: string; hovered: string } | null {
  const { text, offset } = withCaret(marked);
  const doc = docOf(text);
  const h = service().hover(doc, doc.positionAt(offset));
  if (!h) return null;
  return { markdown: (h.contents as MarkupContent).value, hovered: doc.getText(h.range) };
}

describe('hover', () => {
  it("shows the model's documentation of a property key with its API reference link", () => {
    const h = hoverAt(SF.replace('"FlowName"', '"Flow|Name"'))!;
    assert.equal(h.hovered, '"FlowName"');
    assert.match(h.markdown, /^\*\*FlowName\*\* · string · required/);
    assert.match(h.markdown, /Spaces are not allowed/);
    // the pattern and length in words, with the 2 characters the pattern needs (not "Length 0–256" and a regex)
    assert.match(h.markdown, /2–256 characters: a letter or digit first, then letters, digits, _, !, @, #, \., -/);
    assert.doesNotMatch(h.markdown, /Pattern|Length 0/);
    assert.match(
      h.markdown,
      /\[API reference: FlowDefinition\]\(https:\/\/docs\.aws\.amazon\.com\/customerprofiles\/latest\/APIReference\/API_FlowDefinition\.html\)/,
    );
  });

  it("SOURCE_DATA_TYPE says what it is in its own words and lists the connector's types, not the Map operator's text", () => {
    const h = hoverAt(SN.replace('"SOURCE_DATA_TYPE": "datetime"', '"SOURCE_DATA|_TYPE": "datetime"'))!;
    assert.match(h.markdown, /^\*\*SOURCE_DATA_TYPE\*\* · TaskProperties key/);
    assert.match(h.markdown, /The source field's data type, as the connector reports it/);
    assert.match(h.markdown, /Types \(Servicenow\): string, integer, double, boolean, date, datetime\./);
    const map = hoverAt(SN.replace('"TaskType": "Map"', '"TaskType": "M|ap"'))!.markdown;
    const mapSummary = map.split('\n\n')[1].split(' Operators:')[0];
    assert.ok(!h.markdown.includes(mapSummary), `the Map task's words: ${mapSummary}`);
  });

  it("shows the member's documentation over its value", () => {
    const h = hoverAt(SF.replace('"DataPullMode": "Incremental"', '"DataPullMode": "Incre|mental"'))!;
    assert.equal(h.hovered, '"Incremental"');
    // the value's own line first (the model documents no enum member), then the key's text
    assert.match(
      h.markdown,
      /^`"Incremental"` · one of 2 DataPullMode values; the other is `"Complete"`\.\n\n\*\*DataPullMode\*\*/,
    );
  });

  it('says which connectors and task types take an operator', () => {
    const h = hoverAt(SF.replace('"Salesforce": "PROJECTION"', '"Salesforce": "PROJ|ECTION"'))!;
    assert.match(h.markdown, /\*\*PROJECTION\*\* · task operator/);
    assert.match(h.markdown, /Connectors: Salesforce, Marketo, Zendesk, Servicenow and S3\./);
    assert.match(h.markdown, /Task types: Filter\./);
    const contains = hoverAt(SF.replace('"Salesforce": "PROJECTION"', '"Salesforce": "CONT|AINS"'))!;
    assert.match(contains.markdown, /Connectors: Salesforce and Servicenow \(not Marketo, Zendesk or S3\)\./);
  });

  it("gives a connector type's key spelling", () => {
    const h = hoverAt(SN.replace('"ConnectorType": "Servicenow"', '"ConnectorType": "Service|now"'))!;
    assert.match(
      h.markdown,
      /Key in `ConnectorOperator` and `SourceConnectorProperties`: `"ServiceNow"` \(the value here stays `"Servicenow"`\)/,
    );
    const wrongCase = hoverAt(SN.replace('"ConnectorType": "Servicenow"', '"ConnectorType": "Service|Now"'))!;
    assert.match(wrongCase.markdown, /The API's value is `"Servicenow"`/);
  });

  it("explains a TaskProperties key for the task's operator, and what a timestamp means", () => {
    const key = hoverAt(SF.replace('"VALIDATION_ACTION"', '"VALIDATION_|ACTION"'))!;
    assert.match(key.markdown, /\*\*VALIDATION_ACTION\*\* · TaskProperties key · required/);
    assert.match(key.markdown, /DropRecord \(skip the record\) or DropDataset/);
    const epoch = hoverAt(
      SF.replace('"ScheduleStartTime": "2027-06-01T00:00:00Z"', '"ScheduleStartTime": 1811|808000'),
    )!;
    assert.match(epoch.markdown, /`2027-06-01T00:00:00Z` = `1811808000` epoch seconds/);
  });

  it('is empty over punctuation and for keys the model does not know', () => {
    assert.equal(hoverAt(SF.replace('"FlowName": "CP', '"FlowName":| "CP')), null);
    assert.equal(hoverAt(SF.replace('"FlowName"', '"Flow|Nme"')), null);
  });
});

describe('document symbols', () => {
  const names = (s: DocumentSymbol[]): unknown[] =>
    s.map((x) => (x.children?.length ? [x.name, names(x.children)] : x.name));

  it('outlines the flow: name, source, each task by what it does, trigger, batches', () => {
    const symbols = service().symbols(docOf(SF));
    assert.deepEqual(names(symbols), [
      'Salesforce-Account',
      [
        'CP-Salesforce-Account-1',
        [
          'Salesforce: Account',
          [
            'Tasks',
            [
              'Filter PROJECTION (5 fields)',
              'Map Id → Id',
              'Map Name → Name',
              'Map Phone → Phone',
              'Map BillingCity → BillingCity',
              'Map LastModifiedDate → LastModifiedDate',
              'Validate VALIDATE_NON_NULL Id',
            ],
          ],
          'Scheduled rate(1hours)',
        ],
      ],
      [
        'Batches',
        [
          '2026-05-01T00:00:00Z → 2026-07-01T00:00:00Z',
          '2026-07-01T00:00:00Z → 2026-09-01T00:00:00Z',
          '2026-09-01T00:00:00Z → 2026-11-01T00:00:00Z',
        ],
      ],
    ]);
    const flow = symbols[1];
    assert.equal(flow.kind, SymbolKind.Module);
    const doc = docOf(SF);
    assert.equal(doc.getText(flow.selectionRange), '"FlowDefinition"');
    // every child lies inside its parent, as editors require
    const inside = (inner: DocumentSymbol, outer: DocumentSymbol) =>
      doc.offsetAt(inner.range.start) >= doc.offsetAt(outer.range.start) &&
      doc.offsetAt(inner.range.end) <= doc.offsetAt(outer.range.end);
    const check = (s: DocumentSymbol) =>
      s.children?.forEach((c) => {
        assert.ok(inside(c, s), `${c.name} outside ${s.name}`);
        check(c);
      });
    symbols.forEach(check);
  });

  it('names S3 sources by bucket and survives a half-written file', () => {
    const s3 = service().symbols(docOf(readExample('s3-customers.cpworkflow.json')));
    assert.equal(s3[1].children![0].name, 'S3: examplecorp-customer-exports');
    const broken = service().symbols(
      docOf(
        '{"IntegrationConfig": {"AppflowIntegration": {"FlowDefinition": {"Tasks": [{"TaskType": "Map", "SourceFields": [1]}, 7',
      ),
    );
    assert.deepEqual(names(broken), [['FlowDefinition', [['Tasks', ['Map', 'Task']]]]]);
  });
});

describe('formatting', () => {
  const minified = JSON.stringify(JSON.parse(SF));

  it("formats the whole document with the editor's tab size, keeping strict JSON", () => {
    const svc = service();
    const four = applyTextEdits(minified, svc.format(docOf(minified), { tabSize: 4, insertSpaces: true }));
    assert.deepEqual(JSON.parse(four), JSON.parse(SF));
    assert.match(four, /^\{\n {4}"DomainName": "ExampleCorp-Profiles",\n {4}"WorkflowType"/);
    assert.match(four, /\n {24}"TaskType": "Filter",/);
    assert.deepEqual(errorsOf(validate(four)), [], describe1(validate(four)));
    const tabs = applyTextEdits(minified, svc.format(docOf(minified), { tabSize: 4, insertSpaces: false }));
    assert.match(tabs, /^\{\n\t"DomainName"/);
    assert.equal(
      applyTextEdits(minified, svc.format(docOf(minified), { tabSize: 2, insertSpaces: true })),
      SF.trimEnd(),
    );
  });

  it('formats only the selected range', () => {
    const text = '{\n"DomainName":    "d",\n  "Tags": {"a":   "b"}\n}';
    const doc = docOf(text);
    const line2 = { start: { line: 2, character: 0 }, end: { line: 2, character: 22 } };
    const out = applyTextEdits(text, service().format(doc, { tabSize: 2, insertSpaces: true }, line2));
    assert.ok(out.includes('"DomainName":    "d"'), 'outside the range stays as written');
    assert.ok(out.includes('"Tags": {\n    "a": "b"\n  }'), out);
  });

  it('never adds or removes a comma, even in a broken file, and keeps CRLF line ends', () => {
    const broken = '{"a": 1,, "b": [1,2,]}';
    const out = applyTextEdits(broken, service().format(docOf(broken), { tabSize: 2, insertSpaces: true }));
    assert.equal(out.replace(/\s/g, ''), broken.replace(/\s/g, ''));
    const crlf = '{\r\n"a":1,\r\n"b":2}';
    assert.equal(
      applyTextEdits(crlf, service().format(docOf(crlf), { tabSize: 2, insertSpaces: true })),
      '{\r\n  "a": 1,\r\n  "b": 2\r\n}',
    );
  });
});
