// Timestamps as the AWS CLI reads them from --cli-input-json, and what it then sends. botocore's
// utils.parse_to_aware_datetime (AWS CLI v1 and v2 alike) tries a number first: a JSON number, or a string Python's
// float() reads, is epoch seconds (datetime.fromtimestamp: years 1..9999, rounded to microseconds). Anything else goes
// to dateutil.parser.parse: ISO 8601 (also compact and with "/" or "."), RFC 1123, "Mar 1, 2027" and more; without a
// zone it is UTC. The restJson1 serializer sends int(calendar.timegm(dt.timetuple())): whole epoch seconds.
// This module reads the forms that name a full date (dateutil fills a missing day or year from the current date, so
// the same text would mean another instant tomorrow: those are refused) and refuses what botocore refuses.
import { Node } from '../document';

export interface Timestamp {
  /** the instant, in epoch seconds (fraction kept) */
  readonly epochSeconds: number;
  /** what the AWS CLI puts on the wire: whole epoch seconds */
  readonly sentSeconds: number;
  /**
   * number: a JSON number; epoch-string: a string of epoch seconds; iso: ISO 8601 extended (2027-03-01T09:00:00Z);
   * other: another form botocore reads (RFC 1123, compact ISO, 2027/03/01 09:00, …)
   */
  readonly form: 'number' | 'epoch-string' | 'iso' | 'other';
  /** a date string without Z or an offset: the AWS CLI reads it as UTC */
  readonly zoneless: boolean;
  /** a zone the AWS CLI does not apply: a name it ignores ("PST": read as UTC), or "UTC+2", which dateutil reads as
   * two hours behind UTC (the POSIX sign) */
  readonly zoneQuirk?: { readonly written: string; readonly kind: 'ignored' | 'inverted' };
}

/** A value the AWS CLI refuses before sending, and why. */
export interface TimestampRefusal {
  readonly refused: string;
  /** a number (or numeric string) that is refused but means a valid time read as epoch milliseconds */
  readonly millisecondsAsSeconds?: number;
  /**
   * refused here only: a date without a day or year, or a time without a date, which the AWS CLI completes from the
   * day it runs (so the same file means another instant tomorrow)
   */
  readonly incomplete?: true;
}

// datetime's range: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z
const MIN_SECONDS = -62135596800;
const MAX_SECONDS = 253402300799;
// dateutil's work is bounded by the text; ours too (no timestamp is this long)
const MAX_TEXT = 100;

