// `npm start`: builds the app if dist/ is missing, then serves the PWA, /api, /healthz and /sync (env below).
// `npm start` runs it with V8 heap flags (package.json): with plain `node` it serves the same, with more memory at its
// peak under load (docs/adr/0006-server-heap.md).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DIST_DIR, REPO_ROOT } from './static.ts';
import { DEFAULT_HTTP_TIMEOUTS, startMingaServer } from './app.ts';
import { jsonLogger } from './log.ts';

function log(event: string, fields: Record<string, unknown> = {}): void {
  jsonLogger({ event, ...fields });
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got ${JSON.stringify(value)}`);
  }
  return port;
}

/** An optional positive integer from the environment; undefined keeps the default. */
function positiveInt(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${name} must be a positive integer`);
  return number;
}

/** An optional integer ≥ 0 from the environment; undefined keeps the default. */
function nonNegativeInt(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${name} must be an integer ≥ 0`);
  return number;
}

/** Runs `npm run build` in the repository root with inherited stdio, using the npm that started us if any. */
function build(): Promise<void> {
  const npmCli = process.env.npm_execpath;
  const [command, args]: [string, string[]] =
    npmCli !== undefined && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'run', 'build']]
      : ['npm', ['run', 'build']];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/**
 * Environment: PORT (8080), HOST (0.0.0.0), DATA_DIR (./data), DATABASE_URL and DATABASE_SCHEMA (public),
 * REDIS_URL, MAX_MESSAGE_BYTES, MAX_DOCUMENT_BYTES, MAX_CONNECTIONS_PER_TOKEN, MAX_CONNECTIONS_PER_IP,
 * MAX_BLOB_BYTES (20 MiB), MISSIONS_PER_TOKEN_PER_DAY (50), BLOB_BYTES_PER_MISSION (500 MiB),
 * BLOB_BYTES_PER_TOKEN_PER_DAY (2 GiB), HISTORY_RETENTION_DAYS (90), GROUP_COMMIT_MS (2),
 * SQLITE_WRITER_THREAD (0).
 */
async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const host = process.env.HOST || '0.0.0.0';
  const distDir = DEFAULT_DIST_DIR;

  if (!existsSync(path.join(distDir, 'index.html'))) {
    log('build', { reason: 'dist/index.html missing' });
    await build();
  }

  const dataDir = path.resolve(process.env.DATA_DIR || './data');
  const httpTimeouts = {
    headersTimeoutMs: positiveInt('HEADERS_TIMEOUT_MS'),
    requestTimeoutMs: positiveInt('REQUEST_TIMEOUT_MS'),
  };
  const headers = httpTimeouts.headersTimeoutMs ?? DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs;
  const request = httpTimeouts.requestTimeoutMs ?? DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs;
  // Node refuses a request deadline shorter than the headers' one, with a message naming neither variable.
  if (request < headers)
    throw new Error(`REQUEST_TIMEOUT_MS (${request}) must be at least HEADERS_TIMEOUT_MS (${headers})`);
  const running = await startMingaServer({
    port,
    host,
    distDir,
    dataDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    databaseSchema: process.env.DATABASE_SCHEMA || undefined,
    limits: {
      maxMessageBytes: positiveInt('MAX_MESSAGE_BYTES'),
      maxDocumentBytes: positiveInt('MAX_DOCUMENT_BYTES'),
      maxConnectionsPerToken: positiveInt('MAX_CONNECTIONS_PER_TOKEN'),
      maxConnectionsPerIp: positiveInt('MAX_CONNECTIONS_PER_IP'),
      authTimeoutMs: positiveInt('AUTH_TIMEOUT_MS'),
      maxUnauthenticatedPerIp: positiveInt('MAX_UNAUTHENTICATED_PER_IP'),
      writesPerSecond: positiveInt('WRITE_RATE_PER_SECOND'),
      writeBurst: positiveInt('WRITE_BURST'),
      offenceWaitMs: nonNegativeInt('OFFENCE_WAIT_MS'),
      offenceMaxWaitMs: positiveInt('OFFENCE_MAX_WAIT_MS'),
    },
    hsts: process.env.HSTS === '1',
    trustedProxies: (process.env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter((address) => address !== ''),
    httpTimeouts,
    maxBlobBytes: positiveInt('MAX_BLOB_BYTES'),
    historyRetentionDays: positiveInt('HISTORY_RETENTION_DAYS'),
    groupCommitMs: nonNegativeInt('GROUP_COMMIT_MS'),
    sqliteWriterThread: process.env.SQLITE_WRITER_THREAD === '1',
    quotas: {
      missionsPerDay: positiveInt('MISSIONS_PER_TOKEN_PER_DAY'),
      blobBytesPerMission: positiveInt('BLOB_BYTES_PER_MISSION'),
      blobBytesPerTokenPerDay: positiveInt('BLOB_BYTES_PER_TOKEN_PER_DAY'),
    },
  });
  log('listening', {
    port: running.port,
    host,
    dataDir,
    documents: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
    redis: Boolean(process.env.REDIS_URL),
  });

  const stop = (signal: string) => {
    log('stopping', { signal });
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ event: 'fatal', message: error instanceof Error ? error.message : String(error) })}\n`,
  );
  process.exit(1);
});
