// The source connector (docs/rules.md §1a, OP-1, PAT-12, PAT-14, CASE-1…CASE-4, LIM-8): ConnectorOperator and
// SourceConnectorProperties are keyed by the connector that ConnectorType names, and only some connectors suit a
// Customer Profiles workflow.
import { pathOf, prop, stringValue } from '../document';
import { Finding, closestFirst, listOf, quoted } from '../findings';
import { ShapeName, connectors, shapes, taskTypes, workflowConnectorTypes } from '../../generated/model';
import { Workflow, WorkflowTask, connectorByKey, membersOf, taskName, workflowOf } from '../workflowModel';
import { DOCS } from './docs';
import { keyOrBrace, taskAnchor } from './where';
import type { Fix, FixContext, Fixes, Rule, RuleContext } from './types';
import { operatorsFor } from '../domain/taskKinds';
import { insertProperty, replaceNode } from '../jsonEdit';
import { MAX_CHOICES, objectOfAnchor, placeholder, removeMember, renameTo, taskOf } from './fixKit';

declare module '../findings' {
  interface CodeData {
    /** an operator under another connector's key (`key`; `remove` when the right key is there too), or none */
    'OP-1': { readonly intendedKey: string; readonly key?: string; readonly remove?: boolean; readonly missing?: true };
    /** a SourceConnectorProperties member of another connector (`key`), or its own missing (`missingKey`) */
    'PAT-12': {
      readonly key?: string;
      readonly intendedKey?: string;
      readonly remove?: boolean;
      readonly missingKey?: string;
      readonly shape?: ShapeName;
    };
    'PAT-14': { readonly connector: string; readonly supported: readonly string[] };
    'LIM-8': { readonly property?: 'ConnectorProfileName'; readonly connector?: string };
  }
}

// S3 needs no connector profile (the AWS S3 example omits it); every SaaS source needs one (LIM-8).
const NO_PROFILE_CONNECTORS = ['S3'];

function operatorKeyFindings(ctx: RuleContext, w: Workflow, task: WorkflowTask): Finding[] {
  const connector = w.connector!;
  if (task.node.type !== 'object') return [];
  const where = `T${taskName(task).slice(1)},`; // "Task 2, Map caller_id → caller_id,"
  if (
    !task.connectorOperatorNode ||
    (task.connectorOperatorNode.type === 'object' && task.operatorMembers.length === 0)
  ) {
    // Without an operator AppFlow falls back to NO_OP, which only a Map, Merge or Truncate task can use.
    return [
      {
        code: 'OP-1',
        severity: 'warning',
        href: DOCS.connectorOperator,
        at: task.connectorOperatorNode ? keyOrBrace(ctx, task.connectorOperatorNode) : taskAnchor(ctx, task),
        data: { rules: ['OP-1'], intendedKey: connector.key, missing: true },
        message: `${where} has no ConnectorOperator. Every task names its operator under the source connector's key: "ConnectorOperator": { "${connector.key}": "…" }.`,
      },
    ];
  }
  const out: Finding[] = [];
  const hasIntended = task.operatorMembers.some((m) => m.key === connector.key);
  for (const m of task.operatorMembers) {
    // keys the model does not know are reported as unknown properties (CASE-3)
    if (m.key === connector.key || !connectorByKey(m.key)) continue;
    out.push({
      code: 'OP-1',
      severity: 'error',
      at: m.keyNode,
      href: DOCS.connectorOperator,
      data: { rules: ['OP-1'], key: m.key, intendedKey: connector.key, remove: hasIntended },
      message: hasIntended
        ? `ConnectorOperator has a second member ${quoted(m.key)}: the source is ${connector.type}, so only "${connector.key}" applies. Remove ${quoted(m.key)}.`
        : `ConnectorOperator is keyed ${quoted(m.key)} but ConnectorType is ${quoted(w.connectorType)}: the key must be "${connector.key}". AppFlow ignores an operator under another connector's key.`,
    });
    // The model's enum check already covers the value under the right key; under the wrong key, check it here.
    const value = stringValue(m.valueNode);
    if (!hasIntended && value !== undefined && !connector.operators.includes(value)) {
      const allowed = closestFirst(value, connector.operators);
      out.push({
        code: 'enum',
        severity: 'error',
        at: m.valueNode!,
        href: DOCS.connectorOperator,
        data: {
          rules: ['OP-1'],
          value,
          allowed,
          suggestion: allowed[0],
          connector: connector.type,
          shape: connector.operatorShape,
        },
        message: `${quoted(value)} is not an operator of ${connector.key}; ${connector.key} allows: ${listOf(connector.operators)}.`,
      });
    }
  }
  return out;
}

