// When data was last backed up or synced, and whether to remind the user. Light: no document is opened.
import { getDb } from './db.ts';

/** Settings keys: when the last backup was exported, and when the sync layer last reached the server. */
export const LAST_BACKUP_KEY = 'lastBackupAt';
export const LAST_SYNC_KEY = 'lastSyncAt';
/** Data neither backed up nor synced for this long earns a reminder. */
export const BACKUP_REMINDER_DAYS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function markBackedUp(at = new Date()): Promise<void> {
  await getDb().settings.put({ key: LAST_BACKUP_KEY, value: at.toISOString() });
}

export interface BackupStatus {
  hasData: boolean;
  lastBackupAt: string | null;
  lastSyncAt: string | null;
  /** Data exists and has been neither backed up nor synced for BACKUP_REMINDER_DAYS. */
  due: boolean;
  /** Since when work exists that neither a backup nor the server holds (the later of both, else the oldest
   * mission); null when there is no data. */
  unprotectedSince: string | null;
}

function isoOrNull(value: unknown): string | null {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null;
}

/**
 * Never backed up: counted from the oldest mission on the device, so a new user is not nagged on day one.
 */
export function isBackupDue(
  oldestDataAt: string | null,
  lastBackupAt: string | null,
  lastSyncAt: string | null,
  now: Date,
): boolean {
  const since = unprotectedSince(oldestDataAt, lastBackupAt, lastSyncAt);
  return since !== null && now.getTime() - Date.parse(since) >= BACKUP_REMINDER_DAYS * DAY_MS;
}

function unprotectedSince(
  oldestDataAt: string | null,
  lastBackupAt: string | null,
  lastSyncAt: string | null,
): string | null {
  if (oldestDataAt === null) return null;
  const safeAt = [lastBackupAt, lastSyncAt].filter((value): value is string => value !== null);
  return safeAt.length > 0 ? safeAt.reduce((a, b) => (Date.parse(a) > Date.parse(b) ? a : b)) : oldestDataAt;
}

export async function backupStatus(now = new Date()): Promise<BackupStatus> {
  const db = getDb();
  const [entries, backupRow, syncRow] = await Promise.all([
    db.docs.toArray(),
    db.settings.get(LAST_BACKUP_KEY),
    db.settings.get(LAST_SYNC_KEY),
  ]);
  const created = entries.map((entry) => entry.createdAt).filter((at) => isoOrNull(at) !== null);
  const oldestDataAt = created.length > 0 ? created.reduce((a, b) => (a < b ? a : b)) : null;
  const lastBackupAt = isoOrNull(backupRow?.value);
  const lastSyncAt = isoOrNull(syncRow?.value);
  const oldest = entries.length > 0 ? (oldestDataAt ?? now.toISOString()) : null;
  return {
    hasData: entries.length > 0,
    lastBackupAt,
    lastSyncAt,
    due: isBackupDue(oldest, lastBackupAt, lastSyncAt, now),
    unprotectedSince: unprotectedSince(oldest, lastBackupAt, lastSyncAt),
  };
}
