// The signed-in role as last confirmed by the server, live: screens offer edits only where it allows them.
import { mayEditMissions, type AccountRole } from '../../domain/access.ts';
import { isNewerSchema } from '../../domain/rules.ts';
import { readAccountRole } from '../../sync/signedIn.ts';
import { useLiveQuery } from './useLiveQuery.ts';

/** The stored role, undefined while it is still being read from disk. */
function useStoredRole(): AccountRole | null | undefined {
  const { data, isLoading } = useLiveQuery(readAccountRole, []);
  return isLoading ? undefined : (data ?? null);
}

export function useAccountRole(): AccountRole | null {
  return useStoredRole() ?? null;
}

/** The stored role, undefined until it has been read: for a screen that must not show its state too early. */
export function useAccountRoleOnceKnown(): AccountRole | null | undefined {
  return useStoredRole();
}

/** False for an observer: the server refuses their writes, so the screens show missions read-only. */
export function useMayEditMissions(): boolean {
  return mayEditMissions(useAccountRole());
}

/**
 * As useMayEditMissions, but undefined until the stored role is known: a screen with edit controls waits
 * for it, as it waits for its mission, rather than show an observer controls that then vanish.
 */
export function useMayEditMissionsOnceKnown(): boolean | undefined {
  const role = useStoredRole();
  return role === undefined ? undefined : mayEditMissions(role);
}

/** Why mission content is shown read-only: the device's role, or a record written by a newer app version. */
export type ReadOnlyReason = 'observer' | 'newerSchema';

/** The role comes first: for an observer, updating the app would not make a record editable. */
export function readOnlyReason(mayEdit: boolean, record: { schema: number } | null): ReadOnlyReason | null {
  if (!mayEdit) return 'observer';
  return record !== null && isNewerSchema(record) ? 'newerSchema' : null;
}
