// Text from a workflow file (values quoted in messages, file names) reaches terminals, CI logs and XML: control
// characters are shown as \u{…} escapes instead. Tab and line feed stay; each format escapes those its own way.
// (The hostile-input work adds the same for the text output; one function for both once it lands.)
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export const visibleControls = (text: string): string =>
  text.replace(CONTROL, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
