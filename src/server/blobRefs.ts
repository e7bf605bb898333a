// Which blobs the server holds (and their type) and which missions reference them: SQLite, or PostgreSQL.
import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';

/** Which blobs exist and which missions reference them: in the SQLite file, or PostgreSQL for scale-out. */
export interface BlobRefs {
  mime(sha256: string): Promise<string | null>;
  /** Records the blob (first type wins) and its reference by the mission; both idempotent. */
  add(sha256: string, mission: string, mime: string, bytes: number): Promise<void>;
  missions(sha256: string): Promise<string[]>;
}

export function sqliteBlobRefs(db: DatabaseSync): BlobRefs {
  db.exec(`CREATE TABLE IF NOT EXISTS blobs (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS blob_refs (sha256 TEXT NOT NULL, mission TEXT NOT NULL, PRIMARY KEY (sha256, mission));`);
  const getMime = db.prepare('SELECT mime FROM blobs WHERE sha256 = ?');
  const insertBlob = db.prepare('INSERT OR IGNORE INTO blobs VALUES (?, ?, ?, ?)');
  const insertRef = db.prepare('INSERT OR IGNORE INTO blob_refs VALUES (?, ?)');
  const getMissions = db.prepare('SELECT mission FROM blob_refs WHERE sha256 = ?');
  return {
    mime: async (sha256) => {
      const row = getMime.get(sha256);
      return row === undefined ? null : String(row.mime);
    },
    async add(sha256, mission, mime, bytes) {
      insertBlob.run(sha256, mime, bytes, new Date().toISOString());
      insertRef.run(sha256, mission);
    },
    missions: async (sha256) => getMissions.all(sha256).map((row) => String(row.mission)),
  };
}

/** The tables of blob types and mission references in `schema` (see preparePostgres). */
export function postgresBlobRefTables(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${schema}.minga_blobs (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL,
    bytes BIGINT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `CREATE TABLE IF NOT EXISTS ${schema}.minga_blob_refs (sha256 TEXT NOT NULL, mission TEXT NOT NULL,
    PRIMARY KEY (sha256, mission))`,
  ];
}

/** Blob references in PostgreSQL; the tables must exist (preparePostgres). */
export function postgresBlobRefs(pool: pg.Pool, schema: string): BlobRefs {
  const blobs = `${schema}.minga_blobs`;
  const refs = `${schema}.minga_blob_refs`;
  return {
    async mime(sha256) {
      const result = await pool.query<{ mime: string }>(`SELECT mime FROM ${blobs} WHERE sha256 = $1`, [
        sha256,
      ]);
      return result.rows[0]?.mime ?? null;
    },
    async add(sha256, mission, mime, bytes) {
      await pool.query(
        `INSERT INTO ${blobs} (sha256, mime, bytes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [sha256, mime, bytes],
      );
      await pool.query(`INSERT INTO ${refs} VALUES ($1, $2) ON CONFLICT DO NOTHING`, [sha256, mission]);
    },
    async missions(sha256) {
      const result = await pool.query<{ mission: string }>(`SELECT mission FROM ${refs} WHERE sha256 = $1`, [
        sha256,
      ]);
      return result.rows.map((row) => row.mission);
    },
  };
}
