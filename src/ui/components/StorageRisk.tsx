// Home-screen warning: the work on this phone could be deleted by the browser and exists nowhere else.
import { useInstallState, useBackupStatus, useStorageInfo } from '../hooks/usePwa.ts';
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';
import { ExportButton } from './StoragePanel.tsx';
import { InstallHint } from './InstallHint.tsx';

/** Work unprotected for this long is worth a warning on a device whose storage the browser may evict. */
export const STORAGE_RISK_HOURS = 24;

/**
 * At risk: the browser said it has not made storage persistent, and some work has been neither synced nor backed
 * up for more than STORAGE_RISK_HOURS. A browser that cannot say, or a device with nothing on it, shows nothing.
 */
export function isStorageAtRisk(
  persisted: boolean | null,
  unprotectedSince: string | null,
  now: Date,
): boolean {
  if (persisted !== false || unprotectedSince === null) return false;
  return now.getTime() - Date.parse(unprotectedSince) > STORAGE_RISK_HOURS * 60 * 60 * 1000;
}

export function StorageRisk() {
  const { t, date } = useI18n();
  const { info } = useStorageInfo();
  const backup = useBackupStatus();
  const install = useInstallState();
  const status = backup.status;
  if (!info || !status || !isStorageAtRisk(info.persisted, status.unprotectedSince, new Date())) return null;
  const neverSafe = status.lastBackupAt === null && status.lastSyncAt === null;
  return (
    <section
      class="banner banner--warn storage-risk"
      aria-labelledby="storage-risk-title"
      data-testid="storage-risk"
    >
      <h2 id="storage-risk-title">{t('risk.title')}</h2>
      <p>{neverSafe ? t('risk.bodyNever') : t('risk.body', { date: date(status.unprotectedSince ?? '') })}</p>
      <p>{t('risk.fix')}</p>
      {/* Installing leads Chromium to keep the data; the button shows only where the browser offers it. */}
      {install.canPrompt && <InstallHint />}
      <p>
        <a class="button" href={`${link.settings()}#sync-panel-title`}>
          {t('risk.signIn')}
        </a>
      </p>
      <ExportButton onDone={backup.reload} />
    </section>
  );
}
