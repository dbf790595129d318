// The mapping picture as data: source object and the fields the flow reads → tasks → destination fields → the object
// type's fields and keys. The VS Code preview draws it, `cpworkflow preview --format mermaid` writes it as a Mermaid
// flowchart. Pure: from the parsed file and, when known, the object type.
import { ParsedWorkflow, at, prop, stringValue } from './document';
import { isProjection, projectedFields, workflowOf } from './workflowModel';
import { sourceNameOf, type ObjectTypeFacts } from './accountSnapshot';

export interface PreviewTask {
  readonly index: number;
  readonly taskType: string;
  readonly operator: string;
  readonly sourceFields: readonly string[];
  readonly destinationField?: string;
  /** where the task is in the file (offsets), for "select this task" */
  readonly start: number;
  readonly end: number;
}

export interface PreviewField {
  readonly name: string;
  /** listed by the projection (or no projection at all) */
  readonly projected: boolean;
  /** some Map (directly or through Merge/Arithmetic) writes it */
  readonly mapped: boolean;
  /** the first task after the projection that reads it (what a click on it selects) */
  readonly task?: number;
}

export interface PreviewDestination {
  readonly name: string;
  /** the source field (or field the flow makes) it is written from */
  readonly from: string;
  readonly task: number;
  /** whether the object type reads it as `_source.<name>` (undefined when the object type is not known) */
  readonly read?: boolean;
}

export interface PreviewObjectTypeField {
  readonly name: string;
  readonly source: string;
  readonly target: string;
  /** the keys that read it */
  readonly keys: readonly string[];
  /** whether a Map writes its `_source.X` */
  readonly written: boolean;
  /** the Map that writes it (what a click on it selects) */
  readonly task?: number;
}

export interface PreviewModel {
  readonly connector?: string;
  readonly object?: string;
  readonly objectTypeName?: string;
  readonly fields: readonly PreviewField[];
  readonly tasks: readonly PreviewTask[];
  readonly destinations: readonly PreviewDestination[];
  /** present when the object type is known (the account, or its template) */
  readonly objectType?: readonly PreviewObjectTypeField[];
}

/** `{ task }` of the Map that writes a destination, or nothing. */
const taskOf = (d: PreviewDestination | undefined) => (d ? { task: d.task } : {});

export function previewModel(doc: ParsedWorkflow, objectType?: ObjectTypeFacts): PreviewModel {
  const w = workflowOf(doc);
  const connector = w.connector?.type ?? w.connectorType;
  const object = w.connector
    ? stringValue(at(w.sourceConnectorPropertiesNode, w.connector.sourcePropertiesKey, 'Object'))
    : undefined;
  const projected = projectedFields(w.projections);
  const tasks: PreviewTask[] = w.tasks.map((t) => ({
    index: t.index,
    taskType: t.taskType ?? '?',
    operator: t.operator ?? '?',
    sourceFields: t.sourceFields.map((f) => f.name),
    ...(t.destinationField ? { destinationField: t.destinationField } : {}),
    start: t.node.offset,
    end: t.node.offset + t.node.length,
  }));
  // what reaches a Map: its source, and through Merge/Arithmetic the sources of the field they make
  const madeFrom = new Map<string, string[]>();
  for (const t of w.tasks)
    if (t.destinationField && t.taskType !== 'Map' && t.taskType !== 'Map_all')
      madeFrom.set(
        t.destinationField,
        t.sourceFields.map((f) => f.name),
      );
  const mapped = new Set<string>();
  const reach = (name: string, depth = 0): void => {
    if (mapped.has(name) || depth > 16) return;
    mapped.add(name);
    for (const s of madeFrom.get(name) ?? []) reach(s, depth + 1);
  };
  const destinations: PreviewDestination[] = [];
  const readByType = new Set(
    Object.values(objectType?.fields ?? {}).flatMap((f) => {
      const s = sourceNameOf(f.source);
      return s ? [s] : [];
    }),
  );
  for (const t of w.tasks) {
    if (t.taskType === 'Map_all') for (const f of projected) reach(f);
    if (t.taskType !== 'Map' || !t.destinationField || !t.sourceFields[0]) continue;
    reach(t.sourceFields[0].name);
    destinations.push({
      name: t.destinationField,
      from: t.sourceFields[0].name,
      task: t.index,
      ...(objectType ? { read: readByType.has(t.destinationField) } : {}),
    });
  }
  const names = new Set<string>([...projected]);
  for (const t of w.tasks)
    if (!isProjection(t)) for (const f of t.sourceFields) if (!madeFrom.has(f.name)) names.add(f.name);
  // the first task after the projection reading each field, in one pass (the picture is redrawn as the file is typed)
  const firstReader = new Map<string, number>();
  for (const t of w.tasks)
    if (!isProjection(t))
      for (const f of t.sourceFields) if (!firstReader.has(f.name)) firstReader.set(f.name, t.index);
  const fields = [...names].map((name) => {
    const reader = firstReader.get(name) ?? w.projections[0]?.index;
    return {
      name,
      projected: w.projections.length === 0 || projected.has(name),
      mapped: mapped.has(name),
      ...(reader !== undefined ? { task: reader } : {}),
    };
  });
  const written = new Set(destinations.map((d) => d.name));
  const keysOf = new Map<string, string[]>();
  for (const [keyName, list] of Object.entries(objectType?.keys ?? {}))
    for (const k of list) for (const n of k.fieldNames) keysOf.set(n, [...(keysOf.get(n) ?? []), keyName]);
  const objectTypeFields = objectType
    ? Object.entries(objectType.fields).map(([name, f]) => ({
        name,
        source: f.source,
        target: f.target,
        keys: keysOf.get(name) ?? [],
        written: written.has(sourceNameOf(f.source) ?? '\u0000'),
        ...taskOf(destinations.find((d) => `_source.${d.name}` === f.source)),
      }))
    : undefined;
  return {
    ...(connector ? { connector } : {}),
    ...(object ? { object } : {}),
    ...(stringValue(prop(doc.root, 'ObjectTypeName'))
      ? { objectTypeName: stringValue(prop(doc.root, 'ObjectTypeName')) }
      : {}),
    fields,
    tasks,
    destinations,
    ...(objectTypeFields ? { objectType: objectTypeFields } : {}),
  };
}

