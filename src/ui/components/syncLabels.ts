// Sync statuses in words, the same everywhere they appear: status bar, settings, mission header.
import type { RefusalReason, SyncStatus } from '../../sync/status.ts';
import type { Translator } from '../i18n/translate.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A time of day when it was today, else date and time: "at 10:42" from last week would mislead. */
export function syncedWhen(at: number, i18n: Translator, now = Date.now()): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return sameDay && now - at < DAY_MS ? i18n.time(at) : i18n.dateTime(at);
}

export function syncStatusLabel(status: SyncStatus, i18n: Translator): string {
  const { t } = i18n;
  switch (status.kind) {
    case 'offline':
      return t('sync.state.offline');
    case 'connecting':
      return t('sync.state.connecting');
    case 'syncing':
      if (status.progress && status.progress.held > 0)
        return t('sync.state.syncingProgress', {
          inStep: i18n.number(status.progress.inStep),
          held: i18n.number(status.progress.held),
        });
      return status.pending > 0
        ? t('sync.state.syncingCount', { count: status.pending })
        : t('sync.state.syncing');
    case 'upToDate':
      return status.lastSyncedAt === null
        ? t('sync.state.upToDate')
        : t('sync.state.upToDateAt', { time: syncedWhen(status.lastSyncedAt, i18n) });
    case 'pending':
      return status.pending === 1
        ? t('sync.state.pendingOne')
        : t('sync.state.pendingMany', { count: status.pending });
    case 'refused':
      if (status.reason === 'quota') return t('sync.state.quota');
      return status.reason === 'tooLarge' ? t('sync.state.tooLarge') : t('sync.state.refused');
  }
}

export function refusalText(reason: RefusalReason, i18n: Translator): string {
  switch (reason) {
    case 'forbidden':
      return i18n.t('sync.refused.forbidden');
    case 'tooLarge':
      return i18n.t('sync.refused.tooLarge');
    case 'quota':
      return i18n.t('sync.refused.quota');
    case 'unauthorized':
      return i18n.t('sync.refused.unauthorized');
  }
}

/** When the server last confirmed, if the status knows it. */
export function lastSyncedAt(status: SyncStatus): number | null {
  return 'lastSyncedAt' in status ? status.lastSyncedAt : null;
}
