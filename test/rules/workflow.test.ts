// The domain view the rules, completion, hover and quick fixes share.
import * as assert from 'node:assert/strict';
import { parseWorkflow } from '../../server/src/engine/document';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import {
  connectorByKey,
  connectorByType,
  isProjection,
  projectedFields,
  taskAt,
  workflowOf,
} from '../../server/src/engine/workflowModel';
import { docOf, readExample } from '../support/workflows';
import { m, source, tasksOf, useConnector, workflowText } from './support';
import { withRanges } from '../support/markers';

const parsed = (text: string) => parseWorkflow(docOf(text));
const tasks = (doc: ReturnType<typeof parsed>) => workflowOf(doc).tasks;

describe('workflow view', () => {
  it('finds the connector for ConnectorType case-insensitively, so "ServiceNow" is the Servicenow connector', () => {
    assert.equal(connectorByType('ServiceNow')?.type, 'Servicenow');
    assert.equal(connectorByType('ServiceNow')?.key, 'ServiceNow');
    assert.equal(connectorByType('s3')?.key, 'S3');
    assert.equal(connectorByType('Dynamics'), undefined);
    assert.equal(connectorByKey('ServiceNow')?.type, 'Servicenow');
    assert.equal(connectorByKey('Servicenow'), undefined, 'member keys are exact');
    const doc = parsed(
      workflowText((w) => {
        useConnector(w, 'Servicenow');
        source(w).ConnectorType = 'ServiceNow';
      }),
    );
    assert.equal(workflowOf(doc).connector?.type, 'Servicenow');
  });

  it('reads each task: type, operator under the connector key, fields, destination and properties with their nodes', () => {
    const doc = parsed(readExample('servicenow-incident.cpworkflow.json'));
    const list = tasks(doc);
    assert.equal(list.length, 7);
    const mask = list[6];
    assert.equal(mask.taskType, 'Mask');
    assert.equal(mask.operator, 'MASK_LAST_N');
    assert.equal(mask.operatorMember?.key, 'ServiceNow');
    assert.deepEqual(
      mask.sourceFields.map((f) => f.name),
      ['caller_id'],
    );
    assert.deepEqual([...mask.taskProperties.keys()], ['MASK_LENGTH', 'MASK_VALUE']);
    assert.equal(doc.text.slice(mask.taskProperties.get('MASK_LENGTH')!.valueNode!.offset).slice(0, 3), '"4"');
    assert.equal(list[1].destinationField, 'sys_id');
    assert.equal(workflowOf(doc).flowDefinitionNode?.type, 'object');
    assert.equal(workflowOf(doc).scheduledNode?.type, 'object');
  });

  it('prefers the member keyed for the source connector when ConnectorOperator has several', () => {
    const doc = parsed(
      workflowText((w) => {
        tasksOf(w)[0].ConnectorOperator = { Salesforce: 'PROJECTION', S3: 'NO_OP' };
      }),
    );
    assert.equal(tasks(doc)[0].operator, 'PROJECTION');
    assert.equal(tasks(doc)[0].operatorMembers.length, 2);
  });

  it('reads a duplicated connector key in ConnectorOperator last-wins, as the AWS CLI does', () => {
    const text = readExample('salesforce-account.cpworkflow.json').replace(
      '"Salesforce": "PROJECTION"',
      '"Salesforce": "NO_OP", "Salesforce": "PROJECTION"',
    );
    const doc = parsed(text);
    assert.equal(tasks(doc)[0].operator, 'PROJECTION');
    assert.equal(isProjection(tasks(doc)[0]), true);
    const codes = createWorkflowLanguageService()
      .validate(docOf(text))
      .map((d) => d.code);
    assert.ok(!codes.includes('task-operator') && !codes.includes('PAT-1'), codes.join());
  });

  it('finds the projection tasks and the fields they project', () => {
    const doc = parsed(readExample('salesforce-account.cpworkflow.json'));
    assert.deepEqual(
      workflowOf(doc).projections.map((t) => t.index),
      [0],
    );
    assert.deepEqual([...projectedFields(tasks(doc))], ['Id', 'Name', 'Phone', 'BillingCity', 'LastModifiedDate']);
    assert.equal(isProjection(tasks(doc)[1]), false);
  });

  it('computes the view once per parsed document', () => {
    const doc = parsed(readExample('marketo-lead.cpworkflow.json'));
    assert.equal(workflowOf(doc), workflowOf(doc));
    assert.notEqual(workflowOf(parsed(doc.text)), workflowOf(doc));
  });

  it('finds the task around an offset', () => {
    const { text, ranges } = withRanges(
      workflowText((w) => {
        tasksOf(w)[3].DestinationField = m('Phone');
      }),
    );
    const doc = parsed(text);
    const offset = doc.document.offsetAt(ranges[0].start) + 2;
    assert.equal(taskAt(doc, offset)?.index, 3);
    assert.equal(taskAt(doc, 0), undefined);
  });

  it('survives files that are not workflows', () => {
    for (const text of [
      '',
      '[]',
      '{"IntegrationConfig": 3}',
      '{"IntegrationConfig":{"AppflowIntegration":{"FlowDefinition":{"Tasks":[1,null,{"TaskType":4}]}}}}',
    ]) {
      const doc = parsed(text);
      const view = workflowOf(doc);
      assert.ok(Array.isArray(view.tasks));
      for (const t of view.tasks) assert.equal(t.operator, undefined);
    }
  });
});
