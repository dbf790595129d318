// Hover: what the model says about the key or value under the cursor (Markdown with the API reference link); for an
// operator, which connectors and task types take it; for a connector type, the key it is spelled with; for a
// timestamp, the instant it means.
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { Node, ParsedWorkflow, isKey, nodeAt, pathOf, rangeOf, stringValue } from './document';
import { shapeAt } from './shapePath';
import { connectorByType, taskAt, workflowOf } from './workflowModel';
import { ALL_OPERATORS, taskKindOf } from './domain/taskKinds';
import { nextRuns } from './nextRuns';
import { mdText } from './markdown';
import {
  connectorMarkdown,
  memberMarkdown,
  operatorMarkdown,
  shapeMarkdown,
  taskPropertyMarkdown,
  taskTypeMarkdown,
} from './modelDocs';
import { isoUtc, parseTimestamp } from './domain/time';
import { listOf } from './findings';
import { taskTypes } from '../generated/model';
import type { AccountSnapshot } from './accountSnapshot';
import { accountHover } from './accountCompletion';

const SCALARS = new Set(['string', 'number', 'boolean', 'null']);

export function hover(doc: ParsedWorkflow, offset: number, account?: AccountSnapshot, now?: Date): Hover | null {
  const n = nodeAt(doc, offset);
  if (!n || !SCALARS.has(n.type)) return null;
  const fromAccount = account && !isKey(n) ? accountHover(doc, n, account) : undefined;
  const runs = now && !isKey(n) && pathOf(n).at(-1) === 'ScheduleExpression' ? runsMarkdown(doc, now) : undefined;
  const value = isKey(n)
    ? keyMarkdown(doc, n)
    : [fromAccount, runs, valueMarkdown(doc, n)].filter(Boolean).join('\n\n---\n\n');
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(doc, n) } : null;
}

/** The next runs (engine/nextRuns.ts): "Next runs: 2027-01-04 09:00 UTC (Mon 4 Jan 03:00 America/Chicago); …". */
function runsMarkdown(doc: ParsedWorkflow, now: Date): string | undefined {
  const { runs, notes } = nextRuns(doc, now, 3);
  if (!runs.length) return notes.length ? mdText(notes[0]) : undefined;
  const line = (r: (typeof runs)[number]) =>
    `${r.at.replace('T', ' ').replace(/:00Z$/, ' UTC')}${r.local ? ` (${mdText(r.local)})` : ''}`;
  return `**Next runs**: ${runs.map(line).join('; ')}${notes.length ? `\n\n${notes.map(mdText).join(' ')}` : ''}`;
}

function taskKindAt(doc: ParsedWorkflow, offset: number) {
  const task = taskAt(doc, offset);
  return task && taskKindOf(task.taskType, task.operator);
}

function keyMarkdown(doc: ParsedWorkflow, key: Node): string | undefined {
  const object = key.parent!.parent!;
  const path = pathOf(object);
  const at = shapeAt(path);
  const name = key.value as string;
  if (at?.shape.type === 'structure' && at.shape.members?.[name]) return memberMarkdown(at.shapeName, name);
  if (at?.shapeName === 'TaskPropertiesMap')
    return taskPropertyMarkdown(name, taskKindAt(doc, key.offset), workflowOf(doc).connector?.type);
  return undefined;
}

function valueMarkdown(doc: ParsedWorkflow, n: Node): string | undefined {
  const path = pathOf(n);
  const at = shapeAt(path);
  if (!at) return undefined;
  const text = stringValue(n);
  if (at.owner === 'ConnectorOperator' && text && ALL_OPERATORS.includes(text)) return operatorMarkdown(text);
  if (at.shapeName === 'SourceConnectorType' && text) {
    const c = connectorByType(text);
    return (
      c &&
      (c.type === text
        ? connectorMarkdown(c)
        : `${connectorMarkdown(c)}\n\nThe API's value is \`"${c.type}"\`; \`"${text}"\` is the member-key spelling.`)
    );
  }
  if (at.shapeName === 'TaskType' && text && taskTypes.includes(text)) return taskTypeMarkdown(text);
  const about =
    at.mapKey !== undefined && at.member === 'TaskProperties'
      ? taskPropertyMarkdown(at.mapKey, taskKindAt(doc, n.offset), workflowOf(doc).connector?.type)
      : at.owner && at.member
        ? memberMarkdown(at.owner, at.member)
        : shapeMarkdown(at.shapeName, at.shapeName);
  // a value of an enum gets its own line first: the Smithy models document no enum member, so say which value of
  // how many it is, and the others, before the key's text
  if (at.shape.type === 'enum' && text && at.shape.values!.includes(text) && at.shape.values!.length > 1) {
    const others = at.shape.values!.filter((v) => v !== text);
    return `\`"${text}"\` · one of ${at.shape.values!.length} ${at.member ?? at.shapeName} values; the other${others.length === 1 ? ' is' : 's are'} ${listOf(others.map((v) => `\`"${v}"\``))}.\n\n${about}`;
  }
  if (at.shape.type === 'timestamp') {
    const t = parseTimestamp(n);
    // epoch values are hard to read, ISO ones hard to compare with the API's epoch seconds: show both
    if (t)
      return `${about}\n\n\`${isoUtc(t.epochSeconds)}\` = \`${t.epochSeconds}\` epoch seconds${t.zoneless ? ' (no zone written: read as UTC)' : ''}`;
  }
  return about;
}
