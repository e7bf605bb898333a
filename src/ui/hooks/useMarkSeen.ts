// Looking at a mission is seeing what changed in it: the coordinator's desk counts as new only what came later.
import { useEffect } from 'preact/hooks';
import { markSeen } from '../../storage/desk.ts';

const mark = (id: string) =>
  markSeen(id).catch((error: unknown) => console.warn('could not note the mission as seen', error));

/** Marks mission `id` seen when it is shown and again when it is left (what arrived meanwhile was on screen). */
export function useMarkSeen(id: string, shown: boolean): void {
  useEffect(() => {
    if (!shown) return;
    void mark(id);
    return () => void mark(id);
  }, [id, shown]);
}
