import * as assert from 'node:assert/strict';
import { withRanges } from '../support/markers';
import { checkRuleCases, m, tasksOf, useConnector, validate, workflowText } from './support';
import { connectorCases } from './cases/connectors';

checkRuleCases('rules: connectors', connectorCases);

describe("rules: connectors, an operator under another connector's key", () => {
  it("is checked against the source connector: the key is OP-1, the value an enum error listing the source's operators", () => {
    const { text, ranges } = withRanges(
      workflowText((w) => {
        useConnector(w, 'S3');
        tasksOf(w).push({
          TaskType: 'Filter',
          ConnectorOperator: { [m('Salesforce')]: m('CONTAINS') },
          SourceFields: ['Id'],
          TaskProperties: { DATA_TYPE: 'string', VALUE: 'a' },
        });
      }),
    );
    const found = validate(text).filter((d) => d.code === 'OP-1' || d.code === 'enum');
    assert.deepEqual(
      found.map((d) => [d.code, d.range]),
      [
        ['OP-1', ranges[0]],
        ['enum', ranges[1]],
      ],
    );
    const value = found[1];
    assert.match(value.message, /"CONTAINS" is not an operator of S3; S3 allows: PROJECTION, LESS_THAN/);
    assert.deepEqual((value.data as { rules: string[] }).rules, ['OP-1']);
    assert.equal((value.data as { allowed: string[] }).allowed.length, 20);
  });
});
