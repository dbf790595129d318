// The domain view of a parsed workflow file: its flow definition, connector, tasks, trigger and batches, with the
// nodes they came from. Rules, completion, hover and quick fixes read the file through this one view, computed
// once per parsed document (a ParsedWorkflow is per document version, so the cache never goes stale).
import { Node, ParsedWorkflow, at, items, prop, stringValue } from './document';
import { Connector, connectors } from '../generated/model';
import { COMBINING_TASK_TYPES } from './domain/taskKinds';

/** One member of an object: its key node and value node (the value is missing while the user types). */
export interface ObjectEntry {
  readonly key: string;
  readonly keyNode: Node;
  readonly valueNode: Node | undefined;
}

export interface SourceField {
  readonly name: string;
  readonly node: Node;
}

export interface WorkflowTask {
  readonly index: number;
  /** the task's value node in Tasks (not necessarily an object) */
  readonly node: Node;
  readonly taskType: string | undefined;
  readonly taskTypeNode: Node | undefined;
  readonly connectorOperatorNode: Node | undefined;
  /** every member of ConnectorOperator, in file order */
  readonly operatorMembers: readonly ObjectEntry[];
  /** the ConnectorOperator member in use: the one keyed for the source connector, else the last one */
  readonly operatorMember: ObjectEntry | undefined;
  /** its string value, e.g. "PROJECTION" */
  readonly operator: string | undefined;
  readonly sourceFieldsNode: Node | undefined;
  /** the string entries of SourceFields */
  readonly sourceFields: readonly SourceField[];
  readonly destinationField: string | undefined;
  readonly destinationFieldNode: Node | undefined;
  readonly taskPropertiesNode: Node | undefined;
  /** TaskProperties when it is an object (the map form); the last of duplicate keys wins, as in the AWS CLI */
  readonly taskProperties: ReadonlyMap<string, ObjectEntry>;
}

export interface WorkflowBatch {
  readonly index: number;
  readonly node: Node;
  readonly startTimeNode: Node | undefined;
  readonly endTimeNode: Node | undefined;
}

export interface Workflow {
  readonly root: Node | undefined;
  readonly appflowIntegrationNode: Node | undefined;
  readonly flowDefinitionNode: Node | undefined;
  readonly sourceFlowConfigNode: Node | undefined;
  readonly connectorTypeNode: Node | undefined;
  readonly connectorType: string | undefined;
  /** the connector ConnectorType names, matched case-insensitively ("ServiceNow" finds Servicenow) */
  readonly connector: Connector | undefined;
  readonly sourceConnectorPropertiesNode: Node | undefined;
  readonly incrementalPullConfigNode: Node | undefined;
  readonly tasksNode: Node | undefined;
  readonly tasks: readonly WorkflowTask[];
  /** the Filter/PROJECTION tasks among them */
  readonly projections: readonly WorkflowTask[];
  /** DestinationFields of Merge/Arithmetic tasks: fields the flow makes, not ones it pulls from the source */
  readonly intermediateFields: ReadonlySet<string>;
  readonly triggerConfigNode: Node | undefined;
  readonly triggerTypeNode: Node | undefined;
  readonly triggerType: string | undefined;
  readonly triggerPropertiesNode: Node | undefined;
  /** TriggerProperties.Scheduled */
  readonly scheduledNode: Node | undefined;
  readonly batchesNode: Node | undefined;
  readonly batches: readonly WorkflowBatch[];
}

/** The members of an object node in file order (empty for anything else). */
export function membersOf(node: Node | undefined): ObjectEntry[] {
  if (node?.type !== 'object') return [];
  const out: ObjectEntry[] = [];
  for (const p of node.children ?? []) {
    const keyNode = p.children?.[0];
    if (keyNode?.type === 'string') out.push({ key: keyNode.value as string, keyNode, valueNode: p.children?.[1] });
  }
  return out;
}

/** The members of an object node by key (the last of a duplicated key wins, as in the AWS CLI). */
function membersByKey(node: Node | undefined): Map<string, ObjectEntry> {
  const byKey = new Map<string, ObjectEntry>();
  for (const m of membersOf(node)) byKey.set(m.key, m);
  return byKey;
}

const connectorByLowerType = new Map(connectors.map((c) => [c.type.toLowerCase(), c]));
const connectorByMemberKey = new Map(connectors.map((c) => [c.key, c]));
const connectorByOperatorShapeName = new Map<string, Connector>(connectors.map((c) => [c.operatorShape, c]));

/** The connector for a ConnectorType value, case-insensitively (CASE-2: "ServiceNow" is Servicenow). */
export function connectorByType(type: string | undefined): Connector | undefined {
  return type === undefined ? undefined : connectorByLowerType.get(type.toLowerCase());
}

/** The connector whose ConnectorOperator / SourceConnectorProperties member key is `key` (exact case). */
export function connectorByKey(key: string | undefined): Connector | undefined {
  return key === undefined ? undefined : connectorByMemberKey.get(key);
}

/** The connector whose operator enum is the shape `shape` (e.g. "ServiceNowConnectorOperator"). */
export function connectorByOperatorShape(shape: string | undefined): Connector | undefined {
  return shape === undefined ? undefined : connectorByOperatorShapeName.get(shape);
}

const views = new WeakMap<ParsedWorkflow, Workflow>();

/** The domain view of `doc`, computed once per parsed document. */
export function workflowOf(doc: ParsedWorkflow): Workflow {
  let view = views.get(doc);
  if (!view) {
    view = readWorkflow(doc.root);
    views.set(doc, view);
  }
  return view;
}

