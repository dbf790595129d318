// Text that shows what it holds. Text from a file, the account or the service can hold ESC, BEL, CR or C1 controls that
// clear lines, retitle a window or fake a "0 errors" line, Unicode line and paragraph separators that end a line in an
// editor, and bidi embeddings/overrides/isolates that reorder what a reader sees ("Trojan Source"). Everything that
// shows or writes such text escapes them here: the CLI's output formats, Markdown in hovers, notifications, JSON that
// quick fixes write into the user's file.

// C0, DEL, C1, the line and paragraph separators, and the bidi controls
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// the same but tab and line feed, for formats that escape those their own way (SARIF, GitHub, JUnit)
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_TAB_AND_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// the same less what JSON.stringify escapes itself (C0)
const CONTROL_BEYOND_C0 = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string) => `\\u{${c.charCodeAt(0).toString(16)}}`;

/** `text` with every control character written as an escape (`\u{1b}`): one line that shows what it holds. */
export const visibleText = (text: string): string => text.replace(CONTROL, escaped);

/** `text` with every control character but tab and line feed written as an escape. */
export const visibleControls = (text: string): string => text.replace(CONTROL_BUT_TAB_AND_LF, escaped);

/**
 * JSON whose controls are all escapes: JSON.stringify escapes C0 itself; C1, the separators and bidi controls are
 * written as \uXXXX as well, which every JSON reader reads back as the same characters.
 */
export const safeJsonStringify = (value: unknown, indent?: number | string): string =>
  JSON.stringify(value, null, indent).replace(
    CONTROL_BEYOND_C0,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
