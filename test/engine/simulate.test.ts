// The dry run (engine/simulate.ts) and the next runs (engine/nextRuns.ts): a case per task type and operator, each
// what AppFlow documents for it (docs/preview.md), on records a user would paste.
import * as assert from 'node:assert/strict';
import { parseWorkflow } from '../../server/src/engine/document';
import { simulate, type SourceRecord } from '../../server/src/engine/simulate';
import { nextRuns, scheduleLens } from '../../server/src/engine/nextRuns';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { previewMermaid, previewModel } from '../../server/src/engine/previewModel';
import type { ObjectTypeFacts } from '../../server/src/engine/accountSnapshot';
import { Json, fd, mapTask, scheduledOf, tasksOf, workflowText } from '../rules/support';
import { withRanges } from '../support/markers';
import { docOf } from '../support/workflows';

const parsed = (text: string) => parseWorkflow(docOf(withRanges(text).text));
/** The base workflow (projection Id, Name, Phone, LastModifiedDate; a Map each; Validate Id) with `edit` applied. */
const run = (edit: (w: Json) => void, records: SourceRecord[], objectType?: ObjectTypeFacts) =>
  simulate(parsed(workflowText(edit)), records, objectType);
const filter = (operator: string, field: string, properties: Json) => ({
  TaskType: 'Filter',
  ConnectorOperator: { Salesforce: operator },
  SourceFields: [field],
  TaskProperties: properties,
});
const keptOf = (s: ReturnType<typeof simulate>) => s.records.map((r) => r.kept);

