// Every example, broken in one way per schema kind, is reported as an error at the exact key or value.
import * as assert from 'node:assert/strict';
import { applyEdits, findNodeAtLocation, JSONPath, modify, parseTree } from 'jsonc-parser';
import { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { docOf, exampleFiles, readExample } from '../support/workflows';

const FD: JSONPath = ['IntegrationConfig', 'AppflowIntegration', 'FlowDefinition'];
const FMT = { formattingOptions: { insertSpaces: true, tabSize: 2 } };

interface Defect {
  name: string;
  code: string;
  /** breaks the text; returns the new text and where the error must be */
  apply(text: string): { text: string; offset: number; length: number };
}

function setAt(text: string, path: JSONPath, value: unknown, mark: 'value' | 'key' | 'parentKey' = 'value') {
  const out = applyEdits(text, modify(text, path, value, FMT));
  const root = parseTree(out)!;
  const node =
    mark === 'parentKey'
      ? findNodeAtLocation(root, path.slice(0, -1))!.parent!.children![0]
      : mark === 'key'
        ? findNodeAtLocation(root, path)!.parent!.children![0]
        : findNodeAtLocation(root, path)!;
  return { text: out, offset: node.offset, length: node.length };
}

const defects: Defect[] = [
  { name: 'bad enum value', code: 'enum', apply: (t) => setAt(t, ['WorkflowType'], 'APPFLOW') },
  {
    name: 'missing required member',
    code: 'missing-property',
    apply: (t) => {
      const removed = applyEdits(t, modify(t, [...FD, 'KmsArn'], undefined, FMT));
      const key = findNodeAtLocation(parseTree(removed)!, FD)!.parent!.children![0];
      return { text: removed, offset: key.offset, length: key.length };
    },
  },
  { name: 'pattern', code: 'pattern', apply: (t) => setAt(t, ['DomainName'], 'Example Corp') },
  { name: 'length', code: 'length', apply: (t) => setAt(t, [...FD, 'FlowName'], 'f'.repeat(257)) },
  {
    name: 'range',
    code: 'range',
    apply: (t) => setAt(t, [...FD, 'TriggerConfig', 'TriggerProperties', 'Scheduled', 'ScheduleOffset'], 50000),
  },
  { name: 'unknown key', code: 'unknown-property', apply: (t) => setAt(t, [...FD, 'FlowStatus'], 'Active', 'key') },
  { name: 'wrong type', code: 'type', apply: (t) => setAt(t, ['RoleArn'], 42) },
  { name: 'aws: tag key', code: 'pattern', apply: (t) => setAt(t, ['Tags', 'aws:team'], 'x', 'key') },
  {
    name: 'comment',
    code: 'json-comment',
    apply: (t) => {
      const at = t.indexOf('\n') + 1;
      const comment = '  // owner: contact-center team';
      return { text: `${t.slice(0, at)}${comment}\n${t.slice(at)}`, offset: at + 2, length: comment.length - 2 };
    },
  },
  {
    name: 'trailing comma',
    code: 'json-trailing-comma',
    apply: (t) => {
      const end = t.lastIndexOf('}');
      const lastValueEnd = t.slice(0, end).trimEnd().length;
      return { text: `${t.slice(0, lastValueEnd)},${t.slice(lastValueEnd)}`, offset: lastValueEnd, length: 1 };
    },
  },
];

describe('schema defects are errors at the exact node', () => {
  const service = createWorkflowLanguageService({ now: () => new Date('2026-11-28T12:00:00Z') });
  for (const example of exampleFiles()) {
    describe(example, () => {
      it('is clean as shipped', () => {
        const errors = service
          .validate(docOf(readExample(example)))
          .filter((d) => d.severity === DiagnosticSeverity.Error);
        assert.deepEqual(errors, []);
      });
      for (const defect of defects) {
        it(`${defect.name} → ${defect.code}`, () => {
          const { text, offset, length } = defect.apply(readExample(example));
          const doc = docOf(text);
          const expected: Range = { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
          const diagnostics = service.validate(doc);
          const hit = diagnostics.find(
            (d) =>
              d.code === defect.code &&
              d.severity === DiagnosticSeverity.Error &&
              JSON.stringify(d.range) === JSON.stringify(expected),
          );
          assert.ok(
            hit,
            `expected ${defect.code} error at ${JSON.stringify(expected)}; got ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start, d.range.end, d.message]))}`,
          );
          assert.equal(hit.source, 'cpworkflow');
          assert.ok(hit.message.length > 20, 'the message explains');
        });
      }
    });
  }

  it('names the allowed values and the AppFlow origin of AppFlow-only values', () => {
    const text = setAt(readExample('s3-customers.cpworkflow.json'), [...FD, 'Tasks', 1, 'TaskType'], 'Map_all').text;
    const d = service.validate(docOf(text)).find((x) => x.code === 'enum')!;
    assert.match(d.message, /AppFlow/);
    assert.match(d.message, /Arithmetic, Filter, Map, Mask, Merge, Truncate or Validate/);
  });

  it('suggests the nearest property for a misspelt key and keeps it in data for the quick fix', () => {
    const text = readExample('marketo-lead.cpworkflow.json').replace('"ObjectTypeName"', '"ObjectTypName"');
    const d = service.validate(docOf(text)).find((x) => x.code === 'unknown-property')!;
    assert.equal((d.data as { suggestion: string }).suggestion, 'ObjectTypeName');
    assert.match(d.message, /Did you mean "ObjectTypeName"\?/);
  });

  it('warns on duplicate keys at the earlier one, which the AWS CLI ignores', () => {
    const text = readExample('marketo-lead.cpworkflow.json').replace(
      '"DomainName": "ExampleCorp-Profiles",',
      '"DomainName": "Old",\n  "DomainName": "ExampleCorp-Profiles",',
    );
    const dup = service.validate(docOf(text)).filter((x) => x.code === 'duplicate-key');
    assert.equal(dup.length, 1);
    assert.equal(dup[0].severity, DiagnosticSeverity.Warning);
    assert.deepEqual(dup[0].range.start, { line: 1, character: 2 });
  });

  it('reports ServiceNow as ConnectorType as a warning with the model spelling', () => {
    const text = readExample('servicenow-incident.cpworkflow.json').replace(
      '"ConnectorType": "Servicenow"',
      '"ConnectorType": "ServiceNow"',
    );
    const d = service.validate(docOf(text)).find((x) => x.code === 'CASE-2')!;
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal((d.data as { replacement: string }).replacement, 'Servicenow');
  });

  it('survives empty, non-object, binary and truncated input', () => {
    for (const text of [
      '',
      '   ',
      '42',
      '[]',
      'null',
      '{',
      '{"DomainName":',
      '\u0000\u0001\u00ff{"a"',
      readExample('s3-customers.cpworkflow.json').slice(0, 500),
    ]) {
      const diagnostics = service.validate(docOf(text));
      assert.ok(
        diagnostics.some((d) => d.severity === DiagnosticSeverity.Error),
        `errors for ${JSON.stringify(text.slice(0, 20))}`,
      );
    }
  });
});