function readWorkflow(root: Node | undefined): Workflow {
  const appflowIntegrationNode = at(root, 'IntegrationConfig', 'AppflowIntegration');
  const flowDefinitionNode = prop(appflowIntegrationNode, 'FlowDefinition');
  const sourceFlowConfigNode = prop(flowDefinitionNode, 'SourceFlowConfig');
  const connectorTypeNode = prop(sourceFlowConfigNode, 'ConnectorType');
  const connectorType = stringValue(connectorTypeNode);
  const connector = connectorByType(connectorType);
  const tasksNode = prop(flowDefinitionNode, 'Tasks');
  const triggerConfigNode = prop(flowDefinitionNode, 'TriggerConfig');
  const triggerTypeNode = prop(triggerConfigNode, 'TriggerType');
  const triggerPropertiesNode = prop(triggerConfigNode, 'TriggerProperties');
  const batchesNode = prop(appflowIntegrationNode, 'Batches');
  const tasks = items(tasksNode).map((node, index) => readTask(node, index, connector));
  const intermediateFields = new Set<string>();
  for (const t of tasks)
    if (t.taskType && COMBINING_TASK_TYPES.has(t.taskType) && t.destinationField)
      intermediateFields.add(t.destinationField);
  return {
    root,
    appflowIntegrationNode,
    flowDefinitionNode,
    sourceFlowConfigNode,
    connectorTypeNode,
    connectorType,
    connector,
    sourceConnectorPropertiesNode: prop(sourceFlowConfigNode, 'SourceConnectorProperties'),
    incrementalPullConfigNode: prop(sourceFlowConfigNode, 'IncrementalPullConfig'),
    tasksNode,
    tasks,
    projections: tasks.filter(isProjection),
    intermediateFields,
    triggerConfigNode,
    triggerTypeNode,
    triggerType: stringValue(triggerTypeNode),
    triggerPropertiesNode,
    scheduledNode: prop(triggerPropertiesNode, 'Scheduled'),
    batchesNode,
    batches: items(batchesNode).map((node, index) => ({
      index,
      node,
      startTimeNode: prop(node, 'StartTime'),
      endTimeNode: prop(node, 'EndTime'),
    })),
  };
}

function readTask(node: Node, index: number, connector: Connector | undefined): WorkflowTask {
  const taskTypeNode = prop(node, 'TaskType');
  const connectorOperatorNode = prop(node, 'ConnectorOperator');
  const operatorMembers = membersOf(connectorOperatorNode);
  // the last member with the connector's key: a duplicated key is read last-wins, as in the AWS CLI
  const operatorMember =
    operatorMembers.filter((m) => m.key === connector?.key).pop() ?? operatorMembers[operatorMembers.length - 1];
  const sourceFieldsNode = prop(node, 'SourceFields');
  const sourceFields: SourceField[] = [];
  for (const item of items(sourceFieldsNode))
    if (item.type === 'string') sourceFields.push({ name: item.value as string, node: item });
  const destinationFieldNode = prop(node, 'DestinationField');
  const taskPropertiesNode = prop(node, 'TaskProperties');
  return {
    index,
    node,
    taskType: stringValue(taskTypeNode),
    taskTypeNode,
    connectorOperatorNode,
    operatorMembers,
    operatorMember,
    operator: stringValue(operatorMember?.valueNode),
    sourceFieldsNode,
    sourceFields,
    destinationField: stringValue(destinationFieldNode),
    destinationFieldNode,
    taskPropertiesNode,
    taskProperties: membersByKey(taskPropertiesNode),
  };
}

/** A Filter task with the PROJECTION operator: it names the source fields AppFlow pulls. */
export const isProjection = (task: WorkflowTask): boolean =>
  task.taskType === 'Filter' && task.operator === 'PROJECTION';

const fieldList = (t: WorkflowTask) => t.sourceFields.map((f) => f.name).join(', ');

/** "Map Email → Email", "Filter PROJECTION (5 fields)", "Validate VALIDATE_NON_NULL Id": the Outline's words. */
export function taskTitle(t: WorkflowTask): string {
  const type = t.taskType ?? 'Task';
  if (isProjection(t))
    return `${type} PROJECTION (${t.sourceFields.length} field${t.sourceFields.length === 1 ? '' : 's'})`;
  const op = t.operator && t.operator !== 'NO_OP' ? ` ${t.operator}` : '';
  const dest = t.destinationField !== undefined ? ` → ${t.destinationField}` : '';
  return `${type}${op} ${fieldList(t)}${dest}`.replace(/\s+/g, ' ').trim();
}

/** A task as people count and the Outline shows it, for messages: "task 2, Map caller_id → caller_id". */
export const taskName = (t: WorkflowTask): string => `task ${t.index + 1}, ${taskTitle(t)}`;

/** Every source field the projection tasks among `tasks` list. */
export function projectedFields(taskList: readonly WorkflowTask[]): Set<string> {
  const fields = new Set<string>();
  for (const t of taskList) if (isProjection(t)) for (const f of t.sourceFields) fields.add(f.name);
  return fields;
}

/** The task whose node contains `offset` (completion, hover, and quick fixes finding their diagnostic's task). */
export function taskAt(doc: ParsedWorkflow, offset: number): WorkflowTask | undefined {
  const list = workflowOf(doc).tasks;
  // tasks are in file order: binary search keeps this fast on files with thousands of tasks
  let lo = 0,
    hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = list[mid].node;
    if (offset < n.offset) hi = mid - 1;
    else if (offset > n.offset + n.length) lo = mid + 1;
    else return list[mid];
  }
  return undefined;
}
