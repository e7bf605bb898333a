// Opens review documents from IndexedDB, one Y.Doc per mission's review, shared like mission documents.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { MissionId } from '../domain/ids.ts';
import { reviewDocName } from '../domain/review.ts';
import { DocPool, type DocObserver } from './docPool.ts';
import { DurableWriter } from './durableWriter.ts';
import { ReviewView } from './reviewDoc.ts';
import { projectReview } from './reviewProjection.ts';

export interface OpenReview {
  /** The mission this review belongs to. */
  readonly id: MissionId;
  readonly doc: Y.Doc;
  readonly view: ReviewView;
  readonly writer: DurableWriter;
  /** Stops keeping the review's desk row in step. */
  readonly unproject: () => void;
}

export type ReviewObserver = DocObserver<OpenReview>;

async function load(id: MissionId): Promise<OpenReview> {
  const name = reviewDocName(id);
  const doc = new Y.Doc({ guid: name, gc: true });
  const persistence = new IndexeddbPersistence(name, doc);
  // The same strict-durability writes as missions: a decision shown as saved is on disk.
  const writer = new DurableWriter(name, doc, persistence);
  await persistence.whenSynced;
  const view = new ReviewView(doc);
  return { id, doc, view, writer, unproject: projectReview(id, view) };
}

const pool = new DocPool<MissionId, OpenReview>({
  load,
  settle: (review) => review.writer.whenIdle(),
  destroy: (review) => {
    review.unproject();
    review.writer.destroy();
    review.view.destroy();
    review.doc.destroy();
  },
});

/** Observers also learn of the reviews already open when they subscribe (the sync layer attaches providers). */
export function observeReviews(observer: ReviewObserver): () => void {
  return pool.observe(observer);
}

export function acquireReview(id: MissionId): Promise<OpenReview> {
  return pool.acquire(id);
}

/** `lingerMs`: how long it stays open once nobody uses it (default: a screen's, see docPool.ts). */
export function releaseReview(id: MissionId, lingerMs?: number): void {
  pool.release(id, lingerMs);
}

/** For tests: close every review now, after their writes are on disk. */
export function closeAllReviews(): Promise<void> {
  return pool.closeAll();
}
