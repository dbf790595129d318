// Timestamps everywhere (SCH-18, BAT-10), as the AWS CLI reads them (domain/time.ts mirrors botocore's
// parse_to_aware_datetime): the API takes epoch seconds; the AWS CLI also reads ISO 8601, RFC 1123, epoch seconds as
// a string and other dateutil forms. What it refuses is an error (here for milliseconds, else the model check's
// `timestamp` error); what it reads differently from how it looks is a warning; other forms get a hint.
import { Node, prop, stringValue } from '../document';
import { CodeData, Finding, FindingOf, quoted } from '../findings';
import { ShapeName, shapes } from '../../generated/model';
import {
  Timestamp,
  isLikelyMilliseconds,
  isoUtc,
  parseTimestamp,
  timestampRefusal,
  withZoneOffset,
} from '../domain/time';
import { Workflow, membersOf, workflowOf } from '../workflowModel';
import { DOCS } from './docs';
import type { Fixes, Rule } from './types';
import { genericFixes, replaceWith, show } from './fixKit';

declare module '../findings' {
  interface CodeData {
    /** epoch milliseconds where seconds belong: the value in `seconds` */
    'SCH-18': { readonly seconds: number };
    /** a zone the AWS CLI reads differently from how it looks */
    'timestamp-zone': { readonly replacement: string };
    /** a zone-less time, read as UTC: the UTC form, and the Timezone's reading where a Timezone is set */
    'timestamp-utc': {
      readonly replacement: string;
      readonly zoneReplacement?: string;
      readonly timezone?: string;
      readonly epochSeconds?: number;
    };
    /** a form other tools read differently, or a number meant as a date */
    'timestamp-form': { readonly replacement: string | number };
  }
}

/** How a timestamp reads in a message: the text as written, and the UTC instant when that is not obvious. */
export const describeInstant = (node: Node, seconds: number) =>
  node.type === 'string' && /[Zz]$/.test(node.value as string)
    ? quoted(node.value as string)
    : `${typeof node.value === 'string' ? quoted(node.value) : JSON.stringify(node.value)} (${isoUtc(seconds)})`;

// The timestamp members of a structure, from the model (ScheduleStartTime, ScheduleEndTime, FirstExecutionFrom, …).
const timestampMembers = (shape: ShapeName) =>
  Object.entries(shapes[shape].members ?? {})
    .filter(([, m]) => shapes[m.target].type === 'timestamp')
    .map(([name]) => name);
const SCHEDULE_TIMESTAMPS = new Set(timestampMembers('ScheduledTriggerProperties'));
const BATCH_TIMESTAMPS = new Set(timestampMembers('Batch'));

function timestampNodes(w: Workflow): { node: Node; member: string; inBatch: boolean }[] {
  const out: { node: Node; member: string; inBatch: boolean }[] = [];
  for (const m of membersOf(w.scheduledNode))
    if (m.valueNode && SCHEDULE_TIMESTAMPS.has(m.key)) out.push({ node: m.valueNode, member: m.key, inBatch: false });
  for (const b of w.batches)
    for (const m of membersOf(b.node))
      if (m.valueNode && BATCH_TIMESTAMPS.has(m.key)) out.push({ node: m.valueNode, member: m.key, inBatch: true });
  return out;
}

/** Timezone names that mean UTC: a zone-less time is then what it looks like. */
const isUtcZone = (zone: string) => /^(?:Etc\/)?(?:UTC|UCT|GMT|Zulu|Universal|Greenwich)(?:[+-]0)?$/i.test(zone);

interface Site {
  node: Node;
  member: string;
  rules: string[];
  href: string;
  /** the schedule's Timezone, when it names a zone other than UTC */
  timezone?: string;
}

type TimestampCode = 'SCH-18' | 'timestamp-zone' | 'timestamp-utc' | 'timestamp-form';

function findingAt<C extends TimestampCode>(
  site: Site,
  code: C,
  severity: Finding['severity'],
  data: CodeData[C],
  message: string,
): Finding {
  // the data of code C, with the site's rule ids: what FindingOf<C> holds for each of the four codes
  const f = { code, severity, at: site.node, href: site.href, data: { rules: site.rules, ...data }, message };
  return f as FindingOf<TimestampCode> as Finding;
}

/** The value refused by the AWS CLI because it is epoch milliseconds (other refusals are the `timestamp` check). */
function millisecondsFinding(site: Site): Finding | undefined {
  const { node, member } = site;
  const refusal = timestampRefusal(node);
  const likely = isLikelyMilliseconds(node);
  const seconds = refusal?.millisecondsAsSeconds ?? (likely ? parseTimestamp(node)!.epochSeconds / 1000 : undefined);
  if (seconds === undefined) return undefined;
  const fix = `Use ${seconds} (${isoUtc(seconds)})`;
  return refusal
    ? findingAt(
        site,
        'SCH-18',
        'error',
        { seconds },
        `${member} ${JSON.stringify(node.value)} is epoch milliseconds: the AWS CLI reads epoch seconds and refuses it: ${refusal.refused}. ${fix}.`,
      )
    : findingAt(
        site,
        'SCH-18',
        'warning',
        { seconds },
        `${member} ${node.value} looks like epoch milliseconds; the API reads epoch seconds, so this is the year ${new Date(seconds * 1e6).getUTCFullYear()}. ${fix}.`,
      );
}

