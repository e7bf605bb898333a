// Where blob bytes live: DATA_DIR/blobs (one instance), or PostgreSQL so every instance serves every blob.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type pg from 'pg';

/** Receives one upload's bytes; the caller verifies their hash before it commits. */
export interface BlobWriter {
  write(chunk: Buffer): Promise<void>;
  /** Makes the bytes durable under `sha256`; a blob stored meanwhile by another upload is the same bytes. */
  commit(sha256: string): Promise<void>;
  /** Drops what was written. */
  abort(): Promise<void>;
}

export interface StoredBlob {
  size: number;
  body(): Readable;
}

export interface BlobStore {
  has(sha256: string): Promise<boolean>;
  /** The blob's size and bytes, or null when it is not stored. */
  open(sha256: string): Promise<StoredBlob | null>;
  writer(): Promise<BlobWriter>;
}

function blobPath(dir: string, sha256: string): string {
  return path.join(dir, sha256.slice(0, 2), sha256);
}

/** Makes a rename durable, not only the file's bytes. */
async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Blobs as files `dir/<first two hex digits>/<sha256>`, written through a fsynced temp file and a rename. */
export function directoryBlobStore(dir: string): BlobStore {
  const tmpDir = path.join(dir, 'tmp');
  return {
    has: (sha256) =>
      stat(blobPath(dir, sha256)).then(
        () => true,
        () => false,
      ),
    async open(sha256) {
      const file = blobPath(dir, sha256);
      const info = await stat(file).catch(() => null);
      return info === null ? null : { size: info.size, body: () => createReadStream(file) };
    },
    async writer() {
      await mkdir(tmpDir, { recursive: true });
      const temp = path.join(tmpDir, randomUUID());
      const file: FileHandle = await open(temp, 'wx');
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await file.close();
      };
      return {
        write: async (chunk) => {
          await file.write(chunk);
        },
        async commit(sha256) {
          await file.sync();
          await close();
          const final = blobPath(dir, sha256);
          await mkdir(path.dirname(final), { recursive: true });
          await rename(temp, final);
          await fsyncDir(path.dirname(final));
        },
        async abort() {
          await close().catch(() => {});
          await unlink(temp).catch(() => {});
        },
      };
    },
  };
}

/**
 * Removes the temp files of uploads cut short by a crash. Only at start: no upload of this process is in
 * flight then, and DATA_DIR belongs to this one instance (its SQLite file is there too).
 */
export async function removeUploadLeftovers(dir: string): Promise<number> {
  const tmpDir = path.join(dir, 'tmp');
  const names = await readdir(tmpDir).catch(() => []);
  for (const name of names) await unlink(path.join(tmpDir, name)).catch(() => {});
  return names.length;
}

/** The table of blob bytes in `schema` (see preparePostgres), next to minga_blobs and minga_blob_refs. */
export function postgresBlobDataTables(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${schema}.minga_blob_data (sha256 TEXT PRIMARY KEY, data BYTEA NOT NULL)`,
  ];
}

/**
 * Blobs in PostgreSQL: every instance behind the load balancer reads what any of them received. An upload is
 * held in memory until it is verified (at most the blob size limit); photos are resized on the device first.
 */
export function postgresBlobStore(pool: pg.Pool, schema: string): BlobStore {
  const table = `${schema}.minga_blob_data`;
  return {
    async has(sha256) {
      const result = await pool.query(`SELECT 1 FROM ${table} WHERE sha256 = $1`, [sha256]);
      return (result.rowCount ?? 0) > 0;
    },
    async open(sha256) {
      const result = await pool.query<{ data: Buffer }>(`SELECT data FROM ${table} WHERE sha256 = $1`, [
        sha256,
      ]);
      const data = result.rows[0]?.data;
      return data === undefined ? null : { size: data.length, body: () => Readable.from([data]) };
    },
    async writer() {
      let chunks: Buffer[] = [];
      return {
        write: async (chunk) => {
          chunks.push(chunk);
        },
        async commit(sha256) {
          await pool.query(`INSERT INTO ${table} (sha256, data) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
            sha256,
            Buffer.concat(chunks),
          ]);
          chunks = [];
        },
        async abort() {
          chunks = [];
        },
      };
    },
  };
}
