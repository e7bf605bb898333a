// A backup counts only when, read back, it holds every document's latest state and every photo not uploaded.
import { Blob as NodeBlob } from 'node:buffer';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupGaps, vectorCovers } from '../../../src/domain/bundle/coverage.ts';
import { writeBundle } from '../../../src/domain/bundle/write.ts';
import { missionDocName, type MissionId } from '../../../src/domain/ids.ts';
import type { DeviceProfile, PhotoRef } from '../../../src/domain/model.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import {
  BACKUP_COVERAGE_KEY,
  buildBackup,
  confirmBackup,
  loadBackupCoverage,
} from '../../../src/storage/backupCoverage.ts';
import { LAST_BACKUP_KEY } from '../../../src/storage/backupStatus.ts';
import { createMission, createRecord } from '../../../src/storage/commands.ts';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { sha256Hex, storePhoto } from '../../../src/storage/photos.ts';
import { closeAllReviews } from '../../../src/storage/reviewStore.ts';

const profile: DeviceProfile = { name: 'Anna', institution: '', role: 'technician', deviceId: 'd1' };
const draft = (title: string): MissionDraft => ({
  title,
  torReference: '',
  torText: '',
  hostCanton: 'EC1320',
  themes: [],
  team: [],
  startDate: '2016-06-01',
  endDate: '',
  remoteSupportEnd: '',
  objectives: '',
  status: 2,
  sdgs: [],
  sendai: [],
});

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(async () => {
  await closeAllReviews();
  await closeAllMissions();
  await new Promise((resolve) => setTimeout(resolve, 500));
  db.close();
  setDbForTests(null);
});

async function addNote(id: MissionId, text: string, photos: PhotoRef[] = []): Promise<void> {
  const mission = await acquireMission(id);
  try {
    createRecord(mission, 'note', { text, photos }, profile);
    await mission.writer.whenIdle();
  } finally {
    releaseMission(id);
  }
}

async function localPhoto(): Promise<PhotoRef> {
  const bytes = crypto.getRandomValues(new Uint8Array(512));
  const ref: PhotoRef = {
    sha256: await sha256Hex(bytes),
    mime: 'image/jpeg',
    bytes: bytes.length,
    width: 16,
    height: 12,
    takenAt: new Date().toISOString(),
    location: null,
  };
  await storePhoto(db, new NodeBlob([bytes], { type: ref.mime }) as unknown as Blob, ref, 'local');
  return ref;
}

describe('vectorCovers and backupGaps', () => {
  it('tells a backup holding every operation from one missing the last', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const before = Y.encodeStateVector(doc);
    doc.getMap('m').set('b', 2);
    const now = Y.encodeStateVector(doc);
    expect(vectorCovers(now, now)).toBe(true);
    expect(vectorCovers(before, now)).toBe(true);
    expect(vectorCovers(now, before)).toBe(false);
    expect(vectorCovers(now, undefined)).toBe(false);
    const device = { docs: new Map([['mission:x', now]]), photos: new Set(['p1']) };
    expect(backupGaps(device, { docs: new Map([['mission:x', now]]), photos: new Set(['p1']) })).toEqual({
      docs: [],
      photos: [],
    });
    expect(backupGaps(device, { docs: new Map([['mission:x', before]]), photos: new Set() })).toEqual({
      docs: ['mission:x'],
      photos: ['p1'],
    });
  });
});

describe('confirmBackup', () => {
  it('counts a backup holding every mission and every photo not uploaded', async () => {
    const first = await createMission(draft('Jama'), profile);
    const second = await createMission(draft('Pedernales'), profile);
    await addNote(first, 'crack', [await localPhoto()]);
    await addNote(second, 'water');
    const backup = (await buildBackup(profile))!;
    expect(await confirmBackup(backup.bytes)).toEqual({ ok: true, missions: 2, photos: 1 });
    expect((await db.settings.get(LAST_BACKUP_KEY))?.value).toEqual(expect.any(String));
    const coverage = await loadBackupCoverage();
    expect([...coverage.docs.keys()].sort()).toEqual([missionDocName(first), missionDocName(second)].sort());
    expect(coverage.photos.size).toBe(1);
  });

  it('refuses a backup missing one document’s latest change, and records nothing', async () => {
    const id = await createMission(draft('Jama'), profile);
    const backup = (await buildBackup(profile))!;
    await addNote(id, 'after the backup');
    expect(await confirmBackup(backup.bytes)).toEqual({
      ok: false,
      gaps: { docs: [missionDocName(id)], photos: [] },
    });
    expect(await db.settings.get(LAST_BACKUP_KEY)).toBeUndefined();
    expect(await db.settings.get(BACKUP_COVERAGE_KEY)).toBeUndefined();
  });

  it('refuses a backup missing one photo not uploaded', async () => {
    const id = await createMission(draft('Jama'), profile);
    const photo = await localPhoto();
    await addNote(id, 'crack', [photo]);
    const mission = await acquireMission(id);
    const update = Y.encodeStateAsUpdate(mission.doc);
    releaseMission(id);
    // The same documents, without the photo's bytes.
    const bytes = await writeBundle({
      createdAt: new Date(),
      sender: { name: 'Anna', device: 'd1' },
      docs: [{ kind: 'mission', mission: id, since: null, update }],
      photos: [],
    });
    expect(await confirmBackup(bytes)).toEqual({ ok: false, gaps: { docs: [], photos: [photo.sha256] } });
  });

  it('refuses a delta: it lacks the state it was made against', async () => {
    const id = await createMission(draft('Jama'), profile);
    const mission = await acquireMission(id);
    const since = Y.encodeStateVector(mission.doc);
    createRecord(mission, 'note', { text: 'later' }, profile);
    const update = Y.encodeStateAsUpdate(mission.doc, since);
    await mission.writer.whenIdle();
    releaseMission(id);
    const bytes = await writeBundle({
      createdAt: new Date(),
      sender: { name: 'Anna', device: 'd1' },
      docs: [{ kind: 'mission', mission: id, since, update }],
      photos: [],
    });
    expect((await confirmBackup(bytes)).ok).toBe(false);
  });
});
