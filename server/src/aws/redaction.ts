// The one rule for what of a URL, an error or a log line may be shown, logged or stored: no credential in it.
// Pure (no SDK, no `vscode`), so the extension's activation bundle can use it before the submission bundle loads.

// Access key ids (AKIA…/ASIA…), anything shaped like a 40-character secret access key, and long base64 runs
// (session tokens are several hundred characters).
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA|ABIA|ACCA)[A-Z0-9]{12,}\b/g;
const SECRET_SHAPE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g;
const LONG_BASE64 = /[A-Za-z0-9/+=]{100,}/g;
const SECRET_ASSIGNMENT =
  /((?:aws_)?(?:secret_access_key|session_token|secretAccessKey|sessionToken)"?\s*[:=]\s*["']?)(?!<redacted>)[^\s"',}]+/gi;
// A user name and password in a URL (`http://user:pass@host`), with or without the scheme; up to the last `@` of
// the authority, since a password may hold a raw `@` (`//me:p@ss@host`).
const USER_INFO = /\/\/[^\s/]*@/g;
// Keys and tokens are random base64: mixed case with digits or `/` `+`. A long run of letters alone (a word, a
// field path, a name) is not one.
const looksRandom = (run: string) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9/+]/.test(run);
const redactRandom = (run: string) => (looksRandom(run) ? '<redacted>' : run);
const KNOWN_CREDENTIAL_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID'] as const;

/**
 * Removes credential values from text that may reach a log, the user or stored state: a URL's user:password,
 * access key ids, secret-key-shaped and token-shaped runs, and the values of the environment's AWS credential
 * variables (`env`, default process.env) wherever they appear.
 */
export function redactCredentials(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const name of KNOWN_CREDENTIAL_VARIABLES) {
    const value = env[name]?.trim();
    if (value && value.length >= 8)
      out = out.split(value).join(name === 'AWS_ACCESS_KEY_ID' ? '<access key id>' : '<redacted>');
  }
  return out
    .replace(USER_INFO, '//')
    .replace(SECRET_ASSIGNMENT, '$1<redacted>')
    .replace(ACCESS_KEY_ID, '<access key id>')
    .replace(LONG_BASE64, redactRandom)
    .replace(SECRET_SHAPE, redactRandom);
}
