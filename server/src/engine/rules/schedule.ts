// The schedule of a Scheduled flow (docs/rules.md SCH-1…SCH-17): the rate expression AppFlow accepts, the time zone,
// and start/end/first-pull times that make sense against each other and the clock.
import { Node, keyOf, prop } from '../document';
import { Finding, closestFirst, quoted } from '../findings';
import { instantOf, isoUtc, startSoon } from '../domain/time';
import { canonicalTimeZones, readTimeZone } from '../domain/timeZones';
import { workflowOf } from '../workflowModel';
import { DOCS } from './docs';
import type { Fixes, Rule, RuleContext } from './types';
import { genericFixes, replaceWith } from './fixKit';
declare module '../findings' {
  interface CodeData {
    'SCH-1': { readonly examples: readonly string[] };
    'SCH-2': { readonly replacement: string };
    'SCH-3': object;
    'SCH-4': { readonly allowedUnits: readonly string[]; readonly replacement?: string };
    'SCH-5': object;
    'SCH-6': { readonly minimumMinutes: number; readonly replacement: string };
    'SCH-7': { readonly connector: string };
    'SCH-12': { readonly now: string };
    /** a past start: `replacement` is a start soon after now (create offers it too) */
    'SCH-13': { readonly now: string; readonly replacement: string | number };
    'SCH-14': { readonly start: string };
    'SCH-15': { readonly start: string };
    'SCH-16': { readonly value: string; readonly allowed: readonly string[] };
    /** ScheduleEndTime already past: the schedule never runs again; the fix removes the end */
    'SCH-19': { readonly now: string; readonly remove: true };
  }
}
import { RATE_EXAMPLES, UNIT_MINUTES, UNIT_SPELLINGS, parseScheduleExpression } from '../domain/scheduleExpression';
import { describeInstant } from './timestamps';

// Customer Profiles' S3 integration guide: "a sync interval of 15 minutes, the minimum value currently supported"
// (documented for S3 only; for SaaS sources AppFlow says the source decides: SCH-7)
const S3_MINIMUM_INTERVAL_MINUTES = 15;

