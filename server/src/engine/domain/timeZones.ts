// Time zone names as the IANA time zone database has them (the `tzdata` package: IANA's zone, link and rule data as
// JSON), not as Intl has them: Intl (ICU) accepts legacy ids such as "BST" (Asia/Dhaka) and "PST", and its canonical
// names are CLDR's ("Asia/Calcutta", not "Asia/Kolkata"). Read on first use: the data is 430 KB and most files have
// no Timezone.

/** A zone line: [UTC offset in minutes (negated), rule name or "-", format ("P%sT", "GMT/BST", "%z"), until]. */
type ZoneLine = readonly [string, string, string, string | null];
/** A rule line: [from, to ("max", "only" or a year), "-", month, day, at, save, letter]. */
type RuleLine = readonly [string, string, string, string, string, unknown, string, string];
interface TzData {
  readonly zones: Readonly<Record<string, readonly ZoneLine[] | string>>;
  readonly rules: Readonly<Record<string, readonly RuleLine[]>>;
  readonly version: string;
}

interface ZoneIndex {
  /** canonical zone names, sorted */
  readonly canonical: readonly string[];
  readonly isCanonical: ReadonlySet<string>;
  /** link name → canonical name */
  readonly links: ReadonlyMap<string, string>;
  /** an abbreviation in use today ("PST", "BST") → the canonical zones that use it, the most linked-to first */
  readonly byAbbreviation: ReadonlyMap<string, readonly string[]>;
  /** canonical zones whose current line has no daylight saving ("America/Panama": EST all year) */
  readonly fixed: ReadonlySet<string>;
  readonly version: string;
}

let index: ZoneIndex | undefined;

/** The letters a rule puts in `%s` today: those of its lines that run to "max", else of its last standard-time line. */
function ruleLetters(rule: readonly RuleLine[] | undefined): string[] {
  if (!rule) return [];
  const current = rule.filter((r) => r[1] === 'max');
  const lines = current.length > 0 ? current : rule.filter((r) => r[6] === '0').slice(-1);
  return lines.map((r) => (r[7] === '-' ? '' : r[7]));
}

/** The abbreviations a zone's current line uses: "P%sT" with its rule's letters, "GMT/BST", or a fixed "JST". */
function abbreviationsOf(data: TzData, lines: readonly ZoneLine[]): string[] {
  const [, rule, format] = lines[lines.length - 1];
  const forms = format.includes('/')
    ? format.split('/')
    : format.includes('%s')
      ? ruleLetters(data.rules[rule]).map((l) => format.replace('%s', l))
      : [format];
  return forms.filter((a) => /^[A-Z]{2,5}$/.test(a));
}

function load(): ZoneIndex {
  // on first use: esbuild keeps a require lazy
  const data = require('tzdata/timezone-data.json') as TzData;
  const canonical: string[] = [];
  const links = new Map<string, string>();
  for (const [name, value] of Object.entries(data.zones)) {
    if (typeof value === 'string') links.set(name, value);
    else canonical.push(name);
  }
  canonical.sort();
  const linkCount = new Map<string, number>();
  for (const target of links.values()) linkCount.set(target, (linkCount.get(target) ?? 0) + 1);
  const byAbbreviation = new Map<string, string[]>();
  // the places people mean, not the POSIX-style rule zones ("PST8PDT") or Etc/GMT+8
  for (const name of canonical.filter((n) => n.includes('/') && !n.startsWith('Etc/'))) {
    for (const a of new Set(abbreviationsOf(data, data.zones[name] as readonly ZoneLine[]))) {
      const zones = byAbbreviation.get(a) ?? [];
      zones.push(name);
      byAbbreviation.set(a, zones);
    }
  }
  for (const zones of byAbbreviation.values())
    zones.sort((a, b) => (linkCount.get(b) ?? 0) - (linkCount.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const fixed = new Set(
    canonical.filter((name) => {
      const lines = data.zones[name] as readonly ZoneLine[];
      const [, rule, format] = lines[lines.length - 1];
      return rule === '-' && !format.includes('/') && !format.includes('%s');
    }),
  );
  return { canonical, isCanonical: new Set(canonical), links, byAbbreviation, fixed, version: data.version };
}

const zones = (): ZoneIndex => (index ??= load());

/** The canonical IANA zone names, sorted (completion offers these). */
export const canonicalTimeZones = (): readonly string[] => zones().canonical;
/** The tz database release the names come from, e.g. "2026d". */
export const timeZoneDataVersion = (): string => zones().version;

/** Names every tool reads as UTC, whatever the database calls canonical: never worth a finding. */
const UTC_TARGETS = new Set(['Etc/UTC', 'Etc/GMT']);

/** How a `Timezone` value reads. */
export type ZoneReading =
  | { readonly kind: 'canonical' }
  /** an IANA link (an old or alternative name): the canonical name; `alsoMeant` the zones a link such as "EST"
   * (America/Panama, no daylight saving) may be meant as instead */
  | {
      readonly kind: 'link';
      readonly canonical: string;
      /** the canonical zone keeps one offset all year */
      readonly fixedOffset: boolean;
      readonly alsoMeant: readonly string[];
    }
  /** not in the database: what a reader of legacy ids (Intl, ICU, Java) takes it as, and the zones that use it as an
   * abbreviation today */
  | { readonly kind: 'unknown'; readonly readAs?: string; readonly meant: readonly string[] };

/** What Intl (ICU's legacy ids) resolves `name` to, as the canonical IANA name; undefined when Intl refuses it. */
function intlReading(name: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    const z = zones();
    return z.isCanonical.has(resolved) ? resolved : z.links.get(resolved);
  } catch {
    return undefined;
  }
}

export function readTimeZone(name: string): ZoneReading {
  const z = zones();
  if (z.isCanonical.has(name)) return { kind: 'canonical' };
  const target = z.links.get(name);
  if (target !== undefined) {
    if (UTC_TARGETS.has(target)) return { kind: 'canonical' };
    return {
      kind: 'link',
      canonical: target,
      fixedOffset: z.fixed.has(target),
      alsoMeant: (z.byAbbreviation.get(name) ?? []).filter((t) => t !== target),
    };
  }
  const readAs = intlReading(name);
  const users = z.byAbbreviation.get(name.toUpperCase()) ?? [];
  // the zone a legacy id names comes first when it does use the abbreviation (PST: America/Los_Angeles)
  const meant = readAs && users.includes(readAs) ? [readAs, ...users.filter((u) => u !== readAs)] : users;
  return { kind: 'unknown', ...(readAs ? { readAs } : {}), meant };
}
