// Opens mission documents from IndexedDB, one Y.Doc per mission, shared by every screen that shows it.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { missionDocName, type MissionId } from '../domain/ids.ts';
import { DocPool, type DocObserver } from './docPool.ts';
import { DurableWriter, newestUpdateKey } from './durableWriter.ts';
import { MissionView } from './missionView.ts';
import { getDb } from './db.ts';
import { scheduleProjection } from './projection.ts';

export interface OpenMission {
  readonly id: MissionId;
  readonly doc: Y.Doc;
  readonly view: MissionView;
  readonly writer: DurableWriter;
}

/** Lets the sync layer attach a provider to every opened document without storage importing sync. */
export type MissionObserver = DocObserver<OpenMission>;

async function load(id: MissionId): Promise<OpenMission> {
  const name = missionDocName(id);
  const doc = new Y.Doc({ guid: name, gc: true });
  const persistence = new IndexeddbPersistence(name, doc);
  const writer = new DurableWriter(name, doc, persistence);
  await persistence.whenSynced;
  await writer.loaded();
  const view = new MissionView(doc, id);
  const mission = { id, doc, view, writer };
  doc.on('update', () => scheduleProjection(id, mission));
  return mission;
}

const pool = new DocPool<MissionId, OpenMission>({
  load,
  settle: (mission) => mission.writer.whenIdle(),
  destroy: (mission) => {
    mission.writer.destroy();
    mission.view.destroy();
    mission.doc.destroy();
  },
});

/** Observers also learn of the documents already open when they subscribe. */
export function observeMissions(observer: MissionObserver): () => void {
  return pool.observe(observer);
}

/** Registers the document before its first byte is written, so the mission list can always be rebuilt. */
export async function registerMission(id: MissionId, now: string): Promise<void> {
  await getDb().docs.put({ name: missionDocName(id), missionId: id, createdAt: now });
}

export function acquireMission(id: MissionId): Promise<OpenMission> {
  return pool.acquire(id);
}

/** `lingerMs`: how long it stays open once nobody uses it (default: a screen's, see docPool.ts). */
export function releaseMission(id: MissionId, lingerMs?: number): void {
  pool.release(id, lingerMs);
}

/** For tests and the benchmark: close every document now, after their writes are on disk. */
export function closeAllMissions(): Promise<void> {
  return pool.closeAll();
}

/** The newest key of a mission's update log on disk, read without loading the document. */
export function readDiskKey(id: MissionId): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(missionDocName(id));
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      newestUpdateKey(db).then(
        (key) => {
          db.close();
          resolve(key);
        },
        (error: unknown) => {
          db.close();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };
  });
}
