// TriggerType and TriggerProperties (docs/rules.md TRG-1…TRG-6, SCH-11, INC-1): a Scheduled flow needs its schedule,
// other triggers ignore one, and only sources that publish change events can trigger on events.
import { at, keyOf, prop, stringValue } from '../document';
import { Finding, listOf, quoted } from '../findings';
import { workflowOf } from '../workflowModel';
import { triggerTypes } from '../../generated/model';
import { DOCS } from './docs';
import type { Fixes, Rule } from './types';
import { genericFixes } from './fixKit';
import { insertProperty } from '../jsonEdit';
declare module '../findings' {
  interface CodeData {
    /** a Scheduled trigger without its schedule: which level is missing, and the schedule to add */
    'TRG-2': {
      readonly missing: 'Scheduled' | 'TriggerProperties';
      readonly replacement: { readonly Scheduled: { readonly ScheduleExpression: string } };
    };
    'TRG-3': { readonly property: 'TriggerProperties'; readonly remove: true };
    'TRG-4': {
      readonly connector: string;
      readonly supported: readonly string[];
      readonly allowed: readonly string[];
    };
    'TRG-5': { readonly replacement: string };
    /** a Salesforce change-event entity read by a Scheduled or OnDemand flow: the object it reports on */
    'TRG-8': { readonly replacement: string };
    'TRG-6': { readonly remove: true };
    'SCH-11': { readonly remove: true };
    'INC-1': {
      readonly field: string;
      readonly type: string;
      readonly taskIndex: number;
      readonly property: string;
      /** the date-time type another task gives the same field: the fix */
      readonly replacement?: string;
    };
  }
}
import { DEFAULT_RATE } from '../domain/scheduleExpression';

// AppFlow: Event triggers are "available only for SaaS applications that provide change events"; of the Customer
// Profiles sources only Salesforce does (Change Data Capture).
const EVENT_CONNECTORS = ['Salesforce'];

// How a task types its field: a Map's SOURCE_DATA_TYPE, a comparison Filter's DATA_TYPE.
const TYPE_KEYS = ['SOURCE_DATA_TYPE', 'DATA_TYPE'];
// the connectors' date and time types: datetime, date, timestamp, time
const DATE_LIKE_TYPE = /date|time/i;

// The trigger types that take no TriggerProperties, from the generated enum.
const UNSCHEDULED = triggerTypes.filter((t) => t !== 'Scheduled');
// TRG-4's way out: Scheduled would need a schedule the Event flow does not have (TRG-2).
const INSTEAD_OF_EVENT = UNSCHEDULED.filter((t) => t !== 'Event');

