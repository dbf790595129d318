// The account in the language server: off until the client turns it on (initializationOptions.account, or the
// `cpworkflow/accountSettings` notification); then the account library is loaded (dist/account.js: the SDK is
// never loaded otherwise), facts are fetched in the background, and every open file is re-validated as they
// arrive. Requests never wait: they get the snapshot the cache has now.
import type { AccountProvider, AccountProviders } from '../account';
import type { AccountSnapshot } from '../engine/accountSnapshot';
import type { ParsedWorkflow } from '../engine/document';
import type { AccountSettings, AccountStatus } from '../protocol';

export type AccountLibrary = typeof import('../account');

export type { AccountSettings, AccountStatus } from '../protocol';
export {
  ACCOUNT_SETTINGS_NOTIFICATION,
  ACCOUNT_STATUS_NOTIFICATION,
  GET_ACCOUNT_STATUS_REQUEST,
  REFRESH_ACCOUNT_NOTIFICATION,
} from '../protocol';

/** Long enough for the didOpen notifications that follow `initialized` to be validated first. */
const LOAD_DELAY_MS = 150;

export class LspAccount {
  private library: AccountLibrary | undefined;
  private providers: AccountProviders | undefined;
  private provider: AccountProvider | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastStatus = '';
  private shown: AccountStatus = { state: 'off' };
  private settings: AccountSettings | undefined;
  private loading = false;

  constructor(
    private readonly load: () => AccountLibrary,
    /** re-validate the open files (facts arrived) */
    private readonly revalidate: () => void,
    private readonly report: (status: AccountStatus) => void,
  ) {}

  /** Turns the account on, off, or to other settings. */
  configure(settings: AccountSettings | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.provider = undefined;
    this.settings = settings;
    if (!settings?.enabled) {
      this.status({ state: 'off' });
      this.revalidate();
      return;
    }
    if (this.library) this.connect(settings, this.library);
    else this.loadSoon();
  }

  /**
   * Loads the library (and with it the SDK's code, ~100 ms of parsing) a moment later, not in the `initialized`
   * handler: the files an editor opens with the server get their offline diagnostics first, and are checked again
   * once the account's facts arrive.
   */
  private loadSoon(): void {
    if (this.loading) return;
    this.loading = true;
    this.status({ state: 'fetching' });
    setTimeout(() => {
      try {
        this.library = this.load();
        if (this.settings?.enabled) this.connect(this.settings, this.library);
      } catch (e) {
        this.status({
          state: 'unavailable',
          message: `The account library could not be loaded: ${(e as Error).message}`,
        });
      }
    }, LOAD_DELAY_MS);
  }

  private connect(settings: AccountSettings, library: AccountLibrary): void {
    this.providers ??= new library.AccountProviders();
    this.provider = this.providers.providerFor({
      profile: settings.profile || undefined,
      region: settings.region || undefined,
      endpointUrl: settings.endpointUrl || undefined,
      timeoutMs: settings.timeoutMs,
      proxy: settings.proxy,
    });
    this.unsubscribe = this.provider.onDidChange(() => this.revalidate());
    this.status({ state: 'fetching', label: this.provider.label });
    this.revalidate();
  }

  /** "Refresh Account": forget every fact and ask again. */
  refresh(): void {
    this.providers?.refreshAll();
    this.revalidate();
  }

  /** The snapshot for this document now (undefined when the account is off); starts fetching what is missing. */
  snapshotFor(doc: ParsedWorkflow): AccountSnapshot | undefined {
    if (!this.provider || !this.library) return undefined;
    const snapshot = this.library.snapshotFor(this.provider, doc);
    this.status(
      snapshot.unavailable
        ? { state: 'unavailable', label: this.provider.label, message: snapshot.unavailable }
        : { state: snapshot.pending ? 'fetching' : 'ready', label: this.provider.label },
    );
    return snapshot;
  }

  dispose(): void {
    this.unsubscribe?.();
    this.providers?.dispose();
  }

  /** What the account layer knows now: off until it is turned on and its library loaded. */
  get current(): AccountStatus {
    return this.shown;
  }

  private status(s: AccountStatus): void {
    const key = JSON.stringify(s);
    this.shown = s;
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.report(s);
  }
}
