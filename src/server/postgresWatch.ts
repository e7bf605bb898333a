// Whether PostgreSQL can serve right now: set up at start, probed after a failure, retried with a capped backoff.
import type pg from 'pg';
import { describeError, type Logger } from './log.ts';
import { preparePostgres } from './postgres.ts';

export interface PostgresWatch {
  /** The last known reason PostgreSQL cannot serve, or null: cheap enough to ask on every request. */
  problem(): string | null;
  /** Probes now (the schema set-up until it has succeeded once, then `SELECT 1`) and returns the outcome. */
  check(): Promise<string | null>;
  /** A query failed: probe at once, and keep probing while it fails, so recovery needs no request. */
  suspect(): void;
  close(): void;
}

export interface Backoff {
  minMs: number;
  maxMs: number;
}

export const DEFAULT_POSTGRES_BACKOFF: Backoff = { minMs: 250, maxMs: 5000 };
/** As quick to fail as to connect: /healthz waits for the probe. pg honours a query's own query_timeout,
 * though its types leave it out. */
const PROBE = { text: 'SELECT 1', query_timeout: 3000 } as pg.QueryConfig;

export function watchPostgres(
  pool: pg.Pool,
  schema: string,
  log: Logger,
  backoff: Backoff = DEFAULT_POSTGRES_BACKOFF,
): PostgresWatch {
  let prepared = false;
  let problem: string | null = 'postgres: not connected yet';
  let probing: Promise<string | null> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let delay = backoff.minMs;
  /** An outage is logged once when it begins, not once per attempt (nor per error text, which varies). */
  let reported = false;
  let closed = false;

  const settle = (outcome: string | null): void => {
    problem = outcome;
    if (outcome === null) {
      delay = backoff.minMs;
      if (reported) log({ event: 'postgres-available' });
      reported = false;
      return;
    }
    if (!reported) log({ event: 'postgres-unavailable', message: outcome });
    reported = true;
    if (closed || retry !== null) return;
    retry = setTimeout(() => {
      retry = null;
      void probe();
    }, delay);
    // The retry must not keep a stopping process alive.
    retry.unref();
    delay = Math.min(delay * 2, backoff.maxMs);
  };

  const probe = (): Promise<string | null> => {
    if (closed) return Promise.resolve(problem);
    probing ??= (async () => {
      try {
        if (prepared) await pool.query(PROBE);
        else {
          await preparePostgres(pool, schema);
          prepared = true;
        }
        return null;
      } catch (error) {
        return `postgres: ${describeError(error)}`;
      }
    })().then((outcome) => {
      probing = null;
      if (!closed) settle(outcome);
      return outcome;
    });
    return probing;
  };

  return {
    problem: () => problem,
    check: probe,
    suspect() {
      void probe();
    },
    close() {
      closed = true;
      if (retry !== null) clearTimeout(retry);
      retry = null;
    },
  };
}
