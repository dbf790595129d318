// What reaches a terminal, a CI log or a report. Text from a file or from the service can hold ESC, BEL, CR or C1
// controls that clear lines, retitle the window or fake a "0 errors" line: every control character is shown as a
// \u{…} escape instead. Every output format of the CLI writes through these.

// C0, DEL, C1, the Unicode line and paragraph separators, and the bidi embeddings/overrides/isolates ("Trojan
// Source": text that reads differently from what it is)
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// the same but tab and line feed, for formats that escape those their own way (SARIF, GitHub, JUnit)
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_TAB_AND_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

import { safeJsonStringify } from '../engine/safeJson';

const escaped = (c: string) => `\\u{${c.charCodeAt(0).toString(16)}}`;

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
export const terminalText = (text: string): string => runnerCommandsBroken(text.replace(CONTROL, escaped));

/** `text` with every control character but tab and line feed written as an escape. */
export const visibleControls = (text: string): string => text.replace(CONTROL_BUT_TAB_AND_LF, escaped);

/** Writes `text` as one line of a terminal (escaped) and ends it. */
export function writeLine(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`${terminalText(text)}\n`);
}

/**
 * JSON output that stays JSON: JSON.stringify escapes C0 itself; C1, the separators and bidi controls are written
 * as \uXXXX as well, which every JSON reader reads back as the same characters.
 */
export const terminalJson = (value: unknown, indent?: number): string => safeJsonStringify(value, indent);
