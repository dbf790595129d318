// AWS's cron(…) schedule expressions (six fields: minutes hours day-of-month month day-of-week year, `?` in one of the
// two day fields), as EventBridge documents them and AppFlow takes them: the next times they fire, in UTC. Lists,
// ranges, steps and names (JAN, MON) are read; `L`, `W` and `#` are not yet, and say so.

export interface CronSchedule {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** undefined: `?` or `*` (any day of the month) */
  readonly daysOfMonth?: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 1 = Sunday … 7 = Saturday; undefined: `?` or `*` */
  readonly daysOfWeek?: ReadonlySet<number>;
  /** undefined: every year */
  readonly years?: ReadonlySet<number>;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** One field's values within min..max; `names` maps JAN→1 or SUN→1. */
function field(text: string, min: number, max: number, names: readonly string[] = []): number[] | string {
  const value = (t: string): number | undefined => {
    const i = names.indexOf(t.toUpperCase());
    if (i >= 0) return i + 1;
    return /^\d{1,4}$/.test(t) ? Number(t) : undefined;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    if (part.split(/[-/]/).some((t) => /[LW#]/i.test(t) && !names.includes(t.toUpperCase())))
      return `"${part}" (L, W and # are not computed yet)`;
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return `"${part}" has no valid step`;
    let from: number | undefined, to: number | undefined;
    if (range === '*' || range === '?') [from, to] = [min, max];
    else if (range.includes('-')) [from, to] = range.split('-').map(value);
    else [from, to] = [value(range), stepText === undefined ? value(range) : max];
    if (from === undefined || to === undefined || from < min || to > max || from > to)
      return `"${part}" is out of ${min}-${max}`;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** The schedule of `cron(…)`'s inside, or why it cannot be read. */
export function parseCron(body: string): CronSchedule | { readonly error: string } {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6)
    return { error: `cron takes 6 fields (minutes hours day-of-month month day-of-week year), not ${parts.length}` };
  const [mi, h, dom, mo, dow, y] = parts;
  const fields = [
    field(mi, 0, 59),
    field(h, 0, 23),
    field(dom, 1, 31),
    field(mo, 1, 12, MONTHS),
    field(dow, 1, 7, DAYS),
    field(y, 1970, 2199),
  ];
  const bad = fields.find((f) => typeof f === 'string');
  if (typeof bad === 'string') return { error: bad };
  const [minutes, hours, days, months, weekdays, years] = fields as number[][];
  const any = (t: string) => t === '?' || t === '*';
  return {
    minutes,
    hours,
    ...(any(dom) ? {} : { daysOfMonth: new Set(days) }),
    months: new Set(months),
    ...(any(dow) ? {} : { daysOfWeek: new Set(weekdays) }),
    ...(y === '*' ? {} : { years: new Set(years) }),
  };
}

/** The next `count` times (epoch seconds, UTC) the schedule fires after `after`, looking at most 5 years ahead. */
export function nextCronTimes(s: CronSchedule, after: number, count: number): number[] {
  const out: number[] = [];
  const day = 86_400;
  const start = Math.floor(after / day) * day;
  for (let d = start; out.length < count && d < start + 5 * 366 * day; d += day) {
    const date = new Date(d * 1000);
    if (s.years && !s.years.has(date.getUTCFullYear())) continue;
    if (!s.months.has(date.getUTCMonth() + 1)) continue;
    if (s.daysOfMonth && !s.daysOfMonth.has(date.getUTCDate())) continue;
    if (s.daysOfWeek && !s.daysOfWeek.has(date.getUTCDay() + 1)) continue;
    for (const h of s.hours)
      for (const m of s.minutes) {
        const t = d + h * 3600 + m * 60;
        if (t > after && out.length < count) out.push(t);
      }
  }
  return out;
}