const roundHalfEven = (v: number) => {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

/** datetime.fromtimestamp rounds to microseconds (half-even); timetuple() then drops them. */
function wholeSecondsOf(x: number): number {
  const whole = Math.trunc(x);
  const micros = roundHalfEven((x - whole) * 1e6);
  return whole + Math.floor(micros / 1e6);
}

function fromEpoch(x: number, form: 'number' | 'epoch-string'): Timestamp | TimestampRefusal {
  const sent = Number.isFinite(x) ? wholeSecondsOf(x) : NaN;
  if (sent >= MIN_SECONDS && sent <= MAX_SECONDS) return { epochSeconds: x, sentSeconds: sent, form, zoneless: false };
  const ms = Number.isFinite(x) ? wholeSecondsOf(x / 1000) : NaN;
  const year = new Date(x * 1000).getUTCFullYear(); // NaN past what a Date holds (±8.64e12 s)
  return {
    refused: `${Number.isNaN(year) ? 'the date' : `the year ${year}`} is out of range for epoch seconds (years 1 to 9999)`,
    ...(ms >= MIN_SECONDS && ms <= MAX_SECONDS && Math.abs(x) >= 1e11 ? { millisecondsAsSeconds: x / 1000 } : {}),
  };
}

// Python's float() syntax: digits with single underscores between them, a fraction, an exponent; inf and nan.
const PY_FLOAT = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const PY_INFINITY = /^[+-]?(?:inf|infinity)$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY_NAMES = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*';
// hh[:mm[:ss[.ffffff]]] [AM|PM]; compact hhmm[ss] too
const TIME = '(\\d{1,2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?(?:\\s*([AaPp][Mm]))?';
// Z, an offset, UTC/GMT/UT with an optional POSIX offset, or another upper-case zone name (which dateutil ignores)
const ZONE = '([Zz]|[+-]\\d{1,2}(?::?\\d{2})?|(?:UTC|GMT|UT)(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[A-Z]{1,5})';

interface Fields {
  year: string;
  month: string;
  day: string;
  hour?: string;
  minute?: string;
  second?: string;
  fraction?: string;
  ampm?: string;
  zone?: string;
}

const FORMS: readonly { re: RegExp; fields: (m: RegExpExecArray) => Fields; iso?: (m: RegExpExecArray) => boolean }[] =
  [
    // 2027-03-01T09:00:00Z, 2027/3/1 9:00, 2027.03.01
    {
      re: new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:(?:[Tt]|\\s+)${TIME})?(?:\\s*${ZONE})?$`),
      fields: (m) => ({ year: m[1], month: m[3], day: m[4], ...timeFields(m, 5) }),
      // ISO 8601 extended: 2027-03-01, 2027-03-01T09:00[:00[.000]][Z|±hh:mm]
      iso: (m) => /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?$/.test(m[0]),
    },
    // compact ISO: 20270301T090000Z
    {
      re: new RegExp(`^(\\d{4})(\\d{2})(\\d{2})[Tt]${TIME}(?:\\s*${ZONE})?$`),
      fields: (m) => ({ year: m[1], month: m[2], day: m[3], ...timeFields(m, 4) }),
    },
    // RFC 1123 / 850 with a four-digit year: Tue, 01 Jun 2028 00:00:00 GMT; 1 March 2027; 1-Jun-2028
    {
      re: new RegExp(
        `^(?:${DAY_NAMES},?\\s+)?(\\d{1,2})[\\s-]+(${MONTH_NAMES})\\.?[\\s-]+(\\d{4})(?:\\s+${TIME})?(?:\\s*${ZONE})?$`,
        'i',
      ),
      fields: (m) => ({ year: m[3], month: m[2], day: m[1], ...timeFields(m, 4) }),
    },
    // March 1, 2027 [09:00]; Jun 1 2028
    {
      re: new RegExp(
        `^(?:${DAY_NAMES},?\\s+)?(${MONTH_NAMES})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?:\\s+${TIME})?(?:\\s*${ZONE})?$`,
        'i',
      ),
      fields: (m) => ({ year: m[3], month: m[1], day: m[2], ...timeFields(m, 4) }),
    },
    // asctime: Tue Jun  1 00:00:00 2028
    {
      re: new RegExp(`^${DAY_NAMES}\\s+(${MONTH_NAMES})\\s+(\\d{1,2})\\s+${TIME}\\s+(\\d{4})(?:\\s*${ZONE})?$`, 'i'),
      fields: (m) => ({ year: m[8], month: m[1], day: m[2], ...timeFields(m, 3), zone: m[9] }),
    },
    // US order (dateutil's default, dayfirst=False): 03/01/2027 09:00 is 1 March
    {
      re: new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+${TIME})?(?:\\s*${ZONE})?$`),
      fields: (m) => ({ year: m[3], month: m[1], day: m[2], ...timeFields(m, 4) }),
    },
  ];

// dateutil completes these from the current date: 09:00, monday, March 2027, 1 March, 2027-03
const INCOMPLETE = [
  new RegExp(`^${TIME}(?:\\s*${ZONE})?$`),
  new RegExp(`^${DAY_NAMES}$`, 'i'),
  new RegExp(`^(?:\\d{1,2}\\s+)?(?:${MONTH_NAMES})\\.?(?:\\s+\\d{1,2}|\\s+\\d{4})?$`, 'i'),
  /^\d{4}-\d{1,2}$/,
];

function timeFields(m: RegExpExecArray, i: number): Partial<Fields> {
  return { hour: m[i], minute: m[i + 1], second: m[i + 2], fraction: m[i + 3], ampm: m[i + 4], zone: m[i + 5] };
}