/** Mermaid's text in a label: quotes and the characters its parser reads as syntax become entities. */
const label = (s: string) =>
  s
    .slice(0, 120)
    .replace(/[\p{Cc}]/gu, ' ')
    .replace(/[&"<>#;%`[\]{}|()]/g, (c) => `#${c.codePointAt(0)};`);

/**
 * The picture as a Mermaid flowchart (GitHub renders it in a pull request comment): source fields → destination
 * fields → object type fields, keys marked; projected fields no Map writes and object type fields no Map feeds are
 * drawn dashed. Ids are positional (f0, d0, o0), so no name from the file or the account is syntax.
 */
export function previewMermaid(m: PreviewModel): string {
  const lines = ['flowchart LR'];
  const fieldId = new Map(m.fields.map((f, i) => [f.name, `f${i}`]));
  lines.push(`  subgraph source["${label(`${m.connector ?? 'source'} ${m.object ?? ''}`.trim())}"]`);
  for (const f of m.fields) lines.push(`    ${fieldId.get(f.name)}["${label(f.name)}"]`);
  lines.push('  end');
  lines.push(`  subgraph flow["Map tasks → destination fields"]`);
  m.destinations.forEach((d, i) => lines.push(`    d${i}["${label(d.name)}"]`));
  lines.push('  end');
  const filters = m.tasks.filter(
    (t) => t.taskType !== 'Map' && !(t.taskType === 'Filter' && t.operator === 'PROJECTION'),
  );
  if (filters.length) {
    lines.push('  subgraph tasks["other tasks, in order"]');
    filters.forEach((t) =>
      lines.push(
        `    t${t.index}["${label(`Tasks[${t.index}] ${t.taskType} ${t.operator} ${t.sourceFields.join(', ')}`)}"]`,
      ),
    );
    lines.push('  end');
  }
  m.destinations.forEach((d, i) => {
    const from = fieldId.get(d.from);
    if (from) lines.push(`  ${from} -->|"${label(`Tasks[${d.task}]`)}"| d${i}`);
  });
  if (m.objectType) {
    lines.push(`  subgraph objecttype["${label(`object type ${m.objectTypeName ?? ''}`)}"]`);
    m.objectType.forEach((o, i) =>
      lines.push(`    o${i}["${label(`${o.target || o.name}${o.keys.length ? ` 🔑 ${o.keys.join(', ')}` : ''}`)}"]`),
    );
    lines.push('  end');
    m.objectType.forEach((o, i) => {
      const d = m.destinations.findIndex((x) => `_source.${x.name}` === o.source);
      if (d >= 0) lines.push(`  d${d} --> o${i}`);
    });
  }
  // what is lost: projected but never mapped, read by the object type but never written
  const lost = [
    ...m.fields.filter((f) => f.projected && !f.mapped).map((f) => fieldId.get(f.name)!),
    ...(m.objectType ?? []).flatMap((o, i) => (o.written ? [] : [`o${i}`])),
  ];
  if (lost.length) {
    lines.push('  classDef lost stroke-dasharray: 5 5,stroke:#d73a49');
    lines.push(`  class ${lost.join(',')} lost`);
  }
  const keys = (m.objectType ?? []).flatMap((o, i) => (o.keys.length ? [`o${i}`] : []));
  if (keys.length) {
    lines.push('  classDef key stroke-width:3px');
    lines.push(`  class ${keys.join(',')} key`);
  }
  return `${lines.join('\n')}\n`;
}
