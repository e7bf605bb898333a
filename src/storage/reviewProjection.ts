// Keeps one Dexie row per review (decision, comment times and authors) in step with its document, so the
// coordinator's desk reads 200 small rows rather than opening 200 review documents.
import { reviewFacts, withArrivals, type ReviewFacts } from '../domain/desk/desk.ts';
import type { MissionId } from '../domain/ids.ts';
import { getDb, type MingaDb } from './db.ts';
import type { ReviewView } from './reviewDoc.ts';

const DEBOUNCE_MS = 400;

export async function writeReviewProjection(
  id: MissionId,
  view: ReviewView,
  db: MingaDb = getDb(),
): Promise<void> {
  // Closed on purpose (this device's data being removed): nothing to list any more.
  if (db.hasBeenClosed()) return;
  // Read now, before any await: the document may close right after this call.
  const facts = reviewFacts(id, view.snapshot());
  const now = new Date().toISOString();
  const current = await db.reviews.get(id);
  const next = stamped(facts, current, now);
  // Sync opens every review to count what waits: an unchanged row is not rewritten (the desk would redraw).
  if (current && JSON.stringify(current) === JSON.stringify(next)) return;
  await db.reviews.put(next);
}

/** The decision and comments stamped with when this device first held them (see withArrivals). */
function stamped(facts: ReviewFacts, current: ReviewFacts | undefined, now: string): ReviewFacts {
  const before = current && [...current.comments, ...(current.decided ? [current.decided] : [])];
  const [decided] = facts.decided ? withArrivals([facts.decided], before, now) : [null];
  return { ...facts, decided: decided ?? null, comments: withArrivals(facts.comments, before, now) };
}

/** Projects the review now and after each change (debounced); returns the way to stop. */
export function projectReview(id: MissionId, view: ReviewView): () => void {
  // The database of the review's device, even if another is current by the time a timer fires (tests swap them).
  const db = getDb();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    writeReviewProjection(id, view, db).catch((error: unknown) =>
      console.warn('review projection failed', error),
    );
  };
  write();
  const unsubscribe = view.subscribe(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, DEBOUNCE_MS);
  });
  return () => {
    unsubscribe();
    // A change still waiting is written now: the document is about to close.
    if (timer) {
      clearTimeout(timer);
      write();
    }
  };
}
