/**
 * Account library: the facts of the user's AWS account (Customer Profiles domains, object types, templates; AppFlow
 * connector profiles, entities, fields, flows) for the account-aware checks and completion. Beside the submission
 * library, below the shells (the LSP server loads it as dist/account.js only when the account is turned on; the
 * CLI imports it). The AWS SDK is loaded on the first fetch, never on import.
 *
 *   const providers = new AccountProviders({ ttlMs, concurrency });       // one per process
 *   const provider = providers.providerFor({ profile, region, endpointUrl, timeoutMs, proxy });
 *   provider.onDidChange(() => revalidateOpenFiles());                    // facts arrived (or failed)
 *   const snapshot = provider.snapshot(accountNeeds(parsed, provider.snapshot([])));   // synchronous, from cache
 *   service.validate(document, snapshot);                                 // the engine stays synchronous
 *   await settled(provider);                                              // the CLI: wait until all facts are in
 */
export { AccountProvider, AccountProviders, describeFailure, type AccountProviderOptions } from './provider';
export { fetchFact, type AccountClients, type FactValue } from './fetch';
export { completeSnapshot, settled, snapshotFor } from './settle';
