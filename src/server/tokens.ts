// Tokens and memberships behind one async interface: in the SQLite file, or in PostgreSQL for scale-out.
import type { DatabaseSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import * as sqlite from './db.ts';
import { hashToken, newTokenSecret, type Role, type TokenRow } from './db.ts';
import { transaction } from './transaction.ts';

export interface TokenStore {
  create(input: {
    role: Role;
    name: string;
    missions?: readonly string[];
  }): Promise<{ id: string; token: string }>;
  /** Revokes by id or by the token itself; the id revoked, or null. */
  revoke(idOrToken: string): Promise<string | null>;
  list(): Promise<(TokenRow & { missions: string[] })[]>;
  /** The live token with this secret, or null. */
  find(token: string): Promise<TokenRow | null>;
  revokedAmong(ids: readonly string[]): Promise<Set<string>>;
  isMember(tokenId: string, mission: string): Promise<boolean>;
  addMembership(tokenId: string, mission: string): Promise<void>;
  /** True if the token was a member. */
  removeMembership(tokenId: string, mission: string): Promise<boolean>;
  /** The mission has been assigned to someone: it can no longer be claimed by opening it. */
  hasMembers(mission: string): Promise<boolean>;
  missionsOf(tokenId: string): Promise<string[]>;
}

export function sqliteTokenStore(db: DatabaseSync): TokenStore {
  return {
    create: async (input) => sqlite.createToken(db, input),
    revoke: async (idOrToken) => sqlite.revokeToken(db, idOrToken),
    list: async () => sqlite.listTokens(db),
    find: async (token) => sqlite.findToken(db, token),
    revokedAmong: async (ids) => sqlite.revokedAmong(db, ids),
    isMember: async (tokenId, mission) => sqlite.isMember(db, tokenId, mission),
    addMembership: async (tokenId, mission) => sqlite.addMembership(db, tokenId, mission),
    missionsOf: async (tokenId) => sqlite.missionsOf(db, tokenId),
    removeMembership: async (tokenId, mission) => sqlite.removeMembership(db, tokenId, mission),
    hasMembers: async (mission) => sqlite.hasMembers(db, mission),
  };
}

/** The tables of tokens and memberships in `schema` (see preparePostgres). */
export function postgresTokenTables(schema: string): string[] {
  const tokens = `${schema}.minga_tokens`;
  return [
    `CREATE TABLE IF NOT EXISTS ${tokens} (
    id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('coordinator', 'technician', 'observer')),
    created_at TEXT NOT NULL, revoked_at TEXT)`,
    `CREATE TABLE IF NOT EXISTS ${schema}.minga_memberships (
    token_id TEXT NOT NULL REFERENCES ${tokens}(id), mission TEXT NOT NULL, PRIMARY KEY (token_id, mission))`,
    `CREATE INDEX IF NOT EXISTS minga_memberships_mission ON ${schema}.minga_memberships (mission)`,
  ];
}

/** Tokens in PostgreSQL; the tables must exist (preparePostgres). */
export function postgresTokenStore(pool: pg.Pool, schema: string): TokenStore {
  const tokens = `${schema}.minga_tokens`;
  const memberships = `${schema}.minga_memberships`;
  const columns = 'id, name, role, created_at, revoked_at';
  const store: TokenStore = {
    async create(input) {
      const token = newTokenSecret();
      const id = randomUUID();
      await transaction(pool, async (client) => {
        await client.query(
          `INSERT INTO ${tokens} (id, hash, name, role, created_at) VALUES ($1, $2, $3, $4, $5)`,
          [id, hashToken(token), input.name, input.role, new Date().toISOString()],
        );
        for (const mission of input.missions ?? []) {
          await client.query(`INSERT INTO ${memberships} VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
            id,
            mission,
          ]);
        }
      });
      return { id, token };
    },
    async revoke(idOrToken) {
      const found = await pool.query<{ id: string }>(`SELECT id FROM ${tokens} WHERE id = $1 OR hash = $2`, [
        idOrToken,
        hashToken(idOrToken),
      ]);
      const id = found.rows[0]?.id;
      if (id === undefined) return null;
      await pool.query(`UPDATE ${tokens} SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL`, [
        new Date().toISOString(),
        id,
      ]);
      return id;
    },
    async list() {
      const rows = await pool.query<TokenRow>(`SELECT ${columns} FROM ${tokens} ORDER BY created_at`);
      return Promise.all(
        rows.rows.map(async (row) => ({ ...row, missions: await store.missionsOf(row.id) })),
      );
    },
    async find(token) {
      const result = await pool.query<TokenRow>(
        `SELECT ${columns} FROM ${tokens} WHERE hash = $1 AND revoked_at IS NULL`,
        [hashToken(token)],
      );
      return result.rows[0] ?? null;
    },
    async revokedAmong(ids) {
      const live = await pool.query<{ id: string }>(
        `SELECT id FROM ${tokens} WHERE id = ANY($1) AND revoked_at IS NULL`,
        [[...ids]],
      );
      const alive = new Set(live.rows.map((r) => r.id));
      return new Set(ids.filter((id) => !alive.has(id)));
    },
    async isMember(tokenId, mission) {
      const result = await pool.query(`SELECT 1 FROM ${memberships} WHERE token_id = $1 AND mission = $2`, [
        tokenId,
        mission,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async addMembership(tokenId, mission) {
      await pool.query(`INSERT INTO ${memberships} VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        tokenId,
        mission,
      ]);
    },
    async removeMembership(tokenId, mission) {
      const result = await pool.query(`DELETE FROM ${memberships} WHERE token_id = $1 AND mission = $2`, [
        tokenId,
        mission,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async hasMembers(mission) {
      const result = await pool.query(`SELECT 1 FROM ${memberships} WHERE mission = $1 LIMIT 1`, [mission]);
      return (result.rowCount ?? 0) > 0;
    },
    async missionsOf(tokenId) {
      const result = await pool.query<{ mission: string }>(
        `SELECT mission FROM ${memberships} WHERE token_id = $1 ORDER BY mission`,
        [tokenId],
      );
      return result.rows.map((r) => r.mission);
    },
  };
  return store;
}
