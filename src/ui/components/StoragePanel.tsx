// Settings panel: is storage persistent, how much is used and left, backup and restore; and the backup reminder.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { APP_VERSION } from '../../pwa/version.ts';
import { isIos, isStandalone } from '../../pwa/platform.ts';
import { QUOTA_WARNING_RATIO, requestPersistence, type StorageInfo } from '../../pwa/storage.ts';
import { BACKUP_REMINDER_DAYS } from '../../storage/backupStatus.ts';
import { useI18n } from '../i18n/context.tsx';
import { useBackupStatus, useStorageInfo } from '../hooks/usePwa.ts';
import { InstallHint } from './InstallHint.tsx';
import { BackupMaker } from './BackupMaker.tsx';

type Translate = ReturnType<typeof useI18n>;

/** Bytes in the largest decimal unit that keeps the number ≥ 1, e.g. "12,3 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const format = new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit <= 1 ? 0 : 1,
  });
  return format.format(value);
}

function formatPercent(ratio: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** The backup, where the reminders and the storage panel offer it (see BackupMaker.tsx). */
export function ExportButton({ onDone }: { onDone: () => void }) {
  return <BackupMaker onConfirmed={onDone} />;
}

/** Restoring is the receive panel's: loaded with Settings' own code, never with the home screen's reminder. */
function RestoreBackup() {
  const [Restore, setRestore] = useState<ComponentType | null>(null);
  useEffect(() => {
    void import('./ExchangePanel.tsx').then((module) => setRestore(() => module.RestoreBackup));
  }, []);
  return Restore ? <Restore /> : null;
}

function Usage({ info, i18n }: { info: StorageInfo; i18n: Translate }) {
  const { t, lang } = i18n;
  if (info.usage === null || info.quota === null) return null;
  return (
    <>
      <dt>{t('pwa.storage.used')}</dt>
      <dd data-testid="storage-usage">
        {t('pwa.storage.usedValue', {
          used: formatBytes(info.usage, lang),
          quota: formatBytes(info.quota, lang),
          percent: formatPercent(info.usedRatio ?? 0, lang),
        })}
      </dd>
      <dt>{t('pwa.storage.free')}</dt>
      <dd>{formatBytes(Math.max(0, info.quota - info.usage), lang)}</dd>
    </>
  );
}

function PersistenceAdvice({ info, onAsk }: { info: StorageInfo; onAsk: () => void }) {
  const { t, date } = useI18n();
  if (info.persisted === true) return <p class="storage-panel__help">{t('pwa.storage.persistentHelp')}</p>;
  return (
    <div class="banner banner--warn" role="status">
      <p>{t('pwa.storage.notPersistent')}</p>
      {info.refusedAt && <p>{t('pwa.storage.refused', { date: date(info.refusedAt) })}</p>}
      <button type="button" onClick={onAsk}>
        {t('pwa.storage.ask')}
      </button>
    </div>
  );
}

function persistedLabel(info: StorageInfo, t: Translate['t']): string {
  if (info.persisted === null) return t('pwa.storage.unknown');
  return info.persisted ? t('pwa.storage.yes') : t('pwa.storage.no');
}

export function StoragePanel() {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const { info, reload } = useStorageInfo();
  const backup = useBackupStatus();
  const iosNotInstalled = isIos() && !isStandalone();
  const ask = async () => {
    await requestPersistence();
    reload();
  };

  return (
    <section class="storage-panel" aria-labelledby="storage-panel-title">
      <h2 id="storage-panel-title">{t('pwa.storage.title')}</h2>
      {/* Installing is what protects the data best: offered first. */}
      <InstallHint />
      {iosNotInstalled && <p class="banner banner--warn">{t('pwa.storage.ios')}</p>}
      {info && !info.supported && <p class="banner banner--warn">{t('pwa.storage.unsupported')}</p>}
      {info?.supported && (
        <>
          <dl class="storage-panel__facts">
            <dt>{t('pwa.storage.persistent')}</dt>
            <dd data-testid="storage-persisted">{persistedLabel(info, t)}</dd>
            <Usage info={info} i18n={i18n} />
          </dl>
          {info.usedRatio !== null && info.usedRatio >= QUOTA_WARNING_RATIO && (
            <p class="banner banner--warn" role="alert">
              {t('pwa.storage.nearlyFull', { percent: formatPercent(info.usedRatio, i18n.lang) })}
            </p>
          )}
          <PersistenceAdvice info={info} onAsk={() => void ask()} />
        </>
      )}
      <h3>{t('pwa.backup.title')}</h3>
      {backup.status?.due && (
        <p class="banner banner--warn">{t('pwa.backup.reminder', { days: BACKUP_REMINDER_DAYS })}</p>
      )}
      {backup.status && (
        <p>
          {backup.status.lastBackupAt
            ? t('pwa.backup.last', { date: dateTime(backup.status.lastBackupAt) })
            : t('pwa.backup.never')}
        </p>
      )}
      <p class="field__hint">{t('backup.intro')}</p>
      <ExportButton onDone={backup.reload} />
      <RestoreBackup />
      <p class="storage-panel__version" data-testid="app-version">
        {t('pwa.version', { version: APP_VERSION })}
      </p>
    </section>
  );
}

/** For the mission list: appears only when data has gone unprotected for BACKUP_REMINDER_DAYS. */
export function BackupReminder() {
  const { t } = useI18n();
  const { status, reload } = useBackupStatus();
  if (!status?.due) return null;
  return (
    <div class="banner banner--warn backup-reminder" role="status">
      <p>{t('pwa.backup.reminder', { days: BACKUP_REMINDER_DAYS })}</p>
      <ExportButton onDone={reload} />
    </div>
  );
}
