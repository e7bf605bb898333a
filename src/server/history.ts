// Every stored state of a document, kept for restoring: one row per version (when, whose writes, the full state),
// pruned beyond the retention but never the newest. The full state keeps any version readable on its own.
import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';

export interface HistoryRow {
  version: number;
  /** ISO time the version was stored. */
  at: string;
  /** Token ids whose writes reached the document since the version before. */
  writers: string[];
  state: Uint8Array;
}

export interface HistoryStore {
  /** The newest versions first, at most `limit`. */
  list(name: string, limit: number): Promise<HistoryRow[]>;
  /** One version, or null when it was never stored or has been pruned. */
  get(name: string, version: number): Promise<HistoryRow | null>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function writersOf(raw: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(raw));
    return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

const cutoff = (retentionDays: number) => new Date(Date.now() - retentionDays * DAY_MS).toISOString();

export function sqliteHistory(
  db: DatabaseSync,
  retentionDays: number,
): HistoryStore & {
  keep(name: string, version: number, at: string, writers: readonly string[], state: Uint8Array): void;
} {
  db.exec(`CREATE TABLE IF NOT EXISTS document_history (
    name TEXT NOT NULL, version INTEGER NOT NULL, stored_at TEXT NOT NULL, writers TEXT NOT NULL,
    state BLOB NOT NULL, PRIMARY KEY (name, version))`);
  const insert = db.prepare(
    'INSERT OR REPLACE INTO document_history (name, version, stored_at, writers, state) VALUES (?, ?, ?, ?, ?)',
  );
  const prune = db.prepare('DELETE FROM document_history WHERE name = ? AND stored_at < ? AND version < ?');
  const list = db.prepare(
    'SELECT version, stored_at, writers, state FROM document_history WHERE name = ? ORDER BY version DESC LIMIT ?',
  );
  const one = db.prepare(
    'SELECT version, stored_at, writers, state FROM document_history WHERE name = ? AND version = ?',
  );
  const rowOf = (row: Record<string, unknown>): HistoryRow => ({
    version: Number(row.version),
    at: String(row.stored_at),
    writers: writersOf(row.writers),
    state: row.state as Uint8Array,
  });
  return {
    keep(name, version, at, writers, state) {
      insert.run(name, version, at, JSON.stringify([...new Set(writers)]), state);
      prune.run(name, cutoff(retentionDays), version);
    },
    async list(name, limit) {
      return list.all(name, limit).map(rowOf);
    },
    async get(name, version) {
      const row = one.get(name, version);
      return row === undefined ? null : rowOf(row);
    },
  };
}

export function postgresHistoryTables(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${schema}.minga_document_history (name TEXT NOT NULL, version BIGINT NOT NULL,
      stored_at TIMESTAMPTZ NOT NULL, writers TEXT NOT NULL, state BYTEA NOT NULL, PRIMARY KEY (name, version))`,
  ];
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
  type Row = { version: string; stored_at: Date; writers: string; state: Buffer };
  const rowOf = (row: Row): HistoryRow => ({
    version: Number(row.version),
    at: new Date(row.stored_at).toISOString(),
    writers: writersOf(row.writers),
    state: new Uint8Array(row.state),
  });
  return {
    async keepIn(client, name, version, writers, state) {
      await client.query(
        `INSERT INTO ${table} (name, version, stored_at, writers, state) VALUES ($1, $2, now(), $3, $4)
         ON CONFLICT (name, version) DO NOTHING`,
        [name, version, JSON.stringify([...new Set(writers)]), Buffer.from(state)],
      );
      await client.query(`DELETE FROM ${table} WHERE name = $1 AND stored_at < $2 AND version < $3`, [
        name,
        cutoff(retentionDays),
        version,
      ]);
    },
    async list(name, limit) {
      const result = await pool.query<Row>(
        `SELECT version, stored_at, writers, state FROM ${table} WHERE name = $1 ORDER BY version DESC LIMIT $2`,
        [name, limit],
      );
      return result.rows.map(rowOf);
    },
    async get(name, version) {
      const result = await pool.query<Row>(
        `SELECT version, stored_at, writers, state FROM ${table} WHERE name = $1 AND version = $2`,
        [name, version],
      );
      const row = result.rows[0];
      return row === undefined ? null : rowOf(row);
    },
  };
}