/** Zone text → offset east of UTC in minutes as dateutil applies it, or why it is refused. */
function zoneOffset(zone: string): { minutes: number; quirk?: Timestamp['zoneQuirk'] } | string {
  if (/^[Zz]$|^UTC$|^GMT$|^UT$/.test(zone)) return { minutes: 0 };
  const m = /^(UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return { minutes: 0, quirk: { written: zone, kind: 'ignored' } };
  const [, name, sign, h, mm = '0'] = m;
  const minutes = (sign === '-' ? -1 : 1) * (+h * 60 + +mm);
  if (Math.abs(minutes) >= 24 * 60) return `the offset ${zone} is not within ±24 hours`;
  // dateutil: "UTC+3" is POSIX notation, three hours *behind* UTC
  return name ? { minutes: -minutes, quirk: { written: zone, kind: 'inverted' } } : { minutes };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]);

function fromFields(f: Fields, form: Timestamp['form']): Timestamp | TimestampRefusal {
  const year = +f.year;
  const month = /^\d+$/.test(f.month) ? +f.month : MONTHS.indexOf(f.month.slice(0, 3).toLowerCase()) + 1;
  const day = +f.day;
  let hour = f.hour === undefined ? 0 : +f.hour;
  const minute = f.minute === undefined ? 0 : +f.minute;
  const second = f.second === undefined ? 0 : +f.second;
  if (year < 1) return { refused: 'the year 0 is out of range (1 to 9999)' };
  if (month < 1 || month > 12) return { refused: `the month must be 1 to 12, not ${f.month}` };
  if (day < 1 || day > daysIn(year, month)) return { refused: `${f.day} is not a day of that month` };
  if (f.ampm) {
    if (hour < 1 || hour > 12) return { refused: `${f.hour} ${f.ampm} is not a time` };
    hour = (hour % 12) + (/^p/i.test(f.ampm) ? 12 : 0);
  }
  if (hour > 23) return { refused: `the hour must be 0 to 23, not ${f.hour}` };
  if (minute > 59) return { refused: `the minute must be 0 to 59, not ${f.minute}` };
  if (second > 59) return { refused: `the second must be 0 to 59, not ${f.second} (the AWS CLI has no leap seconds)` };
  const zone = f.zone ? zoneOffset(f.zone) : { minutes: 0 };
  if (typeof zone === 'string') return { refused: zone };
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const sentSeconds = date.getTime() / 1000 - zone.minutes * 60;
  // dateutil keeps microseconds (truncated): they never change the whole second sent
  const fraction = f.fraction ? Number(`0.${f.fraction.slice(0, 6)}`) : 0;
  return {
    epochSeconds: sentSeconds + fraction,
    sentSeconds,
    form,
    zoneless: !f.zone,
    ...(zone.quirk ? { zoneQuirk: zone.quirk } : {}),
  };
}

/** How the AWS CLI reads a timestamp value from --cli-input-json: a Timestamp, or why it refuses it. */
export function readTimestamp(value: unknown): Timestamp | TimestampRefusal {
  if (typeof value === 'number') return fromEpoch(value, 'number');
  if (typeof value !== 'string') return { refused: 'a timestamp is a string or a number' };
  const text = value.trim();
  if (text.length > MAX_TEXT) return { refused: 'the text is too long for a timestamp' };
  if (PY_INFINITY.test(text)) return { refused: 'infinity is no time' };
  if (PY_FLOAT.test(text)) {
    const read = fromEpoch(Number(text.replace(/_/g, '')), 'epoch-string');
    if (!('refused' in read) || !/^\d{14}$/.test(text)) return read;
    // dateutil then reads 14 digits as YYYYMMDDhhmmss
    return fromFields(
      {
        year: text.slice(0, 4),
        month: text.slice(4, 6),
        day: text.slice(6, 8),
        hour: text.slice(8, 10),
        minute: text.slice(10, 12),
        second: text.slice(12),
      },
      'other',
    );
  }
  for (const f of FORMS) {
    const m = f.re.exec(text);
    if (m) return fromFields(f.fields(m), f.iso?.(m) ? 'iso' : 'other');
  }
  if (INCOMPLETE.some((re) => re.test(text)))
    return {
      refused:
        'it has no full date: the AWS CLI completes it from the day it runs, so the file would mean another instant tomorrow',
      incomplete: true,
    };
  return { refused: 'it is not a date the AWS CLI (dateutil) can read' };
}

