// `cpworkflow preview FILE --format svg`: the mapping picture as a standalone SVG, laid out by ELK (elkjs, the Eclipse
// Layout Kernel's layered algorithm: no hand-made geometry) and drawn with escaped text only. dist/svg.js: the CLI
// loads it (and ELK's 1.6 MB) only for this format.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { PreviewModel } from '../engine/previewModel';
import { visibleText } from '../engine/controls';

const CHAR_WIDTH = 7.2;
const NODE_HEIGHT = 26;
const FONT = "ui-monospace, 'SF Mono', Menlo, Consolas, monospace";

/** Text for an SVG text node or attribute: control characters made visible, XML's five escaped, bounded. */
const xml = (s: string) =>
  visibleText(s.length > 120 ? `${s.slice(0, 119)}…` : s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

interface Box {
  readonly id: string;
  readonly text: string;
  readonly kind: 'field' | 'destination' | 'objectType';
  readonly lost: boolean;
  readonly key: boolean;
}

export async function previewSvg(m: PreviewModel): Promise<string> {
  const boxes: Box[] = [
    ...m.fields.map((f, i) => ({
      id: `f${i}`,
      text: f.name,
      kind: 'field' as const,
      lost: f.projected && !f.mapped,
      key: false,
    })),
    ...m.destinations.map((d, i) => ({
      id: `d${i}`,
      text: d.name,
      kind: 'destination' as const,
      lost: d.read === false,
      key: false,
    })),
    ...(m.objectType ?? []).map((o, i) => ({
      id: `o${i}`,
      text: `${o.target || o.name}${o.keys.length ? ` [key ${o.keys.join(', ')}]` : ''}`,
      kind: 'objectType' as const,
      lost: !o.written,
      key: o.keys.length > 0,
    })),
  ];
  const fieldId = new Map(m.fields.map((f, i) => [f.name, `f${i}`]));
  const edges = [
    ...m.destinations.flatMap((d, i) =>
      fieldId.has(d.from)
        ? [{ id: `e${i}`, sources: [fieldId.get(d.from)!], targets: [`d${i}`], label: `Tasks[${d.task}]` }]
        : [],
    ),
    ...(m.objectType ?? []).flatMap((o, i) => {
      const d = m.destinations.findIndex((x) => `_source.${x.name}` === o.source);
      return d >= 0 ? [{ id: `k${i}`, sources: [`d${d}`], targets: [`o${i}`], label: '' }] : [];
    }),
  ];
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '10',
      'elk.edgeRouting': 'POLYLINE',
      // one picture in columns (fields → destinations → object type), not one small graph per field
      'elk.separateConnectedComponents': 'false',
      'elk.padding': '[top=40,left=16,bottom=16,right=16]',
    },
    children: boxes.map((b) => ({
      id: b.id,
      width: Math.min(120, [...b.text].length) * CHAR_WIDTH + 16,
      height: NODE_HEIGHT,
    })),
    edges: edges.map((e) => ({ id: e.id, sources: e.sources, targets: e.targets })),
  };
  const layout = await new ELK().layout(graph);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const title = `${m.connector ?? 'source'} ${m.object ?? ''}: source fields → destination fields → ${m.objectType ? `object type ${m.objectTypeName ?? ''}` : '(object type not known offline)'}`;
  const width = Math.ceil(Math.max(layout.width ?? 400, Math.min(120, [...title].length) * 8 + 32));
  const height = Math.ceil(layout.height ?? 200);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xml(FONT)}" role="img">`,
    `<title>${xml(`${m.connector ?? 'source'} ${m.object ?? ''} → ${m.objectTypeName ?? 'object type'}`)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    `<text x="16" y="24" font-size="14" font-weight="600">${xml(title)}</text>`,
  ];
  for (const e of layout.edges ?? []) {
    for (const s of e.sections ?? []) {
      const points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => `${p.x},${p.y}`).join(' ');
      out.push(`<polyline points="${points}" fill="none" stroke="#555" stroke-width="1.2" marker-end="url(#arrow)"/>`);
    }
  }
  for (const n of layout.children ?? []) {
    const b = byId.get(n.id)!;
    const fill = b.kind === 'field' ? '#eef4fb' : b.kind === 'destination' ? '#eefaf0' : '#fbf5ea';
    out.push(
      `<g><rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="4" fill="${fill}" stroke="${b.lost ? '#d73a49' : '#666'}"` +
        `${b.lost ? ' stroke-dasharray="5 4"' : ''} stroke-width="${b.key ? 2.5 : 1}"/>` +
        `<text x="${(n.x ?? 0) + 8}" y="${(n.y ?? 0) + 17}" font-size="12"${b.key ? ' font-weight="700"' : ''}>${xml(b.text)}</text></g>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
