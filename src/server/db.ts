// The server's SQLite file (node:sqlite, no native addon): tokens, memberships and, by default, documents.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sqliteTransaction } from './sqliteTransaction.ts';

export type Role = 'coordinator' | 'technician' | 'observer';
export const ROLES: readonly Role[] = ['coordinator', 'technician', 'observer'];

export interface TokenRow {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('coordinator', 'technician', 'observer')),
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS memberships (
  token_id TEXT NOT NULL REFERENCES tokens(id),
  mission TEXT NOT NULL,
  PRIMARY KEY (token_id, mission)
);
CREATE INDEX IF NOT EXISTS memberships_mission ON memberships(mission);
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
-- Every update is appended here before the server acknowledges it; compaction folds them into documents.
CREATE TABLE IF NOT EXISTS document_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  update_data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates(name, seq);
`;

/**
 * Statements prepared once per connection: every write checks its token's revocation, and compiling the SQL again
 * each time cost the event loop more than the lookup itself (a third of the per-update check under load).
 */
const statements = new WeakMap<DatabaseSync, Map<string, StatementSync>>();
function prepared(db: DatabaseSync, sql: string): StatementSync {
  let cache = statements.get(db);
  if (cache === undefined) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Opens (and creates if needed) DATA_DIR/minga.sqlite in WAL mode. */
export function openDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(path.join(dataDir, 'minga.sqlite'));
  db.exec('PRAGMA journal_mode = WAL');
  // FULL: an acknowledged update must survive a crash of the machine, not only of the process.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(SCHEMA);
  addDocumentVersion(db);
  return db;
}

/** The change feed's version of each document (raised by every store); added to files made before it. */
function addDocumentVersion(db: DatabaseSync): void {
  const columns = db.prepare('PRAGMA table_info(documents)').all();
  if (columns.some((column) => column.name === 'version')) return;
  db.exec('ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 0');
}

/**
 * 256 random bits, base64url. One that starts with '-' would read as an option on a command line (`token revoke
 * -x…`), so such draws are discarded.
 */
export function newTokenSecret(): string {
  for (;;) {
    const token = randomBytes(32).toString('base64url');
    if (!token.startsWith('-')) return token;
  }
}

export function createToken(
  db: DatabaseSync,
  input: { role: Role; name: string; missions?: readonly string[] },
): { id: string; token: string } {
  const token = newTokenSecret();
  const id = randomUUID();
  sqliteTransaction(db, 'BEGIN', () => {
    db.prepare('INSERT INTO tokens (id, hash, name, role, created_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      hashToken(token),
      input.name,
      input.role,
      new Date().toISOString(),
    );
    for (const mission of input.missions ?? []) addMembership(db, id, mission);
  });
  return { id, token };
}

/** Revokes by id or by the token itself. Returns the id revoked, or null if nothing matched. */
export function revokeToken(db: DatabaseSync, idOrToken: string): string | null {
  const row = db
    .prepare('SELECT id FROM tokens WHERE id = ? OR hash = ?')
    .get(idOrToken, hashToken(idOrToken));
  if (row === undefined) return null;
  const id = String(row.id);
  db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(
    new Date().toISOString(),
    id,
  );
  return id;
}

export function listTokens(db: DatabaseSync): (TokenRow & { missions: string[] })[] {
  const rows = db
    .prepare('SELECT id, name, role, created_at, revoked_at FROM tokens ORDER BY created_at')
    .all() as unknown as TokenRow[];
  const missions = db.prepare('SELECT mission FROM memberships WHERE token_id = ? ORDER BY mission');
  return rows.map((row) => ({
    ...row,
    missions: missions.all(row.id).map((m) => String(m.mission)),
  }));
}

/** The live (not revoked) token with this secret, or null. */
export function findToken(db: DatabaseSync, token: string): TokenRow | null {
  const row = prepared(
    db,
    'SELECT id, name, role, created_at, revoked_at FROM tokens WHERE hash = ? AND revoked_at IS NULL',
  ).get(hashToken(token));
  return row === undefined ? null : (row as unknown as TokenRow);
}

/** Of the given ids, those that are revoked or gone. */
export function revokedAmong(db: DatabaseSync, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  // One statement for all of them: under load the server asks about many tokens at once (revocationCheck.ts).
  const rows = prepared(
    db,
    `SELECT j.value AS id FROM json_each(?) AS j
     WHERE NOT EXISTS (SELECT 1 FROM tokens AS t WHERE t.id = j.value AND t.revoked_at IS NULL)`,
  ).all(JSON.stringify(ids));
  return new Set(rows.map((row) => String(row.id)));
}

export function isMember(db: DatabaseSync, tokenId: string, mission: string): boolean {
  return (
    prepared(db, 'SELECT 1 AS ok FROM memberships WHERE token_id = ? AND mission = ?').get(
      tokenId,
      mission,
    ) !== undefined
  );
}

export function addMembership(db: DatabaseSync, tokenId: string, mission: string): void {
  db.prepare('INSERT OR IGNORE INTO memberships (token_id, mission) VALUES (?, ?)').run(tokenId, mission);
}

export function missionsOf(db: DatabaseSync, tokenId: string): string[] {
  return prepared(db, 'SELECT mission FROM memberships WHERE token_id = ? ORDER BY mission')
    .all(tokenId)
    .map((row) => String(row.mission));
}

/** Removes one membership; true if there was one. */
export function removeMembership(db: DatabaseSync, tokenId: string, mission: string): boolean {
  const result = db
    .prepare('DELETE FROM memberships WHERE token_id = ? AND mission = ?')
    .run(tokenId, mission);
  return Number(result.changes) > 0;
}

/** Whether any token, live or revoked, is or was assigned to the mission. */
export function hasMembers(db: DatabaseSync, mission: string): boolean {
  return prepared(db, 'SELECT 1 AS ok FROM memberships WHERE mission = ? LIMIT 1').get(mission) !== undefined;
}
