// The text of a notification, safe from what it quotes (service and account text): no live link, no control
// character, bounded. vscode-free and Node-free: the desktop and the browser extension both show notifications.
import { visibleText } from '../../server/src/engine';

export const NOTIFICATION_MAX_CHARS = 1_000;

/**
 * Text for a notification, which may quote the service or the account (a flow name, an error description, a step's
 * message). VS Code's notifications turn `[label](command:…)` and `[label](https://…)` into live links, whatever
 * backslash escapes say: a space between `]` and `(` keeps such text a text. Controls and bidi marks are shown as
 * \u{…}, and the text is cut to 1,000 characters (the log keeps all of it).
 */
export function notificationText(text: string): string {
  const plain = visibleText(text.replace(/\]\(/g, '] ('));
  if (plain.length <= NOTIFICATION_MAX_CHARS) return plain;
  return `${plain.slice(0, NOTIFICATION_MAX_CHARS - 1)}… (${plain.length.toLocaleString('en-US')} characters; the log has all of it)`;
}
