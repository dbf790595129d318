// AWS documentation pages that explain the rules, for codeDescription.href.
import { OPERATION_DOC_URL } from '../../generated/model';
import { shapeDocUrl } from '../findings';

export const DOCS = {
  operation: OPERATION_DOC_URL,
  task: shapeDocUrl('Task'),
  connectorOperator: shapeDocUrl('ConnectorOperator'),
  sourceConnectorProperties: shapeDocUrl('SourceConnectorProperties'),
  sourceFlowConfig: shapeDocUrl('SourceFlowConfig'),
  appflowIntegration: shapeDocUrl('AppflowIntegration'),
  batch: shapeDocUrl('Batch'),
  // AppFlow documents the flow concepts (tasks, triggers, schedules) that Customer Profiles passes through.
  appflowTask: 'https://docs.aws.amazon.com/appflow/1.0/APIReference/API_Task.html',
  appflowScheduledTrigger: 'https://docs.aws.amazon.com/appflow/1.0/APIReference/API_ScheduledTriggerProperties.html',
  appflowTriggers: 'https://docs.aws.amazon.com/appflow/latest/userguide/flow-triggers.html',
  appflowIncrementalPull: 'https://docs.aws.amazon.com/appflow/1.0/APIReference/API_IncrementalPullConfig.html',
  // the Customer Profiles guide's worked example: projection + Map tasks, rate(15minutes), epoch seconds
  s3Integration: 'https://docs.aws.amazon.com/connect/latest/adminguide/customerprofiles-s3-integration.html',
  // batches and bulk ingestion of historic data
  appflowIngestion: 'https://docs.aws.amazon.com/connect/latest/adminguide/integrate-customer-profiles-appflow.html',
  salesforceObjects: 'https://docs.aws.amazon.com/connect/latest/adminguide/mapping-salesforce-objects.html',
} as const;