describe('dry run: what the tasks do to records', () => {
  it('the projection: only projected fields reach the Maps; a Map of a missing field is a problem', () => {
    const s = run(() => {}, [
      { Id: '1', Name: 'A', Fax: 'x', Phone: '555' },
      { Id: '2', Name: 'B' },
    ]);
    assert.deepEqual(s.records[0].object, { Id: '1', Name: 'A', Phone: '555' });
    assert.deepEqual(s.records[1].problems, [
      'no value for Phone: Phone is not written',
      'no value for LastModifiedDate: LastModifiedDate is not written',
    ]);
  });

  it('Validate VALIDATE_NON_NULL with DropRecord drops that record only, naming the task', () => {
    const s = run(() => {}, [{ Id: '1' }, { Name: 'no id' }]);
    assert.deepEqual(keptOf(s), [true, false]);
    assert.deepEqual(s.records[1].droppedBy, { task: 5, reason: 'Id null fails VALIDATE_NON_NULL (DropRecord)' });
  });

  it('Validate with DropDataset drops the whole run, and says so', () => {
    const s = run(
      (w) => {
        tasksOf(w)[5].TaskProperties = { VALIDATION_ACTION: 'DropDataset' };
      },
      [{ Id: '1' }, { Name: 'no id' }, { Id: '3' }],
    );
    assert.deepEqual(keptOf(s), [false, false, false]);
    assert.ok(s.notes.some((n) => n.includes('DropDataset')));
  });

  for (const [op, value, ok] of [
    ['VALIDATE_NON_ZERO', '0', false],
    ['VALIDATE_NON_ZERO', '3', true],
    ['VALIDATE_NON_NEGATIVE', '-1', false],
    ['VALIDATE_NUMERIC', '12a', false],
    ['VALIDATE_NUMERIC', '12.5', true],
  ] as const)
    it(`Validate ${op} on ${JSON.stringify(value)}: ${ok ? 'kept' : 'dropped'}`, () => {
      const s = run(
        (w) => {
          tasksOf(w)[5].ConnectorOperator = { Salesforce: op };
          tasksOf(w)[5].SourceFields = ['Phone'];
        },
        [{ Id: '1', Phone: value }],
      );
      assert.deepEqual(keptOf(s), [ok]);
    });

  // comparison filters compare as their DATA_TYPE: numbers as numbers (not text: "9" < "10")
  for (const [op, props, values, kept] of [
    ['EQUAL_TO', { DATA_TYPE: 'string', VALUE: 'Seattle' }, ['Seattle', 'seattle'], [true, false]],
    ['EQUAL_TO', { DATA_TYPE: 'string', VALUES: 'Seattle,Boise' }, ['Boise', 'Portland'], [true, false]],
    ['NOT_EQUAL_TO', { DATA_TYPE: 'string', VALUE: 'Seattle' }, ['Seattle', 'Boise'], [false, true]],
    ['CONTAINS', { DATA_TYPE: 'string', VALUE: 'att' }, ['Seattle', 'Boise'], [true, false]],
    ['GREATER_THAN', { DATA_TYPE: 'double', VALUE: '9' }, ['10', '9', '8.5'], [true, false, false]],
    ['GREATER_THAN_OR_EQUAL_TO', { DATA_TYPE: 'double', VALUE: '9' }, ['9', '8'], [true, false]],
    ['LESS_THAN', { DATA_TYPE: 'int', VALUE: '10' }, ['9', '10'], [true, false]],
    ['LESS_THAN_OR_EQUAL_TO', { DATA_TYPE: 'int', VALUE: '10' }, ['10', '11'], [true, false]],
    [
      'BETWEEN',
      { DATA_TYPE: 'double', LOWER_BOUND: '10', UPPER_BOUND: '20' },
      ['10', '20', '20.5'],
      [true, true, false],
    ],
    [
      'GREATER_THAN',
      { DATA_TYPE: 'datetime', VALUE: '1796083200000' },
      ['2026-12-01T00:00:01Z', '2026-11-30T23:59:59Z', '1796083200001'],
      [true, false, true],
    ],
  ] as const)
    it(`Filter ${op} ${JSON.stringify(props)} keeps ${JSON.stringify(values.filter((_, i) => kept[i]))}`, () => {
      const s = run(
        (w) => {
          tasksOf(w)[0].SourceFields.push('BillingCity');
          tasksOf(w).push(filter(op, 'BillingCity', props));
        },
        values.map((v, i) => ({ Id: String(i), BillingCity: v })),
      );
      assert.deepEqual(keptOf(s), kept);
      const dropped = s.records.find((r) => !r.kept);
      if (dropped) assert.equal(dropped.droppedBy!.task, 6);
    });

  it('a filter on a field the record lacks drops it, and notes that AppFlow does not document it', () => {
    const s = run(
      (w) => {
        tasksOf(w)[0].SourceFields.push('BillingCity');
        tasksOf(w).push(filter('EQUAL_TO', 'BillingCity', { DATA_TYPE: 'string', VALUE: 'x' }));
      },
      [{ Id: '1' }],
    );
    assert.deepEqual(s.records[0].droppedBy, { task: 6, reason: 'no value for BillingCity' });
    assert.ok(s.notes.some((n) => n.includes('does not document')));
  });

  it('Mask MASK_LAST_N, MASK_FIRST_N and MASK_ALL change the value the Map writes', () => {
    for (const [op, expected] of [
      ['MASK_LAST_N', '555-01##'],
      ['MASK_FIRST_N', '##5-0100'],
      ['MASK_ALL', '########'],
    ] as const) {
      const s = run(
        (w) => {
          tasksOf(w).splice(1, 0, {
            TaskType: 'Mask',
            ConnectorOperator: { Salesforce: op },
            SourceFields: ['Phone'],
            TaskProperties: { MASK_LENGTH: '2', MASK_VALUE: '#' },
          });
        },
        [{ Id: '1', Phone: '555-0100' }],
      );
      assert.equal(s.records[0].object!.Phone, expected, op);
    }
  });

  it('Truncate cuts the value to TRUNCATE_LENGTH characters', () => {
    const s = run(
      (w) => {
        tasksOf(w).splice(1, 0, {
          TaskType: 'Truncate',
          ConnectorOperator: { Salesforce: 'NO_OP' },
          SourceFields: ['Name'],
          TaskProperties: { TRUNCATE_LENGTH: '4' },
        });
      },
      [{ Id: '1', Name: 'Example Corp' }],
    );
    assert.equal(s.records[0].object!.Name, 'Exam');
  });

  it('Merge fills CONCAT_FORMAT, Arithmetic follows MATH_OPERATION_FIELDS_ORDER; a Map writes each result', () => {
    const s = run(
      (w) => {
        tasksOf(w)[0].SourceFields.push('FirstName', 'LastName', 'Total', 'Count');
        tasksOf(w).push(
          {
            TaskType: 'Merge',
            ConnectorOperator: { Salesforce: 'NO_OP' },
            SourceFields: ['FirstName', 'LastName'],
            DestinationField: 'FullName',
            TaskProperties: { CONCAT_FORMAT: '${LastName}, ${FirstName}' },
          },
          {
            TaskType: 'Arithmetic',
            ConnectorOperator: { Salesforce: 'DIVISION' },
            SourceFields: ['Total', 'Count'],
            DestinationField: 'Average',
            TaskProperties: { MATH_OPERATION_FIELDS_ORDER: 'Total,Count' },
          },
          mapTask('FullName'),
          mapTask('Average'),
        );
      },
      [{ Id: '1', FirstName: 'Ada', LastName: 'Lovelace', Total: '90', Count: '4' }],
    );
    assert.equal(s.records[0].object!.FullName, 'Lovelace, Ada');
    assert.equal(s.records[0].object!.Average, 22.5);
  });

  it('Map_all writes every projected field under its own name', () => {
    const s = run(
      (w) => {
        fd(w).Tasks = [
          tasksOf(w)[0],
          { TaskType: 'Map_all', ConnectorOperator: { Salesforce: 'NO_OP' }, SourceFields: [] },
        ];
      },
      [{ Id: '1', Name: 'A', Secret: 'not projected' }],
    );
    assert.deepEqual(s.records[0].object, { Id: '1', Name: 'A' });
  });

  it('with the object type: the key values each record is matched by, and a problem when a key source is empty', () => {
    const objectType: ObjectTypeFacts = {
      fields: {
        AccountId: { source: '_source.Id', target: '_profile.AccountNumber' },
        Name: { source: '_source.Name', target: '_profile.BusinessName' },
        Phone: { source: '_source.Phone', target: '_profile.PhoneNumber' },
      },
      keys: {
        _account: [{ standardIdentifiers: ['PROFILE', 'UNIQUE'], fieldNames: ['AccountId'] }],
        _phone: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['Phone'] }],
      },
    };
    const s = run(
      () => {},
      [
        { Id: '7', Name: 'A', Phone: '555' },
        { Id: '8', Name: 'B' },
      ],
      objectType,
    );
    assert.deepEqual(s.records[0].profile, {
      keys: { _account: '7', _phone: '555' },
      attributes: { '_profile.AccountNumber': '7', '_profile.BusinessName': 'A', '_profile.PhoneNumber': '555' },
    });
    assert.ok(
      s.records[1].problems.includes(
        'no value for _source.Phone: this record cannot be matched to a profile by _phone',
      ),
      JSON.stringify(s.records[1].problems),
    );
  });
});

