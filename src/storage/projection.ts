// Keeps Dexie's list/search rows in step with the mission documents. Rebuildable, never the source of truth.
import { missionDocName, type MissionId } from '../domain/ids.ts';
import { isNewerSchema, isOverdue, todayIso } from '../domain/rules.ts';
import { cantonByPcode } from '../domain/codes.ts';
import { searchEntries } from '../domain/search/fields.ts';
import { accountsOf } from '../domain/accounts/fromMission.ts';
import { missionSeverityFacts } from '../domain/desk/severity.ts';
import { deskFacts, newsOf, withArrivals } from '../domain/desk/desk.ts';
import type { ExportRow, MingaDb, MissionRow, RecordRow } from './db.ts';
import { getDb } from './db.ts';
import type { MissionSnapshot, MissionView } from './missionView.ts';

const DEBOUNCE_MS = 400;
/** Raised whenever rows gain or change what they hold: ensureProjections rebuilds rows of an earlier version. */
export const PROJECTION_VERSION = 5;
interface Pending {
  timer: ReturnType<typeof setTimeout>;
  source: ProjectionSource;
  db: MingaDb;
}
const timers = new Map<MissionId, Pending>();

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

/** The mission and its live records, as exports read them (selectForExport leaves deleted ones out anyway). */
export function exportRow(id: MissionId, snapshot: MissionSnapshot, sourceKey: number): ExportRow {
  const live = <T extends { deletedAt: string | null }>(records: T[]) => records.filter((r) => !r.deletedAt);
  return {
    missionId: id,
    projection: PROJECTION_VERSION,
    sourceKey,
    snapshot: {
      mission: snapshot.mission,
      assessments: live(snapshot.assessments),
      notes: live(snapshot.notes),
      actions: live(snapshot.actions),
    },
  };
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
  const forExport = exportRow(id, snapshot, sourceKey);
  const tables = [db.missions, db.records, db.docs, db.search, db.severity, db.desk, db.news, db.exports];
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
    await db.exports.put(forExport);
    if (severity) await db.severity.put(severity);
    if (desk) {
      const previous = await db.desk.get(id);
      const now = new Date().toISOString();
      const facts = { ...desk, changes: withArrivals(desk.changes, previous?.changes, now) };
      await db.desk.put(facts);
      await db.news.put(newsOf(facts));
    }
  });
}

export function scheduleProjection(id: MissionId, source: ProjectionSource): void {
  const pending = timers.get(id);
  if (pending) clearTimeout(pending.timer);
  // The database of the edit, even if another is current by the time the timer fires (tests swap them).
  const db = getDb();
  const timer = setTimeout(() => {
    timers.delete(id);
    // Closed on purpose (this device's data being removed): nothing to list any more.
    if (db.hasBeenClosed()) return;
    writeProjection(id, source, db).catch((error: unknown) => console.warn('projection failed', error));
  }, DEBOUNCE_MS);
  timers.set(id, { timer, source, db });
}

/** Projects now every edit still waiting for its debounce, so a reader of the rows (an export) sees it. */
export async function flushPendingProjections(): Promise<void> {
  const pending = [...timers.entries()];
  for (const [id, { timer }] of pending) {
    clearTimeout(timer);
    timers.delete(id);
  }
  for (const [id, { source, db }] of pending) {
    if (!db.hasBeenClosed()) await writeProjection(id, source, db);
  }
}

/** Projects now what is waiting to be projected (before a test asserts, or when a screen needs the list). */
export async function flushProjection(id: MissionId, source: ProjectionSource): Promise<void> {
  const pending = timers.get(id);
  if (pending) clearTimeout(pending.timer);
  timers.delete(id);
  await writeProjection(id, source);
}
