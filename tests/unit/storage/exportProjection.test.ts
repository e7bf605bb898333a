// Exports read the export projection (one row per mission): the same files as from the documents, and a device
// holding the previous database version upgrades and still exports everything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { buildExport, type ExportFormat } from '../../../src/domain/export/index.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import type { MissionSnapshot } from '../../../src/domain/records/snapshot.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import {
  createMission,
  createRecord,
  deleteRecord,
  ensureProjections,
} from '../../../src/storage/commands.ts';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { readMissionsForExport } from '../../../src/storage/export.ts';
import { PROJECTION_VERSION } from '../../../src/storage/projection.ts';

const draft = (title: string, startDate: string): MissionDraft => ({
  title,
  torReference: 'TdR-7',
  torText: '',
  hostCanton: 'EC1317',
  themes: [],
  team: [],
  startDate,
  endDate: '',
  remoteSupportEnd: '',
  objectives: '=SUM(A1) objetivos',
  status: 2,
  sdgs: [],
  sendai: [],
});
const profile = { name: 'Anna', institution: 'Ajuntament', role: 'technician' as const, deviceId: 'd1' };
const labels = (list: string, code: string | number) => `${list}:${code}`;

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

/** A mission with every kind of record, one of them deleted, written through the commands. */
async function fixtureMission(title: string, startDate: string): Promise<MissionId> {
  const id = await createMission(draft(title, startDate), profile);
  const open = await acquireMission(id);
  try {
    createRecord(
      open,
      'assessment',
      {
        title: 'Barrio Las Palmas',
        date: '2016-05-03',
        canton: 'EC1317',
        sectors: [{ sector: 'wash', severity: 4, affected: 120, inNeed: 80, notes: 'Pozos' }],
        gps: { lat: 0.0721, lon: -80.0531, accuracy: 12, capturedAt: '2016-05-03T10:00:00.000Z' },
      },
      profile,
    );
    createRecord(open, 'note', { text: 'Reunión en el GAD, acentos: ñ á ç' }, profile);
    const gone = createRecord(open, 'note', { text: 'borrada' }, profile);
    deleteRecord(open, 'note', gone, profile);
    createRecord(open, 'action', { activity: '+ Revisar pozos', responsible: 'GAD' }, profile);
    await open.writer.whenIdle();
  } finally {
    releaseMission(id);
  }
  return id;
}

async function fromDocuments(ids: MissionId[]): Promise<MissionSnapshot[]> {
  const snapshots: MissionSnapshot[] = [];
  for (const id of ids) {
    const open = await acquireMission(id);
    snapshots.push(open.view.snapshot());
    releaseMission(id);
  }
  return snapshots;
}

describe('exports read the projection', () => {
  it('gives the same files as reading every document, in every format and scope', async () => {
    const a = await fixtureMission('Pedernales', '2016-05-02');
    const b = await fixtureMission('Manta', '2017-01-10');
    const projected = await readMissionsForExport(null);
    // Every edit above is in the projection, written in its current version.
    const rows = await db.exports.toArray();
    expect(rows.map((row) => row.projection)).toEqual([PROJECTION_VERSION, PROJECTION_VERSION]);
    const documents = await fromDocuments(await Promise.all([a, b]));
    const byId = (list: MissionSnapshot[]) =>
      [...list].sort((x, y) => x.mission!.id.localeCompare(y.mission!.id));
    const formats: ExportFormat[] = ['csv', 'hxl', 'geojson'];
    for (const format of formats)
      for (const scope of [{}, { year: 2016 }, { missions: [b] }]) {
        const expected = buildExport(byId(documents), { format, scope, labels });
        expect(buildExport(byId(projected), { format, scope, labels })).toEqual(expected);
      }
    const notes = buildExport(projected, { format: 'csv' }).find((f) => f.name === 'notes.csv')!;
    expect(notes.text).toContain('Reunión en el GAD, acentos: ñ á ç');
    expect(notes.text).not.toContain('borrada');
  });

  it('reads the rows, not the documents, and an edit a moment ago is in them', async () => {
    const id = await fixtureMission('Pedernales', '2016-05-02');
    await readMissionsForExport(null);
    // A row changed behind the documents' back shows that the export reads rows.
    const row = (await db.exports.get(id))!;
    await db.exports.put({
      ...row,
      snapshot: { ...row.snapshot, mission: { ...row.snapshot.mission!, title: 'Fila' } },
    });
    expect((await readMissionsForExport([id]))[0]?.mission?.title).toBe('Fila');
    // A note written now, still waiting for the projection's debounce, is in the next export.
    const open = await acquireMission(id);
    createRecord(open, 'note', { text: 'recién escrita' }, profile);
    releaseMission(id);
    const [snapshot] = await readMissionsForExport([id]);
    expect(snapshot?.notes.map((n) => n.text)).toContain('recién escrita');
  });
});

describe('a device holding the previous database version', () => {
  it('upgrades, exports from documents until rebuilt, then from rows', async () => {
    const id = await fixtureMission('Pedernales', '2016-05-02');
    const current = await db.missions.get(id);
    const docs = await db.docs.toArray();
    // The previous version's database, as the previous release declared it, with its rows.
    const name = `previous-${crypto.randomUUID()}`;
    const previous = new Dexie(name);
    previous.version(6).stores({
      missions: 'id, status, hostCanton, *themes, startDate, updatedAt, deleted',
      records: 'key, missionId, kind, [missionId+kind], updatedAt',
      docs: 'name, missionId',
      blobs: 'sha256, upload',
      settings: 'key',
      syncState: 'name',
      search: 'missionId',
      peerState: '[peer+doc], peer',
      severity: 'missionId',
      desk: 'missionId',
      reviews: 'missionId',
      seen: 'missionId',
    });
    await previous.table('missions').put({ ...current, projection: PROJECTION_VERSION - 1 });
    await previous.table('docs').bulkPut(docs);
    expect(previous.verno).toBe(6);
    previous.close();

    await closeAllMissions();
    db.close();
    db = new MingaDb(name);
    setDbForTests(db);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.exports.count()).toBe(0);
    expect(await db.news.count()).toBe(0);
    expect((await db.missions.get(id))?.title).toBe('Pedernales');

    const [fromDocument] = await readMissionsForExport(null);
    const live = fromDocument?.notes.filter((n) => n.deletedAt === null).map((n) => n.text);
    expect(live).toEqual(['Reunión en el GAD, acentos: ñ á ç']);
    // Reading it from its document projected it on the way; the rebuild at start-up brings the list row too.
    expect((await db.exports.get(id))?.projection).toBe(PROJECTION_VERSION);
    await ensureProjections();
    expect((await db.missions.get(id))?.projection).toBe(PROJECTION_VERSION);
  });
});
