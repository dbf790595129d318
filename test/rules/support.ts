// Rule fixtures: a clean Salesforce workflow (the shape of AWS's own Customer Profiles examples) that each case
// breaks in one place, with the expected range marked ⟦…⟧ in the text, plus the nearest variant that does not break
// the rule.
import * as assert from 'node:assert/strict';
import { Diagnostic, Range } from 'vscode-languageserver-types';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { Severity, severityName } from '../../server/src/engine/findings';
import { withRanges } from '../support/markers';
import { docOf } from '../support/workflows';

/** The clock of the rule tests; the fixtures' past and future dates hold for the real clock too (the CLI test). */
export const NOW = new Date('2026-11-28T12:00:00Z');
export const service = createWorkflowLanguageService({ now: () => NOW });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const epoch = (iso: string) => Date.parse(iso) / 1000;

/** A fresh copy of the clean workflow every case starts from. */
export function baseWorkflow(): Json {
  return {
    DomainName: 'ExampleCorp-Profiles',
    WorkflowType: 'APPFLOW_INTEGRATION',
    IntegrationConfig: {
      AppflowIntegration: {
        FlowDefinition: {
          FlowName: 'CP-Salesforce-Account-1',
          Description: 'Created by Customer Profiles',
          KmsArn: 'arn:aws:kms:us-east-1:210987654321:key/7c9a2f4e-3b1d-4e8a-9f60-2d5c8b1a4e73',
          SourceFlowConfig: {
            ConnectorProfileName: 'salesforce-prod',
            ConnectorType: 'Salesforce',
            IncrementalPullConfig: { DatetimeTypeFieldName: 'LastModifiedDate' },
            SourceConnectorProperties: { Salesforce: { Object: 'Account' } },
          },
          Tasks: [
            {
              TaskType: 'Filter',
              ConnectorOperator: { Salesforce: 'PROJECTION' },
              SourceFields: ['Id', 'Name', 'Phone', 'LastModifiedDate'],
            },
            mapTask('Id', { SOURCE_DATA_TYPE: 'id', DESTINATION_DATA_TYPE: 'id' }),
            mapTask('Name', { SOURCE_DATA_TYPE: 'string', DESTINATION_DATA_TYPE: 'string' }),
            mapTask('Phone', { SOURCE_DATA_TYPE: 'phone', DESTINATION_DATA_TYPE: 'phone' }),
            mapTask('LastModifiedDate', {}),
            {
              TaskType: 'Validate',
              ConnectorOperator: { Salesforce: 'VALIDATE_NON_NULL' },
              SourceFields: ['Id'],
              TaskProperties: { VALIDATION_ACTION: 'DropRecord' },
            },
          ],
          TriggerConfig: {
            TriggerType: 'Scheduled',
            TriggerProperties: {
              Scheduled: {
                ScheduleExpression: 'rate(1hours)',
                DataPullMode: 'Incremental',
                ScheduleStartTime: epoch('2099-01-01T00:00:00Z'),
                FirstExecutionFrom: epoch('2025-01-01T00:00:00Z'),
                Timezone: 'America/New_York',
              },
            },
          },
        },
        Batches: [
          { StartTime: epoch('2025-01-01T00:00:00Z'), EndTime: epoch('2025-03-01T00:00:00Z') },
          { StartTime: epoch('2025-03-01T00:00:00Z'), EndTime: epoch('2025-05-01T00:00:00Z') },
        ],
      },
    },
    ObjectTypeName: 'Salesforce-Account',
    RoleArn: 'arn:aws:iam::210987654321:role/CustomerProfilesWorkflowRole',
    Tags: { team: 'contact-center' },
  };
}

export function mapTask(field: string, properties: Json = {}, connectorKey = 'Salesforce'): Json {
  return {
    TaskType: 'Map',
    ConnectorOperator: { [connectorKey]: 'NO_OP' },
    SourceFields: [field],
    DestinationField: field,
    TaskProperties: properties,
  };
}

// accessors into a workflow object
export const fd = (w: Json) => w.IntegrationConfig.AppflowIntegration.FlowDefinition;
export const source = (w: Json) => fd(w).SourceFlowConfig;
export const tasksOf = (w: Json): Json[] => fd(w).Tasks;
export const scheduledOf = (w: Json) => fd(w).TriggerConfig.TriggerProperties.Scheduled;
export const batchesOf = (w: Json): Json[] => w.IntegrationConfig.AppflowIntegration.Batches;

