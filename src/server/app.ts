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
import { postgresDocumentStore, sqliteDocumentStore, type DocumentStore } from './documents.ts';
import { handleInvites } from './invites.ts';
import { boundedLogger, describeError, jsonLogger, type Logger } from './log.ts';
import { MAX_DOCUMENT_NAME_BYTES } from './access.ts';
import { documentNameLength, Forbidden } from './wire.ts';
import { assertSchemaName, createPool } from './postgres.ts';
import { watchPostgres } from './postgresWatch.ts';
import { createSync, type SocketInfo, type SyncLimits } from './sync.ts';
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
  log?: Logger;
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
};

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
  const store: DocumentStore = pool ? postgresDocumentStore(pool, schema) : sqliteDocumentStore(db);
  // Several instances must agree on tokens: with PostgreSQL they live there, not in each instance's file.
  const tokens: TokenStore = pool ? postgresTokenStore(pool, schema) : sqliteTokenStore(db);
  const blobs: BlobContext = {
    // With PostgreSQL, any instance behind the load balancer serves the photos another one received.
    blobs: pool ? postgresBlobStore(pool, schema) : directoryBlobStore(blobDir),
    maxBytes: options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES,
    refs: pool ? postgresBlobRefs(pool, schema) : sqliteBlobRefs(db),
    tokens,
    documents: store,
    log,
  };
  const sockets = new Set<SocketInfo>();
  const sync = createSync({
    tokens,
    store,
    limits,
    log,
    sockets,
    redisUrl: options.redisUrl,
    storeProblem,
    storeFailed,
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
  const ws = crossws({
    serverOptions: { maxPayload: limits.maxMessageBytes },
    hooks: {
      open(peer: Peer) {
        const info: SocketInfo = {
          id: randomUUID(),
          ip: peer.remoteAddress ?? 'unknown',
          tokenIds: new Set(),
          close: (code, reason) => peer.close(code, reason),
        };
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
        entry.connection.handleMessage(bytes);
      },
      close(peer: Peer, event: { code?: number; reason?: string }) {
        const entry = bySocket.get(peer.id);
        if (entry === undefined) return;
        bySocket.delete(peer.id);
        sockets.delete(entry.info);
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
  });

  const perIp = new Map<string, number>();
  let refusingUpgrades = false;
  running.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const urlPath = safeUrlPath(req.url);
    const ip = req.socket.remoteAddress ?? 'unknown';
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
    // Counted from the upgrade request, not from the open socket, so a burst of handshakes cannot slip past.
    const fromIp = perIp.get(ip) ?? 0;
    if (fromIp >= limits.maxConnectionsPerIp) {
      log({ event: 'refused', refusal: 'too-many-connections-for-ip', ip });
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    perIp.set(ip, fromIp + 1);
    socket.once('close', () => {
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left <= 0) perIp.delete(ip);
      else perIp.set(ip, left);
    });
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
