// Opens mission documents from IndexedDB, one Y.Doc per mission, shared by every screen that shows it.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { missionDocName, type MissionId } from '../domain/ids.ts';
import { DurableWriter } from './durableWriter.ts';
import { MissionView } from './missionView.ts';
import { getDb } from './db.ts';
import { scheduleProjection } from './projection.ts';

export interface OpenMission {
  readonly id: MissionId;
  readonly doc: Y.Doc;
  readonly view: MissionView;
  readonly writer: DurableWriter;
}

interface Entry {
  opened: Promise<OpenMission>;
  users: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

/** Lets the sync layer attach a provider to every opened document without storage importing sync. */
export interface MissionObserver {
  opened(mission: OpenMission): void;
  /** Awaited before the document is destroyed, so a provider can detach and record what the server has. */
  closing(mission: OpenMission): Promise<void> | void;
}

const observers = new Set<MissionObserver>();
const open = new Map<MissionId, Entry>();
/** Keep a document a little after its last screen leaves: going back and forth should not reload it. */
const LINGER_MS = 30_000;

async function load(id: MissionId): Promise<OpenMission> {
  const name = missionDocName(id);
  const doc = new Y.Doc({ guid: name, gc: true });
  const persistence = new IndexeddbPersistence(name, doc);
  const writer = new DurableWriter(name, doc, persistence);
  await persistence.whenSynced;
  const view = new MissionView(doc, id);
  const mission = { id, doc, view, writer };
  doc.on('update', () => scheduleProjection(id, mission));
  observers.forEach((observer) => observer.opened(mission));
  return mission;
}

/** Observers also learn of the documents already open when they subscribe. */
export function observeMissions(observer: MissionObserver): () => void {
  observers.add(observer);
  for (const entry of open.values())
    void entry.opened.then((mission) => observers.has(observer) && observer.opened(mission));
  return () => observers.delete(observer);
}

/** Registers the document before its first byte is written, so the mission list can always be rebuilt. */
export async function registerMission(id: MissionId, now: string): Promise<void> {
  await getDb().docs.put({ name: missionDocName(id), missionId: id, createdAt: now });
}

export function acquireMission(id: MissionId): Promise<OpenMission> {
  let entry = open.get(id);
  if (!entry) {
    entry = { opened: load(id), users: 0, closeTimer: null };
    open.set(id, entry);
  }
  entry.users++;
  if (entry.closeTimer) {
    clearTimeout(entry.closeTimer);
    entry.closeTimer = null;
  }
  return entry.opened;
}

export function releaseMission(id: MissionId): void {
  const entry = open.get(id);
  if (!entry) return;
  entry.users = Math.max(0, entry.users - 1);
  if (entry.users > 0 || entry.closeTimer) return;
  entry.closeTimer = setTimeout(() => {
    if (entry.users > 0) return;
    open.delete(id);
    void entry.opened.then(closeMission);
  }, LINGER_MS);
}

async function closeMission(mission: OpenMission): Promise<void> {
  // Never drop what is still being written.
  await mission.writer.whenIdle();
  await Promise.all([...observers].map((observer) => observer.closing(mission)));
  mission.writer.destroy();
  mission.view.destroy();
  mission.doc.destroy();
}

/** For tests and the benchmark: close every document now, after their writes are on disk. */
export async function closeAllMissions(): Promise<void> {
  const entries = [...open.values()];
  open.clear();
  await Promise.all(entries.map((entry) => entry.opened.then(closeMission)));
}

/** The newest key of a mission's update log on disk, read without loading the document. */
export function readDiskKey(id: MissionId): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(missionDocName(id));
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('updates')) {
        db.close();
        resolve(0);
        return;
      }
      const cursor = db.transaction('updates').objectStore('updates').openKeyCursor(null, 'prev');
      cursor.onsuccess = () => {
        db.close();
        resolve(typeof cursor.result?.key === 'number' ? cursor.result.key : 0);
      };
      cursor.onerror = () => reject(cursor.error);
    };
  });
}
