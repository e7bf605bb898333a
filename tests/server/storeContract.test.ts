// One contract for every document store: the SQLite file and PostgreSQL pass the same tests, against real
// databases (a temporary file; a schema of its own in the shared PostgreSQL).
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../src/server/db.ts';
import {
  postgresDocumentStore,
  sqliteDocumentStore,
  type DocumentStore,
} from '../../src/server/documents.ts';
import { createGroupCommit } from '../../src/server/groupCommit.ts';
import { openPostgres } from '../../src/server/postgres.ts';
import { sqliteWriterThread, type SqliteWriter } from '../../src/server/sqliteWriter.ts';
import { removeDir, tempDir } from './syncHarness.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A place documents are stored, from which any number of store objects (instances) can be opened. */
interface Backend {
  open(): DocumentStore;
  /** From now on every append fails, as a full disk or a dropped connection would make it. */
  breakAppends(): Promise<void>;
  repairAppends(): Promise<void>;
  /** Sequences still in the update log for the document. */
  logged(name: string): Promise<number[]>;
  close(): Promise<void>;
}

async function sqliteBackend(writerThread = false): Promise<Backend> {
  const dir = await tempDir('minga-contract-');
  const connections: DatabaseSync[] = [];
  const writers: SqliteWriter[] = [];
  const connection = () => {
    const db = openDatabase(dir);
    connections.push(db);
    return db;
  };
  const admin = connection();
  return {
    // Each instance on its own connection to the one file, as two processes would be.
    open() {
      if (!writerThread) return sqliteDocumentStore(connection());
      const writer = sqliteWriterThread(dir);
      writers.push(writer);
      return sqliteDocumentStore(connection(), undefined, writer);
    },
    async breakAppends() {
      admin.exec(`CREATE TRIGGER fail_append BEFORE INSERT ON document_updates
                  BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    },
    async repairAppends() {
      admin.exec('DROP TRIGGER fail_append');
    },
    async logged(name) {
      const rows = admin.prepare('SELECT seq FROM document_updates WHERE name = ? ORDER BY seq').all(name);
      return rows.map((row) => Number(row.seq));
    },
    async close() {
      for (const writer of writers) await writer.close();
      for (const db of connections) db.close();
      await removeDir(dir);
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const schema = `minga_contract_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const pools: pg.Pool[] = [await openPostgres(DATABASE_URL, schema)];
  const admin = pools[0] as pg.Pool;
  return {
    // Each instance with its own pool, as two servers on one database have.
    open() {
      const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
      pools.push(pool);
      return postgresDocumentStore(pool, schema);
    },
    async breakAppends() {
      await admin.query(`CREATE FUNCTION ${schema}.fail_append() RETURNS trigger LANGUAGE plpgsql
                         AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
      await admin.query(`CREATE TRIGGER fail_append BEFORE INSERT ON ${schema}.minga_document_updates
                         FOR EACH ROW EXECUTE FUNCTION ${schema}.fail_append()`);
    },
    async repairAppends() {
      await admin.query(`DROP FUNCTION ${schema}.fail_append() CASCADE`);
    },
    async logged(name) {
      const result = await admin.query<{ seq: string }>(
        `SELECT seq FROM ${schema}.minga_document_updates WHERE name = $1 ORDER BY seq`,
        [name],
      );
      return result.rows.map((row) => Number(row.seq));
    },
    async close() {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      for (const pool of pools) await pool.end();
    },
  };
}

/** An update that sets `key` in the map `m`, from a document of its own (so updates are independent). */
function setKey(key: string, value: string, base?: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  if (base !== undefined) Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc, before);
}

function keysOf(state: Uint8Array | null): Record<string, unknown> {
  const doc = new Y.Doc();
  if (state !== null) Y.applyUpdate(doc, state);
  return doc.getMap('m').toJSON();
}

const backends = [
  ['SQLite, committed on the event loop', () => sqliteBackend(false)],
  ['SQLite, committed on the writer thread', () => sqliteBackend(true)],
  ['PostgreSQL', postgresBackend],
] as const;

describe.each(backends)('document store contract: %s', (_kind, make) => {
  const opened: Backend[] = [];
  const backend = async () => {
    const made = await make();
    opened.push(made);
    return made;
  };
  afterAll(async () => {
    for (const made of opened) await made.close();
  });
  const name = () => `mission:${randomUUID()}`;

  it('returns null for a document never seen, and the appended updates merged for one only logged', async () => {
    const store = (await backend()).open();
    const doc = name();
    expect(await store.fetch(doc)).toBeNull();
    expect(await store.exists(doc)).toBe(false);
    const seqs = await store.appendBatch([
      { name: doc, update: setKey('a', '1') },
      { name: doc, update: setKey('b', '2') },
    ]);
    expect(seqs).toHaveLength(2);
    expect(keysOf(await store.fetch(doc))).toEqual({ a: '1', b: '2' });
    expect(await store.exists(doc)).toBe(true);
    expect(await store.names('mission:')).toContain(doc);
    expect((await store.versions([doc])).get(doc)).toBe(0);
  });

  it('stores a state and reads it back with the updates logged after it, raising the version', async () => {
    const made = await backend();
    const store = made.open();
    const doc = name();
    const first = setKey('a', '1');
    const [seq] = await store.appendBatch([{ name: doc, update: first }]);
    await store.fetch(doc);
    expect(await store.store(doc, first, [seq as number], ['tok-1'])).toBe(1);
    expect(await made.logged(doc)).toEqual([]);
    await store.appendBatch([{ name: doc, update: setKey('b', '2') }]);
    expect(keysOf(await store.fetch(doc))).toEqual({ a: '1', b: '2' });
    expect((await store.versions([doc])).get(doc)).toBe(1);
    const kept = await store.history.list(doc, 10);
    expect(kept.map((v) => [v.version, v.writers])).toEqual([[1, ['tok-1']]]);
  });

  it('numbers a batch in the order given, across documents, and later batches after it', async () => {
    const store = (await backend()).open();
    const [x, y] = [name(), name()];
    const batch = ['1', '2', '3', '4', '5', '6'].map((v, i) => ({
      name: i % 2 === 0 ? x : y,
      update: setKey(`k${v}`, v),
    }));
    const seqs = await store.appendBatch(batch);
    expect(seqs).toHaveLength(6);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const [later] = await store.appendBatch([{ name: x, update: setKey('k7', '7') }]);
    expect(later).toBeGreaterThan(seqs.at(-1) as number);
    expect(Object.keys(keysOf(await store.fetch(x))).sort()).toEqual(['k1', 'k3', 'k5', 'k7']);
  });

  it('commits updates arriving within the window in one transaction, each resolved with its own sequence', async () => {
    const store = (await backend()).open();
    const doc = name();
    const commits = createGroupCommit((batch) => store.appendBatch(batch), { windowMs: 20 });
    // A chain of dependent updates (each builds on the one before), as one device typing sends them.
    let state: Uint8Array = new Uint8Array([0, 0]);
    const updates: Uint8Array[] = [];
    for (let i = 0; i < 20; i++) {
      const update = setKey(`k${i}`, String(i), state);
      state = Y.mergeUpdates([state, update]);
      updates.push(update);
    }
    const seqs = await Promise.all(updates.map((update) => commits.append(doc, update)));
    expect(commits.counts()).toEqual({ commits: 1, updates: 20 });
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(20);
    expect(Object.keys(keysOf(await store.fetch(doc)))).toHaveLength(20);
  });

  it('with a window of 0, commits every update in a transaction of its own', async () => {
    const store = (await backend()).open();
    const doc = name();
    const commits = createGroupCommit((batch) => store.appendBatch(batch), { windowMs: 0 });
    await Promise.all(['a', 'b', 'c'].map((key) => commits.append(doc, setKey(key, key))));
    expect(commits.counts()).toEqual({ commits: 3, updates: 3 });
    expect(keysOf(await store.fetch(doc))).toEqual({ a: 'a', b: 'b', c: 'c' });
  });

  it('rejects every update of a failed transaction, keeps none of them, and commits again once repaired', async () => {
    const made = await backend();
    const store = made.open();
    const doc = name();
    const commits = createGroupCommit((batch) => store.appendBatch(batch), { windowMs: 20 });
    await commits.append(doc, setKey('before', 'kept'));
    await made.breakAppends();
    const failed = await Promise.allSettled(
      ['a', 'b', 'c'].map((key) => commits.append(doc, setKey(key, key))),
    );
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(keysOf(await store.fetch(doc))).toEqual({ before: 'kept' });
    await made.repairAppends();
    await commits.append(doc, setKey('after', 'kept'));
    expect(keysOf(await store.fetch(doc))).toEqual({ before: 'kept', after: 'kept' });
  });

  it('keeps in the log an update committed after the state was taken, and what it compacted goes', async () => {
    const made = await backend();
    const store = made.open();
    const doc = name();
    const first = setKey('a', '1');
    const [applied] = await store.appendBatch([{ name: doc, update: first }]);
    // Committed but not yet applied to the live document when the state below was encoded.
    const [waiting] = await store.appendBatch([{ name: doc, update: setKey('b', '2') }]);
    await store.store(doc, first, [applied as number]);
    expect(await made.logged(doc)).toEqual([waiting]);
    expect(keysOf(await made.open().fetch(doc))).toEqual({ a: '1', b: '2' });
  });

  it('merges a compaction into the stored state: a state that lacks what is stored loses nothing', async () => {
    const made = await backend();
    const [one, two] = [made.open(), made.open()];
    const doc = name();
    await one.store(doc, setKey('from-one', '1'));
    // Another instance that never saw the first state compacts its own.
    await two.store(doc, setKey('from-two', '2'));
    expect(keysOf(await made.open().fetch(doc))).toEqual({ 'from-one': '1', 'from-two': '2' });
    expect((await made.open().versions([doc])).get(doc)).toBe(2);
  });

  it('stores a live copy grown from its fetch, and still merges what another store put there meanwhile', async () => {
    const made = await backend();
    const [one, two] = [made.open(), made.open()];
    const doc = name();
    await one.store(doc, setKey('base', '0'));
    let live = (await one.fetch(doc)) as Uint8Array;
    live = Y.mergeUpdates([live, setKey('a', '1', live)]);
    await one.store(doc, live, [], [], true);
    live = Y.mergeUpdates([live, setKey('b', '2', live)]);
    await one.store(doc, live, [], [], true);
    expect(keysOf(await made.open().fetch(doc))).toEqual({ base: '0', a: '1', b: '2' });
    // Another instance stores what the live copy never hears of: the next store merges it in...
    await two.store(doc, setKey('from-two', 'x'));
    live = Y.mergeUpdates([live, setKey('c', '3', live)]);
    await one.store(doc, live, [], [], true);
    // ...and so does the one after, though nothing came between: the stored state holds more than the live copy.
    live = Y.mergeUpdates([live, setKey('d', '4', live)]);
    await one.store(doc, live, [], [], true);
    expect(keysOf(await made.open().fetch(doc))).toEqual({
      base: '0',
      a: '1',
      b: '2',
      'from-two': 'x',
      c: '3',
      d: '4',
    });
  });

  it('merges a state that was not grown from the fetch, even on the instance that fetched', async () => {
    const made = await backend();
    const one = made.open();
    const doc = name();
    await one.store(doc, setKey('base', '0'));
    const live = (await one.fetch(doc)) as Uint8Array;
    // A seed or a tool writing a state of its own through the same store, then the live copy's compaction.
    await one.store(doc, setKey('seeded', 's'));
    await one.store(doc, Y.mergeUpdates([live, setKey('a', '1', live)]), [], [], true);
    expect(keysOf(await made.open().fetch(doc))).toEqual({ base: '0', seeded: 's', a: '1' });
  });

  it('loses nothing when two instances compact the same document at the same time', async () => {
    const made = await backend();
    const [one, two] = [made.open(), made.open()];
    const doc = name();
    const base = setKey('base', '0');
    await one.store(doc, base);
    let expected: Record<string, string> = { base: '0' };
    // Each instance's own view: it never hears of the other's changes, so each state lacks the other's.
    let [viewOne, viewTwo] = [base, base];
    for (let round = 0; round < 8; round++) {
      const mine = setKey(`one-${round}`, 'x', viewOne);
      const theirs = setKey(`two-${round}`, 'y', viewTwo);
      viewOne = Y.mergeUpdates([viewOne, mine]);
      viewTwo = Y.mergeUpdates([viewTwo, theirs]);
      const [[seqOne], [seqTwo]] = await Promise.all([
        one.appendBatch([{ name: doc, update: mine }]),
        two.appendBatch([{ name: doc, update: theirs }]),
      ]);
      await Promise.all([
        one.store(doc, viewOne, [seqOne as number]),
        two.store(doc, viewTwo, [seqTwo as number]),
      ]);
      expected = { ...expected, [`one-${round}`]: 'x', [`two-${round}`]: 'y' };
      expect(await made.logged(doc)).toEqual([]);
      expect(keysOf(await made.open().fetch(doc))).toEqual(expected);
    }
    const versions = (await one.history.list(doc, 100)).map((v) => v.version);
    expect(new Set(versions).size).toBe(versions.length);
  });
});
