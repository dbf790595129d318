// The custom LSP methods between the VS Code client and the language server, and their types: written once, imported
// by both sides (client/src/account.ts and server/src/lsp/account.ts). Another LSP client (Neovim) uses the same
// names; docs/lsp.md lists them. Types and strings only: nothing here runs.

/** What a client sends: `initializationOptions.account`, and the `cpworkflow/accountSettings` notification. */
export interface AccountSettings {
  readonly enabled?: boolean;
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  /** per request, as `create` (default 30 s) */
  readonly timeoutMs?: number;
  /** HTTP(S) proxy (VS Code's http.proxy) */
  readonly proxy?: { readonly url: string; readonly strictSSL?: boolean; readonly noProxy?: readonly string[] };
}

/** What the client's language status item shows: the server's `cpworkflow/accountStatus` notification. */
export interface AccountStatus {
  readonly state: 'off' | 'fetching' | 'ready' | 'unavailable';
  /** "profile default, us-east-1" */
  readonly label?: string;
  /** for 'unavailable': why, in one sentence */
  readonly message?: string;
}

/** client → server: turn the account on or off, or change where it is read (AccountSettings). */
export const ACCOUNT_SETTINGS_NOTIFICATION = 'cpworkflow/accountSettings';
/** client → server: fetch the account's facts again now (no parameters). */
export const REFRESH_ACCOUNT_NOTIFICATION = 'cpworkflow/refreshAccount';
/** server → client: what the account layer knows now (AccountStatus). */
export const ACCOUNT_STATUS_NOTIFICATION = 'cpworkflow/accountStatus';
/**
 * client → server request: the AccountStatus now, answered after every message sent before it (a client's status
 * line, and tests: 'off' means no account library is loaded and no account request is pending).
 */
export const GET_ACCOUNT_STATUS_REQUEST = 'cpworkflow/getAccountStatus';

/** client → server request: the preview of an open workflow file (the mapping picture, the dry run, the next runs). */
export const PREVIEW_REQUEST = 'cpworkflow/preview';
export interface PreviewParams {
  readonly uri: string;
  /** sample source records (a JSON array, JSON Lines, or CSV with a header row) to run through the tasks */
  readonly recordsText?: string;
  /** how many next runs (default 5) */
  readonly runs?: number;
}
