import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { createMission, createRecord, deleteRecord } from '../../../src/storage/commands.ts';
import {
  BACKUP_FORMAT,
  backupFileName,
  backupStatus,
  buildBackup,
  isBackupDue,
  LAST_BACKUP_KEY,
  markBackedUp,
  type BackupFile,
} from '../../../src/storage/backup.ts';
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

async function readJson(blob: Blob): Promise<BackupFile> {
  return JSON.parse(await blob.text()) as BackupFile;
}

describe('JSON backup', () => {
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
    const backup = await buildBackup('9.9.9', at);
    expect(backup.fileName).toBe('minga-backup-2017-05-09.json');
    expect(backup.missionCount).toBe(2);
    expect(backup.blob.type).toBe('application/json');

    const file = await readJson(backup.blob);
    expect(file).toMatchObject({ format: BACKUP_FORMAT, formatVersion: 1, appVersion: '9.9.9' });
    expect(file.exportedAt).toBe(at.toISOString());
    const byId = new Map(file.missions.map((mission) => [mission.id, mission]));
    expect(byId.get(second)?.mission?.title).toBe('Pedernales');
    expect(byId.get(second)?.document).toBe(`mission:${second}`);
    const notes = byId.get(first)?.notes ?? [];
    expect(notes.map((note) => note.id).sort()).toEqual([kept, gone].sort());
    expect(notes.find((note) => note.id === kept)?.text).toBe('Reunión con el GAD: falta agua.');
    expect(notes.find((note) => note.id === gone)?.deletedAt).toBeTruthy();
  });

  it('is an empty list on a device without data', async () => {
    const file = await readJson((await buildBackup('1')).blob);
    expect(file.missions).toEqual([]);
  });

  it('records when the last backup was made', async () => {
    const at = new Date('2017-05-09T10:00:00Z');
    await markBackedUp(at);
    expect((await db.settings.get(LAST_BACKUP_KEY))?.value).toBe(at.toISOString());
  });

  it('names the file after the local calendar day', () => {
    expect(backupFileName(new Date(2024, 0, 5, 0, 1))).toBe('minga-backup-2024-01-05.json');
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
