// Keeps the list's "changes requested" in step with each review document this device opens (background sync
// opens every held review on each pass), so the mission list reads one small row per mission.
import type { MissionId } from '../domain/ids.ts';
import type { ReviewDecision } from '../domain/review.ts';
import { getDb } from './db.ts';
import type { ReviewView } from './reviewDoc.ts';

/** Writes the decision only when it differs from the stored one: a list re-renders on real changes only. */
export async function projectReview(id: MissionId, decision: ReviewDecision | null): Promise<void> {
  const db = getDb();
  if (db.hasBeenClosed()) return;
  const stored = await db.reviews.get(id);
  if (stored && stored.decision === decision) return;
  await db.reviews.put({ missionId: id, decision });
}

/** Projects now and after every change; returns the function that stops. */
export function followReview(id: MissionId, view: ReviewView): () => void {
  const project = () => {
    projectReview(id, view.snapshot().decision?.decision ?? null).catch((error: unknown) =>
      console.warn('review projection failed', error),
    );
  };
  project();
  return view.subscribe(project);
}