function expressionFindings(ctx: RuleContext, node: Node): Finding[] {
  const text = node.value as string;
  const e = parseScheduleExpression(text);
  const href = DOCS.appflowScheduledTrigger;
  const shown = quoted(text);
  switch (e.kind) {
    case 'unknown':
      return [
        {
          code: 'SCH-1',
          severity: 'error',
          at: node,
          href,
          data: { rules: ['SCH-1'], examples: RATE_EXAMPLES.map((r) => r.expression) },
          message: `${shown} is not a schedule expression AppFlow runs: write rate(N) with minutes, hours or days and no space, e.g. "rate(1hours)".`,
        },
      ];
    case 'cron':
      return [
        {
          code: 'SCH-3',
          severity: 'warning',
          at: node,
          href,
          data: { rules: ['SCH-3'] },
          message: `The API accepts ${shown}, but the AppFlow console cannot show or edit a cron schedule ("This flow's schedule cron expression is not supported by the UI"). Prefer a rate expression such as "rate(1days)".`,
        },
      ];
    case 'rate-bad-count':
      return [
        {
          code: 'SCH-5',
          severity: 'error',
          at: node,
          href,
          data: { rules: ['SCH-5'] },
          message: `The rate in ${shown} must be a whole number of at least 1, e.g. "rate(1${UNIT_SPELLINGS[e.unitText.toLowerCase()] ?? 'hours'})".`,
        },
      ];
    case 'rate-bad-unit': {
      const weeks = /^weeks?$/i.test(e.unitText);
      const replacement = weeks ? `rate(${e.count * 7}days)` : undefined;
      return [
        {
          code: 'SCH-4',
          severity: 'warning',
          at: node,
          href,
          data: { rules: ['SCH-4'], allowedUnits: Object.keys(UNIT_MINUTES), ...(replacement ? { replacement } : {}) },
          message: `AppFlow rates are in minutes, hours or days, not ${quoted(e.unitText || '(no unit)')}${replacement ? `: write "${replacement}"` : `; for example "rate(${/^months?$/i.test(e.unitText) ? e.count * 30 : 1}days)"`}.`,
        },
      ];
    }
    case 'rate': {
      const out: Finding[] = [];
      if (text !== e.canonical) {
        const eventBridge = /\d\s+[A-Za-z]/.test(text); // EventBridge writes rate(1 hour), rate(5 minutes)
        out.push({
          code: 'SCH-2',
          severity: 'warning',
          at: node,
          href,
          data: { rules: ['SCH-2'], replacement: e.canonical },
          message: `Write "${e.canonical}": AppFlow wants no space and a plural unit${e.count === 1 ? ', even for 1' : ''}${eventBridge ? ` (${shown} is EventBridge's form, the opposite convention)` : ''}. The AppFlow console cannot edit a flow scheduled otherwise.`,
        });
      }
      const connector = workflowOf(ctx.doc).connector;
      if (connector?.type === 'S3' && e.intervalMinutes < S3_MINIMUM_INTERVAL_MINUTES) {
        out.push({
          code: 'SCH-6',
          severity: 'warning',
          at: node,
          href: DOCS.s3Integration,
          data: {
            rules: ['SCH-6'],
            minimumMinutes: S3_MINIMUM_INTERVAL_MINUTES,
            replacement: `rate(${S3_MINIMUM_INTERVAL_MINUTES}minutes)`,
          },
          message: `Every ${e.intervalMinutes} minute${e.intervalMinutes === 1 ? '' : 's'} is more often than Customer Profiles supports for S3: 15 minutes is the minimum. Use "rate(15minutes)" or longer.`,
        });
      } else if (connector && connector.type !== 'S3' && e.intervalMinutes < 60) {
        // AppFlow: the frequency depends on the source (its own example is rate(5minutes)): advice, not a defect
        out.push({
          code: 'SCH-7',
          severity: 'information',
          at: node,
          href: DOCS.appflowTriggers,
          data: { rules: ['SCH-7'], connector: connector.type },
          message: `How often a flow can run depends on what ${connector.type} supports (AppFlow DescribeConnectors lists supportedSchedulingFrequencies); Customer Profiles documents 15 minutes only for S3. Check that ${connector.type} allows every ${e.intervalMinutes} minute${e.intervalMinutes === 1 ? '' : 's'}.`,
        });
      }
      return out;
    }
  }
}

/**
 * `Timezone` against the IANA database (domain/timeZones.ts): a canonical name passes; a link ("US/Pacific") is
 * information with the canonical name; anything else is a warning naming what a reader of legacy ids takes it as
 * ("BST": Asia/Dhaka) and the zones that use it today ("Europe/London"), or the closest names.
 */
function timezoneFinding(node: Node): Finding | undefined {
  const name = node.value as string;
  const reading = readTimeZone(name);
  if (reading.kind === 'canonical') return undefined;
  const shown = quoted(name);
  const list = (zs: readonly string[]) => zs.map((z) => `"${z}"`).join(', ');
  if (reading.kind === 'link') {
    const others = reading.alsoMeant.slice(0, 4);
    return {
      code: 'SCH-16',
      severity: 'information',
      at: node,
      href: DOCS.appflowScheduledTrigger,
      data: { rules: ['SCH-16'], value: name, allowed: [reading.canonical, ...others] },
      message:
        `${shown} is an old IANA name (a link) for "${reading.canonical}"` +
        (reading.fixedOffset && others.length
          ? `, which keeps one offset all year: write the canonical name, or the zone you mean if it has daylight saving (${list(others)}, …).`
          : '; write the canonical name.'),
    };
  }
  const meant = reading.meant.slice(0, 5);
  const allowed = meant.length ? meant : closestFirst(name, canonicalTimeZones()).slice(0, 5);
  const readAs =
    reading.readAs && reading.readAs !== meant[0]
      ? ` Tools that accept legacy ids (Intl, Java) read it as "${reading.readAs}".`
      : '';
  return {
    code: 'SCH-16',
    severity: 'warning',
    at: node,
    href: DOCS.appflowScheduledTrigger,
    data: { rules: ['SCH-16'], value: name, allowed },
    message:
      `${shown} is not an IANA time zone name such as "America/New_York" (AppFlow shows it as a label; the timestamps carry their own offset).${readAs} ` +
      (meant.length
        ? `The zone${meant.length > 1 ? 's' : ''} that use${meant.length > 1 ? '' : 's'} ${shown} today: ${list(meant)}.`
        : `Closest: ${list(allowed)}.`),
  };
}

/** startSoon in the form the user wrote. */
function startSoonAs(node: Node, now: Date): string | number {
  const seconds = startSoon(now);
  return node.type === 'number' ? seconds : isoUtc(seconds);
}

function timeFindings(ctx: RuleContext, scheduled: Node): Finding[] {
  const out: Finding[] = [];
  const href = DOCS.appflowScheduledTrigger;
  const nowSeconds = ctx.now.getTime() / 1000;
  const nowText = isoUtc(Math.floor(nowSeconds));
  const startNode = prop(scheduled, 'ScheduleStartTime');
  const endNode = prop(scheduled, 'ScheduleEndTime');
  const firstNode = prop(scheduled, 'FirstExecutionFrom');
  const start = instantOf(startNode),
    end = instantOf(endNode),
    first = instantOf(firstNode);
  if (start !== undefined && start < nowSeconds) {
    const replacement = startSoonAs(startNode!, ctx.now);
    out.push({
      code: 'SCH-13',
      severity: 'warning',
      at: startNode!,
      href: DOCS.s3Integration,
      data: { rules: ['SCH-13'], now: nowText, replacement },
      message: `ScheduleStartTime ${describeInstant(startNode!, start)} is in the past (now is ${nowText}). AWS suggests the current time plus 5 minutes, e.g. ${JSON.stringify(replacement)}${typeof replacement === 'number' ? ` (${isoUtc(replacement)})` : ''}.`,
    });
  }
  if (end !== undefined && start !== undefined && end <= start) {
    out.push({
      code: 'SCH-14',
      severity: 'error',
      at: endNode!,
      href,
      data: { rules: ['SCH-14'], start: isoUtc(start) },
      message: `ScheduleEndTime ${describeInstant(endNode!, end)} is not after ScheduleStartTime ${describeInstant(startNode!, start)}: the schedule would never run. Set an end after the start, or remove ScheduleEndTime.`,
    });
  }
  if (end !== undefined && end <= nowSeconds && !(start !== undefined && end <= start)) {
    out.push({
      code: 'SCH-19',
      severity: 'warning',
      at: keyOf(endNode!) ?? endNode!,
      href,
      data: { rules: ['SCH-19'], now: nowText, remove: true },
      message: `ScheduleEndTime ${describeInstant(endNode!, end)} is already past (now is ${nowText}): AppFlow accepts the flow, but its schedule never runs, so nothing is imported after the batches. Move the end to the future, or remove it to run until the flow is stopped.`,
    });
  }
  if (first !== undefined && first > nowSeconds) {
    out.push({
      code: 'SCH-12',
      severity: 'warning',
      at: firstNode!,
      href: DOCS.appflowTriggers,
      data: { rules: ['SCH-12'], now: nowText },
      message: `FirstExecutionFrom ${describeInstant(firstNode!, first)} is in the future (now is ${nowText}); it is where the first run starts importing records, so it must be in the past, before your oldest record.`,
    });
  } else if (first !== undefined && start !== undefined && first > start) {
    out.push({
      code: 'SCH-15',
      severity: 'warning',
      at: firstNode!,
      href,
      data: { rules: ['SCH-15'], start: isoUtc(start) },
      message: `FirstExecutionFrom ${describeInstant(firstNode!, first)} is after ScheduleStartTime ${describeInstant(startNode!, start)}: the first run would import from a time after it starts. Set it at or before the start.`,
    });
  }
  return out;
}

export const scheduleRules: readonly Rule[] = [
  {
    name: 'schedule-expression',
    ids: ['SCH-1', 'SCH-2', 'SCH-3', 'SCH-4', 'SCH-5', 'SCH-6', 'SCH-7'],
    check(ctx) {
      const node = prop(workflowOf(ctx.doc).scheduledNode, 'ScheduleExpression');
      return node?.type === 'string' ? expressionFindings(ctx, node) : [];
    },
  },
  {
    name: 'schedule-timezone',
    ids: ['SCH-16'],
    check(ctx) {
      const node = prop(workflowOf(ctx.doc).scheduledNode, 'Timezone');
      const f = node?.type === 'string' ? timezoneFinding(node) : undefined;
      return f ? [f] : [];
    },
  },
  {
    name: 'schedule-times',
    ids: ['SCH-12', 'SCH-13', 'SCH-14', 'SCH-15', 'SCH-19'],
    check(ctx) {
      const scheduled = workflowOf(ctx.doc).scheduledNode;
      return scheduled?.type === 'object' ? timeFindings(ctx, scheduled) : [];
    },
  },
];

/** The codes whose verdict depends on the clock alone (docs/rules.md "The clock"). */
export const scheduleClockCodes = ['SCH-12', 'SCH-13', 'SCH-19'] as const;

export const scheduleFixes: Fixes<
  | 'SCH-1'
  | 'SCH-2'
  | 'SCH-3'
  | 'SCH-4'
  | 'SCH-5'
  | 'SCH-6'
  | 'SCH-7'
  | 'SCH-12'
  | 'SCH-13'
  | 'SCH-14'
  | 'SCH-15'
  | 'SCH-16'
  | 'SCH-19'
> = {
  'SCH-1': (c) => (c.data.examples ?? []).flatMap((e) => replaceWith(c, e)),
  'SCH-2': genericFixes,
  'SCH-3': null,
  'SCH-4': genericFixes,
  'SCH-5': null,
  'SCH-6': genericFixes,
  'SCH-7': null,
  'SCH-12': null,
  'SCH-13': genericFixes,
  'SCH-14': null,
  'SCH-15': null,
  'SCH-16': genericFixes,
  // at the key, so the generic fix removes the member: "Remove "ScheduleEndTime""
  'SCH-19': genericFixes,
};
