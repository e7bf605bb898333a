// The severity projection: one row per mission with its live assessments and geolocated notes, written with the
// list rows, and rebuilt on devices whose rows an earlier projection wrote.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import {
  createMission,
  createRecord,
  deleteRecord,
  ensureProjections,
} from '../../../src/storage/commands.ts';
import { flushProjection, PROJECTION_VERSION } from '../../../src/storage/projection.ts';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import { severityMatrix } from '../../../src/domain/desk/severity.ts';

const profile: DeviceProfile = {
  name: 'Anna',
  institution: 'Ajuntament',
  role: 'technician',
  deviceId: 'd1',
};
const draft: MissionDraft = {
  title: 'Pedernales, agua',
  torReference: '',
  torText: '',
  hostCanton: 'EC1317',
  themes: [],
  team: [],
  startDate: '2016-05-01',
  endDate: '',
  remoteSupportEnd: '',
  objectives: '',
  status: 2,
  sdgs: [],
  sendai: [],
};
const gps = { lat: 0.0721, lon: -80.0531, accuracy: 12, capturedAt: '2016-05-02T10:00:00.000Z' };

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

async function missionWithRecords() {
  const id = await createMission(draft, profile);
  const open = await acquireMission(id);
  const kept = createRecord(
    open,
    'assessment',
    {
      title: 'Tarqui',
      canton: 'EC1317',
      date: '2016-05-02',
      gps,
      sectors: [
        { sector: 'wash', severity: 4, affected: 1200, inNeed: 800, notes: '' },
        { sector: 'shelter', severity: 2, affected: null, inNeed: null, notes: '' },
      ],
    },
    profile,
  );
  const gone = createRecord(
    open,
    'assessment',
    {
      title: 'Borrada',
      canton: 'EC1317',
      date: '2016-05-02',
      gps: null,
      sectors: [{ sector: 'wash', severity: 5, affected: null, inNeed: null, notes: '' }],
    },
    profile,
  );
  deleteRecord(open, 'assessment', gone, profile);
  createRecord(open, 'note', { text: 'Reunión con la junta parroquial', gps }, profile);
  createRecord(open, 'note', { text: 'Sin lugar', gps: null }, profile);
  await open.writer.whenIdle();
  await flushProjection(id, open);
  releaseMission(id);
  return { id, kept };
}

describe('severity projection', () => {
  it('keeps each live assessment with its sectors and place, and each geolocated note', async () => {
    const { id, kept } = await missionWithRecords();
    const row = (await db.severity.get(id))!;
    expect(row).toMatchObject({
      missionId: id,
      missionTitle: 'Pedernales, agua',
      missionStatus: 2,
      deleted: 0,
    });
    const [assessment] = row.assessments;
    expect(row.assessments).toHaveLength(1);
    expect({ ...assessment, sectors: [] }).toEqual({
      id: kept,
      title: 'Tarqui',
      canton: 'EC1317',
      parish: '',
      date: '2016-05-02',
      sectors: [],
      gps: { lat: 0.0721, lon: -80.0531, accuracy: 12 },
      highest: 4,
    });
    expect([...assessment!.sectors].sort((a, b) => a.sector.localeCompare(b.sector))).toEqual([
      { sector: 'shelter', severity: 2, affected: null, inNeed: null },
      { sector: 'wash', severity: 4, affected: 1200, inNeed: 800 },
    ]);
    expect(row.notes.map((n) => n.excerpt)).toEqual(['Reunión con la junta parroquial']);
    expect(severityMatrix([row])[0]!.cells.wash).toEqual({ highest: 4, assessments: 1 });
  });

  it('is rebuilt on a device whose rows an earlier projection wrote', async () => {
    const { id } = await missionWithRecords();
    const row = (await db.missions.get(id))!;
    await db.missions.put({ ...row, projection: PROJECTION_VERSION - 1 });
    await db.severity.clear();
    await ensureProjections();
    expect((await db.severity.get(id))?.assessments).toHaveLength(1);
  });
});
