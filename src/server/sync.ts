// Hocuspocus for /sync: authentication, per-document authorization, limits, durable storage and logs.
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { decideAccess, parseDocumentName } from './access.ts';
import type { Role } from './db.ts';
import type { DocumentStore } from './documents.ts';
import { createAcknowledgements } from './acknowledgements.ts';
import { createCompactionPacer } from './compactionPacer.ts';
import { createFeed, FEED_DOCUMENT } from './feed.ts';
import { createGroupCommit, DEFAULT_GROUP_COMMIT_MS } from './groupCommit.ts';
import { unintegrableReason } from './integrable.ts';
import { describeError, type Logger } from './log.ts';
import { discardPending, hasPending } from './pending.ts';
import { connectRedis } from './redis.ts';
import type { TokenStore } from './tokens.ts';
import type { QuotaStore } from './quotas.ts';
import { TokenBucket } from './rateLimit.ts';
import { createPenaltyBox } from './penalty.ts';
import { createRevocationCheck } from './revocationCheck.ts';
import {
  DocumentTooLarge,
  Forbidden,
  InvalidUpdate,
  MissionQuotaReached,
  OffenceWait,
  TooManyConnections,
  TooManyWrites,
  Unauthorized,
  Unavailable,
  updateOf,
} from './wire.ts';

export interface SyncLimits {
  maxMessageBytes: number;
  maxDocumentBytes: number;
  maxConnectionsPerToken: number;
  maxConnectionsPerIp: number;
  /** How often open connections are checked against revoked tokens and removed memberships. */
  revocationCheckMs: number;
  /** A socket that has not authenticated by then is closed. */
  authTimeoutMs: number;
  /** Sockets from one address still authenticating; they never count against authenticated ones. */
  maxUnauthenticatedPerIp: number;
  /** Sustained updates per second, per socket and per token (a token bucket). */
  writesPerSecond: number;
  /** Updates a socket or token may send at once before the rate applies. */
  writeBurst: number;
  /**
   * A token refused for writing too fast or for an update no client of the app sends may not connect again for
   * this long; each repeat doubles it up to `offenceMaxWaitMs`. 0 turns it off.
   */
  offenceWaitMs: number;
  offenceMaxWaitMs: number;
}

/** One WebSocket on /sync; it may carry several documents (one provider per document on one socket). */
export interface SocketInfo {
  id: string;
  ip: string;
  tokenIds: Set<string>;
  close(code: number, reason: string): void;
  /** Called once, when the socket's first document is authenticated. */
  authenticated(): void;
}

export interface SyncContext {
  socket: SocketInfo;
  tokenId?: string;
  role?: Role;
}

export interface SyncOptions {
  tokens: TokenStore;
  store: DocumentStore;
  limits: SyncLimits;
  log: Logger;
  redisUrl?: string;
  /** Redis channel of the change feed: instances sharing documents share it (one per database schema). */
  feedChannel?: string;
  sockets: Set<SocketInfo>;
  /** New missions a token may create a day, counted in `quotaStore`. */
  missionsPerDay: number;
  quotaStore: QuotaStore;
  /** Why the document and token stores cannot serve now (last known), or null. */
  storeProblem(): string | null;
  /** A store operation failed: have the store checked. */
  storeFailed(error: unknown): void;
  /** Group-commit window in ms (GROUP_COMMIT_MS); 0 commits each update alone. */
  groupCommitMs?: number;
}

export interface SyncServer {
  hocuspocus: Hocuspocus<SyncContext>;
  /** Why /sync cannot take new work now (the store or Redis is down), or null. */
  unavailable(): string | null;
  /** Why Redis cannot serve now, or null (also null without Redis). */
  redisProblem(): string | null;
  /**
   * Makes a change on the server to the live document, as `tokenId` (a restore): connected devices receive it,
   * it is stored at once and the change feed announces the new version.
   */
  changeDocument(name: string, tokenId: string, change: (doc: Y.Doc) => void): Promise<void>;
  stop(): Promise<void>;
}

/** Our own refusals are plain `{ code, reason }` objects; anything else thrown is a failure of a store. */
function isRefusal(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    !(error instanceof Error) &&
    typeof (error as { code?: unknown }).code === 'number'
  );
}

interface Membership {
  tokenId: string;
  mission: string;
}

/** Acknowledgements one connection may have waiting for their commits before its next update waits too. */
const MAX_HELD_ACKNOWLEDGEMENTS = 64;

