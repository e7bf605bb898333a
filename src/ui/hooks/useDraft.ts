// Form drafts kept on disk while the user types, so an unsaved form survives a reload, a crash or an update.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DraftWriter, loadDraft } from '../../storage/drafts.ts';

export interface FormDraftState<T> {
  draft: T | null;
  setDraft: (next: T) => void;
  discard: () => Promise<void>;
  restored: boolean;
}

/**
 * Returns the draft (restored if one was left on disk), a setter, and `discard` for after save or cancel.
 * A read-only form (`editable` false) shows the record as it is now, others' changes included: no draft is
 * restored, written or removed, since unsaved changes it could never save would only mislead.
 */
export function useDraft<T>(key: string, initial: () => T | null, editable = true): FormDraftState<T> {
  const [draft, setDraftState] = useState<T | null>(null);
  const [restored, setRestored] = useState(false);
  const writer = useMemo(() => new DraftWriter<T>(key), [key]);

  useEffect(() => {
    if (!editable) return;
    let cancelled = false;
    // An unreadable draft must not keep the form from opening: start from the record instead.
    loadDraft<T>(key)
      .catch((error: unknown) => {
        console.warn('could not read the form draft', error);
        return undefined;
      })
      .then((saved) => {
        if (cancelled) return;
        setRestored(saved !== undefined);
        setDraftState(saved ?? initial());
      });
    return () => {
      cancelled = true;
    };
    // `initial` is read once per key, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, editable]);

  if (!editable) {
    return { draft: initial(), setDraft: () => {}, discard: () => Promise.resolve(), restored: false };
  }

  const setDraft = (next: T) => {
    setDraftState(next);
    writer.write(next);
  };

  const discard = () => writer.discard();

  return { draft, setDraft, discard, restored };
}
