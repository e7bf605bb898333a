// The revocation check before each write: questions asked together are answered by one look-up, and every
// answer reflects the revocations committed before it was asked.
import { afterEach, describe, expect, it } from 'vitest';
import { createToken, openDatabase, revokeToken } from '../../src/server/db.ts';
import { createRevocationCheck } from '../../src/server/revocationCheck.ts';
import { sqliteTokenStore, type TokenStore } from '../../src/server/tokens.ts';
import { removeDir, tempDir } from './syncHarness.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

async function setup() {
  const dir = await tempDir('minga-revocation-');
  dirs.push(dir);
  const db = openDatabase(dir);
  const store = sqliteTokenStore(db);
  const lookups: string[][] = [];
  const counted: TokenStore = {
    ...store,
    revokedAmong: (ids) => {
      lookups.push([...ids]);
      return store.revokedAmong(ids);
    },
  };
  const live = createToken(db, { role: 'technician', name: 'live', missions: ['m1'] });
  const gone = createToken(db, { role: 'technician', name: 'gone', missions: ['m1'] });
  return { db, store, counted, lookups, live, gone };
}

describe('revocation check before a write', () => {
  it('answers the questions of one turn with one look-up, each with its own token', async () => {
    const { db, counted, lookups, live, gone } = await setup();
    revokeToken(db, gone.id);
    const isRevoked = createRevocationCheck(counted);
    const answers = await Promise.all([
      isRevoked(live.id),
      isRevoked(gone.id),
      isRevoked(live.id),
      isRevoked('no-such-token'),
    ]);
    expect(answers).toEqual([false, true, false, true]);
    expect(lookups).toHaveLength(1);
    expect(new Set(lookups[0])).toEqual(new Set([live.id, gone.id, 'no-such-token']));
    db.close();
  });

  it('sees a revocation committed after an earlier answer', async () => {
    const { db, counted, live } = await setup();
    const isRevoked = createRevocationCheck(counted);
    expect(await isRevoked(live.id)).toBe(false);
    revokeToken(db, live.id);
    expect(await isRevoked(live.id)).toBe(true);
    db.close();
  });

  it('fails every question of a look-up that failed, and answers the next ones', async () => {
    const { db, store, live } = await setup();
    let failing = true;
    const flaky: TokenStore = {
      ...store,
      revokedAmong: (ids) => (failing ? Promise.reject(new Error('store down')) : store.revokedAmong(ids)),
    };
    const isRevoked = createRevocationCheck(flaky);
    const results = await Promise.allSettled([isRevoked(live.id), isRevoked(live.id)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    failing = false;
    expect(await isRevoked(live.id)).toBe(false);
    db.close();
  });

  it('splits a very long queue into several look-ups', async () => {
    const { db, counted, lookups, live } = await setup();
    const isRevoked = createRevocationCheck(counted);
    const ids = Array.from({ length: 1200 }, (_, i) => (i % 2 === 0 ? live.id : `unknown-${i}`));
    const answers = await Promise.all(ids.map((id) => isRevoked(id)));
    expect(answers.filter((revoked) => !revoked)).toHaveLength(600);
    expect(lookups).toHaveLength(3);
    db.close();
  });
});
