// The rule tables are derived from the generated model and agree with it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/root';
import { taskTypes } from '../../server/src/generated/model';
import {
  ALL_OPERATORS,
  TASK_KINDS,
  WRONG_OPERATOR_SEVERITY,
  operatorFamily,
  operatorsForTaskType,
  taskKindOf,
  taskTypesForOperator,
  unknownTableKeys,
} from '../../server/src/engine/domain/taskKinds';
import { parseScheduleExpression } from '../../server/src/engine/domain/scheduleExpression';
import { rules } from '../../server/src/engine/rules';

describe('rule tables', () => {
  it('every model operator belongs to a family and to at least one TaskType', () => {
    // read from the Smithy model itself, not from the generated module ALL_OPERATORS is built from
    const model = JSON.parse(
      readFileSync(join(ROOT, 'schemas/models/customer-profiles-2020-08-15.json'), 'utf8'),
    ).shapes;
    const modelOperators = new Set(
      Object.entries<{ type: string; members: Record<string, { traits: Record<string, string> }> }>(model)
        .filter(([id, s]) => /#\w+ConnectorOperator$/.test(id) && s.type === 'enum')
        .flatMap(([, s]) => Object.values(s.members).map((m) => m.traits['smithy.api#enumValue'])),
    );
    assert.ok(modelOperators.size >= 20);
    assert.deepEqual(new Set(ALL_OPERATORS), modelOperators);
    for (const op of ALL_OPERATORS) {
      assert.ok(operatorFamily(op), op);
      assert.ok(taskTypesForOperator(op).length > 0, `${op} has a TaskType`);
    }
    assert.equal(operatorFamily('VALIDATE_NOT_NULL'), undefined);
  });

  it('the §1b matrix: Filter takes PROJECTION and comparisons, Mask MASK_*, Validate VALIDATE_*, Map/Merge/Truncate NO_OP', () => {
    assert.deepEqual(operatorsForTaskType('Mask'), ['MASK_ALL', 'MASK_FIRST_N', 'MASK_LAST_N']);
    assert.deepEqual(operatorsForTaskType('Validate'), [
      'VALIDATE_NON_NULL',
      'VALIDATE_NON_ZERO',
      'VALIDATE_NON_NEGATIVE',
      'VALIDATE_NUMERIC',
    ]);
    assert.deepEqual(operatorsForTaskType('Arithmetic'), ['ADDITION', 'MULTIPLICATION', 'DIVISION', 'SUBTRACTION']);
    for (const t of ['Map', 'Merge', 'Truncate']) assert.deepEqual(operatorsForTaskType(t), ['NO_OP']);
    assert.deepEqual([...operatorsForTaskType('Filter')].sort(), [
      'BETWEEN',
      'CONTAINS',
      'EQUAL_TO',
      'GREATER_THAN',
      'GREATER_THAN_OR_EQUAL_TO',
      'LESS_THAN',
      'LESS_THAN_OR_EQUAL_TO',
      'NOT_EQUAL_TO',
      'PROJECTION',
    ]);
  });

  it('covers every model TaskType, and names only model property keys', () => {
    assert.deepEqual(Object.keys(WRONG_OPERATOR_SEVERITY).sort(), [...taskTypes].sort());
    assert.deepEqual(new Set(TASK_KINDS.map((k) => k.taskType)), new Set(taskTypes));
    assert.deepEqual(unknownTableKeys(), []);
    assert.deepEqual(taskKindOf('Filter', 'BETWEEN')?.requiredProperties, ['DATA_TYPE', 'LOWER_BOUND', 'UPPER_BOUND']);
    assert.equal(taskKindOf('Filter', 'NO_OP'), undefined);
  });

  it('reads rate expressions as AppFlow does', () => {
    assert.deepEqual(parseScheduleExpression('rate(15minutes)'), {
      kind: 'rate',
      count: 15,
      unit: 'minutes',
      canonical: 'rate(15minutes)',
      intervalMinutes: 15,
    });
    assert.equal((parseScheduleExpression('rate(1 hour)') as { canonical: string }).canonical, 'rate(1hours)');
    assert.equal((parseScheduleExpression(' Rate( 2 Days ) ') as { canonical: string }).canonical, 'rate(2days)');
    assert.equal(parseScheduleExpression('rate(1.5hours)').kind, 'rate-bad-count');
    assert.equal(parseScheduleExpression('rate(-1hours)').kind, 'rate-bad-count');
    assert.equal(parseScheduleExpression('rate(2fortnights)').kind, 'rate-bad-unit');
    assert.equal(parseScheduleExpression('cron(0 12 * * ? *)').kind, 'cron');
    assert.equal(parseScheduleExpression('').kind, 'unknown');
    assert.equal(parseScheduleExpression('rate()').kind, 'unknown');
  });

  it('every registered rule has a name and ids', () => {
    const names = rules.map((r) => r.name);
    assert.equal(new Set(names).size, names.length);
    for (const r of rules) assert.ok(r.ids.length > 0, r.name);
  });
});
