// Removing a shared phone's data is refused while it would lose work: changes the server lacks that no backup
// holds, and photos not yet uploaded that no backup holds.
import { Blob as NodeBlob } from 'node:buffer';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missionDocName, type MissionId } from '../../../src/domain/ids.ts';
import type { DeviceProfile, PhotoRef } from '../../../src/domain/model.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import { buildBackup, confirmBackup } from '../../../src/storage/backupCoverage.ts';
import { createMission, createRecord, updateRecord } from '../../../src/storage/commands.ts';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { sha256Hex, storePhoto } from '../../../src/storage/photos.ts';
import { addComment } from '../../../src/storage/reviewCommands.ts';
import { acquireReview, closeAllReviews, releaseReview } from '../../../src/storage/reviewStore.ts';
import { ROLE_KEY, TOKEN_KEY } from '../../../src/sync/signedIn.ts';
import { checkRemoval, combinedVector } from '../../../src/sync/removalCheck.ts';
import { saveServerState } from '../../../src/sync/syncState.ts';

const SERVER = 'https://minga.example';
const profile: DeviceProfile = { name: 'Anna', institution: '', role: 'technician', deviceId: 'd1' };
const draft: MissionDraft = {
  title: 'Jama',
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
};

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(async () => {
  await closeAllReviews();
  await closeAllMissions();
  // The list projection is written 400 ms after an edit: into this test's database, not the next one's.
  await new Promise((resolve) => setTimeout(resolve, 500));
  db.close();
  setDbForTests(null);
});

async function withMission<T>(
  id: MissionId,
  use: (mission: Awaited<ReturnType<typeof acquireMission>>) => T,
) {
  const mission = await acquireMission(id);
  try {
    return use(mission);
  } finally {
    releaseMission(id);
  }
}

/** The server confirms everything the document holds now, as the sync connection records it. */
async function serverConfirms(id: MissionId): Promise<void> {
  const vector = await withMission(id, (mission) => Y.encodeStateVector(mission.doc));
  await saveServerState({
    name: missionDocName(id),
    server: SERVER,
    serverStateVector: vector,
    lastSyncedAt: Date.now(),
  });
}

/** A backup written, read back and confirmed. */
async function exportBackup(): Promise<void> {
  expect((await confirmBackup((await buildBackup(profile))!.bytes)).ok).toBe(true);
}

async function addNote(id: MissionId, text: string, photos: PhotoRef[] = []): Promise<string> {
  return withMission(id, async (mission) => {
    const note = createRecord(mission, 'note', { text, photos }, profile);
    await mission.writer.whenIdle();
    return note;
  });
}

async function storedPhoto(upload: 'local' | 'uploaded'): Promise<PhotoRef> {
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
  await storePhoto(db, new NodeBlob([bytes], { type: ref.mime }) as unknown as Blob, ref, upload);
  return ref;
}

describe('combinedVector', () => {
  it('holds, per device, the larger of two acknowledged clocks', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('m').set('x', 1);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const serverHas = Y.encodeStateVector(b);
    a.getMap('m').set('y', 2);
    b.getMap('m').set('z', 3);
    const combined = Y.decodeStateVector(combinedVector(serverHas, Y.encodeStateVector(a))!);
    expect(combined.get(a.clientID)).toBe(2);
    expect(combined.get(b.clientID)).toBeUndefined();
    expect(combinedVector(null, undefined)).toBeNull();
  });
});

describe('checkRemoval', () => {
  it('allows removal when the server has every change and every photo', async () => {
    const id = await createMission(draft, profile);
    await addNote(id, 'Reunión con el GAD', [await storedPhoto('uploaded')]);
    await serverConfirms(id);
    expect(await checkRemoval(SERVER)).toEqual({
      notOnServer: 0,
      notBackedUp: 0,
      documents: [],
      photos: 0,
      removable: true,
    });
  });

  it('refuses while changes have not reached the server, counting records', async () => {
    const id = await createMission(draft, profile);
    await serverConfirms(id);
    await addNote(id, 'offline one');
    await addNote(id, 'offline two');
    expect(await checkRemoval(SERVER)).toEqual({
      notOnServer: 2,
      notBackedUp: 2,
      documents: [missionDocName(id)],
      photos: 0,
      removable: false,
    });
    // An acknowledgement from another server says nothing about this one.
    expect((await checkRemoval('https://other.example')).notOnServer).toBe(3);
  });

  it('allows removal once a backup exported after the last change holds the changes', async () => {
    const id = await createMission(draft, profile);
    await serverConfirms(id);
    await addNote(id, 'written offline');
    await exportBackup();
    expect(await checkRemoval(SERVER)).toMatchObject({ notOnServer: 1, notBackedUp: 0, removable: true });
  });

  it('refuses again when a change follows the backup, counting only what the backup lacks', async () => {
    const id = await createMission(draft, profile);
    await serverConfirms(id);
    const note = await addNote(id, 'in the backup');
    await exportBackup();
    await addNote(id, 'after the backup');
    await withMission(id, async (mission) => {
      updateRecord(mission, 'note', note, { text: 'in the backup, then edited' }, profile);
      await mission.writer.whenIdle();
    });
    expect(await checkRemoval(SERVER)).toMatchObject({
      notOnServer: 2,
      notBackedUp: 2,
      documents: [missionDocName(id)],
      removable: false,
    });
  });

  it('does not count a backup exported before a mission existed', async () => {
    await serverConfirms(await createMission(draft, profile));
    await exportBackup();
    const id = await createMission(draft, profile);
    expect(await checkRemoval(SERVER)).toMatchObject({
      notOnServer: 1,
      notBackedUp: 1,
      documents: [missionDocName(id)],
      removable: false,
    });
  });

  it('refuses while a photo a record shows is not uploaded, until a backup holds it', async () => {
    const id = await createMission(draft, profile);
    await addNote(id, 'crack in the wall', [await storedPhoto('local'), await storedPhoto('uploaded')]);
    await serverConfirms(id);
    expect(await checkRemoval(SERVER)).toMatchObject({ notBackedUp: 0, photos: 1, removable: false });
    await exportBackup();
    expect(await checkRemoval(SERVER)).toMatchObject({ notBackedUp: 0, photos: 0, removable: true });
  });

  it('ignores a local photo no record shows: nothing would ever upload it', async () => {
    const id = await createMission(draft, profile);
    await storedPhoto('local');
    await serverConfirms(id);
    expect(await checkRemoval(SERVER)).toMatchObject({ photos: 0, removable: true });
  });

  it('refuses while a coordinator’s review comment has not reached the server, until a backup holds it', async () => {
    await db.settings.bulkPut([
      { key: TOKEN_KEY, value: 't0ken' },
      { key: ROLE_KEY, value: 'coordinator' },
    ]);
    const id = await createMission(draft, profile);
    await serverConfirms(id);
    const review = await acquireReview(id);
    try {
      addComment(review, { target: { kind: 'mission', id }, text: 'Falta el acta' }, profile, 'coordinator');
      await review.writer.whenIdle();
    } finally {
      releaseReview(id);
    }
    expect(await checkRemoval(SERVER)).toMatchObject({
      notOnServer: 1,
      notBackedUp: 1,
      documents: [`review:${id}`],
      removable: false,
    });
    await exportBackup();
    expect(await checkRemoval(SERVER)).toMatchObject({ notOnServer: 1, notBackedUp: 0, removable: true });
  });
});
