// The sync status a person can trust, per mission document and overall; plain listeners, no framework.

/**
 * Why the server refuses: the token (unauthorized), this document for this token (forbidden), this document's
 * changes because it would exceed the server's size limit (tooLarge), or a new mission because the token created
 * as many as its daily quota allows (quota). Local data stays in every case.
 */
export type RefusalReason = 'unauthorized' | 'forbidden' | 'tooLarge' | 'quota';
/** The device's one connection: signed out, no network, trying, or open. */
export type ConnectionState = 'signedOut' | 'offline' | 'connecting' | 'connected';

export type SyncStatus =
  | { kind: 'offline'; lastSyncedAt: number | null }
  | { kind: 'connecting'; lastSyncedAt: number | null }
  /** `progress`: documents held in step with the server's versions, of all held (from the change feed). */
  | { kind: 'syncing'; pending: number; progress?: FeedCount }
  /** Everything local is on the server as of `lastSyncedAt` (null only when there is nothing to sync). */
  | { kind: 'upToDate'; lastSyncedAt: number | null }
  /** `pending` records changed here are not yet on the server; `lastSyncedAt` says since when at most. */
  | { kind: 'pending'; pending: number; lastSyncedAt: number | null }
  | { kind: 'refused'; reason: RefusalReason };

export interface FeedCount {
  inStep: number;
  held: number;
}

/** What the change feed knows: whether the server's list of versions arrived, and how many documents lag. */
export interface FeedProgress extends FeedCount {
  ready: boolean;
  /** Ids of the missions this device holds whose content never reached it: not yet usable offline. */
  notHere?: readonly string[];
}

export interface DocSyncState {
  /** A provider is attached: the document is open on this device now. */
  open: boolean;
  /** The server applied everything this document holds, and nothing changed since. */
  confirmed: boolean;
  refused: RefusalReason | null;
  /** Records the server lacks (see pending.ts); persisted through the acknowledged state vector. */
  pending: number;
  lastSyncedAt: number | null;
}

const EMPTY: DocSyncState = { open: false, confirmed: false, refused: null, pending: 0, lastSyncedAt: null };

export function docStatus(connection: ConnectionState, doc: DocSyncState): SyncStatus {
  if (doc.refused) return { kind: 'refused', reason: doc.refused };
  if (connection === 'connected' && doc.open) {
    return doc.confirmed
      ? { kind: 'upToDate', lastSyncedAt: doc.lastSyncedAt }
      : { kind: 'syncing', pending: doc.pending };
  }
  if (doc.pending > 0) return { kind: 'pending', pending: doc.pending, lastSyncedAt: doc.lastSyncedAt };
  // A closed document with nothing waiting was complete on the server when last confirmed.
  if (!doc.open && doc.lastSyncedAt !== null) return { kind: 'upToDate', lastSyncedAt: doc.lastSyncedAt };
  if (connection === 'connecting') return { kind: 'connecting', lastSyncedAt: doc.lastSyncedAt };
  return { kind: 'offline', lastSyncedAt: doc.lastSyncedAt };
}

/** The worst news first: a refusal, then work in progress, then what waits, then the connection itself. */
export function overallStatus(
  connection: ConnectionState,
  refusal: RefusalReason | null,
  docs: readonly DocSyncState[],
  feed: FeedProgress | null = null,
): SyncStatus {
  if (refusal) return { kind: 'refused', reason: refusal };
  const statuses = docs.map((doc) => docStatus(connection, doc));
  const refused = statuses.find((status) => status.kind === 'refused');
  if (refused) return refused;
  const pending = docs.reduce((sum, doc) => sum + doc.pending, 0);
  // Connected, "up to date" holds only once the server's versions arrived and every held document is at them.
  if (connection === 'connected' && feed && (!feed.ready || feed.inStep < feed.held)) {
    return { kind: 'syncing', pending, progress: { inStep: feed.inStep, held: feed.held } };
  }
  const synced = docs.map((doc) => doc.lastSyncedAt).filter((at): at is number => at !== null);
  // "Up to date as of X" must hold for every document, so X is the oldest confirmation.
  const oldest = synced.length > 0 ? Math.min(...synced) : null;
  if (statuses.some((status) => status.kind === 'syncing')) return { kind: 'syncing', pending };
  if (pending > 0) return { kind: 'pending', pending, lastSyncedAt: oldest };
  if (connection === 'connecting') return { kind: 'connecting', lastSyncedAt: oldest };
  if (connection !== 'connected') return { kind: 'offline', lastSyncedAt: oldest };
  return { kind: 'upToDate', lastSyncedAt: oldest };
}

type Listener = (overall: SyncStatus) => void;

const docs = new Map<string, DocSyncState>();
const listeners = new Set<Listener>();
let connection: ConnectionState = 'signedOut';
let refusal: RefusalReason | null = null;
let feed: FeedProgress | null = null;

/** The overall status, or one document's (`mission:<uuid>`) when a name is given. */
export function syncStatus(name?: string): SyncStatus {
  if (name !== undefined) return docStatus(connection, docs.get(name) ?? EMPTY);
  return overallStatus(connection, refusal, [...docs.values()], feed);
}

/** Documents in step of documents held, from the change feed; null without one. */
export function syncProgress(): FeedProgress | null {
  return feed;
}

export function setFeedProgress(next: FeedProgress | null): void {
  if (
    next?.ready === feed?.ready &&
    next?.inStep === feed?.inStep &&
    next?.held === feed?.held &&
    next?.notHere?.join() === feed?.notHere?.join()
  )
    return;
  feed = next;
  emit();
}

export function connectionState(): ConnectionState {
  return connection;
}

export function docSyncState(name: string): Readonly<DocSyncState> | undefined {
  return docs.get(name);
}

/** Pending records per document known to this session (open now or visited since start). */
export function pendingByDocument(): Map<string, number> {
  return new Map([...docs].map(([name, doc]) => [name, doc.pending]));
}

/** Called on every change of any document's status; read details with syncStatus(name). */
export function onSyncStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(): void {
  const overall = syncStatus();
  listeners.forEach((listener) => listener(overall));
}

export function setConnectionState(next: ConnectionState, nextRefusal: RefusalReason | null = refusal): void {
  if (next === connection && nextRefusal === refusal) return;
  connection = next;
  refusal = nextRefusal;
  emit();
}

export function updateDocState(name: string, patch: Partial<DocSyncState>): void {
  const current = docs.get(name) ?? EMPTY;
  const next = { ...current, ...patch };
  if ((Object.keys(next) as (keyof DocSyncState)[]).every((key) => next[key] === current[key])) return;
  docs.set(name, next);
  emit();
}

/** Signing out forgets the session's view; signing in rebuilds it from the stored acknowledgements. */
export function resetSyncStatus(): void {
  docs.clear();
  feed = null;
  connection = 'signedOut';
  refusal = null;
  emit();
}
