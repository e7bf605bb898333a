// Quotas per token, counted in the database so a restart does not reset them: new missions a day, photo bytes
// per mission, photo bytes a token uploads a day. SQLite, or PostgreSQL for scale-out.
import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';

export interface Quotas {
  /** Missions one token may create (claim by opening them first) in 24 hours. */
  missionsPerDay: number;
  /** Photo bytes referenced by one mission, whoever uploaded them. */
  blobBytesPerMission: number;
  /** Photo bytes one token may upload in 24 hours. */
  blobBytesPerTokenPerDay: number;
}

export const DEFAULT_QUOTAS: Quotas = {
  missionsPerDay: 50,
  blobBytesPerMission: 500 * 1024 * 1024,
  blobBytesPerTokenPerDay: 2 * 1024 * 1024 * 1024,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export interface QuotaStore {
  /**
   * Records the creation if the token has created fewer than `limit` missions in the last 24 hours; false (and
   * nothing recorded) otherwise. Recorded first and counted after, so concurrent creations cannot both slip in.
   */
  claimMission(tokenId: string, mission: string, limit: number): Promise<boolean>;
  /** Bytes of the photos the mission references. */
  missionBlobBytes(mission: string): Promise<number>;
  /** Bytes the token uploaded in the last 24 hours. */
  tokenBlobBytesToday(tokenId: string): Promise<number>;
  recordUpload(tokenId: string, mission: string, bytes: number): Promise<void>;
}

function since(now: number): string {
  return new Date(now - DAY_MS).toISOString();
}

export function sqliteQuotaStore(db: DatabaseSync, now: () => number = Date.now): QuotaStore {
  db.exec(`CREATE TABLE IF NOT EXISTS missions_created (token_id TEXT NOT NULL, mission TEXT NOT NULL,
    created_at TEXT NOT NULL, PRIMARY KEY (token_id, mission));
  CREATE INDEX IF NOT EXISTS missions_created_at ON missions_created(token_id, created_at);
  CREATE TABLE IF NOT EXISTS blob_uploads (token_id TEXT NOT NULL, mission TEXT NOT NULL, bytes INTEGER NOT NULL,
    uploaded_at TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS blob_uploads_token ON blob_uploads(token_id, uploaded_at);`);
  // The blob tables belong to blobRefs.ts; they may not exist yet when this store is made first.
  db.exec(`CREATE TABLE IF NOT EXISTS blobs (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS blob_refs (sha256 TEXT NOT NULL, mission TEXT NOT NULL, PRIMARY KEY (sha256, mission));`);
  const insertMission = db.prepare('INSERT OR IGNORE INTO missions_created VALUES (?, ?, ?)');
  const countMissions = db.prepare(
    'SELECT COUNT(*) AS n FROM missions_created WHERE token_id = ? AND created_at > ?',
  );
  const deleteMission = db.prepare('DELETE FROM missions_created WHERE token_id = ? AND mission = ?');
  const missionBytes = db.prepare(
    'SELECT COALESCE(SUM(b.bytes), 0) AS n FROM blob_refs r JOIN blobs b ON b.sha256 = r.sha256 WHERE r.mission = ?',
  );
  const tokenBytes = db.prepare(
    'SELECT COALESCE(SUM(bytes), 0) AS n FROM blob_uploads WHERE token_id = ? AND uploaded_at > ?',
  );
  const insertUpload = db.prepare('INSERT INTO blob_uploads VALUES (?, ?, ?, ?)');
  return {
    async claimMission(tokenId, mission, limit) {
      const at = now();
      insertMission.run(tokenId, mission, new Date(at).toISOString());
      if (Number(countMissions.get(tokenId, since(at))?.n ?? 0) <= limit) return true;
      deleteMission.run(tokenId, mission);
      return false;
    },
    missionBlobBytes: async (mission) => Number(missionBytes.get(mission)?.n ?? 0),
    tokenBlobBytesToday: async (tokenId) => Number(tokenBytes.get(tokenId, since(now()))?.n ?? 0),
    async recordUpload(tokenId, mission, bytes) {
      insertUpload.run(tokenId, mission, bytes, new Date(now()).toISOString());
    },
  };
}

/** The quota tables in `schema` (see preparePostgres). */
export function postgresQuotaTables(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${schema}.minga_missions_created (token_id TEXT NOT NULL, mission TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (token_id, mission))`,
    `CREATE INDEX IF NOT EXISTS minga_missions_created_at ON ${schema}.minga_missions_created (token_id, created_at)`,
    `CREATE TABLE IF NOT EXISTS ${schema}.minga_blob_uploads (token_id TEXT NOT NULL, mission TEXT NOT NULL,
    bytes BIGINT NOT NULL, uploaded_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `CREATE INDEX IF NOT EXISTS minga_blob_uploads_token ON ${schema}.minga_blob_uploads (token_id, uploaded_at)`,
  ];
}

/** Quotas in PostgreSQL; the tables must exist (preparePostgres). */
export function postgresQuotaStore(pool: pg.Pool, schema: string): QuotaStore {
  const created = `${schema}.minga_missions_created`;
  const uploads = `${schema}.minga_blob_uploads`;
  const day = `now() - interval '1 day'`;
  return {
    async claimMission(tokenId, mission, limit) {
      await pool.query(`INSERT INTO ${created} (token_id, mission) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        tokenId,
        mission,
      ]);
      const result = await pool.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM ${created} WHERE token_id = $1 AND created_at > ${day}`,
        [tokenId],
      );
      if (Number(result.rows[0]?.n ?? 0) <= limit) return true;
      await pool.query(`DELETE FROM ${created} WHERE token_id = $1 AND mission = $2`, [tokenId, mission]);
      return false;
    },
    async missionBlobBytes(mission) {
      const result = await pool.query<{ n: string }>(
        `SELECT COALESCE(SUM(b.bytes), 0) AS n FROM ${schema}.minga_blob_refs r
         JOIN ${schema}.minga_blobs b ON b.sha256 = r.sha256 WHERE r.mission = $1`,
        [mission],
      );
      return Number(result.rows[0]?.n ?? 0);
    },
    async tokenBlobBytesToday(tokenId) {
      const result = await pool.query<{ n: string }>(
        `SELECT COALESCE(SUM(bytes), 0) AS n FROM ${uploads} WHERE token_id = $1 AND uploaded_at > ${day}`,
        [tokenId],
      );
      return Number(result.rows[0]?.n ?? 0);
    },
    async recordUpload(tokenId, mission, bytes) {
      await pool.query(`INSERT INTO ${uploads} (token_id, mission, bytes) VALUES ($1, $2, $3)`, [
        tokenId,
        mission,
        bytes,
      ]);
    },
  };
}
