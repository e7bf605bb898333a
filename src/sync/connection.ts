// The device's one WebSocket to the sync server, one Hocuspocus provider per open document on it.
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { getDb } from '../storage/db.ts';
import { LAST_SYNC_KEY } from '../storage/backupStatus.ts';
import { DEFAULT_BACKOFF, nextDelay, type BackoffOptions } from './backoff.ts';
import type { Connectivity } from './connectivity.ts';
import { countPending } from './pending.ts';
import { dropQueuedMessages } from './providerQueue.ts';
import { refusalOfClose, refusalOfDenial } from './refusal.ts';
import { setConnectionState, updateDocState, type RefusalReason } from './status.ts';
import { loadServerState, saveServerState } from './syncState.ts';

export { nextDelay } from './backoff.ts';

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ConnectionOptions {
  /** WebSocket address of the server's `/sync`. */
  url: string;
  /** Identifies the server in stored acknowledgements (its origin). */
  server: string;
  token: string;
  connectivity: Connectivity;
  random?: () => number;
  now?: () => number;
  timers?: Timers;
  backoff?: BackoffOptions;
  /** Node has a global WebSocket from v22; tests may still pass one. */
  WebSocketPolyfill?: unknown;
  /** Called each time the socket (re)opens, e.g. to start a background pass. */
  onConnected?: () => void;
  /** Called each time the socket closes, whatever the cause. */
  onDisconnected?: () => void;
  /** The change feed this connection keeps attached (see feed.ts); none in tests of one document. */
  feed?: FeedListener;
}

/** What the connection tells the change feed, and asks it. */
export interface FeedListener {
  heardVersion(name: string): number | undefined;
  confirmed(name: string, cursor: number): void;
  changedHere(name: string): void;
  receive(payload: string): void | Promise<void>;
  lost(): void;
}

/** The name of the document that carries the change feed (see src/server/feed.ts). */
export const FEED_DOCUMENT = 'feed';

interface Link {
  readonly name: string;
  readonly doc: Y.Doc;
  provider: HocuspocusProvider | null;
  serverStateVector: Uint8Array | null;
  recount: unknown;
  /** Re-opening this document after the server closed it alone (socket still up), and how often in a row. */
  reopen: unknown;
  reopenAttempt: number;
  /** The feed's version when it attached (or a later one heard while open and in step): its next cursor. */
  heardAtAttach: number | undefined;
  /** The cursor stored when last confirmed. */
  cursor: number | undefined;
  readonly onUpdate: (update: Uint8Array, origin: unknown) => void;
}

/** Pending counts walk the unacknowledged structs; during typing, once per pause is enough. */
const RECOUNT_MS = 200;
/** The backup reminder reads LAST_SYNC_KEY in days: writing it on every keystroke's ack would be waste. */
const LAST_SYNC_WRITE_MS = 10_000;

export class SyncConnection {
  private readonly options: ConnectionOptions;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly links = new Map<string, Link>();
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly unsubscribe: () => void;
  private attempt = 0;
  private retry: unknown = null;
  private stopped = false;
  private refused: RefusalReason | null = null;
  private lastSyncWrittenAt = 0;
  private feedProvider: HocuspocusProvider | null = null;

  constructor(options: ConnectionOptions) {
    this.options = options;
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? Date.now;
    // We own the retry schedule (nextDelay); the library gets one attempt per connect() call.
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      autoConnect: false,
      maxAttempts: 1,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    this.socket.on('status', ({ status }: { status: WebSocketStatus }) => this.onSocketStatus(status));
    this.socket.on('connect', () => {
      this.attempt = 0;
      this.options.onConnected?.();
    });
    this.socket.on('disconnect', ({ event }: { event?: { code?: number; reason?: string } }) =>
      this.onSocketClosed(event),
    );
    this.socket.on('maxAttemptsFailed', () => this.scheduleRetry());
    this.unsubscribe = options.connectivity.subscribe(() => this.onConnectivity());
    if (options.feed) this.attachFeed(options.feed);
    this.onConnectivity();
  }

  /**
   * The feed: a document that holds nothing, on which the server sends the versions of this token's documents
   * and then each change. Keeping it attached also keeps the socket authenticated, so it is never idle-closed.
   */
  private attachFeed(feed: FeedListener): void {
    const provider = new HocuspocusProvider({
      name: FEED_DOCUMENT,
      document: new Y.Doc(),
      websocketProvider: this.socket,
      token: this.options.token,
    });
    this.feedProvider = provider;
    provider.on('stateless', ({ payload }: { payload: string }) => void feed.receive(payload));
    this.socket.on('disconnect', () => feed.lost());
    provider.attach();
  }

