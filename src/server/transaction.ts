// One PostgreSQL transaction on a client of the pool, committed or rolled back as a whole.
import type pg from 'pg';

/**
 * Runs `work` between BEGIN and COMMIT. On failure the client is rolled back and released with the error, so
 * the pool discards a connection that may have broken (a restart, a network cut) instead of lending it again.
 */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release(failure);
  }
}
