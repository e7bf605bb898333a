// Keeps an open form's draft following its stored record (components/marks/follow.ts), and says which fields a
// colleague changed while the user was changing them too.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ColleagueChange } from '../components/marks/FieldNotes.tsx';
import { colleagueChanges, follow, type Draft, type FollowPlan } from '../components/marks/follow.ts';

const NONE: Readonly<Record<string, ColleagueChange>> = Object.freeze({});

export function useFollow<R, V, S>(options: {
  draft: Draft<V, S> | null;
  setDraft: (draft: Draft<V, S>) => void;
  /** The record as stored now; null for a form that creates one. */
  record: R | null;
  /** The record in the shape a save writes, as the draft's base holds it. */
  saved: (record: R) => S;
  /** The record as form values. */
  fresh: (record: R) => V;
  plan: FollowPlan<V, S>;
  /** False for a read-only form, which shows the record as it is and keeps no draft. */
  active: boolean;
}): Readonly<Record<string, ColleagueChange>> {
  const latest = useRef(options);
  latest.current = options;
  const { draft, record, active } = options;
  const loaded = draft !== null;
  // On every change to the stored record, and once a draft restored from disk is ready.
  useEffect(() => {
    const { draft: current, setDraft, saved, fresh, plan } = latest.current;
    if (!active || !current || record === null) return;
    const next = follow(current, saved(record), fresh(record), plan);
    if (next) setDraft(next);
  }, [record, loaded, active]);
  return useMemo(() => {
    const { saved, plan } = latest.current;
    if (!active || !draft || record === null) return NONE;
    const changes = colleagueChanges(draft, saved(record), plan);
    return Object.keys(changes).length > 0 ? changes : NONE;
  }, [draft, record, active]);
}
