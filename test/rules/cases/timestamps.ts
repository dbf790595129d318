// Cases for timestamps (SCH-18, BAT-10) as the AWS CLI reads them: botocore's parse_to_aware_datetime (a number
// first, then dateutil). Every verdict here was observed with AWS CLI v1 and v2 (test/rules/awsCli.test.ts).
import { Json, RuleCase, epoch, m, mark, scheduledOf, workflowText } from '../support';

const START = epoch('2099-01-01T00:00:00Z');
/** The workflow with ScheduleStartTime set to `value` (a marked range, or the good value). */
const start = (value: unknown, edit: (w: Json) => void = () => {}) =>
  workflowText((w) => {
    scheduledOf(w).ScheduleStartTime = value;
    edit(w);
  });
const withoutTimezone = (w: Json) => delete scheduledOf(w).Timezone;
/** A JSON number the serializer cannot write (30 digits): a marked placeholder replaced in the text. */
const rawNumber = (digits: string) => start(mark(1234567)).replace('⟦1234567⟧', `⟦${digits}⟧`);

export const timestampCases: RuleCase[] = [
  {
    rule: 'SCH-18',
    code: 'SCH-18',
    severity: 'error',
    name: 'epoch milliseconds (the AWS CLI: year out of range)',
    bad: start(mark(START * 1000)),
    good: start(START),
    data: { seconds: START },
    message: /refuses it: the year 130971 is out of range/,
  },
  {
    rule: 'SCH-18',
    code: 'SCH-18',
    severity: 'error',
    name: 'epoch milliseconds as a string',
    bad: start(m(String(START * 1000))),
    good: start(String(START)),
    data: { seconds: START },
  },
  {
    rule: 'SCH-18',
    code: 'SCH-18',
    severity: 'warning',
    name: 'a number past 1e11 that the AWS CLI still reads (the year 5138 on)',
    bad: start(mark(126230400000)),
    good: start(START),
    data: { seconds: 126230400 },
  },
  {
    rule: 'SCH-18',
    code: 'timestamp',
    severity: 'error',
    name: 'second 60',
    bad: start(m('2099-01-01T12:59:60Z')),
    good: start('2099-01-01T12:59:59Z'),
    message: /second must be 0 to 59/,
  },
  {
    rule: 'SCH-18',
    code: 'timestamp',
    severity: 'error',
    name: 'a day the month does not have',
    bad: start(m('2099-02-30T00:00:00Z')),
    good: start('2099-02-28T00:00:00Z'),
  },
  {
    rule: 'SCH-18',
    code: 'timestamp',
    severity: 'error',
    name: '1e20 epoch seconds',
    bad: start(mark(1e20)),
    good: start(START),
    message: /out of range/,
  },
  {
    rule: 'SCH-18',
    code: 'timestamp',
    severity: 'error',
    name: '1e300 epoch seconds',
    bad: start(mark(1e300)),
    good: start(START),
  },
  {
    rule: 'SCH-18',
    code: 'timestamp',
    severity: 'error',
    name: 'a 30-digit number',
    bad: rawNumber('123456789012345678901234567890'),
    good: start(START),
  },
  {
    rule: 'SCH-18',
    code: 'timestamp',
    severity: 'error',
    name: '"1e20" as a string',
    bad: start(m('1e20')),
    good: start('4070908800'),
  },
  {
    rule: 'SCH-18',
    code: 'timestamp',
    severity: 'error',
    name: 'words, not a date',
    bad: start(m('next monday')),
    good: start('2099-01-01T00:00:00-05:00'),
  },
  {
    rule: 'SCH-18',
    code: 'timestamp',
    severity: 'error',
    // dateutil completes a missing date from today: the file would mean another instant tomorrow
    name: 'a time without a date',
    bad: start(m('09:00')),
    good: start('2099-01-01T09:00:00Z'),
  },
  {
    rule: 'SCH-18',
    code: 'timestamp-utc',
    severity: 'information',
    name: 'ISO time without a zone',
    bad: start(m('2099-01-01T00:00:00'), withoutTimezone),
    good: start('2099-01-01T00:00:00Z', withoutTimezone),
    data: { replacement: '2099-01-01T00:00:00Z' },
  },
  {
    rule: 'SCH-18',
    code: 'timestamp-utc',
    severity: 'warning',
    name: 'a time without a zone beside a Timezone (AppFlow: a label only)',
    bad: start(m('2099-03-01T09:00:00'), (w) => (scheduledOf(w).Timezone = 'America/Los_Angeles')),
    good: start('2099-03-01T09:00:00-08:00', (w) => (scheduledOf(w).Timezone = 'America/Los_Angeles')),
    data: {
      replacement: '2099-03-01T09:00:00Z',
      zoneReplacement: '2099-03-01T09:00:00-08:00',
      timezone: 'America/Los_Angeles',
    },
    message: /Timezone "America\/Los_Angeles" does not apply/,
  },
  {
    rule: 'SCH-18',
    code: 'timestamp-zone',
    severity: 'warning',
    name: 'a zone name the AWS CLI ignores (PST read as UTC)',
    bad: start(m('2099-01-01 09:00:00 PST')),
    good: start('2099-01-01T09:00:00-08:00'),
    data: { replacement: '2099-01-01T09:00:00Z' },
  },
  {
    rule: 'SCH-18',
    code: 'timestamp-zone',
    severity: 'warning',
    name: 'UTC+2, which dateutil reads as two hours behind UTC',
    bad: start(m('2099-01-01T09:00:00 UTC+2')),
    good: start('2099-01-01T09:00:00+02:00'),
    data: { replacement: '2099-01-01T11:00:00Z' },
  },
  {
    rule: 'SCH-18',
    code: 'timestamp-form',
    severity: 'warning',
    name: 'a date written as 8 digits (epoch seconds of 1970 to the AWS CLI)',
    bad: workflowText((w) => (scheduledOf(w).FirstExecutionFrom = m('20250101'))),
    good: workflowText((w) => (scheduledOf(w).FirstExecutionFrom = '2025-01-01T00:00:00Z')),
    data: { replacement: '2025-01-01T00:00:00Z' },
  },
  {
    rule: 'SCH-18',
    code: 'timestamp-form',
    severity: 'information',
    name: 'RFC 1123',
    bad: start(m('Thu, 01 Jan 2099 00:00:00 GMT')),
    good: start('2099-01-01T00:00:00Z'),
    data: { replacement: '2099-01-01T00:00:00Z' },
  },
  {
    rule: 'SCH-18',
    code: 'timestamp-form',
    severity: 'information',
    name: 'epoch seconds as a string',
    bad: start(m(String(START))),
    good: start(START),
    data: { replacement: START },
  },
  {
    rule: 'SCH-18',
    code: 'timestamp-form',
    severity: 'information',
    name: 'compact ISO 8601',
    bad: start(m('20990101T000000Z')),
    good: start('2099-01-01T00:00:00Z'),
    data: { replacement: '2099-01-01T00:00:00Z' },
  },
  {
    rule: 'SCH-18',
    code: 'timestamp-form',
    severity: 'information',
    name: 'a date with slashes',
    bad: start(m('2099/01/01 09:00'), withoutTimezone),
    good: start('2099-01-01T09:00:00Z', withoutTimezone),
    data: { replacement: '2099-01-01T09:00:00Z' },
  },
];
