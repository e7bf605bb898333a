// The missions whose review asks for changes, from the small table the review documents project into (never by
// opening a review), live.
import { getDb } from '../../storage/db.ts';
import { useLiveQuery } from './useLiveQuery.ts';

const NONE: ReadonlySet<string> = new Set();

export function useChangesRequested(): ReadonlySet<string> {
  const { data } = useLiveQuery(
    async () =>
      new Set(
        (await getDb().reviews.toArray())
          .filter((row) => row.decision === 'changesRequested')
          .map((row) => row.missionId),
      ),
    [],
  );
  return data ?? NONE;
}
