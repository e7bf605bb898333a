// Every stored state of a document, kept for restoring: one row per version (when, whose writes, its content),
// pruned beyond the retention but never the newest. The content is a diff from the version before, with a full
// state every CHECKPOINT_EVERY versions: a version is read by applying its checkpoint and the diffs after it.
import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import * as Y from 'yjs';

export interface HistoryMeta {
  version: number;
  /** ISO time the version was stored. */
  at: string;
  /** Token ids whose writes reached the document since the version before. */
  writers: string[];
}

export interface HistoryRow extends HistoryMeta {
  /** The document's whole state at that version. */
  state: Uint8Array;
}

export interface HistoryStore {
  /** The newest versions first, at most `limit`, without their content. */
  list(name: string, limit: number): Promise<HistoryMeta[]>;
  /** One version, or null when it was never stored or has been pruned. */
  get(name: string, version: number): Promise<HistoryRow | null>;
  /**
   * Rebuilds the document version by version and shows `visit` each of `versions` (oldest first); yields to
   * the event loop between versions, so a long history never holds up the sync server.
   */
  replay(
    name: string,
    versions: readonly number[],
    visit: (meta: HistoryMeta, doc: Y.Doc) => void,
  ): Promise<void>;
}

/** A full state every this many versions: bounds the diffs applied to read one version. */
export const CHECKPOINT_EVERY = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One row as stored: `data` is a full state when `full`, else a diff from the row before. */
interface StoredRow {
  version: number;
  at: string;
  writers: string;
  full: boolean;
  data: Uint8Array;
  vector: Uint8Array;
}

/** What each database does; the diffs, checkpoints and reading are the same for both. */
interface RowAccess {
  /** Rows from the newest checkpoint at or before `from` up to `to`, ascending. */
  rowsFor(name: string, from: number, to: number): Promise<StoredRow[]>;
  /** The versions kept, newest first, at most `limit`. */
  metas(name: string, limit: number): Promise<HistoryMeta[]>;
}

