// Cases for batches (§5) and the model's names and limits (§7).
import { RuleCase, batchesOf, epoch, fd, m, mark, source, useConnector, workflowText } from '../support';

const day = (iso: string) => epoch(`${iso}T00:00:00Z`);
const batch = (from: string, to: string) => ({ StartTime: day(from), EndTime: day(to) });

export const batchCases: RuleCase[] = [
  {
    rule: 'BAT-1',
    code: 'missing-property',
    severity: 'error',
    name: 'batch without EndTime',
    bad: workflowText((w) => {
      delete batchesOf(w)[1].EndTime;
    }).replace(/\{(\s*"StartTime": 1740787200\s*\})/, '⟦{⟧$1'),
    good: workflowText(),
    data: { property: 'EndTime' },
  },
  {
    rule: 'BAT-2',
    code: 'BAT-2',
    severity: 'error',
    name: 'batch that ends before it starts',
    bad: workflowText((w) => {
      batchesOf(w)[1] = { StartTime: day('2025-03-01'), EndTime: mark(day('2025-02-01')) };
    }),
    good: workflowText(),
  },
  {
    rule: 'BAT-3',
    code: 'BAT-3',
    severity: 'warning',
    name: 'overlapping batches',
    bad: workflowText((w) => {
      batchesOf(w)[1].StartTime = mark(day('2025-02-01'));
    }),
    good: workflowText(),
    data: { overlapsBatchIndex: 0, replacement: day('2025-03-01') },
  },
  {
    rule: 'BAT-4',
    code: 'BAT-4',
    severity: 'warning',
    name: 'gap between batches',
    bad: workflowText((w) => {
      batchesOf(w)[1].StartTime = mark(day('2025-03-15'));
    }),
    good: workflowText(),
    data: { gapFrom: '2025-03-01T00:00:00Z', replacement: day('2025-03-01') },
  },
  {
    rule: 'BAT-4',
    code: 'BAT-4',
    severity: 'information',
    name: 'batches out of order',
    bad: workflowText((w) => {
      const b = batchesOf(w);
      [b[0], b[1]] = [b[1], b[0]];
      b[1].StartTime = mark(b[1].StartTime);
    }),
    good: workflowText(),
  },
  {
    rule: 'BAT-5',
    code: 'BAT-5',
    severity: 'warning',
    name: 'batch ending in the future',
    bad: workflowText((w) => {
      batchesOf(w).push({ StartTime: day('2025-05-01'), EndTime: mark(day('2098-01-01')) });
    }),
    good: workflowText((w) => {
      batchesOf(w).push(batch('2025-05-01', '2025-07-01'));
    }),
  },
  {
    rule: 'BAT-6',
    code: 'BAT-6',
    severity: 'information',
    name: 'batches starting after FirstExecutionFrom',
    bad: workflowText((w) => {
      batchesOf(w)[0].StartTime = mark(day('2025-02-01'));
    }),
    good: workflowText(),
    data: { replacement: day('2025-01-01') },
  },
  {
    rule: 'BAT-7',
    code: 'BAT-7',
    severity: 'information',
    name: 'four-month batch',
    bad: workflowText((w) => {
      w.IntegrationConfig.AppflowIntegration.Batches = [
        { StartTime: day('2025-01-01'), EndTime: mark(day('2025-05-01')) },
      ];
    }),
    good: workflowText(),
  },
  {
    rule: 'BAT-7',
    code: 'BAT-7',
    severity: 'warning',
    name: 'four-month batch from Marketo',
    bad: workflowText((w) => {
      useConnector(w, 'Marketo');
      w.IntegrationConfig.AppflowIntegration.Batches = [
        { StartTime: day('2025-01-01'), EndTime: mark(day('2025-05-01')) },
      ];
    }),
    good: workflowText((w) => {
      useConnector(w, 'Marketo');
    }),
    message: /1 GB/,
  },
  {
    rule: 'BAT-8',
    code: 'BAT-8',
    severity: 'warning',
    name: '101 batches',
    bad: workflowText((w) => {
      delete w.IntegrationConfig.AppflowIntegration.Batches;
      w.IntegrationConfig.AppflowIntegration[m('Batches')] = days(101);
    }),
    good: workflowText((w) => {
      w.IntegrationConfig.AppflowIntegration.Batches = days(100);
    }),
    data: { count: 101, limit: 100 },
  },
  {
    rule: 'BAT-9',
    code: 'BAT-9',
    severity: 'information',
    name: 'batches without DatetimeTypeFieldName',
    bad: workflowText((w) => {
      delete source(w).IncrementalPullConfig;
      const b = batchesOf(w);
      delete w.IntegrationConfig.AppflowIntegration.Batches;
      w.IntegrationConfig.AppflowIntegration[m('Batches')] = b;
    }),
    good: workflowText(),
  },
  {
    rule: 'BAT-10',
    code: 'SCH-18',
    severity: 'error',
    name: 'batch time in milliseconds',
    bad: workflowText((w) => {
      batchesOf(w)[1].EndTime = mark(day('2025-05-01') * 1000);
    }),
    good: workflowText(),
    data: { seconds: day('2025-05-01') },
  },
  {
    rule: 'LIM-1',
    code: 'pattern',
    severity: 'error',
    name: 'FlowName with a space',
    bad: workflowText((w) => {
      fd(w).FlowName = m('my flow');
    }),
    good: workflowText((w) => {
      fd(w).FlowName = 'my_flow-1';
    }),
  },
  {
    rule: 'LIM-3',
    code: 'pattern',
    severity: 'error',
    name: 'Description with a colon',
    bad: workflowText((w) => {
      fd(w).Description = m('Flow: SF->CP');
    }),
    good: workflowText((w) => {
      fd(w).Description = 'Flow - SF to CP';
    }),
  },
  {
    rule: 'LIM-4',
    code: 'pattern',
    severity: 'error',
    name: 'KmsArn in the China partition',
    bad: workflowText((w) => {
      fd(w).KmsArn = m('arn:aws-cn:kms:cn-north-1:210987654321:key/7c9a2f4e-3b1d-4e8a-9f60-2d5c8b1a4e73');
    }),
    good: workflowText(),
  },
  {
    rule: 'LIM-5',
    code: 'pattern',
    severity: 'error',
    name: 'RoleArn in GovCloud',
    bad: workflowText((w) => {
      w.RoleArn = m('arn:aws-us-gov:iam::210987654321:role/X');
    }),
    good: workflowText(),
  },
  {
    rule: 'LIM-6',
    code: 'pattern',
    severity: 'error',
    name: 'DomainName with a space',
    bad: workflowText((w) => {
      w.DomainName = m('Example Corp');
    }),
    good: workflowText(),
  },
  {
    rule: 'LIM-7',
    code: 'pattern',
    severity: 'error',
    name: 'ObjectTypeName starting with a digit',
    bad: workflowText((w) => {
      w.ObjectTypeName = m('1Account');
    }),
    good: workflowText(),
  },
  {
    rule: 'LIM-9',
    code: 'pattern',
    severity: 'error',
    name: 'Object with a space',
    bad: workflowText((w) => {
      source(w).SourceConnectorProperties.Salesforce.Object = m('My Account');
    }),
    good: workflowText(),
  },
  {
    rule: 'LIM-10',
    code: 'length',
    severity: 'error',
    name: 'two-character bucket name',
    bad: workflowText((w) => {
      useConnector(w, 'S3');
      source(w).SourceConnectorProperties.S3.BucketName = m('ab');
    }),
    good: workflowText((w) => {
      useConnector(w, 'S3');
      source(w).SourceConnectorProperties.S3.BucketName = 'abc';
    }),
  },
  {
    rule: 'LIM-15',
    code: 'map-size',
    severity: 'error',
    name: 'empty Tags',
    bad: workflowText((w) => {
      delete w.Tags;
      w[m('Tags')] = {};
    }),
    good: workflowText((w) => {
      delete w.Tags;
    }),
  },
  {
    rule: 'LIM-15',
    code: 'pattern',
    severity: 'error',
    name: 'aws: tag key',
    bad: workflowText((w) => {
      w.Tags = { [m('aws:team')]: 'x' };
    }),
    good: workflowText(),
  },
];

function days(n: number) {
  const start = day('2025-01-01');
  return Array.from({ length: n }, (_, i) => ({ StartTime: start + i * 86400, EndTime: start + (i + 1) * 86400 }));
}