export function createSync(options: SyncOptions): SyncServer {
  const { tokens, store, limits, log, sockets, storeProblem, storeFailed } = options;
  const acknowledgements = createAcknowledgements();
  const commits = createGroupCommit((batch) => store.appendBatch(batch), {
    windowMs: options.groupCommitMs ?? DEFAULT_GROUP_COMMIT_MS,
    // Applied and relayed already: the update is retried until it is durable; its sender hears nothing till then.
    retry: { firstDelayMs: 100, maxDelayMs: 5000 },
    onFailure(error, names) {
      storeFailed(error);
      const message = describeError(error);
      for (const name of new Set(names)) {
        log({ event: 'commit-failed', document: name, message });
        // Every device of the document is told to try again later: none is acknowledged until the retry commits.
        for (const connection of hocuspocus.documents.get(name)?.getConnections() ?? []) {
          const socket = (connection.context as SyncContext).socket;
          socket.close(Unavailable.code, Unavailable.reason);
        }
      }
    },
  });
  const isRevoked = createRevocationCheck(tokens);
  const penalties = createPenaltyBox({ firstMs: limits.offenceWaitMs, maxMs: limits.offenceMaxWaitMs });
  /** Upper bound of each loaded document's encoded size, to refuse updates before they are applied. */
  const sizes = new Map<string, number>();
  /** The commit of the update each connection is handling, and the log sequences of those applied since the last
   * store, per document: what a compaction may delete from the log. */
  const committing = new WeakMap<object, Promise<number>>();
  const applied = new Map<string, number[]>();
  /** Per document, the tokens whose writes reached it since it was last stored: the history's "who". */
  const writers = new Map<string, Set<string>>();
  const noteWriter = (documentName: string, tokenId: string | undefined) => {
    if (tokenId === undefined) return;
    const set = writers.get(documentName) ?? new Set<string>();
    set.add(tokenId);
    writers.set(documentName, set);
  };

  /** Write budgets per socket id and per token id; buckets that refilled completely are dropped. */
  const buckets = new Map<string, TokenBucket>();
  const bucketOf = (key: string): TokenBucket => {
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(limits.writesPerSecond, limits.writeBurst);
      buckets.set(key, bucket);
    }
    return bucket;
  };
  const takeWrite = (key: string): boolean => bucketOf(key).take();
  /**
   * Puts a token that misbehaved on hold: its sockets close, it may not reconnect for a while, and its write budget
   * starts from empty when the wait is over instead of a burst saved up meanwhile.
   */
  const punish = (tokenId: string | undefined) => {
    if (tokenId === undefined) return;
    const waitMs = penalties.punish(tokenId);
    if (waitMs <= 0) return;
    bucketOf(`token:${tokenId}`).suspend(waitMs);
    for (const socket of sockets) {
      if (socket.tokenIds.has(tokenId))
        setImmediate(() => socket.close(OffenceWait.code, OffenceWait.reason));
    }
  };
  const dropFullBuckets = () => {
    for (const [key, bucket] of buckets) if (bucket.isFull()) buckets.delete(key);
  };

  /** Per socket, the documents opened through a membership, checked again by the sweep. */
  const membersOnSocket = new Map<SocketInfo, Map<string, Membership>>();

  const refuse = (
    event: string,
    error: { code: number; reason: string },
    fields: Record<string, unknown>,
  ) => {
    log({ event: 'refused', refusal: event, code: error.code, ...fields });
    return error;
  };

  /**
   * The store or Redis cannot serve: closes the whole socket as transient and returns the error to throw, so
   * nothing is applied or acknowledged. Closed before Hocuspocus handles the error, which would otherwise
   * answer with a denial of access (or a close of the document) that clients must not take as refused.
   */
  const unavailable = (socket: SocketInfo, problem: string, fields: Record<string, unknown>) => {
    log({
      event: 'refused',
      refusal: 'unavailable',
      code: Unavailable.code,
      problem,
      socket: socket.id,
      ...fields,
    });
    socket.close(Unavailable.code, Unavailable.reason);
    return Unavailable;
  };

  type AuthenticatePayload = Parameters<NonNullable<Extension<SyncContext>['onAuthenticate']>>[0];
  const authenticate = async ({
    token,
    documentName,
    connectionConfig,
    context,
    instance,
  }: AuthenticatePayload) => {
    const { socket } = context;
    const isFeed = documentName === FEED_DOCUMENT;
    // Only the canonical spelling: an upper-case id would be another document under the same membership.
    const doc = isFeed ? null : parseDocumentName(documentName);
    if (doc === null && !isFeed)
      throw refuse('bad-document-name', Forbidden, { document: documentName, socket: socket.id });
    const row = token ? await tokens.find(token) : null;
    if (row === null) {
      // Every document on this socket shares the device's token: close it all, after the denial is sent.
      setImmediate(() => socket.close(Unauthorized.code, Unauthorized.reason));
      throw refuse('unknown-or-revoked-token', Unauthorized, { document: documentName, socket: socket.id });
    }
    const who = { document: documentName, role: row.role, tokenId: row.id, socket: socket.id };
    const waitMs = penalties.waitOf(row.id);
    if (waitMs > 0) {
      setImmediate(() => socket.close(OffenceWait.code, OffenceWait.reason));
      throw refuse('offence-wait', OffenceWait, { ...who, waitMs: Math.ceil(waitMs) });
    }
    if (!socket.tokenIds.has(row.id)) {
      let open = 0;
      let fromIp = 0;
      for (const other of sockets) {
        if (other.tokenIds.has(row.id)) open += 1;
        if (other.ip === socket.ip && other.tokenIds.size > 0) fromIp += 1;
      }
      if (open >= limits.maxConnectionsPerToken) {
        setImmediate(() => socket.close(TooManyConnections.code, TooManyConnections.reason));
        throw refuse('too-many-connections-for-token', TooManyConnections, who);
      }
      // Only authenticated sockets count: idle unauthenticated ones cannot lock anyone out of an address.
      if (socket.tokenIds.size === 0 && fromIp >= limits.maxConnectionsPerIp) {
        setImmediate(() => socket.close(TooManyConnections.code, TooManyConnections.reason));
        throw refuse('too-many-connections-for-ip', TooManyConnections, { ...who, ip: socket.ip });
      }
      if (socket.tokenIds.size === 0) socket.authenticated();
      socket.tokenIds.add(row.id);
    }
    if (doc === null) {
      // The feed: any valid token may hold it; nothing is ever written to it.
      connectionConfig.readOnly = true;
      log({ event: 'authenticated', access: 'feed', ...who });
      return { tokenId: row.id, role: row.role };
    }
    const member = await tokens.isMember(row.id, doc.id);
    const missionName = `mission:${doc.id}`;
    const reviewName = `review:${doc.id}`;
    // A mission is claimed by opening it only while nothing of it exists: no document (its own or its
    // review), no assignment, no member. Otherwise a planned mission would go to whoever opens it first.
    const missionExists =
      row.role === 'technician' && doc.kind === 'mission' && !member
        ? instance.documents.has(missionName) ||
          instance.loadingDocuments.has(missionName) ||
          instance.documents.has(reviewName) ||
          (await tokens.hasMembers(doc.id)) ||
          (await store.exists(missionName)) ||
          (await store.exists(reviewName))
        : true;
    const { access, join } = decideAccess(doc, { role: row.role, member, missionExists });
    if (access === 'forbidden') throw refuse('forbidden-document', Forbidden, who);
    if (join) {
      // Counted before the membership exists: a refused claim leaves the mission unclaimed and nothing stored.
      if (!(await options.quotaStore.claimMission(row.id, doc.id, options.missionsPerDay)))
        throw refuse('mission-quota-reached', MissionQuotaReached, { ...who, max: options.missionsPerDay });
      await tokens.addMembership(row.id, doc.id);
      feed.joined(row.id, doc.id);
      log({ event: 'membership-created', ...who });
    }
    connectionConfig.readOnly = access === 'read-only';
    if (row.role !== 'coordinator') {
      const held = membersOnSocket.get(socket) ?? new Map<string, Membership>();
      held.set(documentName, { tokenId: row.id, mission: doc.id });
      membersOnSocket.set(socket, held);
    }
    log({ event: 'authenticated', access, ...who });
    return { tokenId: row.id, role: row.role };
  };

  const minga: Extension<SyncContext> = {
    extensionName: 'minga',
    async onAuthenticate(payload) {
      const fields = { document: payload.documentName };
      // A document also needs Redis when there is one: loading it subscribes to its channel.
      const problem = storeProblem() ?? redisProblem();
      if (problem !== null) throw unavailable(payload.context.socket, problem, fields);
      try {
        return await authenticate(payload);
      } catch (error) {
        if (isRefusal(error)) throw error;
        storeFailed(error);
        throw unavailable(payload.context.socket, describeError(error), fields);
      }
    },
    async connected({ documentName, context, connection }) {
      if (documentName === FEED_DOCUMENT && context.tokenId !== undefined && context.role !== undefined) {
        const who = { tokenId: context.tokenId, role: context.role };
        feed
          .add(context.socket, who, (payload) => connection.sendStateless(payload))
          .catch((error: unknown) => {
            storeFailed(error);
            log({ event: 'feed-failed', socket: context.socket.id, message: describeError(error) });
            context.socket.close(Unavailable.code, Unavailable.reason);
          });
      }
      log({
        event: 'connected',
        document: documentName,
        role: context.role,
        tokenId: context.tokenId,
        readOnly: connection.readOnly,
        socket: context.socket.id,
      });
    },
    async onDisconnect({ documentName, context }) {
      if (documentName === FEED_DOCUMENT) feed.remove(context.socket);
      membersOnSocket.get(context.socket)?.delete(documentName);
      log({
        event: 'disconnected',
        document: documentName,
        role: context.role,
        tokenId: context.tokenId,
        socket: context.socket.id,
      });
    },
    async afterLoadDocument({ document, documentName }) {
      sizes.set(documentName, Y.encodeStateAsUpdate(document).length);
      log({ event: 'document-loaded', document: documentName, bytes: sizes.get(documentName) });
      document.on('update', (update: Uint8Array) => {
        sizes.set(documentName, (sizes.get(documentName) ?? 0) + update.length);
      });
    },
    async beforeHandleMessage({ update: message, document, documentName, connection, context }) {
      const who = {
        document: documentName,
        role: context.role,
        tokenId: context.tokenId,
        socket: context.socket.id,
      };
      let update: Uint8Array | null;
      let unintegrable: string | null = null;
      try {
        update = updateOf(message);
        // Decodes every struct and the delete set without applying anything: a truncated or garbled update
        // would otherwise be half applied (Yjs integrates structs before reading the delete set).
        if (update !== null) unintegrable = unintegrableReason(document, update);
      } catch {
        setImmediate(() => context.socket.close(InvalidUpdate.code, InvalidUpdate.reason));
        punish(context.tokenId);
        throw refuse('malformed-update', InvalidUpdate, who);
      }
      if (update === null) return;
      acknowledgements.hold(connection, documentName);
      if (unintegrable !== null) {
        // Depends on changes nobody sent: never applied, stored or acknowledged.
        setImmediate(() => context.socket.close(InvalidUpdate.code, InvalidUpdate.reason));
        punish(context.tokenId);
        throw refuse('unintegrable-update', InvalidUpdate, { ...who, problem: unintegrable });
      }
      if (connection.readOnly) {
        // Hocuspocus drops it and tells the client it was not saved; logged (unless empty) as a refusal.
        if (update.length > 2) log({ event: 'refused', refusal: 'read-only-write', ...who });
        return;
      }
      // The write budget first: it costs nothing, where the revocation check asks the token store.
      if (update.length > 2 && !(takeWrite(context.socket.id) && takeWrite(`token:${context.tokenId}`))) {
        setImmediate(() => context.socket.close(TooManyWrites.code, TooManyWrites.reason));
        punish(context.tokenId);
        throw refuse('too-many-writes', TooManyWrites, who);
      }
      // A token revoked since the last sweep writes nothing more: checked on each write, not only every sweep.
      if (update.length > 2 && context.tokenId !== undefined) {
        let revoked: boolean;
        try {
          revoked = await isRevoked(context.tokenId);
        } catch (error) {
          storeFailed(error);
          throw unavailable(context.socket, describeError(error), who);
        }
        if (revoked) {
          setImmediate(() => context.socket.close(Unauthorized.code, Unauthorized.reason));
          throw refuse('revoked-token-write', Unauthorized, who);
        }
      }
      const size = sizes.get(documentName) ?? 0;
      if (size + update.length > limits.maxDocumentBytes) {
        throw refuse('document-too-large', DocumentTooLarge, { ...who, size, updateBytes: update.length });
      }
      if (update.length > 2) noteWriter(documentName, context.tokenId);
      // The update goes to the log (with whatever else arrives within the group-commit window) while Hocuspocus
      // applies and relays it; its acknowledgement waits for the commit (see acknowledgements.ts). The log keeps
      // arrival order. An empty update ([0, 0]: no structs, no deletions), as every reconnect's sync step 2 may
      // be, is not logged, but its acknowledgement still waits for the document's commits before it.
      if (update.length > 2) {
        const problem = storeProblem();
        if (problem !== null) throw unavailable(context.socket, problem, who);
        // A device far ahead of the disk waits, so what the server holds for it stays bounded.
        if (acknowledgements.held(connection) >= MAX_HELD_ACKNOWLEDGEMENTS)
          await acknowledgements.flushed(connection);
        const commit = commits.append(documentName, update);
        commit.catch(() => undefined); // Failures are handled by the group commit's `onFailure`.
        acknowledgements.committing(documentName, commit);
        committing.set(connection, commit);
        // With other instances, the update is applied (and so published to them) only once durable: a device
        // that reconnects to another instance would otherwise find it there, send an empty sync step, and be
        // acknowledged by an instance that cannot know whether this one has committed it.
        if (redis !== null) {
          try {
            await commit;
          } catch (error) {
            throw unavailable(context.socket, describeError(error), who);
          }
        }
      }
    },
    async afterHandleMessage({ connection, document, documentName, context }) {
      if (hasPending(document)) {
        // Only reachable if the check before applying missed a case: drop it before it is merged or stored.
        discardPending(document);
        context.socket.close(InvalidUpdate.code, InvalidUpdate.reason);
        log({
          event: 'refused',
          refusal: 'pending-after-apply',
          document: documentName,
          socket: context.socket.id,
        });
      }
      const commit = committing.get(connection);
      if (commit === undefined) return;
      committing.delete(connection);
      // Compactable once both applied (now) and committed; a document unloaded meanwhile keeps it in its log.
      commit.then(
        (seq) => {
          if (!sizes.has(documentName)) return;
          const list = applied.get(documentName) ?? [];
          list.push(seq);
          applied.set(documentName, list);
        },
        () => undefined,
      );
    },
    async afterUnloadDocument({ documentName }) {
      // Hocuspocus unloads a document once its last connection has gone and its state is stored.
      log({ event: 'document-unloaded', document: documentName });
      sizes.delete(documentName);
      applied.delete(documentName);
      writers.delete(documentName);
    },
  };

  /** Compacts one document: its whole state merged into the stored one, the log entries it holds deleted. */
  const compact = async (documentName: string, document: Y.Doc) => {
    // Encoded and taken in the same tick: exactly the logged updates the state already contains (one committed
    // but not yet applied is not among them, and stays in the log).
    const state = Y.encodeStateAsUpdate(document);
    const compacted = applied.get(documentName) ?? [];
    applied.set(documentName, []);
    const wrote = [...(writers.get(documentName) ?? [])];
    writers.delete(documentName);
    let version: number;
    try {
      version = await store.store(documentName, state, compacted, wrote, true);
    } catch (error) {
      // Nothing is lost: every update is in the log already; the next store compacts them.
      applied.set(documentName, [...compacted, ...(applied.get(documentName) ?? [])]);
      for (const tokenId of wrote) noteWriter(documentName, tokenId);
      storeFailed(error);
      throw error;
    }
    sizes.set(documentName, state.length);
    feed.stored(documentName, version);
  };

  const pacer = createCompactionPacer();
  const database: Extension<SyncContext> = {
    async onLoadDocument({ documentName, document, context }) {
      if (documentName === FEED_DOCUMENT) return;
      let stored: Uint8Array | null;
      try {
        stored = await store.fetch(documentName);
      } catch (error) {
        storeFailed(error);
        throw unavailable(context.socket, describeError(error), { document: documentName });
      }
      if (stored !== null) Y.applyUpdate(document, stored);
    },
    // Hocuspocus has already waited for the document to be quiet (or for its longest delay); the pacer then
    // spreads the compactions that fall due together (compactionPacer.ts).
    async onStoreDocument({ documentName, document }) {
      if (documentName === FEED_DOCUMENT) return;
      await pacer.run(() => compact(documentName, document));
    },
  };
  const feedChannel = options.feedChannel ?? 'minga-feed';
  const redis = options.redisUrl ? connectRedis(options.redisUrl, log, `${feedChannel}:doc`) : null;
  const redisProblem = () => redis?.problem() ?? null;
  const feed = createFeed({
    store,
    tokens,
    log,
    ...(redis ? { redis: { pub: redis.extension.pub, channel: feedChannel } } : {}),
  });

  const hocuspocus = new Hocuspocus<SyncContext>({
    name: 'minga',
    quiet: true,
    // Every acknowledged update is already in the update log: the full-state write is only a compaction, and
    // its new version is what the change feed announces, so an idle device hears of an edit about a second
    // after it. A document edited without pause is still written at most every 10 s.
    debounce: 1000,
    maxDebounce: 10000,
    extensions:
      redis === null ? [database, minga] : [redis.extension, database, redis.relay.extension, minga],
  });

  /** Closes sockets holding a mission (or its review) their token is no longer a member of. */
  const sweepMemberships = async () => {
    const missionsOf = new Map<string, Promise<string[]>>();
    for (const [socket, held] of membersOnSocket) {
      if (!sockets.has(socket)) {
        membersOnSocket.delete(socket);
        continue;
      }
      for (const { tokenId, mission } of held.values()) {
        let missions = missionsOf.get(tokenId);
        if (missions === undefined) {
          missions = tokens.missionsOf(tokenId);
          missionsOf.set(tokenId, missions);
        }
        if ((await missions).includes(mission)) continue;
        log({ event: 'removed-member-closed', tokenId, mission, socket: socket.id, code: Forbidden.code });
        socket.close(Forbidden.code, Forbidden.reason);
        membersOnSocket.delete(socket);
        break;
      }
    }
  };

  let sweeping = false;
  const sweep = setInterval(() => {
    dropFullBuckets();
    const ids = new Set<string>();
    for (const socket of sockets) for (const id of socket.tokenIds) ids.add(id);
    // While the store is down the check cannot run; open connections stay until it answers again.
    if (ids.size === 0 || sweeping || storeProblem() !== null) return;
    sweeping = true;
    tokens
      .revokedAmong([...ids])
      .then(async (revoked) => {
        await sweepMemberships();
        await feed.refreshMemberships();
        for (const socket of sockets) {
          const hit = [...socket.tokenIds].find((id) => revoked.has(id));
          if (hit === undefined) continue;
          log({
            event: 'revoked-connection-closed',
            tokenId: hit,
            socket: socket.id,
            code: Unauthorized.code,
          });
          socket.close(Unauthorized.code, Unauthorized.reason);
        }
      })
      .catch((error: unknown) => {
        storeFailed(error);
        log({ event: 'revocation-check-failed', message: describeError(error) });
      })
      .finally(() => {
        sweeping = false;
      });
  }, limits.revocationCheckMs);
  sweep.unref();

  return {
    hocuspocus,
    unavailable: () => storeProblem() ?? redisProblem(),
    redisProblem,
    async changeDocument(name, tokenId, change) {
      const socket: SocketInfo = {
        id: `server:${tokenId}`,
        ip: 'server',
        tokenIds: new Set([tokenId]),
        close: () => {},
        authenticated: () => {},
      };
      const context: SyncContext = { socket, tokenId, role: 'coordinator' };
      const connection = await hocuspocus.openDirectConnection(name, context);
      try {
        const made: Uint8Array[] = [];
        const keep = (update: Uint8Array) => made.push(update);
        connection.document?.on('update', keep);
        try {
          await connection.transact((doc) => {
            noteWriter(name, tokenId);
            change(doc);
          });
        } finally {
          connection.document?.off('update', keep);
        }
        // Logged like a device's update, so a failed write fails the restore instead of passing unnoticed.
        if (made.length > 0) {
          const seq = await commits.append(name, Y.mergeUpdates(made));
          applied.set(name, [...(applied.get(name) ?? []), seq]);
        }
      } finally {
        // Stores the document at once, with the change and its writer.
        await connection.disconnect();
      }
    },
    async stop() {
      clearInterval(sweep);
      await feed.stop();
      // While Redis is down the extension's commands wait for it (see redis.ts), and would hold the shutdown.
      redis?.releaseIfDown();
      hocuspocus.closeConnections();
      // Updates still waiting for their transaction commit (or fail, without more retries) before the database
      // closes.
      await commits.stop();
      hocuspocus.flushPendingStores();
      // Let the stores started by the flush finish before the database closes.
      const deadline = Date.now() + 5000;
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await hocuspocus
        .hooks('onDestroy', { instance: hocuspocus })
        .catch((error: unknown) => log({ event: 'shutdown-error', message: describeError(error) }));
    },
  };
}
