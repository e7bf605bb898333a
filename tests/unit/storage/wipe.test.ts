// Removing this device's data deletes every database of ours, says so when another connection holds one, and
// can be run again to finish.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { missionDocName, type MissionId } from '../../../src/domain/ids.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import { createMission } from '../../../src/storage/commands.ts';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { closeAllMissions } from '../../../src/storage/docStore.ts';
import { saveProfile } from '../../../src/storage/settings.ts';
import { removeDeviceData } from '../../../src/storage/wipe.ts';

const draft: MissionDraft = {
  title: 'Pedernales',
  torReference: '',
  torText: '',
  hostCanton: 'EC1317',
  themes: [],
  team: [],
  startDate: '2016-05-02',
  endDate: '',
  remoteSupportEnd: '',
  objectives: '',
  status: 2,
  sdgs: [],
  sendai: [],
};
const profile = { name: 'Anna', institution: 'Ajuntament', role: 'technician' as const, deviceId: 'd1' };

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await closeAllMissions();
  db.close();
  setDbForTests(null);
});

async function ourDatabases(): Promise<string[]> {
  const listed = await indexedDB.databases();
  return listed
    .map((info) => info.name ?? '')
    .filter((name) => name === db.name || name.startsWith('mission:'))
    .sort();
}

/** A device in use: a profile, two missions with their documents open, the list projected. */
async function deviceInUse(): Promise<MissionId[]> {
  await saveProfile(profile);
  const ids = [await createMission(draft, profile), await createMission(draft, profile)];
  expect(await ourDatabases()).toEqual([db.name, ...ids.map(missionDocName)].sort());
  return ids;
}

/** A connection that ignores `versionchange`, as a tab of an older version could hold. */
function holdOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('removeDeviceData', () => {
  it('deletes every mission document and the database holding the profile and settings', async () => {
    await deviceInUse();
    expect(await removeDeviceData()).toEqual({ ok: true });
    expect(await ourDatabases()).toEqual([]);
    // A new database under the same name starts empty: the setup screen's "no profile".
    const fresh = new MingaDb(db.name);
    expect(await fresh.settings.count()).toBe(0);
    expect(await fresh.docs.count()).toBe(0);
    fresh.close();
  });

  it('says which databases another connection keeps, keeps the list for a retry, then finishes', async () => {
    const [first, second] = await deviceInUse();
    const holder = await holdOpen(missionDocName(first!));
    const result = await removeDeviceData({ blockedAfterMs: 100 });
    // Deleted last, the database listing the documents is still there; the other document is gone.
    expect(result).toMatchObject({ ok: false, blocked: true });
    expect(result.ok ? [] : [...result.remaining].sort()).toEqual([db.name, missionDocName(first!)].sort());
    expect(await ourDatabases()).toEqual([db.name, missionDocName(first!)].sort());
    expect(await ourDatabases()).not.toContain(missionDocName(second!));

    holder.close();
    expect(await removeDeviceData({ blockedAfterMs: 100 })).toEqual({ ok: true });
    expect(await ourDatabases()).toEqual([]);
  });

  it('finds the documents from the app’s own list where the browser cannot list databases', async () => {
    const ids = await deviceInUse();
    const listDatabases = indexedDB.databases.bind(indexedDB);
    vi.stubGlobal(
      'indexedDB',
      Object.assign(Object.create(indexedDB) as IDBFactory, { databases: undefined }),
    );
    expect(await removeDeviceData()).toEqual({ ok: true });
    vi.unstubAllGlobals();
    const left = (await listDatabases()).map((info) => info.name);
    expect(left).not.toContain(db.name);
    for (const id of ids) expect(left).not.toContain(missionDocName(id));
  });
});
