// PUT/GET /api/blobs/<sha256>: photo bytes, hash-verified, written atomically, readable per mission reference.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { asSha256, isUuid } from '../domain/ids.ts';
import { decideAccess } from './access.ts';
import type { TokenRow } from './db.ts';
import type { DocumentStore } from './documents.ts';
import type { BlobRefs } from './blobRefs.ts';
import type { BlobStore, BlobWriter } from './blobStore.ts';
import type { Logger } from './log.ts';
import type { Quotas, QuotaStore } from './quotas.ts';
import type { TokenStore } from './tokens.ts';

export const DEFAULT_MAX_BLOB_BYTES = 20 * 1024 * 1024;
/** Types served back as they came; anything else becomes octet-stream, so no upload can be served as HTML. */
const SAFE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

export interface BlobContext {
  /** The bytes. */
  blobs: BlobStore;
  maxBytes: number;
  /** Which missions reference each blob, and its type. */
  refs: BlobRefs;
  tokens: TokenStore;
  documents: DocumentStore;
  log: Logger;
  quotas: Quotas;
  quotaStore: QuotaStore;
}

/** Which limit an upload meets first: the size of one blob, the mission's photos, or the token's day. */
type Limit = {
  max: number;
  status: number;
  error: 'too_large' | 'quota_mission_bytes' | 'quota_token_bytes';
};

async function uploadLimit(row: TokenRow, mission: string, ctx: BlobContext): Promise<Limit> {
  const [missionBytes, tokenBytes] = await Promise.all([
    ctx.quotaStore.missionBlobBytes(mission),
    ctx.quotaStore.tokenBlobBytesToday(row.id),
  ]);
  const limits: Limit[] = [
    { max: ctx.maxBytes, status: 413, error: 'too_large' },
    // 429: the photo is kept on the device and tried again later (the day's quota clears by itself).
    {
      max: Math.max(0, ctx.quotas.blobBytesPerMission - missionBytes),
      status: 429,
      error: 'quota_mission_bytes',
    },
    {
      max: Math.max(0, ctx.quotas.blobBytesPerTokenPerDay - tokenBytes),
      status: 429,
      error: 'quota_token_bytes',
    },
  ];
  return limits.reduce((least, limit) => (limit.max < least.max ? limit : least));
}

function reply(res: ServerResponse, status: number, error?: string, close = false): void {
  const body = error === undefined ? '' : JSON.stringify({ error });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    // A refused body is not read to its end: the connection cannot carry another request.
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(body);
}

/** PUT and GET (and HEAD) under /api/blobs/; the token is already resolved to a live row. */
export async function handleBlob(
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
  row: TokenRow,
  ctx: BlobContext,
): Promise<void> {
  const sha256 = asSha256(urlPath.slice('/api/blobs/'.length));
  if (sha256 === null) return reply(res, 400, 'bad_sha256');
  if (req.method === 'PUT') return put(req, res, sha256, row, ctx);
  if (req.method === 'GET' || req.method === 'HEAD') return get(req, res, sha256, row, ctx);
  reply(res, 405, 'method_not_allowed');
}

