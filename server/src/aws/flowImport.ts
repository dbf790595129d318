// An existing AppFlow flow (DescribeFlow's answer) as a CreateIntegrationWorkflow request: its source, tasks and
// trigger, walked along the Customer Profiles model (generated from the Smithy file), so whatever that model lacks is
// dropped and named, never guessed. The destination is Customer Profiles' to set. Pure: no SDK, no I/O.
import { appflowOnly, shapes, type ShapeName } from '../generated/model';

/** DescribeFlow's answer as the SDK returns it (camelCase members; unions keyed by connector name). */
export type DescribedFlow = Record<string, unknown>;

export interface FlowImportOptions {
  domainName?: string;
  objectTypeName?: string;
  roleArn?: string;
  /** The new flow's name (AppFlow flow names are unique per account and region); default `<name>-profiles`. */
  flowName?: string;
  /** The time a past ScheduleStartTime is judged against (default: now). */
  now?: number;
}

export interface FlowImport {
  /** The request, in the order and spelling of a .cpworkflow.json file (timestamps as ISO 8601 strings). */
  document: Record<string, unknown>;
  /** What was dropped or must still be set, one sentence each, for the output channel or stderr. */
  notes: string[];
}

/** The flow cannot become a workflow (its source is a connector Customer Profiles does not read from). */
export class FlowImportError extends Error {
  override readonly name = 'FlowImportError';
}

// Members of DescribeFlow's answer that describe the existing flow, not its definition: not worth a note.
const STATE_MEMBERS = new Set([
  'flowArn',
  'flowStatus',
  'flowStatusMessage',
  'lastRunExecutionDetails',
  'createdAt',
  'lastUpdatedAt',
  'createdBy',
  'lastUpdatedBy',
  'schemaVersion',
  'lastRunMetadataCatalogDetails',
]);
// The definition's own members, read into FlowDefinition below.
const DEFINITION_MEMBERS = ['description', 'flowName', 'kmsArn', 'sourceFlowConfig', 'tasks', 'triggerConfig'];
const FLOW_NAME_MAX = shapes.FlowName.length?.max ?? 256;
const PLACEHOLDER = { domain: 'YOUR-DOMAIN', objectType: 'YOUR-OBJECT-TYPE' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Builds the request from a described flow; throws FlowImportError when its source cannot feed Customer Profiles. */
export function workflowFromFlow(flow: DescribedFlow, options: FlowImportOptions = {}): FlowImport {
  const notes: string[] = [];
  const name = typeof flow.flowName === 'string' ? flow.flowName : '';
  // a flow that already feeds Customer Profiles names its domain and object type in its destination
  const destination = customerProfilesDestination(flow);
  options = {
    ...options,
    domainName: options.domainName ?? destination.domainName,
    objectTypeName: options.objectTypeName ?? destination.objectTypeName,
  };
  const source = isRecord(flow.sourceFlowConfig) ? flow.sourceFlowConfig : {};
  const connectorType = typeof source.connectorType === 'string' ? source.connectorType : '';
  const sourceTypes = shapes.SourceConnectorType.values ?? [];
  if (!sourceTypes.includes(connectorType)) {
    throw new FlowImportError(
      `Flow "${name}" reads from ${connectorType || 'an unknown source'}; Customer Profiles workflows read from ${sourceTypes.join(', ')}.`,
    );
  }

  const definition: Record<string, unknown> = {};
  for (const key of DEFINITION_MEMBERS) if (flow[key] !== undefined) definition[key] = flow[key];
  const converted = convert(definition, 'FlowDefinition', 'FlowDefinition', notes) as Record<string, unknown>;
  const newName = options.flowName ?? `${name}-profiles`.slice(0, FLOW_NAME_MAX);
  if (!options.flowName)
    notes.push(
      `FlowName: "${newName}", not "${name}": AppFlow flow names are unique in an account and region, and the workflow creates a flow of its own.`,
    );
  converted.FlowName = newName;
  dropPastStart(converted, options.now ?? Date.now(), notes);

  for (const [key, value] of Object.entries(flow)) {
    if (key.startsWith('$') || value === undefined || value === null) continue;
    if (isRecord(value) && !Object.keys(value).length) continue;
    if (DEFINITION_MEMBERS.includes(key) || STATE_MEMBERS.has(key)) continue;
    if (key === 'destinationFlowConfigList')
      notes.push('destinationFlowConfigList: dropped; Customer Profiles is the destination of a workflow.');
    else notes.push(`${key}: dropped; CreateIntegrationWorkflow has no such member.`);
  }
  if (!options.domainName) notes.push(`DomainName: set the Customer Profiles domain (now "${PLACEHOLDER.domain}").`);
  if (!options.objectTypeName)
    notes.push(`ObjectTypeName: set the object type the records map to (now "${PLACEHOLDER.objectType}").`);
  const account = typeof flow.flowArn === 'string' ? /^arn:[^:]+:appflow:[^:]*:(\d{12}):/.exec(flow.flowArn)?.[1] : '';
  const roleArn = options.roleArn ?? `arn:aws:iam::${account || '123456789012'}:role/YOUR-CUSTOMER-PROFILES-ROLE`;
  if (!options.roleArn)
    notes.push(`RoleArn: set the IAM role Customer Profiles assumes to create and run the flow (now "${roleArn}").`);
  return {
    document: {
      DomainName: options.domainName ?? PLACEHOLDER.domain,
      WorkflowType: 'APPFLOW_INTEGRATION',
      ObjectTypeName: options.objectTypeName ?? PLACEHOLDER.objectType,
      RoleArn: roleArn,
      IntegrationConfig: { AppflowIntegration: { FlowDefinition: converted } },
    },
    notes,
  };
}

/**
 * `value` (AppFlow's spelling) as the Customer Profiles shape `shapeName`: members matched by name (AppFlow spells
 * structure members in camelCase, union members as Customer Profiles does), timestamps as ISO strings; members,
 * task types and property keys the model lacks are dropped with a note naming their path.
 */
function convert(value: unknown, shapeName: ShapeName, path: string, notes: string[]): unknown {
  const shape = shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = {};
      const used = new Set<string>();
      for (const [member, { target }] of Object.entries(shape.members ?? {})) {
        const key = member in value ? member : lowerFirst(member) in value ? lowerFirst(member) : undefined;
        if (key === undefined || value[key] === undefined || value[key] === null) continue;
        used.add(key);
        out[member] = convert(value[key], target, `${path}.${member}`, notes);
      }
      for (const [key, v] of Object.entries(value)) {
        if (used.has(key) || v === undefined || v === null) continue;
        const why = appflowOnly.members[shapeName]?.some((m) => lowerFirst(m) === lowerFirst(key))
          ? 'an AppFlow member Customer Profiles does not take'
          : 'not in CreateIntegrationWorkflow';
        notes.push(`${path}.${key}: dropped (${why}).`);
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value) || !shape.member) return value;
      const out: unknown[] = [];
      value.forEach((item, i) => {
        const taskType = shapeName === 'Tasks' && isRecord(item) ? item.taskType : undefined;
        if (typeof taskType === 'string' && appflowOnly.taskTypes.includes(taskType)) {
          notes.push(
            `${path}[${i}]: the ${taskType} task dropped (an AppFlow task type Customer Profiles does not run).`,
          );
          return;
        }
        out.push(convert(item, shape.member!, `${path}[${out.length}]`, notes));
      });
      return out;
    }
    case 'map': {
      if (!isRecord(value) || !shape.value) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (shapeName === 'TaskPropertiesMap' && appflowOnly.operatorPropertyKeys.includes(k)) {
          notes.push(`${path}.${k}: dropped (an AppFlow task property Customer Profiles does not take).`);
          continue;
        }
        out[k] = convert(v, shape.value, `${path}.${k}`, notes);
      }
      return out;
    }
    case 'timestamp':
      if (value instanceof Date) return value.toISOString().replace(/\.000Z$/, 'Z');
      if (typeof value === 'number') return new Date(value * 1000).toISOString().replace(/\.000Z$/, 'Z');
      return value;
    default:
      return value;
  }
}

