// One mistake, one finding, the rest still visible (issue 20): a misspelled key hides the rules' findings only in
// the part of the file it affects (its FlowDefinition section, or Batches), not in the whole file.
import * as assert from 'node:assert/strict';
import { docOf, readExample } from '../support/workflows';
import { service } from './support';

const SF = readExample('salesforce-account.cpworkflow.json');

describe('a misspelled key and the other findings', () => {
  // a schedule written as rate(1 hour): SCH-2, in TriggerConfig
  const withRateSlip = SF.replace(/"rate\([^"]*\)"/, '"rate(1 hour)"');

  it('a slip inside a task leaves the trigger findings visible, and says nothing of the task as if it lacked the member', () => {
    const text = withRateSlip.replace('"DestinationField": "Name"', '"Destinatiield": "Name"');
    const codes = service.validate(docOf(text)).map((d) => d.code);
    assert.deepEqual(codes.filter((c) => c === 'unknown-property').length, 1);
    assert.ok(codes.includes('SCH-2'), `the trigger's own finding stays: ${codes}`);
    assert.ok(!codes.includes('PAT-7'), 'no "Map without DestinationField" for the misspelled one');
  });

  it('a slip where the whole flow depends on it (the connector) still holds the rules back', () => {
    const text = withRateSlip.replace('"ConnectorType": "Salesforce"', '"ConectorType": "Salesforce"');
    const codes = service.validate(docOf(text)).map((d) => d.code);
    assert.ok(codes.includes('unknown-property'));
    assert.ok(!codes.includes('SCH-2'), `${codes}`);
  });
});
