// Says, without alarm, whether work is saved on the device and whether the network is there.
import { useI18n } from '../i18n/context.tsx';
import { useOnline, useSaveState } from '../hooks/useStatus.ts';
import { SyncChip } from './SyncChip.tsx';

export function StatusBar() {
  const { t, time } = useI18n();
  const save = useSaveState();
  const online = useOnline();
  return (
    <div class="statusbar">
      {save.kind === 'failed' ? (
        <p class="banner banner--error" role="alert">
          {t(`error.${save.reason}`)}
        </p>
      ) : (
        <p class="statusbar__save" role="status" aria-live="polite" data-save-state={save.kind}>
          {save.kind === 'saving'
            ? t('status.saving')
            : save.at
              ? t('status.savedAt', { time: time(save.at) })
              : t('status.saved')}
        </p>
      )}
      <SyncChip />
      {!online && (
        <p class="statusbar__offline" role="status">
          {t('status.offline')}
        </p>
      )}
    </div>
  );
}
