// What the coordinator's desk reads: the list rows and, per mission, what is new (the compact news rows), the
// review, when this device's user last looked and when the server last confirmed it, each one table read in one
// transaction. A mission projected by an earlier version has no news row yet: its desk row stands in.
import { newsOf, type DeskSources, type MissionNews } from '../domain/desk/desk.ts';
import { missionDocName, type MissionId } from '../domain/ids.ts';
import { getDb, type MingaDb, type MissionRow } from './db.ts';

export interface DeskData {
  missions: MissionRow[];
  sources: Omit<DeskSources, 'me'>;
}

export async function readDesk(db: MingaDb = getDb()): Promise<DeskData> {
  const tables = [db.missions, db.news, db.desk, db.reviews, db.seen, db.syncState];
  return db.transaction('r', tables, async () => {
    const [missions, compact, reviews, seen, synced] = await Promise.all([
      db.missions.toArray(),
      db.news.toArray(),
      db.reviews.toArray(),
      db.seen.toArray(),
      db.syncState.toArray(),
    ]);
    const news = new Map<string, MissionNews>(compact.map((row) => [row.missionId, row]));
    const missing = missions.filter((row) => !news.has(row.id)).map((row) => row.id);
    if (missing.length > 0)
      for (const facts of await db.desk.bulkGet(missing)) if (facts) news.set(facts.missionId, newsOf(facts));
    const lastSync = new Map(synced.map((row) => [row.name, row.lastSyncedAt]));
    return {
      missions,
      sources: {
        news,
        reviews: new Map(reviews.map((row) => [row.missionId, row])),
        seen: new Map(seen.map((row) => [row.missionId, row.seenAt])),
        synced: new Map(
          missions.flatMap((row) => {
            const at = lastSync.get(missionDocName(row.id as MissionId));
            return typeof at === 'number' ? [[row.id, at] as const] : [];
          }),
        ),
      },
    };
  });
}

/** Everything in mission `id` up to `now` has been seen by this device's user. */
export async function markSeen(id: string, now = new Date(), db: MingaDb = getDb()): Promise<void> {
  if (db.hasBeenClosed()) return;
  await db.seen.put({ missionId: id, seenAt: now.toISOString() });
}