async function get(
  req: IncomingMessage,
  res: ServerResponse,
  sha256: string,
  row: TokenRow,
  ctx: BlobContext,
): Promise<void> {
  let allowed = false;
  for (const mission of await ctx.refs.missions(sha256)) {
    const member = row.role === 'coordinator' || (await ctx.tokens.isMember(row.id, mission));
    // Reading never joins: the mission is treated as existing, so only members (and coordinators) read.
    const facts = { role: row.role, member, missionExists: true };
    if (decideAccess({ kind: 'mission', id: mission }, facts).access !== 'forbidden') {
      allowed = true;
      break;
    }
  }
  const stored = allowed ? await ctx.blobs.open(sha256) : null;
  if (stored === null) {
    // The same answer whether the blob is missing or the caller may not see it: existence is not revealed.
    ctx.log({ event: 'refused', refusal: 'blob-not-readable', sha256, tokenId: row.id, role: row.role });
    return reply(res, 404, 'not_found');
  }
  res.writeHead(200, {
    'Content-Type': (await ctx.refs.mime(sha256)) ?? 'application/octet-stream',
    'Content-Length': stored.size,
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${sha256}"`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // pipeline closes the file and the response when either side fails, which a bare pipe would not.
  await pipeline(stored.body(), res).catch((error: unknown) => {
    ctx.log({
      event: 'blob-read-aborted',
      sha256,
      message: error instanceof Error ? error.message : String(error),
    });
  });
}

async function mayWrite(row: TokenRow, mission: string, ctx: BlobContext): Promise<'yes' | 'not-yet' | 'no'> {
  if (row.role === 'coordinator') return 'yes';
  const member = await ctx.tokens.isMember(row.id, mission);
  const missionExists =
    member || (await ctx.tokens.hasMembers(mission)) || (await ctx.documents.exists(`mission:${mission}`));
  const { access, join } = decideAccess(
    { kind: 'mission', id: mission },
    { role: row.role, member, missionExists },
  );
  if (access !== 'read-write') return 'no';
  // Uploads never make a member: the photos of a mission created offline wait until its document has
  // synced (which does), and the device retries.
  return join ? 'not-yet' : 'yes';
}

async function put(
  req: IncomingMessage,
  res: ServerResponse,
  sha256: string,
  row: TokenRow,
  ctx: BlobContext,
): Promise<void> {
  const missionParam = new URL(req.url ?? '/', 'http://x').searchParams.get('mission') ?? '';
  const who = { sha256, mission: missionParam, tokenId: row.id, role: row.role };
  if (!isUuid(missionParam)) return reply(res, 400, 'bad_mission', true);
  const mission = missionParam.toLowerCase();
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > ctx.maxBytes) {
    ctx.log({ event: 'refused', refusal: 'blob-too-large', bytes: declared, max: ctx.maxBytes, ...who });
    return reply(res, 413, 'too_large', true);
  }
  const decision = await mayWrite(row, mission, ctx);
  if (decision === 'no') {
    ctx.log({ event: 'refused', refusal: 'blob-forbidden', ...who });
    return reply(res, 403, 'forbidden', true);
  }
  if (decision === 'not-yet') {
    ctx.log({ event: 'refused', refusal: 'blob-mission-not-synced', ...who });
    res.setHeader('Retry-After', '5');
    return reply(res, 503, 'mission_not_synced', true);
  }
  const limit = await uploadLimit(row, mission, ctx);
  const refuseLimit = (bytes: number) => {
    const refusal = limit.error === 'too_large' ? 'blob-too-large' : limit.error.replace(/_/g, '-');
    ctx.log({ event: 'refused', refusal, bytes, max: limit.max, ...who });
    if (limit.status === 429) res.setHeader('Retry-After', '3600');
    reply(res, limit.status, limit.error, true);
  };
  if (Number.isFinite(declared) && declared > limit.max) return refuseLimit(declared);
  const already = await ctx.blobs.has(sha256);
  // Even a known blob is hashed again before a new reference is recorded: knowing a hash is not having the
  // photo, and a reference grants readers of the mission access to it.
  const received = await receive(req, limit.max, already ? null : await ctx.blobs.writer());
  if (received.kind === 'too-large') return refuseLimit(received.bytes);
  if (received.kind === 'aborted') {
    ctx.log({ event: 'refused', refusal: 'blob-upload-aborted', ...who });
    return;
  }
  if (received.sha256 !== sha256) {
    await received.writer?.abort();
    ctx.log({ event: 'refused', refusal: 'blob-hash-mismatch', bytes: received.bytes, ...who });
    return reply(res, 422, 'hash_mismatch');
  }
  if (received.writer !== null) {
    await received.writer.commit(sha256).catch(async (error: unknown) => {
      await received.writer?.abort();
      throw error;
    });
  }
  const type =
    String(req.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase() ?? '';
  await ctx.refs.add(
    sha256,
    mission,
    SAFE_TYPES.has(type) ? type : 'application/octet-stream',
    received.bytes,
  );
  await ctx.quotaStore.recordUpload(row.id, mission, received.bytes);
  ctx.log({ event: already ? 'blob-referenced' : 'blob-stored', bytes: received.bytes, ...who });
  reply(res, already ? 200 : 201);
}

type Received =
  | { kind: 'ok'; sha256: string; bytes: number; writer: BlobWriter | null }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'aborted' };

/** Hashes the body while counting it, and hands it to `writer` unless null; the writer is aborted on failure. */
async function receive(req: IncomingMessage, maxBytes: number, writer: BlobWriter | null): Promise<Received> {
  const hash = createHash('sha256');
  // Events rather than for-await: leaving a for-await loop destroys the socket before the 413 can be sent.
  const outcome = await new Promise<Received | Error>((resolve) => {
    let bytes = 0;
    let writing: Promise<unknown> = Promise.resolve();
    const done = (result: Received | Error): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      // Counted while streaming: a missing or lying Content-Length does not let a body past the limit.
      if (bytes > maxBytes) {
        req.pause();
        done({ kind: 'too-large', bytes });
        return;
      }
      hash.update(chunk);
      if (writer === null) return;
      req.pause();
      writing = writing
        .then(() => writer.write(chunk))
        .then(
          () => req.resume(),
          (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
        );
    };
    const onEnd = (): void => {
      void writing.then(() => done({ kind: 'ok', sha256: hash.digest('hex'), bytes, writer }));
    };
    const onAbort = (): void => done({ kind: 'aborted' });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onAbort);
    req.once('aborted', onAbort);
  });
  if (outcome instanceof Error || outcome.kind !== 'ok') {
    await writer?.abort();
    if (outcome instanceof Error) throw outcome;
  }
  return outcome;
}
