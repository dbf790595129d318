// JSON that shows what it holds: JSON.stringify escapes C0 itself, but writes C1 controls, the Unicode line and
// paragraph separators and the bidi embeddings/overrides/isolates as they are, so a name from the account or the
// service could reorder what a reader sees ("Trojan Source") or end a line in an editor. These are written as \uXXXX,
// which every JSON reader reads back as the same characters. Quick fixes write the user's file with it; the CLI's
// JSON output too.

const CONTROL_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export const safeJsonStringify = (value: unknown, indent?: number | string): string =>
  JSON.stringify(value, null, indent).replace(
    CONTROL_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
