// Form drafts kept on disk while the user types, so an unsaved form survives a reload, a crash or an update.
import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '../../storage/db.ts';

/** Returns the draft (restored if one was left on disk), a setter, and `discard` for after save or cancel. */
export function useDraft<T>(key: string, initial: () => T | null) {
  const [draft, setDraftState] = useState<T | null>(null);
  const [restored, setRestored] = useState(false);
  // One write at a time, always of the latest draft: no timer, so a crash right after typing loses nothing.
  const writing = useRef<{ busy: boolean; next: T | null; discarded: boolean }>({
    busy: false,
    next: null,
    discarded: false,
  });
  const storageKey = `draft:${key}`;

  useEffect(() => {
    let cancelled = false;
    void getDb()
      .settings.get(storageKey)
      .then((row) => {
        if (cancelled) return;
        const saved = row?.value as T | undefined;
        setRestored(saved !== undefined);
        setDraftState(saved ?? initial());
      });
    return () => {
      cancelled = true;
    };
    // `initial` is read once per key, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  const pump = async () => {
    const state = writing.current;
    if (state.busy) return;
    state.busy = true;
    while (state.next !== null && !state.discarded) {
      const value = state.next;
      state.next = null;
      await getDb().settings.put({ key: storageKey, value });
    }
    state.busy = false;
  };

  const setDraft = (next: T) => {
    setDraftState(next);
    writing.current.discarded = false;
    writing.current.next = next;
    void pump();
  };

  const discard = async () => {
    writing.current.discarded = true;
    writing.current.next = null;
    while (writing.current.busy) await new Promise((resolve) => setTimeout(resolve, 5));
    await getDb().settings.delete(storageKey);
  };

  return { draft, setDraft, discard, restored };
}
