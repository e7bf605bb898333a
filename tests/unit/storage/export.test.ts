// Reading the device's missions for an export: every mission document held, or the ones chosen, with progress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport } from '../../../src/domain/export/index.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import { createMission, createRecord } from '../../../src/storage/commands.ts';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { missionsOnDevice, readMissionsForExport } from '../../../src/storage/export.ts';

const draft = (title: string, startDate: string): MissionDraft => ({
  title,
  torReference: '',
  torText: '',
  hostCanton: 'EC1317',
  themes: [],
  team: [],
  startDate,
  endDate: '',
  remoteSupportEnd: '',
  objectives: '',
  status: 2,
  sdgs: [],
  sendai: [],
});
const profile = { name: 'Anna', institution: 'Ajuntament', role: 'technician' as const, deviceId: 'd1' };

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

async function addNote(id: MissionId, text: string): Promise<void> {
  const open = await acquireMission(id);
  try {
    createRecord(open, 'note', { text }, profile);
    await open.writer.whenIdle();
  } finally {
    releaseMission(id);
  }
}

describe('reading missions for an export', () => {
  it('reads every mission held, or those chosen, and reports progress', async () => {
    const a = await createMission(draft('Pedernales', '2016-05-02'), profile);
    const b = await createMission(draft('Manta', '2017-01-10'), profile);
    await addNote(a, 'Reunión en el GAD');
    expect((await missionsOnDevice()).sort()).toEqual([a, b].sort());

    const progress: [number, number][] = [];
    const all = await readMissionsForExport(null, (done, total) => progress.push([done, total]));
    expect(all.map((s) => s.mission?.title).sort()).toEqual(['Manta', 'Pedernales']);
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);

    // An id this device does not hold is skipped, and no database is made for it.
    const unknown = crypto.randomUUID() as MissionId;
    expect(await readMissionsForExport([unknown])).toEqual([]);
    const names = (await indexedDB.databases()).map((info) => info.name);
    expect(names).not.toContain(`mission:${unknown}`);

    const chosen = await readMissionsForExport([a]);
    const [notes] = buildExport(chosen, { format: 'csv' }).filter((f) => f.name === 'notes.csv');
    expect(notes?.text).toContain('Reunión en el GAD');
  });
});
