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
  if (oldestDataAt === null) return false;
  const safeAt = [lastBackupAt, lastSyncAt]
    .filter((value): value is string => value !== null)
    .map((value) => Date.parse(value));
  const since = safeAt.length > 0 ? Math.max(...safeAt) : Date.parse(oldestDataAt);
  return now.getTime() - since >= BACKUP_REMINDER_DAYS * DAY_MS;
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
  return {
    hasData: entries.length > 0,
    lastBackupAt,
    lastSyncAt,
    due: isBackupDue(
      entries.length > 0 ? (oldestDataAt ?? now.toISOString()) : null,
      lastBackupAt,
      lastSyncAt,
      now,
    ),
  };
}
