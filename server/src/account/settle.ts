// Reading a document's facts to the end, for shells that may wait (the CLI, tests): ask, wait for what arrives,
// ask again with what is now known (an object type's template is needed only once the domain lacks it), until
// nothing more is needed. The LSP server does not wait: it re-validates on each arrival instead.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AccountSnapshot, accountNeeds, emptyAccountSnapshot } from '../engine/accountSnapshot';
import { ParsedWorkflow, parseWorkflow } from '../engine/document';
import type { AccountProvider } from './provider';

/** The snapshot for this document now: its needs, as far as the facts already known reveal them. */
export function snapshotFor(provider: AccountProvider, doc: ParsedWorkflow): AccountSnapshot {
  // two rounds: what the cache knows can widen the needs (the template of a missing object type)
  const first = provider.snapshot(accountNeeds(doc, emptyAccountSnapshot(provider.label)));
  return provider.snapshot(accountNeeds(doc, first));
}

/** Resolves once the provider has nothing queued or in flight. */
export function settled(provider: AccountProvider): Promise<void> {
  if (!provider.busy) return Promise.resolve();
  return new Promise((resolve) => {
    const off = provider.onDidChange(() => {
      if (!provider.busy) {
        off();
        resolve();
      }
    });
  });
}

/** The complete snapshot for a document: asks and waits until no fact it needs is missing. */
export async function completeSnapshot(provider: AccountProvider, document: TextDocument): Promise<AccountSnapshot> {
  const doc = parseWorkflow(document);
  for (let round = 0; round < 5; round++) {
    const s = snapshotFor(provider, doc);
    if (!s.pending) return s;
    await settled(provider);
  }
  return snapshotFor(provider, doc);
}
