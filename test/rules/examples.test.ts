// The shipped examples are clean: no errors, and only the warnings docs/rules.md documents for them.
import * as assert from 'node:assert/strict';
import { severityName } from '../../server/src/engine/findings';
import { docOf, exampleFiles, readExample } from '../support/workflows';
import { service } from './support';

// PAT-14: CreateIntegrationWorkflow documents Salesforce, ServiceNow and Marketo as its sources.
const EXPECTED: Record<string, string[]> = {
  'marketo-lead.cpworkflow.json': [],
  's3-customers.cpworkflow.json': ['warning PAT-14'],
  'salesforce-account.cpworkflow.json': [],
  'servicenow-incident.cpworkflow.json': [],
  'zendesk-ticket.cpworkflow.json': ['warning PAT-14'],
};

describe('examples under the semantic rules', () => {
  it('covers every example', () => assert.deepEqual(exampleFiles(), Object.keys(EXPECTED).sort()));
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.length ? expected.join(', ') : 'no diagnostics'}`, () => {
      const found = service.validate(docOf(readExample(file))).map((d) => `${severityName(d.severity)} ${d.code}`);
      assert.deepEqual(found, expected);
    });
  }
});
