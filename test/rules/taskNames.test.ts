// Tasks are named in messages as people count and as the Outline shows them: "Task 2, Map caller_id → caller_id".
import * as assert from 'node:assert/strict';
import { DocumentSymbol } from 'vscode-languageserver-types';
import { service } from '../editing/support';
import { docOf, readExample } from '../support/workflows';

const SN = readExample('servicenow-incident.cpworkflow.json');

/** The Outline's names of the tasks, in order. */
function outlineTasks(symbols: DocumentSymbol[]): string[] {
  const all = (s: DocumentSymbol[]): DocumentSymbol[] => s.flatMap((x) => [x, ...all(x.children ?? [])]);
  return (
    all(symbols)
      .find((s) => s.name === 'Tasks')
      ?.children?.map((c) => c.name) ?? []
  );
}

describe('task names in messages', () => {
  it('count from 1 and use the Outline’s words (PAT-8: two Maps write one field)', () => {
    // task 3 (Map number → number) now writes sys_id, as task 2 does
    const text = SN.replace('"DestinationField": "number"', '"DestinationField": "sys_id"');
    const svc = service();
    const doc = docOf(text);
    const tasks = outlineTasks(svc.symbols(doc));
    assert.equal(tasks[1], 'Map sys_id → sys_id');
    const pat8 = svc.validate(doc).find((d) => d.code === 'PAT-8');
    assert.ok(pat8);
    assert.match(pat8.message, /^Task 2, Map sys_id → sys_id, already maps to DestinationField "sys_id"/);
  });

  it('OP-1 names the task without an operator by its number and title', () => {
    const text = SN.replace(/"ConnectorOperator": \{\s*"ServiceNow": "MASK_LAST_N"\s*\},\s*/, '');
    const op1 = service()
      .validate(docOf(text))
      .find((d) => d.code === 'OP-1');
    assert.ok(op1);
    assert.match(op1.message, /^Task 7, Mask caller_id, has no ConnectorOperator\./);
  });
});