function writersOf(raw: string): string[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

const cutoff = (retentionDays: number) => new Date(Date.now() - retentionDays * DAY_MS).toISOString();

type Head = { version: number; vector: Uint8Array; lastFull: number | null } | null;

/** The row that keeps `state`: a checkpoint, or a diff from the newest row. */
function rowToKeep(
  head: Head,
  version: number,
  at: string,
  writers: readonly string[],
  state: Uint8Array,
): StoredRow {
  const full = head === null || head.lastFull === null || version - head.lastFull >= CHECKPOINT_EVERY;
  return {
    version,
    at,
    writers: JSON.stringify([...new Set(writers)]),
    full,
    data: full ? state : Y.diffUpdate(state, head.vector),
    vector: Y.encodeStateVectorFromUpdate(state),
  };
}

const metaOf = (row: StoredRow): HistoryMeta => ({
  version: row.version,
  at: row.at,
  writers: writersOf(row.writers),
});

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function historyOver(access: RowAccess): HistoryStore {
  const replay: HistoryStore['replay'] = async (name, versions, visit) => {
    if (versions.length === 0) return;
    const wanted = new Set(versions);
    const rows = await access.rowsFor(name, Math.min(...versions), Math.max(...versions));
    const doc = new Y.Doc();
    try {
      let based = false;
      for (const row of rows) {
        if (row.full) based = true;
        if (!based) continue;
        Y.applyUpdate(doc, row.data);
        if (wanted.has(row.version)) {
          visit(metaOf(row), doc);
          await nextTurn();
        }
      }
    } finally {
      doc.destroy();
    }
  };
  return {
    list: (name, limit) => access.metas(name, limit),
    async get(name, version) {
      let found: HistoryRow | null = null;
      await replay(name, [version], (meta, doc) => {
        found = { ...meta, state: Y.encodeStateAsUpdate(doc) };
      });
      return found;
    },
    replay,
  };
}

export function sqliteHistory(
  db: DatabaseSync,
  retentionDays: number,
): HistoryStore & {
  keep(name: string, version: number, at: string, writers: readonly string[], state: Uint8Array): void;
} {
  db.exec(`CREATE TABLE IF NOT EXISTS document_history (
    name TEXT NOT NULL, version INTEGER NOT NULL, stored_at TEXT NOT NULL, writers TEXT NOT NULL,
    full INTEGER NOT NULL, data BLOB NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (name, version))`);
  const head = db.prepare(
    `SELECT version, vector, (SELECT max(version) FROM document_history WHERE name = ?1 AND full = 1) AS last_full
     FROM document_history WHERE name = ?1 ORDER BY version DESC LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT OR REPLACE INTO document_history (name, version, stored_at, writers, full, data, vector)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const rowsFor = db.prepare(
    `SELECT version, stored_at, writers, full, data, vector FROM document_history WHERE name = ?1
       AND version >= coalesce((SELECT max(version) FROM document_history
                                WHERE name = ?1 AND full = 1 AND version <= ?2), 0)
       AND version <= ?3 ORDER BY version`,
  );
  const metas = db.prepare(
    'SELECT version, stored_at, writers FROM document_history WHERE name = ? ORDER BY version DESC LIMIT ?',
  );
  const prune = db.prepare(
    `DELETE FROM document_history WHERE name = ?1 AND version < coalesce((
       SELECT max(version) FROM document_history WHERE name = ?1 AND full = 1 AND version <= coalesce(
         (SELECT min(version) FROM document_history WHERE name = ?1 AND stored_at >= ?2), ?3)), 0)`,
  );
  const headOf = (name: string): Head => {
    const row = head.get(name);
    if (row === undefined) return null;
    return {
      version: Number(row.version),
      vector: row.vector as Uint8Array,
      lastFull: row.last_full === null ? null : Number(row.last_full),
    };
  };
  const access: RowAccess = {
    async rowsFor(name, from, to) {
      return rowsFor.all(name, from, to).map((row) => ({
        version: Number(row.version),
        at: String(row.stored_at),
        writers: String(row.writers),
        full: Number(row.full) === 1,
        data: row.data as Uint8Array,
        vector: row.vector as Uint8Array,
      }));
    },
    async metas(name, limit) {
      return metas.all(name, limit).map((row) => ({
        version: Number(row.version),
        at: String(row.stored_at),
        writers: writersOf(String(row.writers)),
      }));
    },
  };
  return {
    ...historyOver(access),
    // Synchronous, inside the store's transaction.
    keep(name, version, at, writers, state) {
      const row = rowToKeep(headOf(name), version, at, writers, state);
      insert.run(name, row.version, row.at, row.writers, row.full ? 1 : 0, row.data, row.vector);
      prune.run(name, cutoff(retentionDays), version);
    },
  };
}

export function postgresHistoryTables(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${schema}.minga_document_history (name TEXT NOT NULL, version BIGINT NOT NULL,
      stored_at TIMESTAMPTZ NOT NULL, writers TEXT NOT NULL, full_state BOOLEAN NOT NULL, data BYTEA NOT NULL,
      vector BYTEA NOT NULL, PRIMARY KEY (name, version))`,
  ];
}

function postgresAccess(db: pg.Pool, table: string): RowAccess {
  type Row = {
    version: string;
    stored_at: Date;
    writers: string;
    full_state: boolean;
    data: Buffer;
    vector: Buffer;
  };
  return {
    async rowsFor(name, from, to) {
      const result = await db.query<Row>(
        `SELECT version, stored_at, writers, full_state, data, vector FROM ${table} WHERE name = $1
           AND version >= coalesce((SELECT max(version) FROM ${table}
                                    WHERE name = $1 AND full_state AND version <= $2), 0)
           AND version <= $3 ORDER BY version`,
        [name, from, to],
      );
      return result.rows.map((row) => ({
        version: Number(row.version),
        at: new Date(row.stored_at).toISOString(),
        writers: row.writers,
        full: row.full_state,
        data: new Uint8Array(row.data),
        vector: new Uint8Array(row.vector),
      }));
    },
    async metas(name, limit) {
      const result = await db.query<{ version: string; stored_at: Date; writers: string }>(
        `SELECT version, stored_at, writers FROM ${table} WHERE name = $1 ORDER BY version DESC LIMIT $2`,
        [name, limit],
      );
      return result.rows.map((row) => ({
        version: Number(row.version),
        at: new Date(row.stored_at).toISOString(),
        writers: writersOf(row.writers),
      }));
    },
  };
}

export function postgresHistory(
  pool: pg.Pool,
  schema: string,
  retentionDays: number,
): HistoryStore & {
  keepIn(
    client: pg.PoolClient,
    name: string,
    version: number,
    writers: readonly string[],
    state: Uint8Array,
  ): Promise<void>;
} {
  const table = `${schema}.minga_document_history`;
  return {
    ...historyOver(postgresAccess(pool, table)),
    async keepIn(client, name, version, writers, state) {
      const result = await client.query<{ version: string; vector: Buffer; last_full: string | null }>(
        `SELECT version, vector, (SELECT max(version) FROM ${table} WHERE name = $1 AND full_state) AS last_full
         FROM ${table} WHERE name = $1 ORDER BY version DESC LIMIT 1`,
        [name],
      );
      const last = result.rows[0];
      const head: Head =
        last === undefined
          ? null
          : {
              version: Number(last.version),
              vector: new Uint8Array(last.vector),
              lastFull: last.last_full === null ? null : Number(last.last_full),
            };
      const row = rowToKeep(head, version, new Date().toISOString(), writers, state);
      await client.query(
        `INSERT INTO ${table} (name, version, stored_at, writers, full_state, data, vector)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (name, version) DO NOTHING`,
        [name, row.version, row.at, row.writers, row.full, Buffer.from(row.data), Buffer.from(row.vector)],
      );
      await client.query(
        `DELETE FROM ${table} WHERE name = $1 AND version < coalesce((
           SELECT max(version) FROM ${table} WHERE name = $1 AND full_state AND version <= coalesce(
             (SELECT min(version) FROM ${table} WHERE name = $1 AND stored_at >= $2), $3)), 0)`,
        [name, cutoff(retentionDays), version],
      );
    },
  };
}
