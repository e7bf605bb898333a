// The Minga server: one node:http server for the PWA, /api/*, /healthz and the WebSocket /sync (Hocuspocus).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import crossws from 'crossws/adapters/node';
import type { WebSocketLike } from '@hocuspocus/server';
import { postgresBlobRefs, sqliteBlobRefs } from './blobRefs.ts';
import { DEFAULT_MAX_BLOB_BYTES, handleBlob, type BlobContext } from './blobs.ts';
import { directoryBlobStore, postgresBlobStore, removeUploadLeftovers } from './blobStore.ts';
import { createStaticHandler, safeUrlPath, startStaticServer } from './static.ts';
import { openDatabase } from './db.ts';
import { sqliteWriterThread } from './sqliteWriter.ts';
import { postgresDocumentStore, sqliteDocumentStore, type DocumentStore } from './documents.ts';
import { handleInvites } from './invites.ts';
import { handleHistory, isHistoryRoute } from './historyRoutes.ts';
import { boundedLogger, describeError, jsonLogger, type Logger } from './log.ts';
import { MAX_DOCUMENT_NAME_BYTES } from './access.ts';
import { AuthenticationTimeout, documentNameLength, Forbidden, InvalidUpdate, isAwareness } from './wire.ts';
import { assertSchemaName, createPool } from './postgres.ts';
import { watchPostgres } from './postgresWatch.ts';
import { createSync, type SocketInfo, type SyncLimits } from './sync.ts';
import { DEFAULT_QUOTAS, postgresQuotaStore, sqliteQuotaStore, type Quotas } from './quotas.ts';
import { postgresTokenStore, sqliteTokenStore, type TokenStore } from './tokens.ts';

export interface MingaServerOptions {
  port: number;
  host?: string;
  dataDir: string;
  distDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema for documents, tokens and memberships (default public; tests use their own). */
  databaseSchema?: string;
  redisUrl?: string;
  limits?: Partial<SyncLimits>;
  /** Largest blob accepted by PUT /api/blobs (default 20 MiB). */
  maxBlobBytes?: number;
  /** New missions per token a day, photo bytes per mission and per token a day (see quotas.ts). */
  quotas?: Partial<Quotas>;
  log?: Logger;
  /** Addresses of reverse proxies whose X-Forwarded-For names the client; from nobody else. */
  trustedProxies?: readonly string[];
  /** Sends Strict-Transport-Security: only when the server is reached over HTTPS. */
  hsts?: boolean;
  /** Days stored versions are kept for restoring (HISTORY_RETENTION_DAYS, default 90). */
  historyRetentionDays?: number;
  /** Updates arriving within this many ms share one transaction (GROUP_COMMIT_MS, default 2; 0: one each). */
  groupCommitMs?: number;
  /** SQLite: commit update batches on a worker thread (SQLITE_WRITER_THREAD=1) rather than on the event loop. */
  sqliteWriterThread?: boolean;
  /** Whole headers, and whole requests (bodies included), must arrive within these. */
  httpTimeouts?: Partial<typeof DEFAULT_HTTP_TIMEOUTS>;
}

export interface MingaServer {
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: SyncLimits = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
  maxConnectionsPerToken: 8,
  maxConnectionsPerIp: 32,
  revocationCheckMs: 2000,
  authTimeoutMs: 5000,
  maxUnauthenticatedPerIp: 64,
  // A person typing sends a few updates a second; a device catching up sends one sync message.
  writesPerSecond: 100,
  writeBurst: 1000,
  offenceWaitMs: 1000,
  offenceMaxWaitMs: 60_000,
};

export const DEFAULT_HTTP_TIMEOUTS = { headersTimeoutMs: 10_000, requestTimeoutMs: 120_000 };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
  });
  res.end(bytes);
}

/** The store cannot serve for now; the body may be left unread, so the connection does not carry another. */
function sendUnavailable(res: ServerResponse): void {
  res.setHeader('Retry-After', '5');
  res.setHeader('Connection', 'close');
  sendJson(res, 503, { error: 'unavailable' });
}

