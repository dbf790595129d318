// Sample source records as people have them: a JSON array of objects, JSON Lines, or CSV with a header row (S3).
// Pure (the CLI reads the file, the editor the picked file); what cannot be read is a sentence, not an exception.
import { parse as parseCsv } from 'csv-parse/sync';
import type { SourceRecord } from './simulate';

/** The most records a preview runs: a sample, not an export. */
export const MAX_RECORDS = 100_000;

export function parseRecords(text: string): { records: SourceRecord[] } | { error: string } {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  let records: unknown[];
  if (trimmed.startsWith('[')) {
    try {
      records = JSON.parse(trimmed) as unknown[];
    } catch (e) {
      return { error: `not JSON: ${(e as Error).message}` };
    }
    if (!Array.isArray(records)) return { error: 'a JSON file of records is an array of objects.' };
  } else if (trimmed.startsWith('{')) {
    records = [];
    for (const [i, line] of trimmed.split('\n').entries()) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line));
      } catch (e) {
        return { error: `line ${i + 1} is not JSON: ${(e as Error).message}` };
      }
      if (records.length > MAX_RECORDS) break;
    }
  } else {
    try {
      records = parseCsv(trimmed, { columns: true, skip_empty_lines: true, to: MAX_RECORDS + 1 }) as unknown[];
    } catch (e) {
      return { error: `not CSV with a header row: ${(e as Error).message}` };
    }
  }
  if (records.length > MAX_RECORDS)
    return { error: `more than ${MAX_RECORDS.toLocaleString('en-US')} records: take a sample.` };
  const notObject = records.findIndex((r) => r === null || typeof r !== 'object' || Array.isArray(r));
  if (notObject >= 0) return { error: `record ${notObject} is not an object of source field → value.` };
  return { records: records as SourceRecord[] };
}
