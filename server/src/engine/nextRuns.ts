// The next runs of a Scheduled flow, from its trigger: `rate(…)` stepped from ScheduleStartTime (or from now when it
// has none or it has passed), delayed by ScheduleOffset, stopping at ScheduleEndTime; each with the window an
// Incremental pull reads (from the previous run, or FirstExecutionFrom for the first). Pure: `now` is given.
import { ParsedWorkflow, prop, rangeOf, stringValue } from './document';
import type { CodeLens } from 'vscode-languageserver-types';
import { workflowOf } from './workflowModel';
import { instantOf, isoUtc } from './domain/time';
import { parseScheduleExpression } from './domain/scheduleExpression';
import { nextCronTimes, parseCron } from './domain/cron';

export interface NextRun {
  /** when the run starts, ISO-8601 UTC */
  readonly at: string;
  /** the same instant in the schedule's Timezone, when it names one */
  readonly local?: string;
  /** the window an Incremental pull reads (absent for a Complete pull, or a first run with no FirstExecutionFrom) */
  readonly from?: string;
  readonly to?: string;
}

export interface RunsPreview {
  /** the history batches (Batches) the workflow imports first, in file order */
  readonly history?: readonly { readonly from?: string; readonly to?: string }[];
  readonly runs: readonly NextRun[];
  /** why there are no (more) runs, or what was assumed */
  readonly notes: readonly string[];
}

/** "Mon 1 Sep 2026 09:00" in `timeZone`; undefined when Intl does not know the zone. */
function localTime(epochSeconds: number, timeZone: string): string | undefined {
  try {
    return (
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .format(new Date(epochSeconds * 1000))
        .replace(',', '') + ` ${timeZone}`
    );
  } catch {
    return undefined;
  }
}

export function nextRuns(doc: ParsedWorkflow, now: Date, count = 5): RunsPreview {
  const preview = scheduledRuns(doc, now, count);
  const history = workflowOf(doc).batches.map((b) => {
    const from = instantOf(b.startTimeNode);
    const to = instantOf(b.endTimeNode);
    return { ...(from !== undefined ? { from: isoUtc(from) } : {}), ...(to !== undefined ? { to: isoUtc(to) } : {}) };
  });
  return history.length ? { history, ...preview } : preview;
}

/** What a Scheduled trigger says about when it runs, read once for both kinds of expression. */
interface ScheduleFacts {
  readonly nowSeconds: number;
  readonly start?: number;
  readonly end?: number;
  readonly offset: number;
  readonly first?: number;
  readonly incremental: boolean;
  readonly zone?: string;
}

function scheduledRuns(doc: ParsedWorkflow, now: Date, count: number): RunsPreview {
  const w = workflowOf(doc);
  const scheduled = w.scheduledNode;
  if (w.triggerType !== 'Scheduled' || scheduled?.type !== 'object')
    return {
      runs: [],
      notes: [
        `A ${w.triggerType ?? 'flow without a TriggerType'} flow has no schedule: it runs ${w.triggerType === 'Event' ? 'when the source sends an event' : 'when it is started'}.`,
      ],
    };
  const facts: ScheduleFacts = {
    nowSeconds: Math.floor(now.getTime() / 1000),
    start: instantOf(prop(scheduled, 'ScheduleStartTime')),
    end: instantOf(prop(scheduled, 'ScheduleEndTime')),
    offset: Number(prop(scheduled, 'ScheduleOffset')?.value ?? 0) || 0,
    first: instantOf(prop(scheduled, 'FirstExecutionFrom')),
    incremental: stringValue(prop(scheduled, 'DataPullMode')) === 'Incremental',
    zone: stringValue(prop(scheduled, 'Timezone')),
  };
  const expressionText = stringValue(prop(scheduled, 'ScheduleExpression')) ?? '';
  const expression = parseScheduleExpression(expressionText);
  const times =
    expression.kind === 'cron'
      ? cronTimes(expressionText, facts, count)
      : expression.kind === 'rate'
        ? rateTimes(expression.intervalMinutes * 60, facts, count)
        : { times: [], notes: ['ScheduleExpression is not a rate(…) AppFlow reads.'] };
  const runs = times.times.map((t, i): NextRun => {
    const at = t + facts.offset;
    const from = i > 0 ? times.times[i - 1] : (times.previous ?? facts.first);
    return {
      at: isoUtc(at),
      ...(facts.zone ? { local: localTime(at, facts.zone) } : {}),
      ...(facts.incremental ? { ...(from !== undefined ? { from: isoUtc(from) } : {}), to: isoUtc(t) } : {}),
    };
  });
  const notes = [...times.notes];
  if (facts.offset) notes.push(`ScheduleOffset ${facts.offset} s delays each run after its time on the schedule.`);
  if (facts.end !== undefined && runs.length < count)
    notes.push(`ScheduleEndTime ${isoUtc(facts.end)}: no run after it.`);
  if (facts.incremental && facts.first === undefined && runs.length && times.previous === undefined)
    notes.push('The first Incremental run has no FirstExecutionFrom: AppFlow pulls every record it finds then.');
  return { runs, notes };
}