/** IPv4 addresses as IPv6 sockets report them ("::ffff:10.0.0.1") read as plain IPv4. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/** The client's address: the peer, or behind a trusted proxy the nearest untrusted X-Forwarded-For hop. */
export function clientAddress(req: IncomingMessage, trusted: ReadonlySet<string>): string {
  const peer = plainAddress(req.socket.remoteAddress ?? 'unknown');
  if (!trusted.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => plainAddress(hop.trim()))
    .filter((hop) => hop !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trusted.has(hop)) return hop.slice(0, 64);
  }
  return peer;
}

/** The request header the upgrade handler sets to the client's address, for the WebSocket's open hook. */
const CLIENT_ADDRESS_HEADER = 'x-minga-client-address';
const UPGRADE_ID_HEADER = 'x-minga-upgrade-id';

function bearer(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export async function startMingaServer(options: MingaServerOptions): Promise<MingaServer> {
  const log = boundedLogger(options.log ?? jsonLogger);
  const overrides = Object.entries(options.limits ?? {}).filter(([, value]) => value !== undefined);
  const limits: SyncLimits = { ...DEFAULT_LIMITS, ...Object.fromEntries(overrides) };
  const db = openDatabase(options.dataDir);
  const schema = options.databaseSchema ?? 'public';
  if (options.databaseUrl) assertSchemaName(schema);
  const blobDir = path.join(options.dataDir, 'blobs');
  const leftovers = await removeUploadLeftovers(blobDir);
  if (leftovers > 0) log({ event: 'blob-leftovers-removed', files: leftovers });

  // PostgreSQL may not answer yet: the server serves anyway, /healthz says why, and /sync and /api are refused
  // until the watch has set the schema up (it keeps retrying by itself).
  const pool = options.databaseUrl ? createPool(options.databaseUrl, () => postgres?.suspect()) : null;
  const postgres = pool ? watchPostgres(pool, schema, log) : null;
  await postgres?.check();
  const storeProblem = () => postgres?.problem() ?? null;
  const storeFailed = () => postgres?.suspect();
  const retention = options.historyRetentionDays;
  const store: DocumentStore = pool
    ? postgresDocumentStore(pool, schema, retention)
    : sqliteDocumentStore(
        db,
        retention,
        options.sqliteWriterThread === true ? sqliteWriterThread(options.dataDir, retention) : undefined,
      );
  // Several instances must agree on tokens: with PostgreSQL they live there, not in each instance's file.
  const tokens: TokenStore = pool ? postgresTokenStore(pool, schema) : sqliteTokenStore(db);
  const quotaOverrides = Object.entries(options.quotas ?? {}).filter(([, value]) => value !== undefined);
  const quotas: Quotas = { ...DEFAULT_QUOTAS, ...Object.fromEntries(quotaOverrides) };
  const quotaStore = pool ? postgresQuotaStore(pool, schema) : sqliteQuotaStore(db);
  const blobs: BlobContext = {
    // With PostgreSQL, any instance behind the load balancer serves the photos another one received.
    blobs: pool ? postgresBlobStore(pool, schema) : directoryBlobStore(blobDir),
    maxBytes: options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES,
    refs: pool ? postgresBlobRefs(pool, schema) : sqliteBlobRefs(db),
    tokens,
    documents: store,
    log,
    quotas,
    quotaStore,
  };
  const sockets = new Set<SocketInfo>();
  const sync = createSync({
    tokens,
    store,
    limits,
    log,
    sockets,
    missionsPerDay: quotas.missionsPerDay,
    quotaStore,
    redisUrl: options.redisUrl,
    feedChannel: `minga-feed:${schema}`,
    storeProblem,
    storeFailed,
    groupCommitMs: options.groupCommitMs,
  });
  const staticHandler = createStaticHandler({ distDir: options.distDir });

  async function health(): Promise<string[]> {
    const problems: string[] = [];
    try {
      db.prepare('SELECT 1 AS ok').get();
    } catch (error) {
      problems.push(`sqlite: ${error instanceof Error ? error.message : String(error)}`);
    }
    const postgresProblem = (await postgres?.check()) ?? null;
    if (postgresProblem !== null) problems.push(postgresProblem);
    const redisProblem = sync.redisProblem();
    if (redisProblem !== null) problems.push(redisProblem);
    return problems;
  }

  async function api(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    if (storeProblem() !== null) {
      sendUnavailable(res);
      return;
    }
    const token = bearer(req);
    const row = token === null ? null : await tokens.find(token);
    if (row === null) {
      log({ event: 'refused', refusal: 'api-unauthorized', path: urlPath });
      sendJson(res, 401, { error: 'unauthorized' });
      return;
    }
    if (urlPath === '/api/invites') {
      const reply = await handleInvites(req, row, tokens, log);
      sendJson(res, reply.status, reply.body);
      return;
    }
    if (urlPath.startsWith('/api/blobs/')) {
      await handleBlob(req, res, urlPath, row, blobs);
      return;
    }
    if (isHistoryRoute(urlPath)) {
      const reply = await handleHistory(req, urlPath, row, { store, tokens, restorer: sync, log });
      sendJson(res, reply.status, reply.body);
      return;
    }
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'method_not_allowed' });
      return;
    }
    if (urlPath === '/api/me') {
      sendJson(res, 200, { tokenId: row.id, name: row.name, role: row.role });
      return;
    }
    if (urlPath === '/api/missions') {
      // Lets a device discover and sync in the background every mission it may open.
      const ids =
        row.role === 'coordinator'
          ? (await store.names('mission:')).map((name) => name.slice('mission:'.length))
          : await tokens.missionsOf(row.id);
      sendJson(res, 200, { missions: ids });
      return;
    }
    sendJson(res, 404, { error: 'not_found' });
  }

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const urlPath = safeUrlPath(req.url);
    try {
      if (urlPath === '/healthz') {
        const problems = await health();
        if (problems.length === 0) sendJson(res, 200, { status: 'ok' });
        else sendJson(res, 503, { status: 'unhealthy', problems });
        return;
      }
      if (urlPath !== null && (urlPath === '/api' || urlPath.startsWith('/api/'))) {
        await api(req, res, urlPath);
        return;
      }
    } catch (error) {
      log({ event: 'error', path: urlPath, message: describeError(error) });
      // A store that stopped answering is a passing state the client retries, not an internal error.
      const down = postgres === null ? null : await postgres.check();
      if (res.headersSent) res.destroy();
      else if (down !== null) sendUnavailable(res);
      else sendJson(res, 500, { error: 'internal' });
      return;
    }
    await staticHandler(req, res);
  };

  interface Peer {
    id: string;
    remoteAddress?: string;
    request: Request;
    websocket: unknown;
    close(code?: number, reason?: string): void;
  }
  const bySocket = new Map<
    string,
    { info: SocketInfo; connection: ReturnType<typeof sync.hocuspocus.handleConnection> }
  >();
  const closing = new WeakSet<SocketInfo>();
  /** Per address, sockets that have not authenticated yet; per upgrade, how its socket stops counting. */
  const unauthenticated = new Map<string, number>();
  const releases = new Map<string, () => void>();
  const ws = crossws({
    serverOptions: { maxPayload: limits.maxMessageBytes },
    hooks: {
      open(peer: Peer) {
        const ip = peer.request.headers.get(CLIENT_ADDRESS_HEADER) ?? peer.remoteAddress ?? 'unknown';
        const upgradeId = peer.request.headers.get(UPGRADE_ID_HEADER) ?? '';
        const release = releases.get(upgradeId);
        releases.delete(upgradeId);
        const info: SocketInfo = {
          id: randomUUID(),
          ip,
          tokenIds: new Set(),
          close: (code, reason) => peer.close(code, reason),
          authenticated: () => {
            clearTimeout(deadline);
            release?.();
          },
        };
        const deadline = setTimeout(() => {
          if (info.tokenIds.size > 0) return;
          log({ event: 'refused', refusal: 'authentication-timeout', socket: info.id, ip });
          peer.close(AuthenticationTimeout.code, AuthenticationTimeout.reason);
        }, limits.authTimeoutMs);
        sockets.add(info);
        const connection = sync.hocuspocus.handleConnection(peer.websocket as WebSocketLike, peer.request, {
          socket: info,
        });
        bySocket.set(peer.id, { info, connection });
        log({ event: 'socket-open', socket: info.id, ip: info.ip });
      },
      message(peer: Peer, message: { uint8Array(): Uint8Array }) {
        const entry = bySocket.get(peer.id);
        if (entry === undefined) return;
        const bytes = message.uint8Array();
        let nameBytes: number;
        try {
          nameBytes = documentNameLength(bytes);
        } catch {
          nameBytes = Infinity;
        }
        // No valid name is longer: refused before Hocuspocus reads, stores or logs it.
        if (nameBytes > MAX_DOCUMENT_NAME_BYTES) {
          if (closing.has(entry.info)) return; // one line per socket, however many such frames follow
          closing.add(entry.info);
          log({ event: 'refused', refusal: 'bad-document-name', nameBytes, socket: entry.info.id });
          entry.info.close(Forbidden.code, Forbidden.reason);
          return;
        }
        let awareness: boolean;
        try {
          awareness = isAwareness(bytes);
        } catch {
          // Cut before its message type: nothing anyone could read. Thrown from this hook, it would end the process.
          if (closing.has(entry.info)) return;
          closing.add(entry.info);
          log({ event: 'refused', refusal: 'malformed-frame', bytes: bytes.length, socket: entry.info.id });
          entry.info.close(InvalidUpdate.code, InvalidUpdate.reason);
          return;
        }
        // Presence is not used by the app: not relayed, so no member can fan large states out to the others.
        if (awareness) return;
        entry.connection.handleMessage(bytes);
      },
      close(peer: Peer, event: { code?: number; reason?: string }) {
        const entry = bySocket.get(peer.id);
        if (entry === undefined) return;
        bySocket.delete(peer.id);
        sockets.delete(entry.info);
        entry.info.authenticated(); // ends the deadline and the count of a socket that never authenticated
        entry.connection.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        log({ event: 'socket-closed', socket: entry.info.id, code: event.code, reason: event.reason });
      },
    },
  });

  const running = await startStaticServer({
    port: options.port,
    host: options.host ?? '0.0.0.0',
    distDir: options.distDir,
    handler,
    hsts: options.hsts ?? false,
    ...DEFAULT_HTTP_TIMEOUTS,
    ...Object.fromEntries(Object.entries(options.httpTimeouts ?? {}).filter(([, v]) => v !== undefined)),
  });

  const trustedProxies = new Set((options.trustedProxies ?? []).map(plainAddress));
  let refusingUpgrades = false;
  running.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const urlPath = safeUrlPath(req.url);
    const ip = clientAddress(req, trustedProxies);
    req.headers[CLIENT_ADDRESS_HEADER] = ip;
    if (urlPath !== '/sync') {
      log({ event: 'refused', refusal: 'upgrade-path', path: urlPath, ip });
      socket.destroy();
      return;
    }
    const unavailable = sync.unavailable();
    if (unavailable !== null) {
      // Clients retry with their backoff: one line when the refusals begin, not one per attempt.
      if (!refusingUpgrades) log({ event: 'refused', refusal: 'upgrade-unavailable', problem: unavailable });
      refusingUpgrades = true;
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    refusingUpgrades = false;
    // Counted from the upgrade request, not from the open socket, so a burst of handshakes cannot slip past;
    // a socket stops counting here once it authenticates (then the per-address limit of sync.ts applies).
    const waiting = unauthenticated.get(ip) ?? 0;
    if (waiting >= limits.maxUnauthenticatedPerIp) {
      log({ event: 'refused', refusal: 'too-many-unauthenticated-for-ip', ip });
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    unauthenticated.set(ip, waiting + 1);
    // Stops counting once, when the socket authenticates or closes, whichever comes first.
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const left = (unauthenticated.get(ip) ?? 1) - 1;
      if (left <= 0) unauthenticated.delete(ip);
      else unauthenticated.set(ip, left);
    };
    socket.once('close', release);
    const upgradeId = randomUUID();
    req.headers[UPGRADE_ID_HEADER] = upgradeId;
    releases.set(upgradeId, release);
    socket.once('close', () => releases.delete(upgradeId));
    void ws.handleUpgrade(req, socket, head);
  });

  return {
    port: running.port,
    async close() {
      await sync.stop();
      ws.closeAll(1001, 'Server shutting down', true);
      await running.close();
      await store.close();
      postgres?.close();
      await pool?.end();
      db.close();
    },
  };
}
