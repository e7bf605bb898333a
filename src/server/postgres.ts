// PostgreSQL (DATABASE_URL): the pool every store shares, and the tables they need in their schema.
import pg from 'pg';
import { postgresBlobDataTables } from './blobStore.ts';
import { postgresBlobRefTables } from './blobRefs.ts';
import { postgresDocumentTables } from './documents.ts';
import { postgresTokenTables } from './tokens.ts';
import { postgresQuotaTables } from './quotas.ts';

/** How long a request may wait for PostgreSQL before it fails (and the client retries), not hangs. */
export const POSTGRES_TIMEOUTS = {
  connectionTimeoutMillis: 3000,
  /** Client side: also covers a server that stopped answering on an open connection. */
  query_timeout: 15_000,
  /** Server side: the statement is cancelled there too, not left running. */
  statement_timeout: 15_000,
} as const;

export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
}

/**
 * A pool for DATABASE_URL. It connects lazily: creating it never fails, whether PostgreSQL is up or not.
 * `onIdleError` hears about idle connections that broke (a restart, a network cut); without a listener
 * such an error would crash the process.
 */
export function createPool(url: string, onIdleError: (error: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10, keepAlive: true, ...POSTGRES_TIMEOUTS });
  pool.on('error', onIdleError);
  return pool;
}

/** Creates the schema and every table of tokens, documents and blobs if missing; safe to repeat. */
export async function preparePostgres(pool: pg.Pool, schema: string): Promise<void> {
  assertSchemaName(schema);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const statements = [
    ...postgresTokenTables(schema),
    ...postgresDocumentTables(schema),
    ...postgresBlobRefTables(schema),
    ...postgresBlobDataTables(schema),
    ...postgresQuotaTables(schema),
  ];
  for (const statement of statements) await pool.query(statement);
}

/** A pool with its schema ready, for the admin CLI and tests: fails at once if PostgreSQL does not answer. */
export async function openPostgres(url: string, schema: string): Promise<pg.Pool> {
  assertSchemaName(schema);
  const pool = createPool(url);
  try {
    await preparePostgres(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
