// Durability against the real server: graceful restart, and SIGKILL of `npm start`'s entry during writes.
import { execFile, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import {
  connect,
  NODE,
  readBack,
  removeDir,
  settled,
  spawnServer,
  startTestServer,
  tempDir,
  waitFor,
} from './syncHarness.ts';

const children: ChildProcess[] = [];
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `minga_kill_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
/** Extra environment of the server and CLI children: none for SQLite, DATABASE_URL for PostgreSQL. */
let modeEnv: Record<string, string> = {};
const dirs: string[] = [];

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) await removeDir(dir);
  const pool = new pg.Pool({ connectionString: DATABASE_URL });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});

/** `npm run admin -- …` without npm: returns stdout. */
async function admin(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(NODE, ['src/server/admin.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...modeEnv, DATA_DIR: dataDir },
  });
  return stdout;
}

/** Starts src/server/start.ts in the current mode; killed at the end if still running. */
async function startChild(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const started = await spawnServer({ ...modeEnv, DATA_DIR: dataDir });
  children.push(started.child);
  return started;
}

describe('persistence', () => {
  it('keeps documents across a graceful restart and compacts the update log', async () => {
    const first = await startTestServer();
    dirs.push(first.dataDir);
    const coordinator = first.token('coordinator').token;
    const name = `mission:${randomUUID()}`;
    const c = connect(first.url, coordinator, name);
    await settled(c);
    c.doc.getText('text').insert(0, 'kept across restarts');
    await c.acknowledged();
    c.destroy();
    await first.stop();

    const db = openDatabase(first.dataDir);
    expect(db.prepare('SELECT count(*) AS n FROM document_updates WHERE name = ?').get(name)?.n).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM documents WHERE name = ?').get(name)?.n).toBe(1);
    db.close();

    const second = await startTestServer({}, first.dataDir);
    try {
      expect(await readBack(second.url, coordinator, name)).toBe('kept across restarts');
    } finally {
      await second.stop();
    }
  });

  it.each(['sqlite', 'postgres'])(
    'keeps every acknowledged update through SIGKILL during writes (%s)',
    async (mode) => {
      modeEnv = mode === 'postgres' ? { DATABASE_URL, DATABASE_SCHEMA: schema } : {};
      const dataDir = await tempDir('minga-kill-');
      dirs.push(dataDir);
      const created = await admin(dataDir, 'token', 'create', '--role', 'coordinator', '--name', 'Kill test');
      const token = created.trim().split('\n').at(-1) ?? '';
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const listed = await admin(dataDir, 'token', 'list');
      expect(listed).toContain('Kill test');
      expect(listed).not.toContain(token);

      const name = `mission:${randomUUID()}`;
      const { child, port } = await startChild(dataDir);
      const writer = connect(`ws://127.0.0.1:${port}/sync`, token, name);
      await settled(writer);
      const text = writer.doc.getText('text');
      for (let i = 0; i < 20; i += 1) {
        text.insert(text.length, `a${i};`);
        await writer.acknowledged();
      }
      const acknowledged = text.toString();
      // More writes in flight, then the kill: these may or may not have landed; the acknowledged ones must.
      for (let i = 0; i < 50; i += 1) text.insert(text.length, `b${i};`);
      child.kill('SIGKILL');
      await waitFor(() => child.signalCode === 'SIGKILL', 5000, 'the kill');
      writer.destroy();

      const restarted = await startChild(dataDir);
      try {
        const stored = await readBack(`ws://127.0.0.1:${restarted.port}/sync`, token, name);
        expect(stored.startsWith(acknowledged)).toBe(true);
        // Revoking through the CLI (another process) closes the open connection of the running server.
        const watcher = connect(`ws://127.0.0.1:${restarted.port}/sync`, token, name);
        await settled(watcher);
        expect(await admin(dataDir, 'token', 'revoke', token)).toMatch(/^Revoked [0-9a-f-]{36}\n$/);
        await waitFor(() => watcher.closeCodes.includes(4401), 10_000, 'close 4401 after CLI revocation');
        watcher.destroy();
        expect(await admin(dataDir, 'token', 'list')).toContain('revoked');
      } finally {
        restarted.child.kill('SIGTERM');
        await waitFor(() => restarted.child.exitCode !== null, 5000, 'the restarted server to stop');
      }
    },
    // Two server processes and three CLI runs, each starting Node: more than the default 5 s on a busy machine.
    30_000,
  );
});
