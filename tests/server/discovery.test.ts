// Mission discovery against the real server: what /api/missions lists for a token joins the device's missions.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MingaDb, setDbForTests } from '../../src/storage/db.ts';
import { discoverMissions } from '../../src/sync/discovery.ts';
import { removeDir, startTestServer, type TestServer } from './syncHarness.ts';

const SHARED = '6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const HELD = '7b2e3d4c-5f6a-4b7c-9d8e-0f1a2b3c4d5e';

let t: TestServer;
let db: MingaDb;

beforeEach(async () => {
  t = await startTestServer();
  db = new MingaDb(`discovery-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(async () => {
  db.close();
  setDbForTests(null);
  await t.stop();
  await removeDir(t.dataDir);
});

const baseUrl = () => t.url.replace(/^ws/, 'http').replace(/\/sync$/, '');

describe('discoverMissions', () => {
  it('registers the missions a technician was assigned that the device does not hold yet', async () => {
    await db.docs.put({ name: `mission:${HELD}`, missionId: HELD, createdAt: '2016-05-01T00:00:00.000Z' });
    const { token } = t.token('technician', [SHARED, HELD]);
    const added = await discoverMissions({ baseUrl: baseUrl(), token });
    expect(added).toEqual([SHARED]);
    expect((await db.docs.toArray()).map((entry) => entry.missionId).sort()).toEqual([SHARED, HELD].sort());
    expect(await discoverMissions({ baseUrl: baseUrl(), token })).toEqual([]);
  });

  it('adds nothing for a refused token or an unreachable server', async () => {
    expect(await discoverMissions({ baseUrl: baseUrl(), token: 'not-a-token' })).toEqual([]);
    expect(await discoverMissions({ baseUrl: 'http://127.0.0.1:9', token: 'x' })).toEqual([]);
    expect(await db.docs.count()).toBe(0);
  });
});