describe('next runs', () => {
  const at = (text: string) => new Date(text);
  const runs = (edit: (w: Json) => void, now: string, n = 3) => nextRuns(parsed(workflowText(edit)), at(now), n);

  it('rate(1hours) from ScheduleStartTime, in UTC and in the Timezone, with the Incremental window', () => {
    const r = runs((w) => {
      Object.assign(scheduledOf(w), {
        ScheduleExpression: 'rate(1hours)',
        ScheduleStartTime: '2027-01-04T09:00:00Z',
        FirstExecutionFrom: '2027-01-01T00:00:00Z',
        DataPullMode: 'Incremental',
        Timezone: 'America/Chicago',
      });
    }, '2027-01-01T00:00:00Z');
    assert.deepEqual(
      r.runs.map((x) => [x.at, x.from, x.to]),
      [
        ['2027-01-04T09:00:00Z', '2027-01-01T00:00:00Z', '2027-01-04T09:00:00Z'],
        ['2027-01-04T10:00:00Z', '2027-01-04T09:00:00Z', '2027-01-04T10:00:00Z'],
        ['2027-01-04T11:00:00Z', '2027-01-04T10:00:00Z', '2027-01-04T11:00:00Z'],
      ],
    );
    assert.match(r.runs[0].local!, /^Mon 4 Jan 2027,? 03:00 America\/Chicago$/);
  });

  it('stops at ScheduleEndTime, and a ScheduleOffset delays each run', () => {
    const r = runs(
      (w) => {
        Object.assign(scheduledOf(w), {
          ScheduleExpression: 'rate(1days)',
          ScheduleStartTime: '2027-01-01T00:00:00Z',
          ScheduleEndTime: '2027-01-02T12:00:00Z',
          ScheduleOffset: 300,
          DataPullMode: 'Complete',
        });
      },
      '2026-12-01T00:00:00Z',
      5,
    );
    assert.deepEqual(
      r.runs.map((x) => x.at),
      ['2027-01-01T00:05:00Z', '2027-01-02T00:05:00Z'],
    );
    assert.ok(
      r.runs.every((x) => x.from === undefined && x.to === undefined),
      'a Complete pull reads everything',
    );
    assert.ok(r.notes.some((n) => n.includes('ScheduleEndTime')));
  });

  it('a start time that has passed: the runs from now on, on its grid', () => {
    const r = runs(
      (w) => {
        Object.assign(scheduledOf(w), {
          ScheduleExpression: 'rate(15minutes)',
          ScheduleStartTime: '2027-01-01T00:00:00Z',
        });
      },
      '2027-01-01T01:07:00Z',
      2,
    );
    assert.deepEqual(
      r.runs.map((x) => x.at),
      ['2027-01-01T01:15:00Z', '2027-01-01T01:30:00Z'],
    );
  });

  it('hovering ScheduleExpression shows the next runs in UTC and in the Timezone', () => {
    const text = withRanges(
      workflowText((w) => {
        Object.assign(scheduledOf(w), {
          ScheduleExpression: 'rate(1hours)',
          ScheduleStartTime: '2027-01-04T09:00:00Z',
          Timezone: 'America/Chicago',
        });
      }),
    ).text;
    const service = createWorkflowLanguageService({ now: () => new Date('2027-01-01T00:00:00Z') });
    const doc = docOf(text);
    const h = service.hover(doc, doc.positionAt(text.indexOf('"rate(1hours)"') + 2));
    const value = (h?.contents as { value: string }).value;
    assert.match(
      value,
      /\*\*Next runs\*\*: 2027-01-04 09:00 UTC \(Mon 4 Jan 2027,? 03\\?:00 America\/Chicago\); 2027-01-04 10:00 UTC/,
    );
  });

  it('the history batches come first, as a timeline before the runs', () => {
    const r = runs((w) => {
      w.IntegrationConfig.AppflowIntegration.Batches = [
        { StartTime: '2026-01-01T00:00:00Z', EndTime: '2026-07-01T00:00:00Z' },
        { StartTime: 1782864000, EndTime: '2027-01-01T00:00:00Z' },
      ];
      Object.assign(scheduledOf(w), { ScheduleExpression: 'rate(1days)', ScheduleStartTime: '2027-01-02T00:00:00Z' });
    }, '2027-01-01T00:00:00Z');
    assert.deepEqual(r.history, [
      { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' },
      { from: '2026-07-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
    ]);
    assert.equal(r.runs[0].at, '2027-01-02T00:00:00Z');
  });

  it('an Event flow says why no run is listed', () => {
    const event = runs((w) => {
      fd(w).TriggerConfig = { TriggerType: 'Event' };
    }, '2027-01-01T00:00:00Z');
    assert.deepEqual(event.runs, []);
    assert.match(event.notes[0], /when the source sends an event/);
  });

  it('cron(…) as EventBridge reads it: weekdays at 09:30 UTC, names and ranges, stopping at the end time', () => {
    const r = runs(
      (w) => {
        Object.assign(scheduledOf(w), {
          ScheduleExpression: 'cron(30 9 ? JAN MON-FRI 2027)',
          ScheduleStartTime: '2027-01-01T00:00:00Z',
          ScheduleEndTime: '2027-01-06T12:00:00Z',
        });
      },
      '2026-12-15T00:00:00Z',
      5,
    );
    // 1 January 2027 is a Friday
    assert.deepEqual(
      r.runs.map((x) => x.at),
      ['2027-01-01T09:30:00Z', '2027-01-04T09:30:00Z', '2027-01-05T09:30:00Z', '2027-01-06T09:30:00Z'],
    );
    assert.ok(r.notes.some((n) => n.includes('UTC')));
    const steps = runs(
      (w) => {
        Object.assign(scheduledOf(w), {
          ScheduleExpression: 'cron(0/20 8-9 1,15 * ? *)',
          ScheduleStartTime: '2027-03-01T00:00:00Z',
        });
      },
      '2027-01-01T00:00:00Z',
      7,
    );
    assert.deepEqual(
      steps.runs.map((x) => x.at),
      [
        '2027-03-01T08:00:00Z',
        '2027-03-01T08:20:00Z',
        '2027-03-01T08:40:00Z',
        '2027-03-01T09:00:00Z',
        '2027-03-01T09:20:00Z',
        '2027-03-01T09:40:00Z',
        '2027-03-15T08:00:00Z',
      ],
    );
    const unsupported = runs((w) => {
      scheduledOf(w).ScheduleExpression = 'cron(0 9 L * ? *)';
    }, '2027-01-01T00:00:00Z');
    assert.deepEqual(unsupported.runs, []);
    assert.match(unsupported.notes[0], /L, W and # are not computed yet/);
  });
});

describe('the mapping picture (model and Mermaid)', () => {
  const objectType: ObjectTypeFacts = {
    fields: {
      AccountId: { source: '_source.Id', target: '_profile.AccountNumber' },
      City: { source: '_source.City', target: '_profile.Address.City' },
    },
    keys: { _account: [{ standardIdentifiers: ['PROFILE', 'UNIQUE'], fieldNames: ['AccountId'] }] },
  };

  it('marks projected fields no Map writes, destinations the object type does not read, and fields nothing writes', () => {
    const m = previewModel(
      parsed(
        workflowText((w) => {
          tasksOf(w)[0].SourceFields.push('Fax');
        }),
      ),
      objectType,
    );
    assert.deepEqual(
      m.fields.filter((f) => f.projected && !f.mapped).map((f) => f.name),
      ['Fax'],
    );
    assert.deepEqual(
      m.destinations.filter((d) => d.read === false).map((d) => d.name),
      ['Name', 'Phone', 'LastModifiedDate'],
    );
    assert.deepEqual(
      m.objectType!.map((o) => [o.name, o.keys, o.written]),
      [
        ['AccountId', ['_account'], true],
        ['City', [], false],
      ],
    );
    assert.equal(m.tasks[1].taskType, 'Map');
    assert.ok(m.tasks[1].start < m.tasks[1].end);
  });

  it('Mermaid: positional ids, names as entity-escaped labels, lost fields dashed, keys bold', () => {
    const m = previewModel(
      parsed(
        workflowText((w) => {
          tasksOf(w)[0].SourceFields.push('x"]; click f0 call alert(1) %%');
        }),
      ),
      objectType,
    );
    const text = previewMermaid(m);
    assert.match(text, /^flowchart LR\n/);
    assert.match(text, /f0\["Id"\]/);
    assert.match(text, /f0 -->\|"Tasks#91;1#93;"\| d0/);
    assert.ok(!text.includes('"];'), 'a name cannot close its label');
    assert.match(text, /x#34;#93;#59; click f0 call alert#40;1#41; #37;#37;/);
    assert.match(text, /class f4,o1 lost/);
    assert.match(text, /class o0 key/);
  });
});

describe('the schedule lens', () => {
  it('says the next run in the Timezone and the interval, and opens the preview', () => {
    const text = withRanges(
      workflowText((w) => {
        Object.assign(scheduledOf(w), {
          ScheduleExpression: 'rate(1hours)',
          ScheduleStartTime: '2027-01-04T09:00:00Z',
          Timezone: 'America/Chicago',
        });
      }),
    ).text;
    const lens = scheduleLens(parsed(text), new Date('2027-01-01T00:00:00Z'))!;
    assert.match(lens.command!.title, /^Next run: Mon 4 Jan 2027,? 03:00 America\/Chicago, then every 1 hour$/);
    assert.equal(lens.command!.command, 'cpworkflow.previewWorkflow');
    assert.equal(text.split('\n')[lens.range.start.line].includes('"ScheduleExpression"'), true);
  });
});
