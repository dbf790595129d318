// What reaches a terminal, a CI log or a report: every control character shown as a \u{…} escape (engine/controls.ts,
// the one escaping of such text), and no CI runner command. Every output format of the CLI writes through these.

import { safeJsonStringify, visibleControls, visibleText } from '../engine/controls';

export { visibleControls };

/**
 * A CI runner acts on some lines as commands: GitHub Actions on `##[command]` anywhere in a line and on a line that
 * starts with `::`. Output that is not meant as one (a finding's text line, stderr naming a file) gets a space in
 * each, so a file name or a service message cannot set an output, mask a value or stop command processing.
 */
const runnerCommandsBroken = (text: string): string => text.replace(/##\[/g, '## [').replace(/^(\s*):(?=:)/, '$1: ');

/**
 * `text` with every control character written as an escape (`\u{1b}`) and no runner command in it: safe to print as
 * one line.
 */
export const terminalText = (text: string): string => runnerCommandsBroken(visibleText(text));

/** Writes `text` as one line of a terminal (escaped) and ends it. */
export function writeLine(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`${terminalText(text)}\n`);
}

/**
 * JSON output that stays JSON: JSON.stringify escapes C0 itself; C1, the separators and bidi controls are written
 * as \uXXXX as well, which every JSON reader reads back as the same characters.
 */
export const terminalJson = (value: unknown, indent?: number): string => safeJsonStringify(value, indent);
