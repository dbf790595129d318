// An S3 source's bucket and prefix (BUCKET-1, BUCKET-2), by S3's bucket naming rules
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html). The model only says 3..63
// non-space characters (LIM-10).
import { Node, at, stringValue } from '../document';
import { Finding, quoted } from '../findings';
import { workflowOf } from '../workflowModel';
import type { Fixes, Rule } from './types';
import { genericFixes } from './fixKit';
declare module '../findings' {
  interface CodeData {
    /** an s3:// URI, ARN or path as a bucket name (the bucket as `replacement` when it can be read off) */
    'BUCKET-1': { readonly replacement?: string };
    'BUCKET-2': { readonly replacement: string };
  }
}

const BUCKET_NAMING = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html';
const OBJECT_KEYS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html';

// S3 reserves these for its own names (access point aliases, Multi-Region Access Points, directory and table buckets)
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** What is wrong with a bucket name: an error (S3 never allows it) or a warning (legal only for old buckets). */
function bucketNameProblem(
  name: string,
): { severity: 'error' | 'warning'; why: string; replacement?: string } | undefined {
  // s3://bucket/prefix, arn:aws:s3:::bucket, bucket/prefix: the bucket is the first segment
  const uri = /^(?:s3:\/\/|arn:aws[\w-]*:s3:::)([^/]+)(?:\/(.*))?$/i.exec(name) ?? /^([^/]+)\/(.*)$/.exec(name);
  if (uri) {
    const prefix = uri[2] ? ` and put ${quoted(uri[2])} in BucketPrefix` : '';
    return {
      severity: 'error',
      why: `BucketName is the bucket's name alone, not a URI, an ARN or a path: write ${quoted(uri[1])}${prefix}.`,
      replacement: uri[1],
    };
  }
  const lower = name.toLowerCase().replace(/_/g, '-');
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(lower))
    return {
      severity: 'error',
      why: 'a bucket name has only lowercase letters, digits, dots and hyphens, and begins and ends with a letter or digit.',
    };
  if (lower.includes('..')) return { severity: 'error', why: 'a bucket name has no two adjacent dots.' };
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(lower))
    return { severity: 'error', why: 'a bucket name is not formatted as an IP address.' };
  const reserved =
    RESERVED_PREFIXES.find((p) => lower.startsWith(p)) ?? RESERVED_SUFFIXES.find((s) => lower.endsWith(s));
  if (reserved) return { severity: 'error', why: `S3 reserves names with "${reserved}".` };
  if (lower !== name)
    return {
      severity: 'warning',
      why: 'uppercase letters and underscores are legal only in buckets created in us-east-1 before 1 March 2018; check the name, which is usually lowercase.',
    };
  return undefined;
}

export const s3LocationRules: readonly Rule[] = [
  {
    name: 's3-location',
    ids: ['BUCKET-1', 'BUCKET-2'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      if (w.connector?.type !== 'S3') return [];
      const out: Finding[] = [];
      const s3 = at(w.sourceConnectorPropertiesNode, w.connector.sourcePropertiesKey);
      const bucketNode = at(s3, 'BucketName');
      const bucket = stringValue(bucketNode);
      const problem = bucket ? bucketNameProblem(bucket) : undefined;
      if (problem)
        out.push({
          code: 'BUCKET-1',
          severity: problem.severity,
          at: bucketNode as Node,
          href: BUCKET_NAMING,
          data: { rules: ['BUCKET-1'], ...(problem.replacement ? { replacement: problem.replacement } : {}) },
          message: `${quoted(bucket)} is not an S3 bucket name: ${problem.why}`,
        });
      const prefixNode = at(s3, 'BucketPrefix');
      const prefix = stringValue(prefixNode);
      if (prefix?.startsWith('/')) {
        const replacement = prefix.replace(/^\/+/, '');
        out.push({
          code: 'BUCKET-2',
          severity: 'warning',
          at: prefixNode as Node,
          href: OBJECT_KEYS,
          data: { rules: ['BUCKET-2'], replacement },
          message: `BucketPrefix ${quoted(prefix)} starts with "/", but S3 object keys do not (s3://bucket/folder/file.csv has the key "folder/file.csv"), so it matches nothing. Write ${quoted(replacement)}.`,
        });
      }
      return out;
    },
  },
];

export const s3LocationFixes: Fixes<'BUCKET-1' | 'BUCKET-2'> = { 'BUCKET-1': genericFixes, 'BUCKET-2': genericFixes };
