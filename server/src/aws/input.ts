// The file's JSON → CreateIntegrationWorkflowCommandInput, converted the way the AWS CLI converts
// `--cli-input-json`, so that the SDK puts the same request on the wire (checked against `aws` in test/submission).
import type { CreateIntegrationWorkflowCommandInput } from '@aws-sdk/client-customer-profiles';
import { ROOT_SHAPE, shapes, type ShapeName } from '../generated/model';
import { isRefusal, readTimestamp } from '../engine/domain/time';

export type JsonPath = (string | number)[];

/** The file cannot be turned into a request; `path` points at the offending value. */
export class WorkflowInputError extends Error {
  override readonly name = 'WorkflowInputError';
  constructor(
    message: string,
    readonly path: JsonPath,
  ) {
    super(message);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Builds the SDK input from the parsed file. Values pass through unchanged except members whose model shape is a
 * timestamp: they become `Date`s truncated to whole seconds, as the AWS CLI sends them (botocore's epoch-seconds
 * serializer drops the fraction). Throws WorkflowInputError when the document is not an object or a timestamp
 * cannot be read.
 */
export function toCreateWorkflowInput(json: unknown): CreateIntegrationWorkflowCommandInput {
  if (!isRecord(json))
    throw new WorkflowInputError('The file must hold one JSON object (the CreateIntegrationWorkflow request).', []);
  return convert(json, ROOT_SHAPE, []) as CreateIntegrationWorkflowCommandInput;
}

function convert(value: unknown, shapeName: ShapeName, path: JsonPath): unknown {
  const shape = shapes[shapeName];
  if (value === null || value === undefined) return value;
  switch (shape.type) {
    case 'timestamp':
      return timestampToDate(value, path);
    case 'structure':
      if (!isRecord(value)) return value;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => {
          const member = shape.members?.[k];
          return [k, member ? convert(v, member.target, [...path, k]) : v];
        }),
      );
    case 'list':
      return Array.isArray(value) && shape.member
        ? value.map((v, i) => convert(v, shape.member!, [...path, i]))
        : value;
    case 'map':
      return isRecord(value) && shape.value
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, shape.value!, [...path, k])]))
        : value;
    default:
      // JSON.parse reads 1e400 as Infinity, which JSON cannot carry: the SDK would send "Infinity" or null
      if (typeof value === 'number' && !Number.isFinite(value))
        throw new WorkflowInputError(`${path.join('.') || 'value'}: ${value} is not a finite number.`, path);
      return value;
  }
}

/**
 * A timestamp → Date in the whole seconds the AWS CLI sends, by the engine's reading of botocore's rules
 * (readTimestamp), so conversion accepts exactly what validation accepts.
 */
function timestampToDate(value: unknown, path: JsonPath): Date {
  const read = readTimestamp(value);
  if (isRefusal(read)) {
    throw new WorkflowInputError(
      `${path.join('.') || 'value'}: ${JSON.stringify(value)} is not a timestamp the AWS CLI reads (${read.refused}); use an ISO-8601 string such as "2025-01-31T09:00:00Z" or epoch seconds.`,
      path,
    );
  }
  const date = new Date(read.sentSeconds * 1000);
  // past year 275760 a Date is invalid, and the SDK would send NaN, which is not JSON: refuse rather than send it
  if (Number.isNaN(date.getTime())) {
    throw new WorkflowInputError(
      `${path.join('.') || 'value'}: ${JSON.stringify(value)} is too far from today to be a timestamp; use an ISO-8601 string such as "2025-01-31T09:00:00Z" or epoch seconds.`,
      path,
    );
  }
  return date;
}
