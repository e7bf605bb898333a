// The one question asked before a form's unsaved changes are thrown away. "Keep editing" is the safe default:
// it has the focus, and Escape means it too.
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { LeaveGuard } from '../hooks/useLeaveGuard.ts';
import { useI18n } from '../i18n/context.tsx';

export function DiscardDialog({ guard }: { guard: LeaveGuard }) {
  if (!guard.asking) return null;
  return <Question guard={guard} />;
}

function Question({ guard }: { guard: LeaveGuard }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const title = useId();
  const body = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="discard-dialog"
      aria-labelledby={title}
      aria-describedby={body}
      onCancel={(event) => {
        event.preventDefault();
        guard.keep();
      }}
    >
      <h2 id={title}>{t('discard.title')}</h2>
      <p id={body}>{t('discard.body')}</p>
      <div class="discard-dialog__actions">
        <button type="button" class="button button--danger" onClick={guard.confirm}>
          {t('discard.confirm')}
        </button>
        <button type="button" class="button button--primary" autoFocus onClick={guard.keep}>
          {t('discard.keep')}
        </button>
      </div>
    </dialog>
  );
}