export const isRefusal = (r: Timestamp | TimestampRefusal): r is TimestampRefusal => 'refused' in r;

/** The JSON value of a node, as readTimestamp takes it. */
const timestampValue = (node: Node) => (node.type === 'number' || node.type === 'string' ? node.value : undefined);

/** A timestamp node as the AWS CLI reads it; undefined when it refuses it (the `timestamp`/SCH-18 error says why). */
export function parseTimestamp(node: Node | undefined): Timestamp | undefined {
  if (!node) return undefined;
  const r = readTimestamp(timestampValue(node));
  return isRefusal(r) ? undefined : r;
}

/** Why the AWS CLI refuses a timestamp node, or undefined when it reads it. */
export function timestampRefusal(node: Node): TimestampRefusal | undefined {
  const r = readTimestamp(timestampValue(node));
  return isRefusal(r) ? r : undefined;
}

/** An ISO-8601 string with a full date (TP-7's filter values): the same reading, without epoch numbers. */
export function parseIsoTimestamp(s: string): Timestamp | undefined {
  if (PY_FLOAT.test(s.trim())) return undefined;
  const r = readTimestamp(s);
  return isRefusal(r) ? undefined : r;
}

// 1e11 epoch seconds is the year 5138: the AWS CLI still sends it, but a number that large is likely epoch
// milliseconds of the 1970s (past 253402300799, the year 9999, the AWS CLI refuses it: timestampRefusal).
const MILLISECONDS_FROM = 1e11;

const readsAsMilliseconds = (t: Timestamp) =>
  t.form !== 'iso' && t.form !== 'other' && Math.abs(t.epochSeconds) >= MILLISECONDS_FROM;

/** Accepted by the AWS CLI, but probably epoch milliseconds. */
export const isLikelyMilliseconds = (node: Node) => {
  const t = parseTimestamp(node);
  return t !== undefined && readsAsMilliseconds(t);
};

/** The instant a timestamp node means, in epoch seconds; milliseconds (reported) are read as meant. */
export function instantOf(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  const r = readTimestamp(timestampValue(node));
  if (isRefusal(r)) return r.millisecondsAsSeconds;
  return readsAsMilliseconds(r) ? r.epochSeconds / 1000 : r.epochSeconds;
}

/** The offset of `timeZone` from UTC at an instant, in minutes (Intl). */
function offsetAt(epochSeconds: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(epochSeconds * 1000));
  const n = (type: string) => +(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) / 1000;
  return Math.round((wall - Math.floor(epochSeconds)) / 60);
}

/**
 * A zone-less wall-clock time (read as UTC: `wallSeconds`) as meant in `timeZone`: the same text with that zone's
 * offset on that date, e.g. "2027-03-01T09:00:00-08:00". Undefined for a zone Intl does not know.
 */
export function withZoneOffset(wallSeconds: number, timeZone: string): string | undefined {
  try {
    // the offset at the instant the wall time means; a second pass settles a guess across a DST change
    let offset = offsetAt(wallSeconds, timeZone);
    offset = offsetAt(wallSeconds - offset * 60, timeZone);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return `${isoUtc(wallSeconds).replace(/Z$/, '')}${sign}${hhmm}`;
  } catch {
    return undefined;
  }
}

/** The instant as an ISO-8601 UTC string; outside the range a Date can hold (±8.64e12 s), the plain number. */
export function isoUtc(epochSeconds: number): string {
  const date = new Date(Math.round(epochSeconds * 1000));
  return Number.isNaN(date.getTime()) ? `${epochSeconds} epoch seconds` : date.toISOString().replace('.000Z', 'Z');
}

/**
 * Five minutes from `now`, rounded up to the minute, in epoch seconds (AWS: "Set to the current DateTime + 5 minutes").
 */
export const startSoon = (now: Date): number => Math.ceil((now.getTime() / 1000 + 300) / 60) * 60;

/** The start of `now`'s UTC day, in epoch seconds. */
export const startOfDayUtc = (now: Date): number => Math.floor(now.getTime() / 86400_000) * 86400;
