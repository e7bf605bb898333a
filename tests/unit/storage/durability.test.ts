import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import {
  acquireMission,
  closeAllMissions,
  readDiskKey,
  releaseMission,
} from '../../../src/storage/docStore.ts';
import {
  createMission,
  createRecord,
  ensureProjections,
  updateMission,
  updateRecord,
} from '../../../src/storage/commands.ts';
import { onSaveState, saveState, type SaveState } from '../../../src/storage/saveStatus.ts';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import { readRecord, recordsRoot } from '../../../src/storage/missionDoc.ts';

const profile: DeviceProfile = {
  name: 'Anna',
  institution: 'Ajuntament',
  role: 'technician',
  deviceId: 'd1',
};
const draft: MissionDraft = {
  title: 'Portoviejo centro',
  torReference: '',
  torText: '',
  hostCanton: 'EC1301',
  themes: [],
  team: [],
  startDate: '2017-05-01',
  endDate: '',
  remoteSupportEnd: '',
  objectives: '',
  status: 2,
  sdgs: [],
  sendai: [],
};

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(async () => {
  await closeAllMissions();
  db.close();
  setDbForTests(null);
});

describe('durable writes', () => {
  it('a reopened mission holds everything written before it was closed', async () => {
    const id = await createMission(draft, profile);
    const open = await acquireMission(id);
    const noteId = createRecord(open, 'note', { text: 'Primera nota' }, profile);
    for (const text of ['Primera nota.', 'Primera nota. Agua', 'Primera nota. Agua potable']) {
      updateRecord(open, 'note', noteId, { text }, profile);
    }
    await open.writer.whenIdle();
    expect(saveState().kind).toBe('saved');
    releaseMission(id);
    await closeAllMissions();

    const reopened = await acquireMission(id);
    const note = readRecord('note', recordsRoot(reopened.doc, 'note').get(noteId)!, noteId);
    expect(note.text).toBe('Primera nota. Agua potable');
    releaseMission(id);
  });

  it('rebuilds the mission list from the documents when the projection is lost', async () => {
    const id = await createMission(draft, profile);
    await db.missions.clear();
    await ensureProjections();
    expect((await db.missions.get(id))?.title).toBe('Portoviejo centro');
  });

  it('rebuilds a list row that is older than its document (reload before the debounced projection)', async () => {
    const id = await createMission(draft, profile);
    const stale = (await db.missions.get(id))!;
    const open = await acquireMission(id);
    updateMission(open, { title: 'Portoviejo, barrio Andrés de Vera' }, profile);
    await open.writer.whenIdle();
    releaseMission(id);
    await db.missions.put(stale);
    await ensureProjections();
    expect((await db.missions.get(id))?.title).toBe('Portoviejo, barrio Andrés de Vera');
  });

  it('a row rebuilt right after its document loads records the newest key on disk, not 0', async () => {
    // The key tells a changed row from an unchanged one (search re-reads a mission only when it differs), so a
    // row rebuilt at start must record the key its contents come from.
    const id = await createMission(draft, profile);
    const open = await acquireMission(id);
    createRecord(open, 'action', { activity: 'Taller con la junta parroquial de Jama' }, profile);
    await open.writer.whenIdle();
    releaseMission(id);
    await closeAllMissions();
    await db.missions.clear();
    await ensureProjections();
    const onDisk = await readDiskKey(id);
    expect(onDisk).toBeGreaterThan(0);
    expect((await db.missions.get(id))?.sourceKey).toBe(onDisk);
    const reopened = await acquireMission(id);
    expect(reopened.writer.diskKey()).toBe(onDisk);
    releaseMission(id);
  });

  it('storage full: reports it, keeps the update, and writes it once space returns', async () => {
    const id = await createMission(draft, profile);
    const open = await acquireMission(id);
    const states: SaveState[] = [];
    const stop = onSaveState((s) => states.push(s));
    const idb = (open.writer as unknown as { internals: { db: IDBDatabase } }).internals.db;
    const original = idb.transaction.bind(idb);
    idb.transaction = (() => {
      throw new DOMException('full', 'QuotaExceededError');
    }) as typeof idb.transaction;
    const noteId = createRecord(open, 'note', { text: 'Texto que no cabe' }, profile);
    expect(saveState()).toEqual({ kind: 'failed', reason: 'quotaExceeded' });
    expect(open.writer.pending).toBeGreaterThan(0);

    idb.transaction = original;
    updateRecord(open, 'note', noteId, { text: 'Texto que no cabe, ahora sí' }, profile);
    await open.writer.whenIdle();
    expect(saveState().kind).toBe('saved');
    stop();
    expect(states.some((s) => s.kind === 'failed')).toBe(true);
    releaseMission(id);
    await closeAllMissions();

    const reopened = await acquireMission(id);
    expect(readRecord('note', recordsRoot(reopened.doc, 'note').get(noteId)!, noteId).text).toBe(
      'Texto que no cabe, ahora sí',
    );
    releaseMission(id);
  });

  it('relies on the y-indexeddb internals it takes over', async () => {
    const { IndexeddbPersistence } = await import('y-indexeddb');
    const Y = await import('yjs');
    const persistence = new IndexeddbPersistence(`probe-${crypto.randomUUID()}`, new Y.Doc());
    await persistence.whenSynced;
    const internals = persistence as unknown as Record<string, unknown>;
    expect(typeof internals._storeUpdate).toBe('function');
    expect(internals.db).toBeInstanceOf(IDBDatabase);
    expect(typeof internals._dbsize).toBe('number');
    await persistence.destroy();
  });
});
