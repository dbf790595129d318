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
  const expressionText = stringValue(prop(scheduled, 'ScheduleExpression')) ?? '';
  const expression = parseScheduleExpression(expressionText);
  if (expression.kind === 'cron') return cronRuns(doc, expressionText, now, count);
  if (expression.kind !== 'rate') return { runs: [], notes: ['ScheduleExpression is not a rate(…) AppFlow reads.'] };
  const step = expression.intervalMinutes * 60;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const start = instantOf(prop(scheduled, 'ScheduleStartTime'));
  const end = instantOf(prop(scheduled, 'ScheduleEndTime'));
  const offset = Number(prop(scheduled, 'ScheduleOffset')?.value ?? 0) || 0;
  const first = instantOf(prop(scheduled, 'FirstExecutionFrom'));
  const incremental = stringValue(prop(scheduled, 'DataPullMode')) === 'Incremental';
  const zone = stringValue(prop(scheduled, 'Timezone'));
  const notes: string[] = [];
  // the first boundary at or after now, on the start's grid
  let t = start ?? Math.ceil(nowSeconds / 60) * 60;
  if (start === undefined)
    notes.push('No ScheduleStartTime: AppFlow starts the schedule when the flow is activated; shown from now.');
  else if (start < nowSeconds) {
    t = start + Math.ceil((nowSeconds - start) / step) * step;
    notes.push(`ScheduleStartTime ${isoUtc(start)} has passed: the runs from now on are shown.`);
  }
  if (offset) notes.push(`ScheduleOffset ${offset} s delays each run after its time on the schedule.`);
  const runs: NextRun[] = [];
  let previous: number | undefined = start !== undefined && start < nowSeconds ? t - step : undefined;
  for (let i = 0; i < count; i++) {
    if (end !== undefined && t > end) {
      notes.push(`ScheduleEndTime ${isoUtc(end)}: no run after it.`);
      break;
    }
    const at = t + offset;
    const from = previous ?? first;
    runs.push({
      at: isoUtc(at),
      ...(zone ? { local: localTime(at, zone) } : {}),
      ...(incremental ? { ...(from !== undefined ? { from: isoUtc(from) } : {}), to: isoUtc(t) } : {}),
    });
    previous = t;
    t += step;
  }
  if (incremental && first === undefined && runs.length && (start === undefined || start >= nowSeconds))
    notes.push('The first Incremental run has no FirstExecutionFrom: AppFlow pulls every record it finds then.');
  return { runs, notes };
}

/** A cron(…) schedule's next runs: after now (or the start), none after the end, each delayed by the offset. */
function cronRuns(doc: ParsedWorkflow, text: string, now: Date, count: number): RunsPreview {
  const scheduled = workflowOf(doc).scheduledNode;
  const inside = /^\s*cron\s*\((.*)\)\s*$/is.exec(text)?.[1] ?? '';
  const schedule = parseCron(inside);
  if ('error' in schedule) return { runs: [], notes: [`The cron expression cannot be computed: ${schedule.error}.`] };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const start = instantOf(prop(scheduled, 'ScheduleStartTime'));
  const end = instantOf(prop(scheduled, 'ScheduleEndTime'));
  const offset = Number(prop(scheduled, 'ScheduleOffset')?.value ?? 0) || 0;
  const first = instantOf(prop(scheduled, 'FirstExecutionFrom'));
  const incremental = stringValue(prop(scheduled, 'DataPullMode')) === 'Incremental';
  const zone = stringValue(prop(scheduled, 'Timezone'));
  const from = Math.max(nowSeconds, start ?? nowSeconds) - 1;
  const times = nextCronTimes(schedule, from, count).filter((t) => end === undefined || t <= end);
  const notes = [
    'cron(…) is read in UTC, as EventBridge reads it; AppFlow does not document whether Timezone shifts it.',
  ];
  if (end !== undefined && times.length < count) notes.push(`ScheduleEndTime ${isoUtc(end)}: no run after it.`);
  const runs = times.map((t, i) => {
    const previous = i > 0 ? times[i - 1] : first;
    return {
      at: isoUtc(t + offset),
      ...(zone ? { local: localTime(t + offset, zone) } : {}),
      ...(incremental ? { ...(previous !== undefined ? { from: isoUtc(previous) } : {}), to: isoUtc(t) } : {}),
    };
  });
  return { runs, notes };
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
