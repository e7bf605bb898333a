// Group commit through the real server, with real providers, for the SQLite file and PostgreSQL: many devices
// writing at once are all acknowledged and stored; an update is relayed at once but acknowledged only once logged;
// a failed commit acknowledges nothing, the devices find out, and it is retried until it is logged; idle documents
// leave memory and come back intact.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db.ts';
import { openPostgres } from '../../src/server/postgres.ts';
import { postgresTokenStore } from '../../src/server/tokens.ts';
import { Unavailable } from '../../src/server/wire.ts';
import {
  connect,
  readBack,
  removeDir,
  settled,
  startTestServer,
  waitFor,
  type TestServer,
} from './syncHarness.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Mode {
  server: TestServer;
  coordinator(): Promise<string>;
  breakAppends(): Promise<void>;
  repairAppends(): Promise<void>;

  close(): Promise<void>;
}

async function sqliteMode(sqliteWriterThread: boolean): Promise<Mode> {
  const server = await startTestServer({ groupCommitMs: 5, sqliteWriterThread });
  const admin = openDatabase(server.dataDir);
  return {
    server,
    coordinator: async () => server.token('coordinator').token,
    async breakAppends() {
      admin.exec(`CREATE TRIGGER fail_append BEFORE INSERT ON document_updates
                  BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    },
    async repairAppends() {
      admin.exec('DROP TRIGGER fail_append');
    },

    async close() {
      admin.close();
      await server.stop();
      await removeDir(server.dataDir);
    },
  };
}

async function postgresMode(): Promise<Mode> {
  const schema = `minga_gc_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const pool: pg.Pool = await openPostgres(DATABASE_URL, schema);
  const server = await startTestServer({
    databaseUrl: DATABASE_URL,
    databaseSchema: schema,
    groupCommitMs: 5,
  });
  const tokens = postgresTokenStore(pool, schema);
  return {
    server,
    coordinator: async () => (await tokens.create({ role: 'coordinator', name: 'Cora' })).token,
    async breakAppends() {
      await pool.query(`CREATE FUNCTION ${schema}.fail_append() RETURNS trigger LANGUAGE plpgsql
                        AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
      await pool.query(`CREATE TRIGGER fail_append BEFORE INSERT ON ${schema}.minga_document_updates
                        FOR EACH ROW EXECUTE FUNCTION ${schema}.fail_append()`);
    },
    async repairAppends() {
      await pool.query(`DROP FUNCTION ${schema}.fail_append() CASCADE`);
    },

    async close() {
      await server.stop();
      await removeDir(server.dataDir);
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

describe.each([
  ['SQLite, committed on the event loop', () => sqliteMode(false)],
  ['SQLite, committed on the writer thread', () => sqliteMode(true)],
  ['PostgreSQL', postgresMode],
] as const)('group commit on the server: %s', (_kind, make) => {
  let mode: Mode;
  let token: string;
  beforeAll(async () => {
    mode = await make();
    token = await mode.coordinator();
  });
  afterAll(async () => {
    await mode?.close();
  });

  it('acknowledges and stores every update of many devices writing to one document at once', async () => {
    const name = `mission:${randomUUID()}`;
    const devices = Array.from({ length: 8 }, () => connect(mode.server.url, token, name));
    try {
      for (const device of devices) await settled(device);
      await waitFor(() => devices.every((d) => d.provider.synced), 10_000, 'every device synced');
      for (let round = 0; round < 10; round++) {
        devices.forEach((device, i) => device.doc.getMap('m').set(`d${i}-r${round}`, round));
      }
      for (const device of devices) await device.acknowledged(15_000);
    } finally {
      for (const device of devices) device.destroy();
    }
    const reader = connect(mode.server.url, token, name);
    try {
      await waitFor(() => reader.provider.synced, 10_000, 'the reader synced');
      expect(Object.keys(reader.doc.getMap('m').toJSON())).toHaveLength(80);
    } finally {
      reader.destroy();
    }
  });

  it('relays an update at once but acknowledges it only once it is in the log, even across a reconnect', async () => {
    const name = `mission:${randomUUID()}`;
    const writer = connect(mode.server.url, token, name);
    const reader = connect(mode.server.url, token, name);
    try {
      await settled(writer);
      await settled(reader);
      await waitFor(() => writer.provider.synced && reader.provider.synced, 10_000, 'both synced');
      const text = writer.doc.getText('text');
      text.insert(0, 'first;');
      await writer.acknowledged(10_000);
      await mode.breakAppends();
      text.insert(text.length, 'second;');
      // The other device has it at once; the writer is told to try again later, and is not acknowledged.
      await waitFor(
        () => reader.doc.getText('text').toString() === 'first;second;',
        10_000,
        'the relayed edit',
      );
      await waitFor(() => writer.closeCodes.includes(Unavailable.code), 10_000, 'the unavailable close');
      expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
      // Reconnected, the writer has nothing the server lacks in memory: its empty sync step is still not
      // acknowledged while the update is not logged, and it is sent away again at the next failed attempt.
      const closesBefore = writer.closeCodes.length;
      await waitFor(
        () => writer.closeCodes.length > closesBefore && writer.closeCodes.at(-1) === Unavailable.code,
        15_000,
        'a second unavailable close after the reconnect',
      );
      expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
      await mode.repairAppends();
      await writer.acknowledged(20_000);
    } finally {
      writer.destroy();
      reader.destroy();
    }
    // Read back from the database once the document has left memory, not from the live copy.
    await waitFor(
      () => mode.server.logs.some((entry) => entry.event === 'document-unloaded' && entry.document === name),
      15_000,
      'the document unloaded',
    );
    expect(await readBack(mode.server.url, token, name)).toBe('first;second;');
  });

  it('unloads a document once its last device leaves and reloads it intact for the next one', async () => {
    const name = `mission:${randomUUID()}`;
    const events = (event: string) =>
      mode.server.logs.filter((entry) => entry.event === event && entry.document === name).length;
    const first = connect(mode.server.url, token, name);
    const second = connect(mode.server.url, token, name);
    try {
      await settled(first);
      await settled(second);
      await waitFor(() => first.provider.synced && second.provider.synced, 10_000, 'both synced');
      first.doc.getText('text').insert(0, 'kept across the unload');
      await first.acknowledged(10_000);
      first.destroy();
      await waitFor(
        () => second.doc.getText('text').length > 0,
        10_000,
        'the edit reached the second device',
      );
      // One device still holds it: it stays loaded.
      expect(events('document-unloaded')).toBe(0);
    } finally {
      first.destroy();
      second.destroy();
    }
    await waitFor(() => events('document-unloaded') === 1, 15_000, 'the document unloaded');
    const later = connect(mode.server.url, token, name);
    try {
      await waitFor(() => later.provider.synced, 10_000, 'the later device synced');
      expect(later.doc.getText('text').toString()).toBe('kept across the unload');
      expect(events('document-loaded')).toBe(2);
    } finally {
      later.destroy();
    }
  });
});
