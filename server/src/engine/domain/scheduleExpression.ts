// AppFlow's schedule expressions, as data: the parse of `rate(N units)` and the examples that completion, hover, rules
// and fixes share.
export type RateUnit = 'minutes' | 'hours' | 'days';
export const UNIT_MINUTES: Readonly<Record<RateUnit, number>> = { minutes: 1, hours: 60, days: 1440 };
// What people write for the three units AppFlow knows; AppFlow itself wants the plural with no space.
export const UNIT_SPELLINGS: Readonly<Record<string, RateUnit>> = {
  minute: 'minutes',
  minutes: 'minutes',
  min: 'minutes',
  mins: 'minutes',
  hour: 'hours',
  hours: 'hours',
  hr: 'hours',
  hrs: 'hours',
  h: 'hours',
  day: 'days',
  days: 'days',
  d: 'days',
};

export type ScheduleExpression =
  | {
      readonly kind: 'rate';
      readonly count: number;
      readonly unit: RateUnit;
      readonly canonical: string;
      readonly intervalMinutes: number;
    }
  | { readonly kind: 'rate-bad-count'; readonly count: string; readonly unitText: string }
  | { readonly kind: 'rate-bad-unit'; readonly count: number; readonly unitText: string }
  | { readonly kind: 'cron' }
  | { readonly kind: 'unknown' };

// Each piece is matched on its own, on trimmed text: one pattern with \s* on both sides of a lazy (.*?) backtracks
// cubically on "rate(" and thousands of spaces.
const RATE_OPEN = /^rate\s*\(/i;
const RATE_BODY = /^([+-]?[\d.]*)\s*([A-Za-z]*)$/;

/** Reads a ScheduleExpression the way AppFlow's rate grammar `rate(N minutes|hours|days)` does, leniently. */
export function parseScheduleExpression(text: string): ScheduleExpression {
  const trimmed = text.trim();
  if (/^cron\s*\(/i.test(trimmed)) return { kind: 'cron' };
  const open = RATE_OPEN.exec(trimmed);
  const rate = open && trimmed.endsWith(')') && trimmed.length > open[0].length;
  const body = rate ? RATE_BODY.exec(trimmed.slice(open[0].length, -1).trim()) : null;
  if (!body || (!body[1] && !body[2])) return { kind: 'unknown' };
  const [, countText, unitText] = body;
  if (!/^\d+$/.test(countText) || Number(countText) < 1) return { kind: 'rate-bad-count', count: countText, unitText };
  const count = Number(countText);
  const unit = UNIT_SPELLINGS[unitText.toLowerCase()];
  if (!unit) return { kind: 'rate-bad-unit', count, unitText };
  return { kind: 'rate', count, unit, canonical: `rate(${count}${unit})`, intervalMinutes: count * UNIT_MINUTES[unit] };
}

// AppFlow: rate(Nunits), no space and a plural unit (SCH-2); 15 minutes is Customer Profiles' minimum for S3 (SCH-6).
export const RATE_EXAMPLES: readonly { readonly expression: string; readonly meaning: string }[] = [
  { expression: 'rate(15minutes)', meaning: 'every 15 minutes (the shortest interval Customer Profiles supports)' },
  { expression: 'rate(1hours)', meaning: 'every hour' },
  { expression: 'rate(1days)', meaning: 'every day' },
];
/** The schedule a fix writes where the file has none: hourly. */
export const DEFAULT_RATE = RATE_EXAMPLES[1].expression;
