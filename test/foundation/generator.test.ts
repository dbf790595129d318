// The generated schema against the Smithy model, read here independently of the generator: every member,
// enum value and constraint of CreateIntegrationWorkflowRequest must be in schemas/cpworkflow.schema.json.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from '../support/root';
import { workflowConnectorTypes } from '../../server/src/generated/model';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const model: Json = JSON.parse(
  readFileSync(join(ROOT, 'schemas/models/customer-profiles-2020-08-15.json'), 'utf8'),
).shapes;
const schema: Json = JSON.parse(readFileSync(join(ROOT, 'schemas/cpworkflow.schema.json'), 'utf8'));
const NS = 'com.amazonaws.customerprofiles#';

function deref(s: Json): Json {
  return s.$ref ? schema.definitions[s.$ref.replace('#/definitions/', '')] : s;
}

interface Visit {
  path: string;
  shapeId: string;
  node: Json;
}
function visitAll(): Visit[] {
  const out: Visit[] = [];
  const seen = new Set<string>();
  const walk = (shapeId: string, node: Json, path: string) => {
    out.push({ path, shapeId, node });
    const shape = model[shapeId];
    if (!shape || seen.has(path)) return;
    seen.add(path);
    const n = deref(node);
    if (shape.type === 'structure')
      for (const [m, v] of Object.entries<Json>(shape.members)) {
        assert.ok(n.properties?.[m], `${path}.${m} is in the schema`);
        walk(v.target, n.properties[m], `${path}.${m}`);
      }
    if (shape.type === 'list') walk(shape.member.target, n.items, `${path}[]`);
    if (shape.type === 'map') {
      walk(shape.key.target, n.propertyNames, `${path}{key}`);
      walk(shape.value.target, n.additionalProperties, `${path}{value}`);
    }
  };
  walk(NS + 'CreateIntegrationWorkflowRequest', schema, 'request');
  return out;
}

