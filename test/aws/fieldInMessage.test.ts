// The "Reveal in editor" target of a BadRequestException: which place of the file a service message names.
import * as assert from 'node:assert/strict';
import { fieldAtPath, fieldNamedIn } from '../../server/src/aws/fieldInMessage';
import { readExample } from '../support/workflows';

const text = readExample('salesforce-account.cpworkflow.json');
const at = (needle: string, from = 0) => {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `fixture holds ${needle}`);
  return i;
};

describe('fieldNamedIn: the file position a service error names', () => {
  it('follows a Coral validation path to the key, whatever its case', () => {
    const f = fieldNamedIn(
      "1 validation error detected: Value 'CP Salesforce' at 'integrationConfig.appflowIntegration.flowDefinition.flowName' failed to satisfy constraint: Member must satisfy regular expression pattern",
      text,
    );
    assert.ok(f);
    assert.equal(f.exact, true);
    assert.equal(f.found, 'IntegrationConfig.AppflowIntegration.FlowDefinition.FlowName');
    assert.equal(f.offset, at('"FlowName"'));
    assert.equal(f.length, '"FlowName"'.length);
  });

  it('reads 1-based list indexes followed by `member`', () => {
    const f = fieldNamedIn(
      "Value null at 'integrationConfig.appflowIntegration.flowDefinition.tasks.2.member.sourceFields' failed to satisfy constraint: Member must not be null",
      text,
    );
    assert.ok(f?.exact);
    assert.equal(f.found, 'IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks.2.SourceFields');
    // the second task's SourceFields, not the first's
    assert.equal(f.offset, at('"SourceFields"', at('"SourceFields"') + 1));
  });

  it('points at the nearest existing parent when the named member is missing', () => {
    const f = fieldNamedIn(
      "1 validation error detected: Value null at 'integrationConfig.appflowIntegration.flowDefinition.kmsArnX' failed to satisfy constraint",
      text,
    );
    assert.ok(f);
    assert.equal(f.exact, false);
    assert.equal(f.found, 'IntegrationConfig.AppflowIntegration.FlowDefinition');
    assert.equal(f.offset, at('"FlowDefinition"'));
  });

  it('takes an unquoted dotted path and a bare top-level member name', () => {
    const dotted = fieldNamedIn(
      'Expected a timestamp in epoch seconds at IntegrationConfig.AppflowIntegration.FlowDefinition.TriggerConfig, got "x".',
      text,
    );
    assert.equal(dotted?.offset, at('"TriggerConfig"'));
    const bare = fieldNamedIn('Invalid type for RoleArn: expected a string.', text);
    assert.equal(bare?.offset, at('"RoleArn"'));
  });

  it('names nothing when the message names no member of the file, or the file is not a JSON object', () => {
    assert.equal(fieldNamedIn('Rate exceeded', text), undefined);
    assert.equal(fieldNamedIn("Value 'x' at 'foo.bar' failed", text), undefined);
    // "Object" is a key deep in the file, but a bare name counts only at the top level
    assert.equal(fieldNamedIn('Object does not exist', text), undefined);
    assert.equal(fieldNamedIn("Value null at 'roleArn'", '[1, 2'), undefined);
  });
});

describe('fieldAtPath: the value a request-building error points at', () => {
  it('finds list elements by 0-based index and returns the value itself', () => {
    const f = fieldAtPath(text, ['IntegrationConfig', 'AppflowIntegration', 'Batches', 1, 'StartTime']);
    const value = '"2026-07-01T00:00:00Z"';
    assert.equal(f?.offset, at(`"StartTime": ${value}`) + '"StartTime": '.length, "the second batch's StartTime");
    assert.equal(f?.length, value.length);
    assert.equal(f?.path, 'IntegrationConfig.AppflowIntegration.Batches.1.StartTime');
    assert.equal(fieldAtPath(text, ['IntegrationConfig', 'Nope']), undefined);
  });

  it('of duplicate keys points at the last, the one JSON.parse and the AWS CLI keep', () => {
    const dup = '{ "DomainName": "first", "DomainName": "second" }';
    const f = fieldAtPath(dup, ['DomainName']);
    assert.equal(dup.slice(f!.offset, f!.offset + f!.length), '"second"');
  });
});

describe('fieldNamedIn and duplicate keys', () => {
  const DUPLICATED = `{
  "RoleArn": "arn:aws:iam::210987654321:role/first",
  "IntegrationConfig": { "AppflowIntegration": { "FlowDefinition": { "FlowName": "old" } } },
  "RoleArn": "arn:aws:iam::210987654321:role/second",
  "IntegrationConfig": { "AppflowIntegration": { "FlowDefinition": { "FlowName": "new" } } }
}`;
  const lastOf = (needle: string) => DUPLICATED.lastIndexOf(needle);

  it('points at the last of duplicate keys, the one the AWS CLI sends (and the Problems view reads)', () => {
    const role = fieldNamedIn("Value 'x' at 'roleArn' failed to satisfy constraint", DUPLICATED);
    assert.equal(role?.offset, lastOf('"RoleArn"'));
    const flow = fieldNamedIn(
      "Value 'new' at 'integrationConfig.appflowIntegration.flowDefinition.flowName' failed to satisfy constraint",
      DUPLICATED,
    );
    assert.equal(flow?.exact, true);
    assert.equal(flow?.offset, lastOf('"FlowName"'));
  });

  it('never lands in an overridden duplicate when a path starts below the request', () => {
    const f = fieldNamedIn("Value 'new' at 'flowDefinition.flowName' failed to satisfy constraint", DUPLICATED);
    assert.equal(f?.exact, true);
    assert.equal(f?.offset, lastOf('"FlowName"'));
  });
});
