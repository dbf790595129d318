// The Outline and breadcrumbs: the flow by name, its source (connector and object), each task by what it does
// ("Map Email → Email"), the trigger, the batches. Built from the domain view in one pass over the tasks.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { Node, ParsedWorkflow, keyOf, prop, rangeOf, stringValue } from './document';
import { isProjection, taskTitle, workflowOf } from './workflowModel';
import { isoUtc, parseTimestamp } from './domain/time';

function symbol(
  doc: ParsedWorkflow,
  name: string,
  kind: SymbolKind,
  node: Node,
  detail?: string,
  children?: DocumentSymbol[],
): DocumentSymbol {
  // the range covers the member with its key, so the breadcrumbs follow the cursor anywhere in it
  const key = keyOf(node);
  const whole = key ? node.parent! : node;
  const s: DocumentSymbol = {
    name: name || '(unnamed)',
    kind,
    range: rangeOf(doc, whole),
    selectionRange: rangeOf(doc, key ?? node),
  };
  if (detail) s.detail = detail;
  if (children) s.children = children;
  return s;
}

function timeText(node: Node | undefined): string {
  const t = parseTimestamp(node);
  return t ? isoUtc(t.epochSeconds) : '?';
}

export function documentSymbols(doc: ParsedWorkflow): DocumentSymbol[] {
  const w = workflowOf(doc);
  if (w.root?.type !== 'object') return [];
  const out: DocumentSymbol[] = [];
  const objectType = prop(w.root, 'ObjectTypeName');
  if (objectType) out.push(symbol(doc, stringValue(objectType) ?? '', SymbolKind.Class, objectType, 'ObjectTypeName'));

  const flow = w.flowDefinitionNode;
  if (flow) {
    const children: DocumentSymbol[] = [];
    const config = w.sourceFlowConfigNode;
    if (config) {
      const sourceProps = w.connector && prop(w.sourceConnectorPropertiesNode, w.connector.sourcePropertiesKey);
      const object = stringValue(prop(sourceProps, 'Object')) ?? stringValue(prop(sourceProps, 'BucketName'));
      children.push(
        symbol(doc, `${w.connectorType ?? '?'}${object ? `: ${object}` : ''}`, SymbolKind.Interface, config, 'source'),
      );
    }
    if (w.tasksNode) {
      children.push(
        symbol(
          doc,
          'Tasks',
          SymbolKind.Array,
          w.tasksNode,
          `${w.tasks.length}`,
          w.tasks.map((t) =>
            symbol(doc, taskTitle(t), isProjection(t) ? SymbolKind.Field : SymbolKind.Function, t.node),
          ),
        ),
      );
    }
    if (w.triggerConfigNode) {
      const schedule = stringValue(prop(w.scheduledNode, 'ScheduleExpression'));
      children.push(
        symbol(
          doc,
          `${w.triggerType ?? 'Trigger'}${schedule ? ` ${schedule}` : ''}`,
          SymbolKind.Event,
          w.triggerConfigNode,
          'trigger',
        ),
      );
    }
    const name = stringValue(prop(flow, 'FlowName'));
    out.push(symbol(doc, name ?? 'FlowDefinition', SymbolKind.Module, flow, 'flow', children));
  }
  if (w.batchesNode) {
    out.push(
      symbol(
        doc,
        'Batches',
        SymbolKind.Array,
        w.batchesNode,
        `${w.batches.length}`,
        w.batches.map((b) =>
          symbol(doc, `${timeText(b.startTimeNode)} → ${timeText(b.endTimeNode)}`, SymbolKind.Event, b.node),
        ),
      ),
    );
  }
  return out;
}
