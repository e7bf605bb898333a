// The one question asked before a form's unsaved changes are thrown away. "Keep editing" is the safe default:
// it has the focus, and Escape means it too.
import type { LeaveGuard } from '../hooks/useLeaveGuard.ts';
import { useI18n } from '../i18n/context.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

export function DiscardDialog({ guard }: { guard: LeaveGuard }) {
  const { t } = useI18n();
  if (!guard.asking) return null;
  return (
    <ConfirmDialog
      title={t('discard.title')}
      body={t('discard.body')}
      confirm={t('discard.confirm')}
      keep={t('discard.keep')}
      onConfirm={guard.confirm}
      onKeep={guard.keep}
    />
  );
}