export const triggerRules: readonly Rule[] = [
  {
    name: 'trigger-properties',
    ids: ['TRG-2', 'TRG-3'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      if (!w.triggerType || !w.triggerTypeNode) return [];
      if (w.triggerType === 'Scheduled') {
        if (w.scheduledNode) return [];
        return [
          {
            code: 'TRG-2',
            severity: 'error',
            at: w.triggerTypeNode,
            href: DOCS.appflowTriggers,
            data: {
              rules: ['TRG-2'],
              missing: w.triggerPropertiesNode ? 'Scheduled' : 'TriggerProperties',
              replacement: { Scheduled: { ScheduleExpression: DEFAULT_RATE } },
            },
            message:
              'A Scheduled trigger needs TriggerProperties.Scheduled.ScheduleExpression (AppFlow: "TriggerProps is required for Scheduled Trigger Type"). ' +
              `Add "TriggerProperties": { "Scheduled": { "ScheduleExpression": "${DEFAULT_RATE}" } }.`,
          },
        ];
      }
      if (!w.triggerPropertiesNode || !UNSCHEDULED.includes(w.triggerType)) return [];
      return [
        {
          code: 'TRG-3',
          severity: 'warning',
          at: keyOf(w.triggerPropertiesNode) ?? w.triggerPropertiesNode,
          href: DOCS.appflowTriggers,
          data: { rules: ['TRG-3'], property: 'TriggerProperties', remove: true },
          message: `TriggerProperties only apply to the Scheduled trigger type; an ${w.triggerType} flow ignores them. Remove them, or set "TriggerType": "Scheduled".`,
        },
      ];
    },
  },
  {
    name: 'event-trigger',
    ids: ['TRG-4', 'TRG-5'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      if (w.triggerType !== 'Event' || !w.connector) return [];
      if (!EVENT_CONNECTORS.includes(w.connector.type)) {
        return [
          {
            code: 'TRG-4',
            severity: 'warning',
            at: w.triggerTypeNode!,
            href: DOCS.appflowTriggers,
            data: {
              rules: ['TRG-4'],
              connector: w.connector.type,
              supported: EVENT_CONNECTORS,
              allowed: INSTEAD_OF_EVENT,
            },
            message: `${w.connector.type} publishes no change events, so an Event trigger never fires; only ${listOf(EVENT_CONNECTORS)} supports it. Use "Scheduled" or "OnDemand".`,
          },
        ];
      }
      const objectNode = at(w.sourceConnectorPropertiesNode, w.connector.sourcePropertiesKey, 'Object');
      const object = stringValue(objectNode);
      if (!object || object.endsWith('ChangeEvent')) return [];
      const replacement = `${object}ChangeEvent`;
      // AppFlow's examples read AccountChangeEvent, but AWS's own CloudFormation example (AWS::AppFlow::Flow, Event
      // trigger) reads Account: advice, not a defect
      return [
        {
          code: 'TRG-5',
          severity: 'information',
          at: objectNode!,
          href: DOCS.appflowTriggers,
          data: { rules: ['TRG-5'], replacement },
          message: `Event flows from Salesforce often read a change-event entity such as ${quoted(replacement)} (with Change Data Capture enabled for ${quoted(object)} in Salesforce). If the flow should run on changes to those records, consider ${quoted(replacement)}.`,
        },
      ];
    },
  },
  {
    name: 'change-event-entity',
    ids: ['TRG-8'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      if (w.connector?.type !== 'Salesforce' || !w.triggerType || w.triggerType === 'Event') return [];
      const objectNode = at(w.sourceConnectorPropertiesNode, 'Salesforce', 'Object');
      const object = stringValue(objectNode);
      const m = object ? /^(.+)ChangeEvent$/.exec(object) : null;
      if (!m) return [];
      return [
        {
          code: 'TRG-8',
          severity: 'warning',
          at: objectNode!,
          href: DOCS.appflowTriggers,
          data: { rules: ['TRG-8'], replacement: m[1] },
          message: `${quoted(object)} is a Salesforce change event: it cannot be queried, only delivered to an Event flow, so a ${w.triggerType} flow reading it imports nothing. Read ${quoted(m[1])}, or make the flow an Event flow.`,
        },
      ];
    },
  },
  {
    name: 'scheduled-only-settings',
    ids: ['TRG-6', 'SCH-11'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      const incremental = w.incrementalPullConfigNode;
      if (!incremental || !w.triggerType) return [];
      const out: Finding[] = [];
      const key = keyOf(incremental) ?? incremental;
      if (w.triggerType !== 'Scheduled') {
        out.push({
          code: 'TRG-6',
          severity: 'information',
          at: key,
          href: DOCS.appflowTriggers,
          data: { rules: ['TRG-6'], remove: true },
          message: `IncrementalPullConfig only matters for a Scheduled flow with DataPullMode "Incremental"; a ${quoted(w.triggerType)} flow ignores it.`,
        });
      } else if (
        stringValue(prop(w.scheduledNode, 'DataPullMode')) === 'Complete' &&
        prop(incremental, 'DatetimeTypeFieldName')
      ) {
        out.push({
          code: 'SCH-11',
          severity: 'information',
          at: key,
          href: DOCS.appflowTriggers,
          data: { rules: ['SCH-11'], remove: true },
          message:
            'DataPullMode "Complete" transfers every record on each run, so IncrementalPullConfig.DatetimeTypeFieldName is not used. Use DataPullMode "Incremental" to pull only changed records.',
        });
      }
      return out;
    },
  },
  {
    name: 'incremental-field-type',
    ids: ['INC-1'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      const fieldNode = prop(w.incrementalPullConfigNode, 'DatetimeTypeFieldName');
      const field = stringValue(fieldNode);
      if (!field) return [];
      // every task that types this one field: a date-time typing beside a non-date one says which is wrong
      const typings = w.tasks.flatMap((task) =>
        task.sourceFields.length === 1 && task.sourceFields[0].name === field
          ? TYPE_KEYS.flatMap((key) => {
              const node = task.taskProperties.get(key)?.valueNode;
              const type = stringValue(node);
              return type ? [{ task, key, type, node: node! }] : [];
            })
          : [],
      );
      const wrong = typings.find((t) => !DATE_LIKE_TYPE.test(t.type));
      if (!wrong) return [];
      const right = typings.find((t) => DATE_LIKE_TYPE.test(t.type));
      const data = { rules: ['INC-1'], field, type: wrong.type, taskIndex: wrong.task.index, property: wrong.key };
      if (right) {
        return [
          {
            code: 'INC-1',
            severity: 'warning',
            at: wrong.node,
            href: DOCS.appflowIncrementalPull,
            data: { ...data, replacement: right.type },
            message: `Tasks[${wrong.task.index}] gives ${quoted(field)} ${wrong.key} ${quoted(wrong.type)}, but Tasks[${right.task.index}] reads it as ${right.key} ${quoted(right.type)}, and DatetimeTypeFieldName pulls changed records by it: it is a date-time field. Change ${wrong.key} to ${quoted(right.type)}.`,
          },
        ];
      }
      const example = field === 'LastModifiedDate' ? 'SystemModstamp' : 'LastModifiedDate';
      return [
        {
          code: 'INC-1',
          severity: 'warning',
          at: fieldNode!,
          href: DOCS.appflowIncrementalPull,
          data,
          message: `DatetimeTypeFieldName ${quoted(field)} must be a date-time field for AppFlow to pull only changed records, but Tasks[${wrong.task.index}] gives it ${wrong.key} ${quoted(wrong.type)}. If ${quoted(field)} is a date-time field, correct ${wrong.key} (for example "datetime"); otherwise name a timestamp field such as "${example}".`,
        },
      ];
      return [];
    },
  },
];

