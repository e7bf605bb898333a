// One mission's sync status for the mission screen header, with the reason when the server refused it.
import { asMissionId, missionDocName } from '../../../domain/ids.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSyncStatus } from '../../hooks/useSyncStatus.ts';
import { refusalText, syncStatusLabel } from '../syncLabels.ts';

export function MissionSyncStatus({ missionId }: { missionId: string }) {
  const i18n = useI18n();
  const id = asMissionId(missionId);
  const { signedIn, status } = useSyncStatus(id ? missionDocName(id) : undefined);
  if (!signedIn || !id) return null;
  return (
    <div class={`mission-sync sync-chip--${status.kind}`} data-sync-state={status.kind}>
      <p class="mission-sync__status" role="status">
        {i18n.t('sync.missionLabel', { status: syncStatusLabel(status, i18n) })}
      </p>
      {status.kind === 'refused' && <p class="banner banner--warn">{refusalText(status.reason, i18n)}</p>}
    </div>
  );
}
