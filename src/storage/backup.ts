// Plain JSON backup of every mission document on this device, and when to remind the user to make one.
import { asMissionId, missionDocName } from '../domain/ids.ts';
import { getDb } from './db.ts';
import { acquireMission, releaseMission } from './docStore.ts';

import type { MissionSnapshot } from './missionView.ts';

export * from './backupStatus.ts';

export const BACKUP_FORMAT = 'minga-backup';
export const BACKUP_FORMAT_VERSION = 1;

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

/** The backup as a downloadable file. Once handed to the browser, record it (markCoveredBackup, or markBackedUp). */
export async function buildBackup(appVersion: string, now = new Date()): Promise<Backup> {
  const file = await collectBackup(appVersion, now);
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  return { fileName: backupFileName(now), blob, missionCount: file.missions.length };
}