/** A zone the AWS CLI does not apply as written ("PST" ignored; "UTC+2" read as two hours behind UTC). */
function zoneFinding(site: Site, t: Timestamp): Finding | undefined {
  const { node, member } = site;
  if (!t.zoneQuirk) return undefined;
  const replacement = isoUtc(t.sentSeconds);
  const how =
    t.zoneQuirk.kind === 'ignored'
      ? `ignores the zone name "${t.zoneQuirk.written}" and reads the time as UTC`
      : `reads "${t.zoneQuirk.written}" in POSIX notation, the opposite sign of what it looks like`;
  return findingAt(
    site,
    'timestamp-zone',
    'warning',
    { replacement },
    `${member} ${JSON.stringify(node.value)}: the AWS CLI (dateutil) ${how}, so it sends ${replacement}. Write the offset as "+hh:mm", or "Z" for UTC.`,
  );
}

/** A time without a zone is UTC to the AWS CLI; beside a Timezone that is easily misread (AppFlow: a label only). */
function zonelessFinding(site: Site, t: Timestamp): Finding | undefined {
  const { node, member, timezone } = site;
  if (!t.zoneless) return undefined;
  const replacement = isoUtc(t.epochSeconds);
  const inZone = timezone ? withZoneOffset(t.epochSeconds, timezone) : undefined;
  if (timezone && inZone)
    return findingAt(
      site,
      'timestamp-utc',
      'warning',
      { replacement, zoneReplacement: inZone, timezone },
      `${member} ${JSON.stringify(node.value)} has no zone, so it is ${replacement} (UTC): Timezone "${timezone}" does not apply to it (AppFlow shows Timezone as a label). Write "${replacement}" if you mean UTC, or "${inZone}" for that time in ${timezone}.`,
    );
  return findingAt(
    site,
    'timestamp-utc',
    'information',
    { replacement, epochSeconds: t.epochSeconds },
    `${member} ${JSON.stringify(node.value)} has no time zone; the AWS CLI reads it as UTC (${replacement}). Write "${replacement}" or add your offset, e.g. "-05:00", to say which you mean.`,
  );
}

// 8 digits that read as a date (20270301) are epoch seconds to the AWS CLI: 1970-08-23
const looksLikeCompactDate = (text: string) => /^(?:19|20|21)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(text);

/** Forms other than ISO 8601 extended and a number: read by the AWS CLI, but easily misread by people and tools. */
function formFinding(site: Site, t: Timestamp): Finding | undefined {
  const { node, member } = site;
  if (t.form === 'number' || t.form === 'iso' || t.zoneQuirk) return undefined;
  const text = (node.value as string).trim();
  if (t.form === 'epoch-string' && looksLikeCompactDate(text)) {
    const meant = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}T00:00:00Z`;
    return findingAt(
      site,
      'timestamp-form',
      'warning',
      { replacement: meant },
      `${member} ${JSON.stringify(node.value)} is a number to the AWS CLI: ${t.sentSeconds} epoch seconds, ${isoUtc(t.sentSeconds)}. For the date, write "${meant}".`,
    );
  }
  const replacement = t.form === 'epoch-string' ? t.epochSeconds : isoUtc(t.epochSeconds);
  return findingAt(
    site,
    'timestamp-form',
    'information',
    { replacement },
    `${member} ${JSON.stringify(node.value)} is ${isoUtc(t.sentSeconds)} to the AWS CLI${t.zoneless ? ' (no zone: UTC)' : ''}; the API itself takes epoch seconds, and other tools read ${t.form === 'epoch-string' ? 'a JSON number' : 'ISO 8601'}. Consider ${JSON.stringify(replacement)}.`,
  );
}

export const timestampRules: readonly Rule[] = [
  {
    name: 'timestamp-encoding',
    ids: ['SCH-18', 'BAT-10'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      const zone = stringValue(prop(w.scheduledNode, 'Timezone'));
      const timezone = zone && !isUtcZone(zone) ? zone : undefined;
      const out: Finding[] = [];
      for (const { node, member, inBatch } of timestampNodes(w)) {
        const site: Site = {
          node,
          member,
          rules: inBatch ? ['SCH-18', 'BAT-10'] : ['SCH-18'],
          href: inBatch ? DOCS.batch : DOCS.s3Integration,
          timezone,
        };
        const ms = millisecondsFinding(site);
        if (ms) {
          out.push(ms);
          continue;
        }
        const t = parseTimestamp(node);
        if (!t) continue; // the model check's `timestamp` error
        // one finding per value: a misread zone, then a zone-less time beside a Timezone, then the form
        const f =
          zoneFinding(site, t) ??
          (timezone ? zonelessFinding(site, t) : undefined) ??
          formFinding(site, t) ??
          zonelessFinding(site, t);
        if (f) out.push(f);
      }
      return out;
    },
  },
];

export const timestampFixes: Fixes<TimestampCode> = {
  'SCH-18': (c) =>
    typeof c.data.seconds === 'number'
      ? replaceWith(c, c.data.seconds, `Change to ${c.data.seconds} (epoch seconds)`)
      : [],
  'timestamp-zone': genericFixes,
  // a zone-less time beside a Timezone: both readings, UTC (what is sent today) first
  'timestamp-utc': (c) => [
    ...replaceWith(c, c.data.replacement, `Mean UTC: ${show(c.data.replacement)}`),
    ...(typeof c.data.zoneReplacement === 'string'
      ? replaceWith(c, c.data.zoneReplacement, `Mean ${c.data.timezone} time: ${show(c.data.zoneReplacement)}`)
      : []),
  ],
  'timestamp-form': genericFixes,
};
