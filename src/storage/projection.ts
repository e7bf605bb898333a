// Keeps Dexie's list/search rows in step with the mission documents. Rebuildable, never the source of truth.
import { missionDocName, type MissionId } from '../domain/ids.ts';
import { isNewerSchema, isOverdue, todayIso } from '../domain/rules.ts';
import { cantonByPcode } from '../domain/codes.ts';
import { searchEntries } from '../domain/search/fields.ts';
import { accountsOf } from '../domain/accounts/fromMission.ts';
import { missionSeverityFacts } from '../domain/desk/severity.ts';
import { deskFacts, withArrivals } from '../domain/desk/desk.ts';
import type { MingaDb, MissionRow, RecordRow } from './db.ts';
import { getDb } from './db.ts';
import type { MissionSnapshot, MissionView } from './missionView.ts';

const DEBOUNCE_MS = 400;
/** Raised whenever rows gain or change what they hold: ensureProjections rebuilds rows of an earlier version. */
export const PROJECTION_VERSION = 4;
const timers = new Map<MissionId, ReturnType<typeof setTimeout>>();

export function missionRow(
  id: MissionId,
  snapshot: MissionSnapshot,
  sourceKey: number,
  today = todayIso(),
): MissionRow | null {
  const { mission } = snapshot;
  if (!mission) return null;
  const live = <T extends { deletedAt: string | null }>(records: T[]) => records.filter((r) => !r.deletedAt);
  const canton = cantonByPcode(mission.hostCanton);
  return {
    id,
    title: mission.title,
    status: mission.status,
    hostCanton: mission.hostCanton,
    themes: mission.themes,
    startDate: mission.startDate,
    endDate: mission.endDate,
    updatedAt: mission.updatedAt,
    deleted: mission.deletedAt ? 1 : 0,
    readOnly: isNewerSchema(mission) ? 1 : 0,
    searchText: [
      mission.title,
      mission.torReference,
      canton?.name ?? '',
      mission.objectives.slice(0, 500),
    ].join(' '),
    counts: {
      assessments: live(snapshot.assessments).length,
      notes: live(snapshot.notes).length,
      actions: live(snapshot.actions).length,
      overdue: live(snapshot.actions).filter((a) => isOverdue(a, today)).length,
    },
    sourceKey,
    projection: PROJECTION_VERSION,
    accounts: accountsOf(mission, snapshot.actions),
  };
}

export function recordRows(id: MissionId, snapshot: MissionSnapshot): RecordRow[] {
  const row = (
    kind: RecordRow['kind'],
    r: { id: string; createdAt: string; updatedAt: string; deletedAt: string | null },
    label: string,
    text: string,
  ): RecordRow => ({
    key: `${id}/${r.id}`,
    missionId: id,
    kind,
    id: r.id,
    label,
    searchText: text.slice(0, 2000),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deleted: r.deletedAt ? 1 : 0,
  });
  return [
    ...snapshot.assessments.map((a) => row('assessment', a, a.title, `${a.title} ${a.recommendations}`)),
    ...snapshot.notes.map((n) =>
      row('note', n, n.text.slice(0, 80), `${n.text.slice(0, 2000)} ${n.tags.join(' ')}`),
    ),
    ...snapshot.actions.map((a) => row('action', a, a.activity, `${a.activity} ${a.responsible}`)),
  ];
}

/** What a projection reads: the document's read model and how far its update log on disk goes. */
export interface ProjectionSource {
  view: MissionView;
  writer: { diskKey(): number };
}

export async function writeProjection(
  id: MissionId,
  source: ProjectionSource,
  db: MingaDb = getDb(),
): Promise<void> {
  // The key is read before the snapshot: the snapshot holds at least what the log held then.
  const sourceKey = source.writer.diskKey();
  const snapshot = source.view.snapshot();
  const mission = missionRow(id, snapshot, sourceKey);
  if (!mission) return;
  const records = recordRows(id, snapshot);
  const search = { missionId: id, entries: searchEntries(snapshot) };
  const severity = missionSeverityFacts(id, snapshot);
  const desk = deskFacts(id, snapshot);
  const tables = [db.missions, db.records, db.docs, db.search, db.severity, db.desk];
  await db.transaction('rw', tables, async () => {
    // A mission that arrived through sync or a bundle is registered here, the first time it is projected, so
    // background sync, photo uploads and backups know this device holds it.
    const name = missionDocName(id);
    if (!(await db.docs.get(name))) {
      await db.docs.put({
        name,
        missionId: id,
        createdAt: snapshot.mission?.createdAt || new Date().toISOString(),
      });
    }
    await db.missions.put(mission);
    await db.records.where('missionId').equals(id).delete();
    await db.records.bulkPut(records);
    await db.search.put(search);
    if (severity) await db.severity.put(severity);
    if (desk) {
      const previous = await db.desk.get(id);
      const now = new Date().toISOString();
      await db.desk.put({ ...desk, changes: withArrivals(desk.changes, previous?.changes, now) });
    }
  });
}

export function scheduleProjection(id: MissionId, source: ProjectionSource): void {
  const pending = timers.get(id);
  if (pending) clearTimeout(pending);
  // The database of the edit, even if another is current by the time the timer fires (tests swap them).
  const db = getDb();
  timers.set(
    id,
    setTimeout(() => {
      timers.delete(id);
      // Closed on purpose (this device's data being removed): nothing to list any more.
      if (db.hasBeenClosed()) return;
      writeProjection(id, source, db).catch((error: unknown) => console.warn('projection failed', error));
    }, DEBOUNCE_MS),
  );
}

/** Projects now what is waiting to be projected (before a test asserts, or when a screen needs the list). */
export async function flushProjection(id: MissionId, source: ProjectionSource): Promise<void> {
  const pending = timers.get(id);
  if (pending) clearTimeout(pending);
  timers.delete(id);
  await writeProjection(id, source);
}
