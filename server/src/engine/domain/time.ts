// Timestamps as the AWS CLI reads them from --cli-input-json: a number of epoch seconds or an ISO-8601 string.
// restJson1 sends them as epoch seconds on the wire.
import { Node } from '../document';

export interface Timestamp {
  readonly epochSeconds: number;
  readonly form: 'epoch' | 'iso';
  /** an ISO string without Z or an offset: the AWS CLI reads it as UTC */
  readonly zoneless: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|([+-])(\d{2}):?(\d{2})?)?)?$/;

export function parseIsoTimestamp(s: string): Timestamp | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone, sign, zh = '0', zm = '0'] = m;
  const parts = [+y, +mo - 1, +d, +h, +mi, +sec];
  const ms = Date.UTC(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
  const check = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March: a rolled date is not the date the user wrote
  if (
    check.getUTCFullYear() !== parts[0] ||
    check.getUTCMonth() !== parts[1] ||
    check.getUTCDate() !== parts[2] ||
    +h > 23 ||
    +mi > 59 ||
    +sec > 60 ||
    +zh > 23 ||
    +zm > 59
  )
    return undefined;
  const offsetMinutes = sign ? (sign === '-' ? -1 : 1) * (+zh * 60 + +zm) : 0;
  const epochSeconds = ms / 1000 + (frac ? Number(frac) : 0) - offsetMinutes * 60;
  return { epochSeconds, form: 'iso', zoneless: !zone };
}

export function parseTimestamp(node: Node | undefined): Timestamp | undefined {
  return parseTimestampValue(node?.value);
}

/** The same for a value already parsed (the submission library's conversion of the whole file). */
export function parseTimestampValue(value: unknown): Timestamp | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return { epochSeconds: value, form: 'epoch', zoneless: false };
  }
  if (typeof value === 'string') return parseIsoTimestamp(value);
  return undefined;
}

// 1e11 epoch seconds is the year 5138; a number that large is epoch milliseconds (the AWS doc's own example
// "1634244800.435" shows how easily the two get mixed).
const MILLISECONDS_FROM = 1e11;

export const isMilliseconds = (node: Node) =>
  node.type === 'number' && typeof node.value === 'number' && node.value >= MILLISECONDS_FROM;

/** The instant a timestamp node means, in epoch seconds; milliseconds (already warned about) are read as meant. */
export function instantOf(node: Node | undefined): number | undefined {
  const t = parseTimestamp(node);
  if (!t) return undefined;
  return isMilliseconds(node!) ? t.epochSeconds / 1000 : t.epochSeconds;
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

/** The IANA time zones this runtime knows (Intl), read once: schedule checks and completion both list them. */
export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');
