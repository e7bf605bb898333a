// The desk's rows on the device: a mission's team and record writes projected with its list row, a review's
// decision and comments projected when its document changes, and "new since I last looked" read from them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { acquireMission, closeAllMissions, releaseMission } from '../../../src/storage/docStore.ts';
import { createMission, createRecord, deleteRecord } from '../../../src/storage/commands.ts';
import { flushProjection } from '../../../src/storage/projection.ts';
import { acquireReview, closeAllReviews, releaseReview } from '../../../src/storage/reviewStore.ts';
import { addComment, setDecision } from '../../../src/storage/reviewCommands.ts';
import { markSeen, readDesk } from '../../../src/storage/desk.ts';
import { deskRows } from '../../../src/domain/desk/desk.ts';
import type { DeviceProfile } from '../../../src/domain/model.ts';
import type { MissionDraft } from '../../../src/domain/validation.ts';
import type { MissionId } from '../../../src/domain/ids.ts';

const anna: DeviceProfile = {
  name: 'Anna Puig',
  institution: 'Ajuntament',
  role: 'technician',
  deviceId: 'd1',
};
const laia: DeviceProfile = { name: 'Laia Ferrer', institution: 'Fons', role: 'lead', deviceId: 'd2' };
const draft: MissionDraft = {
  title: 'Jama, agua',
  torReference: '',
  torText: '',
  hostCanton: 'EC1320',
  themes: [],
  team: [
    { id: 'L0', name: 'Anna Puig', institution: 'Ajuntament', role: 'technician' },
    { id: 'L1', name: 'Jordi Mas', institution: 'Ajuntament', role: 'technician' },
  ],
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
  db.close();
  setDbForTests(null);
});

async function missionWithNotes(): Promise<MissionId> {
  const id = await createMission(draft, anna);
  const open = await acquireMission(id);
  createRecord(open, 'note', { text: 'Pozo contaminado' }, anna);
  createRecord(open, 'note', { text: 'Reunión con la junta' }, anna);
  const gone = createRecord(open, 'note', { text: 'Borrada' }, anna);
  deleteRecord(open, 'note', gone, anna);
  await open.writer.whenIdle();
  await flushProjection(id, open);
  releaseMission(id);
  return id;
}

async function newCount(me: string): Promise<number> {
  const { missions, sources } = await readDesk(db);
  return deskRows(missions, { ...sources, me })[0]!.newCount;
}

describe('the desk’s rows', () => {
  it('keep the team and the last write of each live record', async () => {
    const id = await missionWithNotes();
    const row = (await db.desk.get(id))!;
    expect(row.team).toEqual(['Anna Puig', 'Jordi Mas']);
    expect(row.changes).toHaveLength(2);
    expect(row.changes.every((change) => change.by === 'Anna Puig')).toBe(true);
  });

  it('keep a review’s decision and comments once its document changed or closed', async () => {
    const id = await missionWithNotes();
    const review = await acquireReview(id);
    setDecision(review, { decision: 'changesRequested', note: '' }, laia, 'coordinator');
    addComment(review, { target: { kind: 'mission', id }, text: 'Falta la foto.' }, laia, 'coordinator');
    releaseReview(id);
    await closeAllReviews();
    // Written as the document closes, without holding the close up.
    const row = await vi.waitFor(async () => {
      const written = await db.reviews.get(id);
      if (written?.decision !== 'changesRequested') throw new Error('not yet projected');
      return written;
    });
    expect(row.decided?.by).toBe('Laia Ferrer');
    expect(row.comments).toEqual([
      expect.objectContaining({ by: 'Laia Ferrer', arrived: expect.any(String) as string }),
    ]);
  });

  it('count others’ changes until the mission is looked at, and none of one’s own', async () => {
    const id = await missionWithNotes();
    expect(await newCount('Laia Ferrer')).toBe(2);
    expect(await newCount('Anna Puig')).toBe(0);
    await markSeen(id, new Date(Date.now() + 1000), db);
    expect(await newCount('Laia Ferrer')).toBe(0);
  });

  it('count the same from the desk row where the previous version wrote no news row yet', async () => {
    const id = await missionWithNotes();
    expect((await db.news.get(id))?.authors.map((a) => [a.by, a.arrived.length])).toEqual([['Anna Puig', 2]]);
    await db.news.delete(id);
    expect(await newCount('Laia Ferrer')).toBe(2);
    expect(await newCount('Anna Puig')).toBe(0);
  });
});
