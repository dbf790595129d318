// The file's JSON → SDK input: only model timestamp members change, into whole-second Dates read as the AWS CLI reads
// them.
import * as assert from 'node:assert/strict';

import { explainAwsError, toCreateWorkflowInput, WorkflowInputError } from '../../server/src/aws';

const scheduled = (props: Record<string, unknown>, batches?: unknown[]) => ({
  DomainName: 'd',
  IntegrationConfig: {
    AppflowIntegration: {
      FlowDefinition: {
        FlowName: 'f',
        TriggerConfig: {
          TriggerType: 'Scheduled',
          TriggerProperties: { Scheduled: { ScheduleExpression: 'rate(1hours)', ...props } },
        },
      },
      ...(batches ? { Batches: batches } : {}),
    },
  },
  Tags: { StartTime: '2024-01-01T00:00:00Z' },
});
type Out = {
  IntegrationConfig: {
    AppflowIntegration: {
      FlowDefinition: { TriggerConfig: { TriggerProperties: { Scheduled: Record<string, unknown> } } };
      Batches: Record<string, unknown>[];
    };
  };
};
const sched = (o: unknown) =>
  (o as Out).IntegrationConfig.AppflowIntegration.FlowDefinition.TriggerConfig.TriggerProperties.Scheduled;

describe('toCreateWorkflowInput', () => {
  it('turns ISO strings and epoch seconds into Dates, dropping fractions as the AWS CLI does', () => {
    const out = toCreateWorkflowInput(
      scheduled({
        ScheduleStartTime: '2030-01-01T00:00:00.750Z',
        ScheduleEndTime: 1924992000.9,
        FirstExecutionFrom: '2024-06-01T12:30:00+02:00',
      }),
    );
    assert.deepEqual(sched(out).ScheduleStartTime, new Date('2030-01-01T00:00:00Z'));
    assert.deepEqual(sched(out).ScheduleEndTime, new Date(1924992000 * 1000));
    assert.deepEqual(sched(out).FirstExecutionFrom, new Date('2024-06-01T10:30:00Z'));
  });

  it('reads an ISO string without a zone, and a bare date, as UTC whatever the local time zone', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York'; // Node applies a changed TZ at once; JavaScript's Date would read local time
    let out;
    try {
      assert.notEqual(
        new Date('2024-01-01T00:00:00').toISOString(),
        '2024-01-01T00:00:00.000Z',
        'the time zone took effect',
      );
      out = toCreateWorkflowInput(scheduled({}, [{ StartTime: '2024-01-01T00:00:00', EndTime: '2024-02-01' }]));
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const [batch] = (out as unknown as Out).IntegrationConfig.AppflowIntegration.Batches;
    assert.equal((batch.StartTime as Date).toISOString(), '2024-01-01T00:00:00.000Z');
    assert.equal((batch.EndTime as Date).toISOString(), '2024-02-01T00:00:00.000Z');
  });

  it('leaves everything else as written and does not change the parsed document', () => {
    const doc = scheduled({ ScheduleOffset: 0, Timezone: 'America/New_York', ScheduleStartTime: 1700000000 });
    const before = JSON.stringify(doc);
    const out = toCreateWorkflowInput(doc);
    assert.equal(JSON.stringify(doc), before);
    assert.equal(sched(out).ScheduleOffset, 0);
    assert.equal(sched(out).Timezone, 'America/New_York');
    assert.deepEqual(
      (out as unknown as { Tags: unknown }).Tags,
      { StartTime: '2024-01-01T00:00:00Z' },
      'a tag named like a timestamp stays a string',
    );
  });

  it('names the path of a value that is not a timestamp, and explainAwsError says nothing was sent', () => {
    let err: unknown;
    try {
      toCreateWorkflowInput(scheduled({}, [{ StartTime: 'next tuesday' }]));
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof WorkflowInputError);
    assert.deepEqual(err.path, ['IntegrationConfig', 'AppflowIntegration', 'Batches', 0, 'StartTime']);
    assert.match(err.message, /"next tuesday" is not a timestamp the AWS CLI reads \(.*\); use an ISO-8601 string/);
    assert.match(explainAwsError(err).text, /nothing was sent/);
  });

  it('reads timestamps as the AWS CLI does: padded strings and negative epoch seconds are read, out-of-range numbers refused', () => {
    const startOf = (v: unknown) =>
      (toCreateWorkflowInput(scheduled({}, [{ StartTime: v }])) as unknown as Out).IntegrationConfig.AppflowIntegration
        .Batches[0].StartTime;
    assert.deepEqual(startOf(' 2024-01-01T00:00:00Z '), new Date('2024-01-01T00:00:00Z'));
    assert.deepEqual(startOf(-5), new Date(-5000));
    // botocore: datetime.fromtimestamp rounds to microseconds before the serializer drops them
    assert.deepEqual(startOf('1706745600.9999999'), new Date(1706745601000));
    for (const bad of [1e20, 1e300, Number('123456789012345678901234567890'), 1706745600000, '1e20', 'inf', 'NaN']) {
      assert.throws(
        () => toCreateWorkflowInput(scheduled({}, [{ StartTime: bad }])),
        /is not a timestamp the AWS CLI reads/,
        JSON.stringify(bad),
      );
    }
    assert.equal(fieldOf(1e20)?.found, 'IntegrationConfig.AppflowIntegration.Batches.0.StartTime');
  });

  it('refuses a document that is not one JSON object', () => {
    assert.throws(() => toCreateWorkflowInput([1, 2]), /must hold one JSON object/);
    assert.throws(() => toCreateWorkflowInput(null), WorkflowInputError);
  });
});

/** Where explainAwsError points for a batch StartTime that cannot be converted, in the file's own text. */
function fieldOf(startTime: unknown) {
  const text = JSON.stringify(scheduled({}, [{ StartTime: startTime }]), null, 2);
  try {
    toCreateWorkflowInput(JSON.parse(text));
  } catch (err) {
    const field = explainAwsError(err, { documentText: text }).field;
    assert.equal(text.slice(field!.offset, field!.offset + field!.length), JSON.stringify(startTime));
    return field;
  }
  return undefined;
}
