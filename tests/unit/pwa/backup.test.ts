import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { createMission, createRecord, deleteRecord } from '../../../src/storage/commands.ts';
import * as Y from 'yjs';
import { readBundle } from '../../../src/domain/bundle/read.ts';
import { buildBackup } from '../../../src/storage/backupCoverage.ts';
import {
  backupStatus,
  isBackupDue,
  LAST_BACKUP_KEY,
  markBackedUp,
} from '../../../src/storage/backupStatus.ts';
import { MissionView } from '../../../src/storage/missionView.ts';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';

const profile: DeviceProfile = {
  name: 'Anna',
  institution: 'Ajuntament',
  role: 'technician',
  deviceId: 'd1',
};
const draft = (title: string): MissionDraft => ({
  title,
  torReference: '',
  torText: '',
  hostCanton: 'EC1301',
  themes: [],
  team: [],
  startDate: '2017-05-01',
  endDate: '',
  remoteSupportEnd: '',
  objectives: 'Agua segura',
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
  await closeAllMissions();
  db.close();
  setDbForTests(null);
});

describe('backup bundle', () => {
  it('holds every mission document with its records, deleted ones included', async () => {
    const first = await createMission(draft('Portoviejo centro'), profile);
    const second = await createMission(draft('Pedernales'), profile);
    const open = await acquireMission(first);
    const kept = createRecord(open, 'note', { text: 'Reunión con el GAD: falta agua.' }, profile);
    const gone = createRecord(open, 'note', { text: 'Borrador' }, profile);
    deleteRecord(open, 'note', gone, profile);
    await open.writer.whenIdle();
    releaseMission(first);
    await closeAllMissions();

    const at = new Date(2017, 4, 9, 23, 30);
    const backup = (await buildBackup(profile, at))!;
    expect(backup.fileName).toBe('minga-backup-2017-05-09-2330.minga.zip');
    expect(backup.missionCount).toBe(2);
    const contents = await readBundle(backup.bytes);
    expect(contents.docs.map((doc) => doc.entry.mission).sort()).toEqual([first, second].sort());
    const doc = new Y.Doc();
    Y.applyUpdate(doc, contents.docs.find((entry) => entry.entry.mission === first)!.update);
    const notes = new MissionView(doc, first).snapshot().notes;
    expect(notes.map((note) => note.id).sort()).toEqual([kept, gone].sort());
    expect(notes.find((note) => note.id === gone)?.deletedAt).toBeTruthy();
  });

  it('is nothing on a device without a mission', async () => {
    expect(await buildBackup(profile)).toBeNull();
  });

  it('records when the last backup was made', async () => {
    const at = new Date('2017-05-09T10:00:00Z');
    await markBackedUp(at);
    expect((await db.settings.get(LAST_BACKUP_KEY))?.value).toBe(at.toISOString());
  });
});

describe('backup reminder', () => {
  const day = 24 * 60 * 60 * 1000;
  const now = new Date('2017-05-20T12:00:00Z');
  const ago = (days: number) => new Date(now.getTime() - days * day).toISOString();

  it('is due after five days without backup or sync, counted from the oldest data when never backed up', () => {
    expect(isBackupDue(null, null, null, now)).toBe(false);
    expect(isBackupDue(ago(1), null, null, now)).toBe(false);
    expect(isBackupDue(ago(5), null, null, now)).toBe(true);
    expect(isBackupDue(ago(30), ago(4), null, now)).toBe(false);
    expect(isBackupDue(ago(30), ago(6), null, now)).toBe(true);
    expect(isBackupDue(ago(30), ago(6), ago(1), now)).toBe(false);
  });

  it('reads the device state: no data, fresh data, old data, then a backup', async () => {
    expect(await backupStatus(now)).toMatchObject({ hasData: false, due: false, lastBackupAt: null });
    await createMission(draft('Manta'), profile);
    expect((await backupStatus(now)).due).toBe(false);
    const later = new Date(Date.now() + 6 * day);
    expect(await backupStatus(later)).toMatchObject({ hasData: true, due: true });
    await markBackedUp(later);
    expect(await backupStatus(later)).toMatchObject({ due: false, lastBackupAt: later.toISOString() });
  });
});
