// Timestamps everywhere (workflow-rules.md SCH-18, BAT-10): the API reads epoch seconds; the AWS CLI also takes
// ISO-8601 strings (without a zone it reads them as UTC). Unparseable values are the model check's `timestamp` error.
import { Node } from '../document';
import { Finding, quoted } from '../findings';
import { ShapeName, shapes } from '../../generated/model';
import { isMilliseconds, isoUtc, parseTimestamp } from '../domain/time';
import { Workflow, membersOf, workflowOf } from '../workflowModel';
import { DOCS } from './docs';
import type { Rule } from './types';

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

export const timestampRules: readonly Rule[] = [
  {
    name: 'timestamp-encoding',
    ids: ['SCH-18', 'BAT-10'],
    check(ctx) {
      const out: Finding[] = [];
      for (const { node, member, inBatch } of timestampNodes(workflowOf(ctx.doc))) {
        const rules = inBatch ? ['SCH-18', 'BAT-10'] : ['SCH-18'];
        const href = inBatch ? DOCS.batch : DOCS.s3Integration;
        if (isMilliseconds(node)) {
          const seconds = (node.value as number) / 1000;
          out.push({
            code: 'SCH-18',
            severity: 'warning',
            at: node,
            href,
            data: { rules, seconds },
            message: `${member} ${node.value} looks like epoch milliseconds; the API reads epoch seconds, so this is the year ${new Date((node.value as number) * 1000).getUTCFullYear() || 'beyond 275760'}. Use ${seconds} (${isoUtc(seconds)}).`,
          });
          continue;
        }
        const t = parseTimestamp(node);
        if (t?.zoneless) {
          const replacement = isoUtc(t.epochSeconds);
          out.push({
            code: 'timestamp-utc',
            severity: 'information',
            at: node,
            href,
            data: { rules, replacement, epochSeconds: t.epochSeconds },
            message: `${member} ${quoted(node.value as string)} has no time zone; the AWS CLI reads it as UTC (${replacement}). Write "${replacement}" or add your offset, e.g. "-05:00", to say which you mean.`,
          });
        }
      }
      return out;
    },
  },
];
