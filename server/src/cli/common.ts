// What the `cpworkflow` subcommands share: exit statuses, the help text, usage errors and reading a workflow file.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName } from '../engine/findings';
import { terminalText } from './terminal';
import { version } from '../../../package.json';

import { parseIsoTimestamp } from '../engine/domain/time';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export class UsageError extends Error {}

export const HELP = `cpworkflow ${version}: checks Amazon Connect Customer Profiles integration workflow files
(the JSON of aws customer-profiles create-integration-workflow --cli-input-json).

Usage:
  cpworkflow validate [--format F] [--severity S] [--max-warnings N] PATH...
                                                     check files, or folders searched for *.cpworkflow.json
      --format text|json|sarif|github|junit          text (default); json: 0-based LSP ranges; sarif: SARIF 2.1.0 for
                                                     code scanning; github: Actions annotations; junit: JUnit XML
      --severity error|warning|information           report only findings at or above it (default: information,
                                                     all); what is not reported does not count for the exit status
      --max-warnings N                               also exit 1 when more than N warnings are reported
      --rule CODE=off|information|warning|error      change a rule's level (repeatable; wins over the config file)
      --time-checks                                  judge the findings that depend only on the clock (a start time
                                                     past, a batch ending in the future) as create would; without
                                                     it they are information, so a file's verdict does not change
                                                     with the day it is checked
      --now ISO-8601                                 the time every check compares with (default: now)
      --account [--profile P] [--region R] [--endpoint-url URL] [--timeout SECONDS]
                                                     also check against the AWS account (read-only calls); what
                                                     it cannot answer is one information line; account warnings
                                                     never fail the run (nor count for --max-warnings)
  cpworkflow create FILE [--profile P] [--region R] [--endpoint-url URL] [--yes] [--wait] [--format text|json]
                    [--timeout SECONDS] [--poll-interval SECONDS]
                                                     validate, confirm, then create the workflow in AWS
  cpworkflow status WORKFLOW_ID --domain D [--wait] [--profile P] [--region R] [--endpoint-url URL] [--format text|json]
  cpworkflow list --domain D [--status STATUS] [--profile P] [--region R] [--endpoint-url URL] [--format text|json]
                                                     the domain's workflows, newest first (every page)
  cpworkflow import-flow FLOW_NAME [--domain D] [--object-type T] [--role-arn ARN] [--flow-name NEW_NAME]
                    [--profile P] [--region R] [--endpoint-url URL] > x.cpworkflow.json
                                                     an AppFlow flow (DescribeFlow) as a workflow file
  cpworkflow preview FILE --records RECORDS [--format text|json] [--runs N] [--now ISO-8601] [--account …]
                                                     the dry run: each sample record kept or dropped (by which
                                                     task), the object it becomes, its profile keys (--account),
                                                     and the next N runs (default 5); RECORDS is a JSON array,
                                                     JSON Lines, or CSV with a header row; --format mermaid
                                                     or svg (no --records): the mapping as a picture
  cpworkflow --help | --version

A cpworkflow.config.json in a checked file's folder or one above it (up to the repository root) sets levels for
every file below it: { "rules": { "SCH-6": "off", "PAT-14": "information" }, "timeChecks": false }.

Exit status: 0 no errors, 1 a file has errors (or more warnings than --max-warnings), 2 usage error or a file that
cannot be read (not a regular file, or over 50 MB). Account findings count only when they are errors (a flow name
already taken).
create/status: 1 the file has errors (nothing sent), 2 also when there is no terminal to confirm on and no --yes,
4 the AWS request failed (list too), 5 the workflow ended FAILED or CANCELLED.
`;

/** One finding as a line, as compilers print them: `file:line:column severity code message` (control characters
 * escaped). */
export function diagnosticLine(fileName: string, d: Diagnostic): string {
  return `${terminalText(`${fileName}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ${d.code} ${d.message}`)}\n`;
}

/** The largest workflow file read; a 5,000-field workflow is about 2 MB, and AWS takes a request of 10 MB at most. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The bytes of `file` if it is a regular file of at most MAX_FILE_BYTES. Anything else is refused before a byte is
 * read: a link to /dev/zero would be read until memory runs out, and a FIFO would block for ever.
 */
export function readRegularFile(file: string): Buffer {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = st.isDirectory()
        ? 'a folder'
        : st.isFIFO()
          ? 'a named pipe'
          : st.isCharacterDevice() || st.isBlockDevice()
            ? 'a device'
            : st.isSocket()
              ? 'a socket'
              : 'not a regular file';
      throw new UsageError(`${file}: not read: it is ${kind}; a workflow file is a regular file.`);
    }
    if (st.size > MAX_FILE_BYTES) {
      throw new UsageError(
        `${file}: not read: ${(st.size / 1024 / 1024).toFixed(0)} MB is over the 50 MB limit for a workflow file (a 5,000-field workflow is about 2 MB).`,
      );
    }
    // read what fstat announced, and one byte more to notice a file that grows while it is read
    const bytes = Buffer.alloc(st.size + 1);
    let length = 0;
    for (let n; length < bytes.length && (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0;)
      length += n;
    if (length > st.size) throw new UsageError(`${file}: not read: the file grew while it was being read.`);
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Where a file's text comes from, and what a bad one gets instead. */
export function readWorkflowText(file: string): string {
  const bytes = readRegularFile(file);
  if (bytes.includes(0))
    throw new UsageError(`${file}: not a text file (it contains NUL bytes); a workflow file is UTF-8 JSON.`);
  // Like the editor: keep a BOM and show bytes that are not UTF-8 as U+FFFD; the checks report both as the AWS CLI
  // refuses them (json-bom, json-encoding).
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** --now: an ISO-8601 time with its zone (2026-12-07T09:00:00Z, …+02:00), the instant every check compares with. */
export function pinnedNow(text: string): Date {
  const t = /^\d{4}-\d\d-\d\dT/.test(text) ? parseIsoTimestamp(text) : undefined;
  const seconds = t && t.form === 'iso' && !t.zoneless ? t.epochSeconds : undefined;
  if (seconds === undefined)
    throw new UsageError(`--now takes an ISO-8601 time such as 2026-12-07T09:00:00Z, not "${text}"`);
  return new Date(seconds * 1000);
}