/** The domain and object type of a flow whose destination is Customer Profiles (DestinationFlowConfig). */
function customerProfilesDestination(flow: DescribedFlow): { domainName?: string; objectTypeName?: string } {
  const list = Array.isArray(flow.destinationFlowConfigList) ? flow.destinationFlowConfigList : [];
  for (const d of list) {
    const props = isRecord(d) && isRecord(d.destinationConnectorProperties) ? d.destinationConnectorProperties : {};
    const cp = props.CustomerProfiles;
    if (!isRecord(cp)) continue;
    const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    return { domainName: text(cp.domainName), objectTypeName: text(cp.objectTypeName) };
  }
  return {};
}

/**
 * An existing flow's ScheduleStartTime is usually past; a new flow's must not be (the service refuses it), so it is
 * dropped: the schedule then starts when the workflow is created.
 */
function dropPastStart(definition: Record<string, unknown>, now: number, notes: string[]): void {
  const trigger = isRecord(definition.TriggerConfig) ? definition.TriggerConfig : {};
  const scheduled = isRecord(trigger.TriggerProperties) ? trigger.TriggerProperties.Scheduled : undefined;
  if (!isRecord(scheduled) || typeof scheduled.ScheduleStartTime !== 'string') return;
  const start = Date.parse(scheduled.ScheduleStartTime);
  if (!(start < now)) return;
  notes.push(
    `ScheduleStartTime ${scheduled.ScheduleStartTime}: dropped, being in the past; the schedule starts when the workflow is created.`,
  );
  delete scheduled.ScheduleStartTime;
}
