// Where Y.Doc states live: the SQLite file (default) or PostgreSQL, each an update log plus compacted states.
import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import * as Y from 'yjs';
import { postgresHistory, postgresHistoryTables, sqliteHistory, type HistoryStore } from './history.ts';
import type { QueuedUpdate } from './groupCommit.ts';
import type { SqliteWriter } from './sqliteWriter.ts';
import { sqliteTransaction } from './sqliteTransaction.ts';
import { transaction } from './transaction.ts';
import { commitUnflushed, flushWal } from './walFlush.ts';

/** How long stored versions are kept for restoring (HISTORY_RETENTION_DAYS); the newest is never pruned. */
export const DEFAULT_HISTORY_RETENTION_DAYS = 90;

export interface DocumentStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The stored state (an update), or null for a document the server has never seen. */
  fetch(name: string): Promise<Uint8Array | null>;
  /**
   * Compaction: merges `state` into the stored state (never replaces it, so a state missing something another
   * instance stored loses nothing) and deletes the logged updates it contains: those of sequence `compacted`
   * and every one already merged when this store fetched the document. Returns the new version.
   * `grownFromFetched`: `state` is the document as this store fetched it, grown since (the server's live copy).
   * Then, if nothing else was stored meanwhile (the version is still the one fetched or last stored so), the
   * stored state is part of `state` and is neither read back nor merged: the same result, without the cost.
   */
  store(
    name: string,
    state: Uint8Array,
    compacted?: readonly number[],
    writers?: readonly string[],
    grownFromFetched?: boolean,
  ): Promise<number>;
  /** Every stored version kept for restoring (see history.ts); `store` adds one, with its `writers`. */
  readonly history: HistoryStore;
  /**
   * Each stored document's version (raised by every `store`, which returns the new one): all of them, or
   * those among `names`. A document only in the update log (never stored yet) is at version 0.
   */
  versions(names?: readonly string[]): Promise<Map<string, number>>;
  /**
   * Logs updates in one transaction (one flush to disk) and resolves with their sequence numbers, in order, once
   * it has committed: the server acknowledges an update only then (see groupCommit.ts).
   */
  appendBatch(batch: readonly QueuedUpdate[]): Promise<number[]>;
  exists(name: string): Promise<boolean>;
  /** Names of stored documents starting with the prefix. */
  names(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The stored state with `state` merged in: what compaction writes. */
function mergeInto(stored: Uint8Array | undefined, state: Uint8Array): Uint8Array {
  return stored === undefined ? state : Y.mergeUpdates([stored, state]);
}

/** One compaction of a SQLite document, with everything it needs to run on any connection to the file. */
export interface CompactRequest {
  name: string;
  state: Uint8Array;
  compacted: readonly number[];
  writers: readonly string[];
  /** The last log entry merged into the state this server fetched: also contained in `state`. */
  mergedUpTo: number;
  /** A stored version `state` is known to contain (see DocumentStore.store), if any. */
  contains?: number | undefined;
}

/** What a compaction wrote: its version, and whether that is `state` alone or `state` merged with more. */
export interface CompactResult {
  version: number;
  /** The stored state held something `state` may lack, so what was written holds it too. */
  mergedMore: boolean;
}

/**
 * Compaction on `db`, in one synchronous transaction: merges `state` into the stored state, deletes the log
 * entries it contains, keeps a history row. Runs on the writer thread when there is one.
 */
export function sqliteCompactor(
  db: DatabaseSync,
  history: ReturnType<typeof sqliteHistory>,
  unflushed = false,
): (request: CompactRequest) => CompactResult {
  // The stored state only when `state` may lack some of it: a stored state can be hundreds of kilobytes.
  const getStoredUnlessAt = db.prepare(
    'SELECT CASE WHEN version = ?2 THEN NULL ELSE state END AS state FROM documents WHERE name = ?1',
  );
  const upsert = db.prepare(
    `INSERT INTO documents (name, state, updated_at, version) VALUES (?, ?, ?, 1)
     ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
       version = documents.version + 1
     RETURNING version`,
  );
  // Only the entries the written state contains: an update may be logged and not yet applied (group commit).
  const clearUpdates = db.prepare(
    `DELETE FROM document_updates WHERE name = ?1
       AND (seq <= ?2 OR seq IN (SELECT value FROM json_each(?3)))`,
  );
  const write = ({
    name,
    state,
    compacted,
    writers,
    mergedUpTo,
    contains,
  }: CompactRequest): CompactResult => {
    const at = new Date().toISOString();
    const stored = getStoredUnlessAt.get(name, contains ?? -1)?.state as Uint8Array | null | undefined;
    const merged = mergeInto(stored ?? undefined, state);
    const row = upsert.get(name, merged, at);
    clearUpdates.run(name, mergedUpTo, JSON.stringify(compacted));
    history.keep(name, Number(row?.version), at, writers, merged);
    return { version: Number(row?.version), mergedMore: stored != null };
  };
  // Unflushed: the caller flushes the WAL before it announces the version (see walFlush.ts).
  if (unflushed) return (request) => commitUnflushed(db, 'BEGIN IMMEDIATE', () => write(request));
  return (request) => sqliteTransaction(db, 'BEGIN IMMEDIATE', () => write(request));
}

/**
 * Documents in the SQLite file. Updates are appended and compactions written by `writer` when given (the
 * server's writer thread, see sqliteWriter.ts), else synchronously on this connection (the admin CLI, tests).
 */
export function sqliteDocumentStore(
  db: DatabaseSync,
  retentionDays = DEFAULT_HISTORY_RETENTION_DAYS,
  writer?: SqliteWriter,
): DocumentStore {
  const history = sqliteHistory(db, retentionDays);
  const getState = db.prepare('SELECT state, version FROM documents WHERE name = ?');
  const getUpdates = db.prepare('SELECT seq, update_data FROM document_updates WHERE name = ? ORDER BY seq');
  const insertUpdate = db.prepare('INSERT INTO document_updates (name, update_data) VALUES (?, ?)');
  const compact = sqliteCompactor(db, history, true);
  const location = db.location();
  const allVersions = db.prepare(
    `SELECT name, version FROM documents UNION ALL SELECT DISTINCT name, 0 FROM document_updates`,
  );
  const oneVersion = db.prepare(
    `SELECT version FROM documents WHERE name = ?
     UNION ALL SELECT 0 FROM document_updates WHERE name = ? LIMIT 1`,
  );
  /** Per document, the last log entry merged into the state fetched. */
  const mergedUpTo = new Map<string, number>();
  const grown = grownVersions();
  return {
    kind: 'sqlite',
    async fetch(name) {
      const row = getState.get(name);
      grown.fetched(name, row === undefined ? undefined : Number(row.version));
      const updates = getUpdates.all(name);
      const last = updates.at(-1);
      if (last !== undefined) mergedUpTo.set(name, Number(last.seq));
      const parts = updates.map((r) => r.update_data as Uint8Array);
      if (row !== undefined) parts.unshift(row.state as Uint8Array);
      if (parts.length === 0) return null;
      return parts.length === 1 ? (parts[0] ?? null) : Y.mergeUpdates(parts);
    },
    history,
    async store(name, state, compacted = [], writers = [], grownFromFetched = false) {
      const request: CompactRequest = {
        name,
        state,
        compacted,
        writers,
        mergedUpTo: mergedUpTo.get(name) ?? 0,
        contains: grown.contains(name, grownFromFetched),
      };
      let result: CompactResult;
      if (writer !== undefined) result = await writer.compact(request);
      else {
        // Every update it folds in is durable in the log already: the compaction needs no flush of its own on
        // the event loop, only one before its version is announced (a version never goes back after a power
        // loss).
        result = compact(request);
        await flushWal(location);
      }
      grown.stored(name, result, grownFromFetched, request.contains);
      return result.version;
    },
    async versions(names) {
      const result = new Map<string, number>();
      if (names === undefined) {
        for (const row of allVersions.all()) {
          const name = String(row.name);
          result.set(name, Math.max(result.get(name) ?? 0, Number(row.version)));
        }
        return result;
      }
      for (const name of names) {
        const row = oneVersion.get(name, name);
        if (row !== undefined) result.set(name, Number(row.version));
      }
      return result;
    },
    async appendBatch(batch) {
      if (writer !== undefined) return writer.appendBatch(batch);
      // One transaction, written on the event loop and flushed to disk on the thread pool: the updates are
      // acknowledged (this resolves) only once the flush is done; the event loop serves others meanwhile.
      const seqs = commitUnflushed(db, 'BEGIN', () =>
        batch.map(({ name, update }) => Number(insertUpdate.run(name, update).lastInsertRowid)),
      );
      await flushWal(location);
      return seqs;
    },
    async exists(name) {
      return (
        db.prepare('SELECT 1 AS ok FROM documents WHERE name = ?').get(name) !== undefined ||
        db.prepare('SELECT 1 AS ok FROM document_updates WHERE name = ? LIMIT 1').get(name) !== undefined
      );
    },
    async names(prefix) {
      const rows = db
        .prepare(
          `SELECT name FROM documents WHERE substr(name, 1, ?) = ?
           UNION SELECT DISTINCT name FROM document_updates WHERE substr(name, 1, ?) = ? ORDER BY name`,
        )
        .all(prefix.length, prefix, prefix.length, prefix);
      return rows.map((r) => String(r.name));
    },
    async close() {
      await writer?.close();
    },
  };
}

/**
 * Per document, the stored version the server's live copy is known to contain: the one it fetched, then each one
 * it stored from that copy. Any other store (a seed, a tool writing its own state) forgets it.
 */
function grownVersions() {
  const known = new Map<string, number>();
  return {
    fetched(name: string, version: number | undefined) {
      if (version === undefined) known.delete(name);
      else known.set(name, version);
    },
    contains(name: string, grownFromFetched: boolean): number | undefined {
      return grownFromFetched ? known.get(name) : undefined;
    },
    /**
     * `contained`: what `contains` said when this store began; a fetch since then makes it unknown. So does a
     * merge with more than the live copy holds (another instance's changes it may not have yet).
     */
    stored(name: string, written: CompactResult, grownFromFetched: boolean, contained: number | undefined) {
      if (grownFromFetched && !written.mergedMore && known.get(name) === contained)
        known.set(name, written.version);
      else known.delete(name);
    },
  };
}

/** The tables of document states and of the update log in `schema` (see preparePostgres). */
export function postgresDocumentTables(schema: string): string[] {
  const log = `${schema}.minga_document_updates`;
  return [
    `CREATE TABLE IF NOT EXISTS ${schema}.minga_documents (name TEXT PRIMARY KEY, state BYTEA NOT NULL, updated_at TIMESTAMPTZ NOT NULL)`,
    // The change feed's version: raised by every store, in the statement that writes the state.
    `ALTER TABLE ${schema}.minga_documents ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0`,
    `CREATE TABLE IF NOT EXISTS ${log} (seq BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, update_data BYTEA NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS minga_document_updates_name ON ${log} (name, seq)`,
    ...postgresHistoryTables(schema),
  ];
}

/** PostgreSQL document storage in `schema` (the pool is shared with the token store); the tables must exist. */
export function postgresDocumentStore(
  pool: pg.Pool,
  schema: string,
  retentionDays = DEFAULT_HISTORY_RETENTION_DAYS,
): DocumentStore {
  const history = postgresHistory(pool, schema, retentionDays);
  const table = `${schema}.minga_documents`;
  const log = `${schema}.minga_document_updates`;
  /** Per document, the last log entry merged into the state this instance loaded. */
  const mergedUpTo = new Map<string, number>();
  const grown = grownVersions();
  return {
    kind: 'postgres',
    async fetch(name) {
      // One snapshot for both reads: another instance's compaction between them would otherwise hide the
      // updates it folded into a state this read has already passed.
      const { state, updates } = await transaction(pool, async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        return {
          state: await client.query<{ state: Buffer; version: string }>(
            `SELECT state, version FROM ${table} WHERE name = $1`,
            [name],
          ),
          updates: await client.query<{ seq: string; update_data: Buffer }>(
            `SELECT seq, update_data FROM ${log} WHERE name = $1 ORDER BY seq`,
            [name],
          ),
        };
      });
      const last = updates.rows.at(-1);
      if (last !== undefined) mergedUpTo.set(name, Number(last.seq));
      const row = state.rows[0];
      grown.fetched(name, row === undefined ? undefined : Number(row.version));
      const parts = [...state.rows.map((r) => r.state), ...updates.rows.map((r) => r.update_data)].map(
        (b) => new Uint8Array(b),
      );
      if (parts.length === 0) return null;
      return parts.length === 1 ? (parts[0] ?? null) : Y.mergeUpdates(parts);
    },
    history,
    async store(name, state, compacted = [], writers = [], grownFromFetched = false) {
      const contains = grown.contains(name, grownFromFetched);
      const written = await transaction(pool, async (client): Promise<CompactResult> => {
        // Two instances compacting one document take turns: each merges into what the other wrote.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${table}:${name}`]);
        const before = await client.query<{ state: Buffer | null }>(
          `SELECT CASE WHEN version = $2 THEN NULL ELSE state END AS state FROM ${table} WHERE name = $1`,
          [name, contains ?? -1],
        );
        const previous = before.rows[0]?.state ?? undefined;
        const merged = mergeInto(previous === undefined ? undefined : new Uint8Array(previous), state);
        // Raised in the statement that writes the state: two instances never hand out one version twice.
        const stored = await client.query<{ version: string }>(
          `INSERT INTO ${table} (name, state, updated_at, version) VALUES ($1, $2, now(), 1)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
             version = ${table}.version + 1
           RETURNING version`,
          [name, Buffer.from(merged)],
        );
        // Also everything merged in at load time (left by a crash or by another instance): it is in `state`.
        await client.query(`DELETE FROM ${log} WHERE name = $1 AND (seq = ANY($2) OR seq <= $3)`, [
          name,
          [...compacted],
          mergedUpTo.get(name) ?? 0,
        ]);
        const version = Number(stored.rows[0]?.version);
        await history.keepIn(client, name, version, writers, merged);
        return { version, mergedMore: previous !== undefined };
      });
      grown.stored(name, written, grownFromFetched, contains);
      return written.version;
    },
    async versions(names) {
      const filter = names === undefined ? '' : 'WHERE name = ANY($1)';
      const result = await pool.query<{ name: string; version: string }>(
        `SELECT name, max(version) AS version FROM (
           SELECT name, version FROM ${table} ${filter}
           UNION ALL SELECT DISTINCT name, 0 FROM ${log} ${filter}) AS v GROUP BY name`,
        names === undefined ? [] : [[...names]],
      );
      return new Map(result.rows.map((row) => [row.name, Number(row.version)]));
    },
    async appendBatch(batch) {
      // One statement, so one transaction and one flush; rows are numbered in the order given.
      const result = await pool.query<{ seq: string }>(
        `INSERT INTO ${log} (name, update_data)
         SELECT name, update_data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(name, update_data, i)
         ORDER BY i RETURNING seq`,
        [batch.map((item) => item.name), batch.map((item) => Buffer.from(item.update))],
      );
      return result.rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
    },
    async exists(name) {
      const result = await pool.query(
        `SELECT 1 FROM ${table} WHERE name = $1 UNION ALL SELECT 1 FROM ${log} WHERE name = $1 LIMIT 1`,
        [name],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async names(prefix) {
      const result = await pool.query<{ name: string }>(
        `SELECT name FROM ${table} WHERE left(name, $1) = $2
         UNION SELECT DISTINCT name FROM ${log} WHERE left(name, $1) = $2 ORDER BY name`,
        [prefix.length, prefix],
      );
      return result.rows.map((r) => r.name);
    },
    async close() {},
  };
}
