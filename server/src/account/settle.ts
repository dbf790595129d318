// Reading a document's facts to the end, for shells that may wait (the CLI, tests): ask, wait for what arrives,
// ask again with what is now known (an object type's template is needed only once the domain lacks it), until
// nothing more is needed. The LSP server does not wait: it re-validates on each arrival instead.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AccountSnapshot, accountNeeds } from '../engine/accountSnapshot';
import { ParsedWorkflow, parseWorkflow } from '../engine/document';
import type { AccountProvider } from './provider';

/** The snapshot for this document now: its needs, as far as the facts already known reveal them. */
export function snapshotFor(provider: AccountProvider, doc: ParsedWorkflow): AccountSnapshot {
  // what the cache knows widens the needs (a connection's objects once the connection is listed, an object's fields
  // once the object is, the template of a missing object type): ask until they stop growing (four levels at most)
  // from what the cache already knows (asking for nothing), so a name the known lists lack is not asked for
  let needs = accountNeeds(doc, provider.snapshot([]));
  let snapshot = provider.snapshot(needs);
  for (let level = 0; level < 4; level++) {
    const wider = accountNeeds(doc, snapshot);
    if (wider.length === needs.length) break;
    needs = wider;
    snapshot = provider.snapshot(needs);
  }
  return snapshot;
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
  for (let round = 0; round < 8; round++) {
    const s = snapshotFor(provider, doc);
    if (!s.pending) return s;
    await settled(provider);
  }
  return snapshotFor(provider, doc);
}
