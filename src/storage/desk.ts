// What the coordinator's desk reads: the list rows and, per mission, the desk facts, the review, when this
// device's user last looked and when the server last confirmed it, each one table read in one transaction.
import type { DeskSources } from '../domain/desk/desk.ts';
import { missionDocName, type MissionId } from '../domain/ids.ts';
import { getDb, type MingaDb, type MissionRow } from './db.ts';

export interface DeskData {
  missions: MissionRow[];
  sources: Omit<DeskSources, 'me'>;
}

export async function readDesk(db: MingaDb = getDb()): Promise<DeskData> {
  const tables = [db.missions, db.desk, db.reviews, db.seen, db.syncState];
  return db.transaction('r', tables, async () => {
    const [missions, facts, reviews, seen, synced] = await Promise.all([
      db.missions.toArray(),
      db.desk.toArray(),
      db.reviews.toArray(),
      db.seen.toArray(),
      db.syncState.toArray(),
    ]);
    const lastSync = new Map(synced.map((row) => [row.name, row.lastSyncedAt]));
    return {
      missions,
      sources: {
        facts: new Map(facts.map((row) => [row.missionId, row])),
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