const OBJECTS: Record<string, string> = {
  Salesforce: 'Account',
  Marketo: 'leads',
  Zendesk: 'tickets',
  Servicenow: 'incident',
};
/** Rewrites the workflow for another source connector: ConnectorType, SourceConnectorProperties and operator keys. */
export function useConnector(w: Json, type: string): Json {
  const key = type === 'Servicenow' ? 'ServiceNow' : type;
  source(w).ConnectorType = type;
  source(w).SourceConnectorProperties = {
    [key]: type === 'S3' ? { BucketName: 'examplecorp-exports' } : { Object: OBJECTS[type] },
  };
  if (type === 'S3') delete source(w).ConnectorProfileName;
  for (const t of tasksOf(w)) t.ConnectorOperator = { [key]: Object.values(t.ConnectorOperator)[0] };
  if (type !== 'Salesforce') w.ObjectTypeName = `${type}-Object`;
  return w;
}

/** Marks a non-string value (a number, array or object) as the expected range. */
export class Marked {
  constructor(readonly value: unknown) {}
}
export const mark = (value: unknown) => new Marked(value);
/** Marks a string value or key: the range covers the quotes. */
export const m = (s: string) => `⟦${s}⟧`;

/** The workflow after `edit`, as pretty JSON with its markers in place. */
export function workflowText(edit: (w: Json) => void = () => {}): string {
  const w = baseWorkflow();
  edit(w);
  const marked: unknown[] = [];
  const text = JSON.stringify(w, (_k, v) => (v instanceof Marked ? `\uE000${marked.push(v.value) - 1}\uE000` : v), 2);
  return text
    .replace(/"\uE000(\d+)\uE000"/g, (_, i) => `⟦${JSON.stringify(marked[+i])}⟧`)
    .replace(/"⟦/g, '⟦"')
    .replace(/⟧"/g, '"⟧');
}

export interface RuleCase {
  /** the rule id of docs/rules.md (or § for a table without ids) */
  readonly rule: string;
  /** the diagnostic code */
  readonly code: string;
  readonly severity: Severity;
  /** what is broken */
  readonly name: string;
  /** the file that breaks the rule, with every expected range of `code` marked ⟦…⟧ */
  readonly bad: string;
  /** the nearest file that does not */
  readonly good: string;
  /** a subset of the first finding's data a quick fix needs */
  readonly data?: Record<string, unknown>;
  readonly message?: RegExp;
}

export const validate = (text: string): Diagnostic[] => service.validate(docOf(text));
const sortRanges = (rs: Range[]) =>
  [...rs].sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);

/**
 * For each case: the bad file reports exactly the marked ranges with code, severity, link and fix data; the good one
 * none.
 */
export function checkRuleCases(title: string, cases: readonly RuleCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(`${c.rule} ${c.name}: ${c.code} (${c.severity}) at the marked range`, () => {
        const { text, ranges } = withRanges(c.bad);
        assert.ok(ranges.length > 0, 'the fixture marks a range');
        const all = validate(text);
        const found = all.filter((d) => d.code === c.code);
        assert.deepEqual(
          sortRanges(found.map((d) => d.range)),
          sortRanges(ranges),
          `${c.code} ranges; all diagnostics: ${JSON.stringify(all.map((d) => [d.code, d.range.start, d.message]))}`,
        );
        for (const d of found) {
          assert.equal(severityName(d.severity), c.severity, d.message);
          assert.equal(d.source, 'cpworkflow');
          assert.ok(
            (d.data as { rules?: string[] })?.rules?.includes(c.rule),
            `data.rules of ${JSON.stringify(d.data)} names ${c.rule}`,
          );
          assert.ok(d.message.length > 30, 'the message says what is wrong and what would be right');
        }
        if (c.code === c.rule)
          assert.match(found[0].codeDescription?.href ?? '', /^https:\/\/docs\.aws\.amazon\.com\//);
        if (c.data)
          for (const [k, v] of Object.entries(c.data))
            assert.deepEqual((found[0].data as Record<string, unknown>)[k], v, `data.${k}`);
        if (c.message) assert.match(found[0].message, c.message);
      });
      it(`${c.rule} ${c.name}: the nearest good file has no ${c.code} and no error`, () => {
        const { text } = withRanges(c.good);
        const all = validate(text);
        assert.deepEqual(
          all.filter((d) => d.code === c.code || severityName(d.severity) === 'error').map((d) => [d.code, d.message]),
          [],
        );
      });
    }
  });
}
