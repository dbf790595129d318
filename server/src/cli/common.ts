// What the `cpworkflow` subcommands share: exit statuses, the help text, usage errors and reading a workflow file.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName } from '../engine/findings';
import { version } from '../../../package.json';

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
  cpworkflow create FILE [--profile P] [--region R] [--endpoint-url URL] [--yes] [--wait] [--format text|json]
                    [--timeout SECONDS] [--poll-interval SECONDS]
                                                     validate, confirm, then create the workflow in AWS
  cpworkflow status WORKFLOW_ID --domain D [--wait] [--profile P] [--region R] [--endpoint-url URL] [--format text|json]
  cpworkflow --help | --version

Exit status: 0 no errors, 1 a file has errors (or more warnings than --max-warnings), 2 usage error or a file that
cannot be read.
create/status: 1 the file has errors (nothing sent), 2 also when there is no terminal to confirm on and no --yes,
4 the AWS request failed, 5 the workflow ended FAILED or CANCELLED.
`;

/** One finding as a line, as compilers print them: `file:line:column severity code message`. */
export function diagnosticLine(fileName: string, d: Diagnostic): string {
  return `${fileName}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ${d.code} ${d.message}\n`;
}

/** Where a file's text comes from, and what a bad one gets instead. */
export function readWorkflowText(file: string): string {
  const bytes = readFileSync(file);
  if (bytes.includes(0))
    throw new UsageError(`${file}: not a text file (it contains NUL bytes); a workflow file is UTF-8 JSON.`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
