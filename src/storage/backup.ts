// Plain JSON backup of every mission document on this device, and when to remind the user to make one.
import { asMissionId, missionDocName } from '../domain/ids.ts';
import { getDb } from './db.ts';
import { acquireMission, releaseMission } from './docStore.ts';
import type { MissionSnapshot } from './missionView.ts';

export const BACKUP_FORMAT = 'minga-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Settings keys: when the last backup was exported, and when the sync layer last reached the server. */
export const LAST_BACKUP_KEY = 'lastBackupAt';
export const LAST_SYNC_KEY = 'lastSyncAt';
/** Data neither backed up nor synced for this long earns a reminder. */
export const BACKUP_REMINDER_DAYS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupMission extends MissionSnapshot {
  id: string;
  document: string;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  exportedAt: string;
  appVersion: string;
  missions: BackupMission[];
}

export interface Backup {
  fileName: string;
  blob: Blob;
  missionCount: number;
}

/** minga-backup-YYYY-MM-DD.json, in the device's local calendar (the day the user sees). */
export function backupFileName(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `minga-backup-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.json`;
}

/** Reads every mission document known on this device, including deleted records (restorable from the file). */
export async function collectBackup(appVersion: string, now = new Date()): Promise<BackupFile> {
  const entries = await getDb().docs.toArray();
  const missions: BackupMission[] = [];
  for (const entry of entries) {
    const id = asMissionId(entry.missionId);
    if (!id) continue;
    const open = await acquireMission(id);
    try {
      missions.push({ id, document: missionDocName(id), ...open.view.snapshot() });
    } finally {
      releaseMission(id);
    }
  }
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    appVersion,
    missions,
  };
}

/** The backup as a downloadable file. Call markBackedUp once it has been handed to the browser. */
export async function buildBackup(appVersion: string, now = new Date()): Promise<Backup> {
  const file = await collectBackup(appVersion, now);
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  return { fileName: backupFileName(now), blob, missionCount: file.missions.length };
}

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