/** The times on the schedule (before ScheduleOffset) and the one before the first, with what was assumed. */
interface ScheduleTimes {
  readonly times: readonly number[];
  /** the schedule time before the first run shown (its Incremental window starts there) */
  readonly previous?: number;
  readonly notes: readonly string[];
}

/** rate(…): every `step` seconds on the start's grid, from now on, none after the end. */
function rateTimes(step: number, f: ScheduleFacts, count: number): ScheduleTimes {
  const notes: string[] = [];
  // the first boundary at or after now, on the start's grid
  let t = f.start ?? Math.ceil(f.nowSeconds / 60) * 60;
  let previous: number | undefined;
  if (f.start === undefined)
    notes.push('No ScheduleStartTime: AppFlow starts the schedule when the flow is activated; shown from now.');
  else if (f.start < f.nowSeconds) {
    t = f.start + Math.ceil((f.nowSeconds - f.start) / step) * step;
    previous = t - step;
    notes.push(`ScheduleStartTime ${isoUtc(f.start)} has passed: the runs from now on are shown.`);
  }
  const times: number[] = [];
  for (; times.length < count && (f.end === undefined || t <= f.end); t += step) times.push(t);
  return { times, previous, notes };
}

/** cron(…): its times after now (or the start), in UTC, none after the end. */
function cronTimes(text: string, f: ScheduleFacts, count: number): ScheduleTimes {
  const inside = /^\s*cron\s*\((.*)\)\s*$/is.exec(text)?.[1] ?? '';
  const schedule = parseCron(inside);
  if ('error' in schedule) return { times: [], notes: [`The cron expression cannot be computed: ${schedule.error}.`] };
  const after = Math.max(f.nowSeconds, f.start ?? f.nowSeconds) - 1;
  return {
    times: nextCronTimes(schedule, after, count).filter((t) => f.end === undefined || t <= f.end),
    notes: ['cron(…) is read in UTC, as EventBridge reads it; AppFlow does not document whether Timezone shifts it.'],
  };
}

/** The command a schedule lens runs: VS Code's "Preview Workflow" (another client shows the title only). */
export const PREVIEW_COMMAND = 'cpworkflow.previewWorkflow';

/** "Next run: Mon 4 Jan 2027 03:00 America/Chicago, then every 1 hour" over ScheduleExpression, if it has one. */
export function scheduleLens(doc: ParsedWorkflow, now: Date): CodeLens | undefined {
  const node = prop(workflowOf(doc).scheduledNode, 'ScheduleExpression');
  if (!node) return undefined;
  const { runs, notes } = nextRuns(doc, now, 1);
  const expression = parseScheduleExpression(stringValue(node) ?? '');
  const every =
    expression.kind === 'rate'
      ? `, then every ${expression.count} ${expression.count === 1 ? expression.unit.replace(/s$/, '') : expression.unit}`
      : '';
  const title = runs.length ? `Next run: ${runs[0].local ?? runs[0].at}${every}` : (notes[0] ?? 'No run');
  return { range: rangeOf(doc, node), command: { title: title.slice(0, 200), command: PREVIEW_COMMAND } };
}