function sourcePropertiesFindings(ctx: RuleContext, w: Workflow): Finding[] {
  const connector = w.connector!;
  const node = w.sourceConnectorPropertiesNode;
  if (node?.type !== 'object') return [];
  const members = membersOf(node);
  const out: Finding[] = [];
  const hasIntended = members.some((m) => m.key === connector.sourcePropertiesKey);
  for (const m of members) {
    if (m.key === connector.sourcePropertiesKey || !connectors.some((c) => c.sourcePropertiesKey === m.key)) continue;
    out.push({
      code: 'PAT-12',
      severity: 'error',
      at: m.keyNode,
      href: DOCS.sourceConnectorProperties,
      data: { rules: ['PAT-12'], key: m.key, intendedKey: connector.sourcePropertiesKey, remove: hasIntended },
      message: hasIntended
        ? `SourceConnectorProperties holds ${quoted(m.key)} as well as "${connector.sourcePropertiesKey}": it must hold only the member for ConnectorType ${quoted(w.connectorType)}. Remove ${quoted(m.key)}.`
        : `SourceConnectorProperties holds ${quoted(m.key)} but ConnectorType is ${quoted(w.connectorType)}: use "${connector.sourcePropertiesKey}" ("SourceConnectorType and SourceConnectorProperties must be same type").`,
    });
  }
  if (!hasIntended && out.length === 0) {
    out.push({
      code: 'PAT-12',
      severity: 'error',
      at: keyOrBrace(ctx, node),
      href: DOCS.sourceConnectorProperties,
      data: { rules: ['PAT-12'], missingKey: connector.sourcePropertiesKey, shape: connector.sourcePropertiesShape },
      message: `SourceConnectorProperties has no "${connector.sourcePropertiesKey}" member for ConnectorType ${quoted(w.connectorType)}; add { "${connector.sourcePropertiesKey}": { … } } describing the source object.`,
    });
  }
  return out;
}

export const connectorRules: readonly Rule[] = [
  {
    name: 'connector-operator-key',
    ids: ['OP-1'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      if (!w.connector) return [];
      return w.tasks.flatMap((t) => operatorKeyFindings(ctx, w, t));
    },
  },
  {
    name: 'source-connector-properties',
    ids: ['PAT-12'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      return w.connector ? sourcePropertiesFindings(ctx, w) : [];
    },
  },
  {
    name: 'workflow-connector',
    ids: ['PAT-14'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      if (!w.connector || workflowConnectorTypes.includes(w.connector.type)) return [];
      return [
        {
          code: 'PAT-14',
          severity: 'warning',
          at: w.connectorTypeNode!,
          href: DOCS.operation,
          data: { rules: ['PAT-14'], connector: w.connector.type, supported: workflowConnectorTypes },
          message: `CreateIntegrationWorkflow documents ${listOf(workflowConnectorTypes, 'and')} as its sources, not ${w.connector.type}. ${w.connector.type} may be rejected or ingest no history; for an ongoing ${w.connector.type} integration without history, use PutIntegration.`,
        },
      ];
    },
  },
  {
    name: 'connector-profile',
    ids: ['LIM-8'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      const config = w.sourceFlowConfigNode;
      if (!w.connector || NO_PROFILE_CONNECTORS.includes(w.connector.type) || config?.type !== 'object') return [];
      if (prop(config, 'ConnectorProfileName')) return [];
      return [
        {
          code: 'LIM-8',
          severity: 'warning',
          at: keyOrBrace(ctx, config),
          href: DOCS.sourceFlowConfig,
          data: { rules: ['LIM-8'], property: 'ConnectorProfileName', connector: w.connector.type },
          message: `SourceFlowConfig has no ConnectorProfileName: a ${w.connector.type} source needs the name of the AppFlow connection (connector profile) to read from. Add "ConnectorProfileName": "<your ${w.connector.type} connection>".`,
        },
      ];
    },
  },
];

/** A task without ConnectorOperator: one fix per operator its TaskType and the connector both take. */
function missingOperatorFixes(c: FixContext<'OP-1'>, key: string): Fix[] {
  const task = taskOf(c);
  const connector = connectorByKey(key);
  if (!task || task.node.type !== 'object' || !connector) return [];
  // without a known TaskType every operator would do: nothing to choose between
  const ops = task.taskType && taskTypes.includes(task.taskType) ? operatorsFor(connector, task.taskType) : [];
  return ops.slice(0, MAX_CHOICES).map((op) => {
    const title = `Add ConnectorOperator { "${key}": "${op}" }`;
    const existing = task.connectorOperatorNode;
    if (existing?.type === 'object') return { title, edits: [insertProperty(c.doc, existing, key, op)] };
    return {
      title,
      edits: existing
        ? [replaceNode(c.doc, existing, { [key]: op })]
        : [insertProperty(c.doc, task.node, 'ConnectorOperator', { [key]: op })],
    };
  });
}

export const connectorFixes: Fixes<'OP-1' | 'PAT-12' | 'PAT-14' | 'LIM-8'> = {
  'OP-1': (c) => {
    const { key, intendedKey, missing } = c.data;
    if (missing && intendedKey) return missingOperatorFixes(c, intendedKey);
    if (!key || !intendedKey) return [];
    return c.data.remove ? removeMember(c) : renameTo(c, intendedKey);
  },

  'PAT-12': (c) => {
    const { key, intendedKey, missingKey } = c.data;
    if (missingKey) {
      const object = objectOfAnchor(c.node);
      if (!object) return [];
      const value = placeholder(
        c,
        [...pathOf(object), missingKey],
        shapes.SourceConnectorProperties.members![missingKey]?.target,
      );
      return [{ title: `Add "${missingKey}"`, edits: [insertProperty(c.doc, object, missingKey, value)] }];
    }
    if (!key || !intendedKey) return [];
    return c.data.remove ? removeMember(c) : renameTo(c, intendedKey);
  },

  'PAT-14': null,

  'LIM-8': (c) => {
    const config = objectOfAnchor(c.node);
    // the workflow snippet's example name, which TPL-1 then asks the user to replace
    const path = config && [...pathOf(config), 'ConnectorProfileName'];
    return config && path
      ? [
          {
            title: 'Add "ConnectorProfileName"',
            edits: [
              insertProperty(c.doc, config, 'ConnectorProfileName', placeholder(c, path, 'ConnectorProfileName')),
            ],
          },
        ]
      : [];
  },
};
