// The one place that reads Yjs's private record of what a document could not integrate ("pending" structs
// and deletions). tests/server/pending.test.ts fails if a Yjs release renames or moves it.
import type * as Y from 'yjs';

interface PendingStore {
  pendingStructs: unknown;
  pendingDs: unknown;
}

function pendingOf(doc: Y.Doc): PendingStore {
  return doc.store as unknown as PendingStore;
}

/** The document holds structs or deletions it could not integrate. */
export function hasPending(doc: Y.Doc): boolean {
  const store = pendingOf(doc);
  return store.pendingStructs != null || store.pendingDs != null;
}

/** Drops what the document could not integrate, so it is neither merged again nor written out with the state. */
export function discardPending(doc: Y.Doc): void {
  const store = pendingOf(doc);
  store.pendingStructs = null;
  store.pendingDs = null;
}
