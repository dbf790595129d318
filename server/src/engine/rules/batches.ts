// Batches (docs/rules.md BAT-1…BAT-10): each batch is one step of the workflow that ingests history, one AppFlow flow
// each. Together they should cover the history once: each non-empty, in order, without overlaps or gaps, all in the
// past.
import { Node, keyOf, prop } from '../document';
import { Finding } from '../findings';
import { instantOf, isoUtc } from '../domain/time';
import { WorkflowBatch, workflowOf } from '../workflowModel';
import { DOCS } from './docs';
import type { Fixes, Rule } from './types';
import { genericFixes } from './fixKit';
/** A timestamp's value as written (a string or a number), for a fix that copies it. */
const scalarOf = (node: Node | undefined): string | number | undefined =>
  node && (node.type === 'string' || node.type === 'number') ? (node.value as string | number) : undefined;

declare module '../findings' {
  interface CodeData {
    'BAT-2': { readonly start: string };
    'BAT-3': {
      readonly batchIndex: number;
      readonly overlapsBatchIndex: number;
      readonly replacement: string | number | undefined;
    };
    /** a gap after another batch (`gapFrom`, its end as `replacement`), or batches out of order (`sorted`) */
    'BAT-4': {
      readonly batchIndex: number;
      readonly gapFrom?: string;
      readonly replacement?: string | number | undefined;
      readonly sorted?: false;
    };
    'BAT-5': { readonly now: string };
    'BAT-6': { readonly batchIndex: number; readonly replacement: string | number | undefined };
    'BAT-7': { readonly days: number; readonly maxDays: number };
    'BAT-8': { readonly count: number; readonly limit: number };
    'BAT-9': { readonly property: 'DatetimeTypeFieldName' };
  }
}
import { describeInstant } from './timestamps';

// The console splits history into two-month batches (admin guide); a day of slack covers 31+31-day pairs.
const LONG_BATCH_DAYS = 62;
// Each batch creates an AppFlow flow; AppFlow allows 1,000 flows per account and 1,000 concurrent runs.
const MANY_BATCHES = 100;
const DAY = 86400;

interface BatchWindow {
  readonly batch: WorkflowBatch;
  readonly start: number;
  readonly end: number;
}