export const triggerFixes: Fixes<'TRG-2' | 'TRG-3' | 'TRG-4' | 'TRG-5' | 'TRG-6' | 'TRG-8' | 'SCH-11' | 'INC-1'> = {
  'TRG-8': genericFixes,
  'TRG-2': (c) => {
    const w = workflowOf(c.doc);
    const replacement = c.data.replacement;
    if (!replacement?.Scheduled) return [];
    if (c.data.missing === 'TriggerProperties' && w.triggerConfigNode?.type === 'object') {
      return [
        {
          title: 'Add TriggerProperties with a schedule',
          edits: [insertProperty(c.doc, w.triggerConfigNode, 'TriggerProperties', replacement)],
        },
      ];
    }
    if (c.data.missing === 'Scheduled' && w.triggerPropertiesNode?.type === 'object') {
      return [
        {
          title: 'Add a Scheduled schedule',
          edits: [insertProperty(c.doc, w.triggerPropertiesNode, 'Scheduled', replacement.Scheduled)],
        },
      ];
    }
    return [];
  },
  'TRG-3': genericFixes,
  'TRG-4': genericFixes,
  'TRG-5': genericFixes,
  'TRG-6': genericFixes,
  'SCH-11': genericFixes,
  'INC-1': genericFixes,
};