  /**
   * The feed announced `version` of a document open here and in step: the change already came through its
   * provider (the server sends it before it stores it), so the cursor moves on without a new sync.
   */
  advance(name: string, version: number): boolean {
    const link = this.links.get(name);
    const provider = link?.provider;
    if (!link || !provider || !provider.isSynced || provider.unsyncedChanges > 0) return false;
    link.heardAtAttach = Math.max(version, link.heardAtAttach ?? 0);
    this.confirmIfComplete(link);
    return true;
  }

  /** Starts syncing a document that docStore opened; its Y.Doc stays shared with y-indexeddb. */
  async attach(name: string, doc: Y.Doc): Promise<void> {
    if (this.stopped || this.links.has(name)) return;
    const link: Link = {
      name,
      doc,
      provider: null,
      serverStateVector: null,
      recount: null,
      reopen: null,
      reopenAttempt: 0,
      heardAtAttach: this.options.feed?.heardVersion(name),
      cursor: undefined,
      onUpdate: (_update, origin) => this.onDocUpdate(link, origin),
    };
    this.links.set(name, link);
    const row = await loadServerState(name, this.options.server);
    if (this.links.get(name) !== link) return;
    link.serverStateVector = row?.serverStateVector ?? null;
    link.cursor = row?.cursor;
    updateDocState(name, {
      open: true,
      confirmed: false,
      refused: this.refused,
      pending: countPending(doc, link.serverStateVector),
      lastSyncedAt: row?.lastSyncedAt ?? null,
    });
    const provider = new HocuspocusProvider({
      name,
      document: doc,
      websocketProvider: this.socket,
      token: this.options.token,
    });
    link.provider = provider;
    provider.on('authenticated', () => updateDocState(name, { refused: null }));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      const refusal = refusalOfDenial(reason);
      // A passing refusal (too many connections) is followed by the socket's close and a retry with backoff.
      updateDocState(name, refusal ? { refused: refusal, confirmed: false } : { confirmed: false });
    });
    provider.on('close', ({ event }: { event?: { code?: number; reason?: string } }) => {
      const refusal = refusalOfClose(event);
      updateDocState(name, refusal ? { refused: refusal, confirmed: false } : { confirmed: false });
      // The socket closes first on a network loss; still open means the server closed this document alone
      // (unloaded, restarting): open it again, or it would stay silent until the next reconnection.
      if (!refusal && this.socket.status === WebSocketStatus.Connected) this.scheduleReopen(link);
    });
    provider.on('synced', () => this.confirmIfComplete(link));
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number > 0) updateDocState(name, { confirmed: false });
      else this.confirmIfComplete(link);
    });
    doc.on('update', link.onUpdate);
    // Sharing one socket: without attach() the provider never syncs, and nothing says why.
    provider.attach();
  }

  /** Stops syncing a document before docStore destroys it; keeps its pending count for the status. */
  detach(name: string): void {
    const link = this.links.get(name);
    if (!link) return;
    this.links.delete(name);
    link.doc.off('update', link.onUpdate);
    if (link.recount !== null) this.timers.clearTimeout(link.recount);
    if (link.reopen !== null) this.timers.clearTimeout(link.reopen);
    link.provider?.destroy();
    updateDocState(name, {
      open: false,
      confirmed: false,
      pending: countPending(link.doc, link.serverStateVector),
    });
  }

  /** Try now: after `online`, a return to the foreground, or a user's "retry". */
  reconnect(): void {
    this.attempt = 0;
    this.cancelRetry();
    this.connectNow();
  }

  destroy(): void {
    this.stopped = true;
    this.unsubscribe();
    this.cancelRetry();
    for (const name of [...this.links.keys()]) this.detach(name);
    this.feedProvider?.destroy();
    this.socket.destroy();
    setConnectionState('signedOut', null);
  }

  private onConnectivity(): void {
    if (this.stopped || this.refused) return;
    if (!this.options.connectivity.online()) {
      this.cancelRetry();
      // A socket on a dead network can take the ping timeout to notice; close it so the status is honest now.
      this.socket.disconnect();
      setConnectionState('offline');
      return;
    }
    if (this.options.connectivity.visible() && this.socket.status === WebSocketStatus.Disconnected)
      this.reconnect();
  }

  private connectNow(): void {
    if (this.stopped || this.refused || !this.options.connectivity.online()) return;
    if (this.socket.status !== WebSocketStatus.Disconnected) return;
    setConnectionState('connecting');
    dropQueuedMessages(this.socket);
    void this.socket.connect();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.refused || this.retry !== null) return;
    setConnectionState('offline');
    if (!this.options.connectivity.online()) return;
    const delay = nextDelay(
      this.attempt++,
      this.options.random ?? Math.random,
      this.options.backoff ?? DEFAULT_BACKOFF,
    );
    this.retry = this.timers.setTimeout(() => {
      this.retry = null;
      this.connectNow();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retry === null) return;
    this.timers.clearTimeout(this.retry);
    this.retry = null;
  }

  private scheduleReopen(link: Link): void {
    if (link.reopen !== null) return;
    const delay = nextDelay(
      link.reopenAttempt++,
      this.options.random ?? Math.random,
      this.options.backoff ?? DEFAULT_BACKOFF,
    );
    link.reopen = this.timers.setTimeout(() => {
      link.reopen = null;
      if (this.links.get(link.name) !== link || !link.provider) return;
      link.provider.detach();
      link.provider.attach();
    }, delay);
  }

  private onSocketStatus(status: WebSocketStatus): void {
    if (this.stopped || this.refused) return;
    if (status === WebSocketStatus.Connected) setConnectionState('connected');
    else if (status === WebSocketStatus.Connecting) setConnectionState('connecting');
  }

  private onSocketClosed(event: { code?: number; reason?: string } | undefined): void {
    if (this.stopped) return;
    this.options.onDisconnected?.();
    for (const link of this.links.values()) updateDocState(link.name, { confirmed: false });
    // Stop the library's own reconnect timer: retries follow nextDelay, and a refused token is not retried.
    this.socket.disconnect();
    const closed = refusalOfClose(event);
    // Too large concerns one document: the socket itself is not refused.
    const refusal = closed === 'tooLarge' ? null : closed;
    if (refusal) {
      this.refused = refusal;
      this.cancelRetry();
      for (const link of this.links.values()) updateDocState(link.name, { refused: refusal });
      setConnectionState('offline', refusal);
      return;
    }
    this.scheduleRetry();
  }

  private onDocUpdate(link: Link, origin: unknown): void {
    // An update from the provider came from the server: it has it, so it is never pending.
    if (origin === link.provider) {
      this.confirmIfComplete(link);
      return;
    }
    this.options.feed?.changedHere(link.name);
    if (link.recount !== null) return;
    link.recount = this.timers.setTimeout(() => {
      link.recount = null;
      if (this.links.get(link.name) !== link) return;
      updateDocState(link.name, { pending: countPending(link.doc, link.serverStateVector) });
    }, RECOUNT_MS);
  }

  /** The server applied everything this document holds: remember its state vector as acknowledged. */
  private confirmIfComplete(link: Link): void {
    const provider = link.provider;
    if (!provider || !provider.isSynced || provider.unsyncedChanges > 0 || this.links.get(link.name) !== link)
      return;
    const serverStateVector = Y.encodeStateVector(link.doc);
    const at = this.now();
    // Never a version heard after it attached: a change made during the sync must not be taken as seen.
    const cursor = link.heardAtAttach ?? link.cursor ?? 0;
    link.cursor = cursor;
    link.serverStateVector = serverStateVector;
    link.reopenAttempt = 0;
    this.options.feed?.confirmed(link.name, cursor);
    updateDocState(link.name, { confirmed: true, refused: null, pending: 0, lastSyncedAt: at });
    void saveServerState({
      name: link.name,
      server: this.options.server,
      serverStateVector,
      lastSyncedAt: at,
      cursor,
    }).catch((error: unknown) => console.warn('sync: could not store the acknowledged state', error));
    if (at - this.lastSyncWrittenAt >= LAST_SYNC_WRITE_MS) {
      this.lastSyncWrittenAt = at;
      void getDb()
        .settings.put({ key: LAST_SYNC_KEY, value: new Date(at).toISOString() })
        .catch((error: unknown) => console.warn('sync: could not record the sync time', error));
    }
  }
}