export const batchRules: readonly Rule[] = [
  {
    name: 'batch-boundaries',
    ids: ['BAT-2', 'BAT-3', 'BAT-4', 'BAT-5', 'BAT-6', 'BAT-7'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      const out: Finding[] = [];
      const href = DOCS.appflowIngestion;
      const nowSeconds = ctx.now.getTime() / 1000;
      const spans: BatchWindow[] = [];
      for (const batch of w.batches) {
        const start = instantOf(batch.startTimeNode),
          end = instantOf(batch.endTimeNode);
        if (end !== undefined && end > nowSeconds) {
          out.push({
            code: 'BAT-5',
            severity: 'warning',
            at: batch.endTimeNode!,
            href,
            data: { rules: ['BAT-5'], now: isoUtc(Math.floor(nowSeconds)) },
            message: `Batch EndTime ${describeInstant(batch.endTimeNode!, end)} is in the future: batches ingest history, and the ongoing integration takes over after them. End the last batch now or earlier.`,
          });
        }
        if (start === undefined || end === undefined) continue;
        if (start >= end) {
          out.push({
            code: 'BAT-2',
            severity: 'error',
            at: batch.endTimeNode!,
            href,
            data: { rules: ['BAT-2'], start: isoUtc(start) },
            message: `Batch EndTime ${describeInstant(batch.endTimeNode!, end)} is not after its StartTime ${describeInstant(batch.startTimeNode!, start)}. Each batch is the span StartTime < EndTime.`,
          });
          continue;
        }
        const days = (end - start) / DAY;
        if (days > LONG_BATCH_DAYS) {
          const marketo = w.connector?.type === 'Marketo';
          out.push({
            code: 'BAT-7',
            severity: marketo ? 'warning' : 'information',
            at: batch.endTimeNode!,
            href,
            data: { rules: ['BAT-7'], days: Math.round(days), maxDays: LONG_BATCH_DAYS },
            message:
              `This batch spans ${Math.round(days)} days; the console uses two-month batches.` +
              (marketo
                ? ' Marketo imports at most 1 GB per flow run, so a long batch may fail: split it.'
                : ' A shorter batch retries less work when a step fails.'),
          });
        }
        spans.push({ batch, start, end });
      }
      const sorted = [...spans].sort((a, b) => a.start - b.start);
      let reach: BatchWindow | undefined; // the span that ends latest so far
      for (const s of sorted) {
        if (reach && s.start < reach.end) {
          out.push({
            code: 'BAT-3',
            severity: 'warning',
            at: s.batch.startTimeNode!,
            href,
            data: {
              rules: ['BAT-3'],
              batchIndex: s.batch.index,
              overlapsBatchIndex: reach.batch.index,
              replacement: scalarOf(reach.batch.endTimeNode),
            },
            message: `Batches[${s.batch.index}] starts at ${describeInstant(s.batch.startTimeNode!, s.start)}, before Batches[${reach.batch.index}] ends (${isoUtc(reach.end)}): records in the overlap are ingested twice. Start it where the other ends.`,
          });
        } else if (reach && s.start > reach.end) {
          out.push({
            code: 'BAT-4',
            severity: 'warning',
            at: s.batch.startTimeNode!,
            href,
            data: {
              rules: ['BAT-4'],
              batchIndex: s.batch.index,
              gapFrom: isoUtc(reach.end),
              replacement: scalarOf(reach.batch.endTimeNode),
            },
            message: `Gap: nothing covers ${isoUtc(reach.end)} to ${isoUtc(s.start)}, between Batches[${reach.batch.index}] and Batches[${s.batch.index}]; records from then are never ingested. Start this batch where the previous one ends.`,
          });
        }
        if (!reach || s.end > reach.end) reach = s;
      }
      // unsorted (information): the first batch that starts before the one listed above it; an overlap reported above
      // already says where to move it (one slip, one problem: a digit dropped from epoch seconds)
      const overlaps = out.some((f) => f.code === 'BAT-3');
      for (let i = 1; i < spans.length && !overlaps; i++) {
        if (spans[i].start >= spans[i - 1].start) continue;
        out.push({
          code: 'BAT-4',
          severity: 'information',
          at: spans[i].batch.startTimeNode!,
          href,
          data: { rules: ['BAT-4'], batchIndex: spans[i].batch.index, sorted: false },
          message: `Batches[${spans[i].batch.index}] starts before Batches[${spans[i - 1].batch.index}]; list batches in time order so gaps and overlaps are easy to see.`,
        });
        break;
      }
      const firstNode = prop(w.scheduledNode, 'FirstExecutionFrom');
      const first = instantOf(firstNode);
      if (sorted.length && first !== undefined && sorted[0].start !== first) {
        const earliest = sorted[0];
        out.push({
          code: 'BAT-6',
          severity: 'information',
          at: earliest.batch.startTimeNode!,
          href,
          data: { rules: ['BAT-6'], batchIndex: earliest.batch.index, replacement: scalarOf(firstNode) },
          message: `The earliest batch starts at ${describeInstant(earliest.batch.startTimeNode!, earliest.start)}, but FirstExecutionFrom is ${describeInstant(firstNode!, first)}; batches usually start at FirstExecutionFrom so history is ingested from there.`,
        });
      }
      return out;
    },
  },
  {
    name: 'batch-list',
    ids: ['BAT-8', 'BAT-9'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      if (!w.batchesNode || w.batches.length === 0) return [];
      const at = keyOf(w.batchesNode) ?? w.batchesNode;
      const out: Finding[] = [];
      if (w.batches.length > MANY_BATCHES) {
        out.push({
          code: 'BAT-8',
          severity: 'warning',
          at,
          href: DOCS.appflowIngestion,
          data: { rules: ['BAT-8'], count: w.batches.length, limit: MANY_BATCHES },
          message: `${w.batches.length} batches create ${w.batches.length} AppFlow flows; AppFlow allows 1,000 flows per account and 1,000 concurrent runs. Use fewer, longer batches (the console uses two months each).`,
        });
      }
      if (!prop(w.incrementalPullConfigNode, 'DatetimeTypeFieldName')) {
        out.push({
          code: 'BAT-9',
          severity: 'information',
          at,
          href: DOCS.appflowIngestion,
          data: { rules: ['BAT-9'], property: 'DatetimeTypeFieldName' },
          message:
            'Batches split history by time, but SourceFlowConfig.IncrementalPullConfig.DatetimeTypeFieldName names no timestamp field to split on (e.g. "LastModifiedDate" for Salesforce).',
        });
      }
      return out;
    },
  },
];

/** The codes whose verdict depends on the clock alone (docs/rules.md "The clock"). */
export const batchClockCodes = ['BAT-5'] as const;

export const batchFixes: Fixes<'BAT-2' | 'BAT-3' | 'BAT-4' | 'BAT-5' | 'BAT-6' | 'BAT-7' | 'BAT-8' | 'BAT-9'> = {
  'BAT-2': null,
  'BAT-3': genericFixes,
  'BAT-4': genericFixes,
  'BAT-5': null,
  'BAT-6': genericFixes,
  'BAT-7': null,
  'BAT-8': null,
  'BAT-9': null,
};
