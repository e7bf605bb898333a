// The signed-in role as last confirmed by the server, live: screens offer edits only where it allows them.
import { mayEditMissions, type AccountRole } from '../../domain/access.ts';
import { readAccountRole } from '../../sync/signedIn.ts';
import { useLiveQuery } from './useLiveQuery.ts';

export function useAccountRole(): AccountRole | null {
  const { data } = useLiveQuery(readAccountRole, []);
  return data ?? null;
}

/** False for an observer: the server refuses their writes, so the screens show missions read-only. */
export function useMayEditMissions(): boolean {
  return mayEditMissions(useAccountRole());
}
