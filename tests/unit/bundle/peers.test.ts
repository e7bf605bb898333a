// The per-peer memory of bundle exchanges: a Dexie table added in schema version 4, opened over a version-2
// database without losing what it held, and remembering state vectors as the union of every exchange.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { peerKnowledge, rememberExchange, unionStateVectors } from '../../../src/storage/bundlePeers.ts';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';

const opened: Dexie[] = [];
afterEach(() => {
  opened.forEach((db) => db.close());
  opened.length = 0;
  setDbForTests(null);
});

const vector = (entries: [number, number][]) => Y.encodeStateVector(new Map(entries));

describe('peer memory', () => {
  it('opens a version-2 database at the current version (6) with its rows intact', async () => {
    const name = `minga-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    opened.push(old);
    old.version(1).stores({
      missions: 'id, status, hostCanton, *themes, startDate, updatedAt, deleted',
      records: 'key, missionId, kind, [missionId+kind], updatedAt',
      docs: 'name, missionId',
      blobs: 'sha256, upload',
      settings: 'key',
    });
    old.version(2).stores({ syncState: 'name' });
    await old.table('settings').put({ key: 'language', value: 'ca' });
    await old.table('docs').put({ name: 'mission:x', missionId: 'x', createdAt: '2016-05-02' });
    old.close();

    const db = new MingaDb(name);
    opened.push(db);
    setDbForTests(db);
    expect(await db.settings.get('language')).toEqual({ key: 'language', value: 'ca' });
    expect(await db.docs.count()).toBe(1);
    expect(db.verno).toBe(7);
    expect(await db.search.count()).toBe(0);
    expect(await db.peerState.count()).toBe(0);
    expect(await db.severity.count()).toBe(0);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.exports.count()).toBe(0);
    expect(await db.news.count()).toBe(0);
  });

  it('remembers the union of what was sent and received, and every photo either way', async () => {
    const db = new MingaDb(`minga-peers-${crypto.randomUUID()}`);
    opened.push(db);
    setDbForTests(db);
    expect(await peerKnowledge('p', 'mission:x')).toEqual({ since: null, photos: new Set() });
    await rememberExchange('p', 'sent', [{ doc: 'mission:x', stateVector: vector([[1, 5]]), photos: ['b'] }]);
    await rememberExchange('p', 'received', [
      {
        doc: 'mission:x',
        stateVector: vector([
          [1, 3],
          [2, 7],
        ]),
        photos: ['a'],
      },
    ]);
    await rememberExchange('p', 'sent', [{ doc: 'mission:x', stateVector: vector([[1, 4]]), photos: [] }]);
    const known = await peerKnowledge('p', 'mission:x');
    expect(Y.decodeStateVector(known.since!)).toEqual(
      new Map([
        [1, 5],
        [2, 7],
      ]),
    );
    expect(known.photos).toEqual(new Set(['a', 'b']));
    // Another peer, or another document, knows nothing of it.
    expect((await peerKnowledge('q', 'mission:x')).since).toBeNull();
    expect((await peerKnowledge('p', 'review:x')).since).toBeNull();
  });

  it('unions state vectors client by client', () => {
    expect(unionStateVectors(null, null)).toBeNull();
    const merged = unionStateVectors(
      vector([
        [1, 2],
        [3, 9],
      ]),
      vector([[1, 4]]),
    );
    expect(Y.decodeStateVector(merged!)).toEqual(
      new Map([
        [1, 4],
        [3, 9],
      ]),
    );
  });
});
