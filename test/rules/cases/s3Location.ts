// Cases for an S3 source's location: S3's bucket naming rules (BUCKET-1) and object keys (BUCKET-2).
import { RuleCase, m, source, useConnector, workflowText } from '../support';

const s3 = (bucket: unknown, prefix?: unknown) =>
  workflowText((w) => {
    useConnector(w, 'S3');
    source(w).SourceConnectorProperties.S3 = {
      BucketName: bucket,
      ...(prefix === undefined ? {} : { BucketPrefix: prefix }),
    };
  });

const bucketCase = (
  name: string,
  severity: 'error' | 'warning',
  bad: string,
  good: string,
  replacement?: string,
): RuleCase => ({
  rule: 'BUCKET-1',
  code: 'BUCKET-1',
  severity,
  name,
  bad: s3(m(bad)),
  good: s3(good),
  ...(replacement ? { data: { replacement } } : {}),
});

export const s3LocationCases: RuleCase[] = [
  bucketCase('an s3:// URI', 'error', 's3://examplecorp-exports/daily', 'examplecorp-exports', 'examplecorp-exports'),
  bucketCase('a path', 'error', 'examplecorp-exports/daily', 'examplecorp-exports', 'examplecorp-exports'),
  bucketCase('a bucket ARN', 'error', 'arn:aws:s3:::examplecorp-exports', 'examplecorp-exports', 'examplecorp-exports'),
  bucketCase('two adjacent dots', 'error', 'examplecorp..exports', 'examplecorp.exports'),
  bucketCase('a trailing hyphen', 'error', 'examplecorp-exports-', 'examplecorp-exports'),
  bucketCase('an IP address', 'error', '192.168.5.4', 'examplecorp-192-168-5-4'),
  bucketCase(
    'uppercase (legal only for old us-east-1 buckets)',
    'warning',
    'ExampleCorp-Exports',
    'examplecorp-exports',
  ),
  bucketCase(
    'an underscore (legal only for old us-east-1 buckets)',
    'warning',
    'examplecorp_exports',
    'examplecorp-exports',
  ),
  {
    rule: 'BUCKET-2',
    code: 'BUCKET-2',
    severity: 'warning',
    name: 'BucketPrefix with a leading slash',
    bad: s3('examplecorp-exports', m('/daily/customers')),
    good: s3('examplecorp-exports', 'daily/customers'),
    data: { replacement: 'daily/customers' },
  },
];
