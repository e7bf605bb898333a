// The status bar's sync chip: offline, connecting, syncing, up to date, changes waiting, or access refused.
import { useI18n } from '../i18n/context.tsx';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { syncStatusLabel } from './syncLabels.ts';

export function SyncChip() {
  const i18n = useI18n();
  const { signedIn, status } = useSyncStatus();
  // A device that never signed in works alone: no sync status to worry anyone with.
  if (!signedIn) return null;
  return (
    <p
      class={`statusbar__sync sync-chip sync-chip--${status.kind}`}
      role="status"
      data-sync-state={status.kind}
    >
      {syncStatusLabel(status, i18n)}
    </p>
  );
}
