// The search across every record on the device, for the home screen; its code loads when search is first used.
import { useEffect, useState } from 'preact/hooks';
import { queryTerms } from '../../domain/search/fold.ts';
import { getDb, type MingaDb, type MissionRow } from '../../storage/db.ts';
import type { MissionHits, SearchIndex } from '../../storage/search.ts';

let loaded: { db: MingaDb; index: Promise<SearchIndex> } | null = null;

function searchIndex(): Promise<SearchIndex> {
  const db = getDb();
  // One index per database: tests open a fresh one per case.
  if (loaded?.db !== db) {
    loaded = { db, index: import('../../storage/search.ts').then(({ SearchIndex }) => new SearchIndex(db)) };
  }
  return loaded.index;
}

/** Starts loading the search code and the rows it reads, so the first query answers sooner (on focus). */
export function warmSearch(rows: readonly MissionRow[] | undefined): void {
  if (!rows) return;
  searchIndex()
    .then((index) => index.refresh(rows))
    .catch((error: unknown) => console.warn('search failed', error));
}

/**
 * Hits by mission id for `query` over `rows` (the live mission rows); null while there is no query or the
 * first search is loading. Rows that change (a projection written) refresh only their mission's records.
 */
export function useEverywhereSearch(
  query: string,
  rows: readonly MissionRow[] | undefined,
): Map<string, MissionHits> | null {
  const [hits, setHits] = useState<Map<string, MissionHits> | null>(null);
  const active = queryTerms(query).length > 0;
  useEffect(() => {
    if (!active || !rows) {
      setHits(null);
      return;
    }
    let cancelled = false;
    searchIndex()
      .then(async (index) => {
        await index.refresh(rows);
        if (!cancelled) setHits(index.query(query));
      })
      .catch((error: unknown) => console.warn('search failed', error));
    return () => {
      cancelled = true;
    };
  }, [query, rows, active]);
  return active ? hits : null;
}