describe('generated schema matches the service model', () => {
  const visits = visitAll();

  it('covers the whole request tree', () => {
    // 6 top-level members and the nested FlowDefinition tree: a sanity floor, the walk itself checks each member
    assert.ok(visits.length > 60, `visited ${visits.length} schema nodes`);
    assert.deepEqual(Object.keys(schema.properties).sort(), [
      'DomainName',
      'IntegrationConfig',
      'ObjectTypeName',
      'RoleArn',
      'Tags',
      'WorkflowType',
    ]);
  });

  it('marks every required member required and forbids unknown members', () => {
    for (const { path, shapeId, node } of visits) {
      const shape = model[shapeId];
      if (shape?.type !== 'structure') continue;
      const n = deref(node);
      const required = Object.entries<Json>(shape.members)
        .filter(([, v]) => v.traits?.['smithy.api#required'])
        .map(([m]) => m)
        .sort();
      assert.deepEqual([...(n.required ?? [])].sort(), required, `${path} required`);
      assert.equal(n.additionalProperties, false, `${path} allows no unknown members`);
    }
  });

  it('has every enum value, exactly', () => {
    let enums = 0;
    for (const { path, shapeId, node } of visits) {
      const shape = model[shapeId];
      if (shape?.type !== 'enum') continue;
      enums++;
      const values = Object.values<Json>(shape.members).map((m) => m.traits['smithy.api#enumValue']);
      assert.deepEqual(node.enum, values, `${path} enum`);
    }
    assert.ok(enums >= 11, `checked ${enums} enums`);
    const connectorTypes = deref(schema.definitions.SourceFlowConfig).properties.ConnectorType.enum;
    assert.ok(
      connectorTypes.includes('Servicenow') && !connectorTypes.includes('ServiceNow'),
      'ConnectorType keeps the model spelling',
    );
  });

  it('has every @length, @pattern and @range constraint as the model states it', () => {
    let constraints = 0;
    for (const { path, shapeId, node } of visits) {
      const t = model[shapeId]?.traits ?? {};
      const n = deref(node);
      const len = t['smithy.api#length'];
      if (len) {
        constraints++;
        const isMap = model[shapeId].type === 'map';
        const [minKey, maxKey] = isMap ? ['minProperties', 'maxProperties'] : ['minLength', 'maxLength'];
        if (len.min) assert.equal(n[minKey], len.min, `${path} ${minKey}`);
        if (len.max !== undefined) assert.equal(n[maxKey], len.max, `${path} ${maxKey}`);
      }
      const pattern = t['smithy.api#pattern'];
      if (pattern && pattern !== '.*') {
        constraints++;
        assert.equal(n.pattern, pattern, `${path} pattern`);
      }
      const range = t['smithy.api#range'];
      if (range) {
        constraints++;
        assert.equal(n.minimum, range.min, `${path} minimum`);
        assert.equal(n.maximum, range.max, `${path} maximum`);
      }
    }
    assert.ok(constraints >= 20, `checked ${constraints} constraints`);
  });

  it('accepts timestamps as the AWS CLI does: epoch seconds of the years 1 to 9999, or any string form it reads', () => {
    const start = visits.find((v) => v.path.endsWith('Batches[].StartTime'))!.node;
    const number = start.anyOf.find((a: Json) => a.type === 'number');
    const string = start.anyOf.find((a: Json) => a.type === 'string');
    // 9999-12-31T23:59:59Z is the last second botocore reads; milliseconds (1746057600000) are past it
    assert.deepEqual([number.minimum, number.maximum], [-62135596800, 253402300799]);
    assert.ok(1746057600000 > number.maximum);
    // no pattern: RFC 1123, compact ISO and epoch seconds as a string are sent by the AWS CLI (the checks read them)
    assert.equal(string.pattern, undefined);
    assert.equal(string.minLength, 1);
  });

  it('rejects aws: tag keys through the model pattern, anchored as the model has it', () => {
    const tagKey = new RegExp(schema.properties.Tags.propertyNames.pattern);
    assert.ok(tagKey.test('team') && !tagKey.test('aws:team'));
  });

  it('documents every member in Markdown, with an API reference link on structures', () => {
    for (const { path, shapeId, node } of visits) {
      if (path.endsWith('{key}') || path.endsWith('{value}') || path.endsWith('[]') || path === 'request') continue;
      assert.ok(node.markdownDescription, `${path} has markdownDescription`);
      assert.doesNotMatch(node.markdownDescription, /<\/?p>|<code>/, `${path} is Markdown, not HTML`);
      if (model[shapeId]?.type === 'structure')
        assert.match(
          node.markdownDescription,
          /\(https:\/\/docs\.aws\.amazon\.com\/customerprofiles\/latest\/APIReference\/API_\w+\.html\)/,
          `${path} links the API reference`,
        );
    }
  });

  it('knows which sources CreateIntegrationWorkflow documents, from its own words', () => {
    const doc: string = model[NS + 'CreateIntegrationWorkflow'].traits['smithy.api#documentation'].toLowerCase();
    const sentence = doc.slice(doc.indexOf('supported amazon appflow sources'));
    const types: string[] = Object.values<Json>(model[NS + 'SourceConnectorType'].members).map(
      (m) => m.traits['smithy.api#enumValue'],
    );
    const named = types.filter((t) =>
      new RegExp(`\\b${t.toLowerCase()}\\b`).test(sentence.slice(0, sentence.indexOf('.'))),
    );
    assert.ok(named.length >= 3, `named: ${named}`);
    assert.deepEqual([...workflowConnectorTypes].sort(), named.sort());
  });

  it('committed generated files are current', () => {
    // throws (exit 1) when regenerating would change schemas/ or server/src/generated/
    execFileSync(process.execPath, [join(ROOT, 'scripts/generate.mjs'), '--check'], { stdio: 'pipe' });
  });
});
