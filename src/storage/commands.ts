// Named commands the UI calls to change data; screens never touch Y.Docs or Dexie tables directly.
import * as Y from 'yjs';
import type { MissionId, RecordKind } from '../domain/ids.ts';
import { newId } from '../domain/ids.ts';
import { MingaError, toMingaError } from '../domain/errors.ts';
import { hasErrors, validateMission, type MissionDraft } from '../domain/validation.ts';
import type { DeviceProfile } from '../domain/model.ts';
import type { TextEdit } from '../domain/textMerge.ts';
import {
  acquireMission,
  readDiskKey,
  registerMission,
  releaseMission,
  type OpenMission,
} from './docStore.ts';
import * as missionDoc from './missionDoc.ts';
import { PROJECTION_VERSION, flushProjection } from './projection.ts';
import { getDb } from './db.ts';

export function stampFor(
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
  now = new Date(),
): missionDoc.Stamp {
  return { actor: { name: profile.name, device: profile.deviceId }, now: now.toISOString() };
}

/** Creates a mission and waits until it is on disk and in the list. */
export async function createMission(draft: MissionDraft, profile: DeviceProfile): Promise<MissionId> {
  if (hasErrors(validateMission(draft))) throw new MingaError('invalid');
  const id = newId<MissionId>();
  const stamp = stampFor(profile);
  try {
    await registerMission(id, stamp.now);
    const mission = await acquireMission(id);
    try {
      missionDoc.createMission(mission.doc, { ...draft }, stamp);
      await mission.writer.whenIdle();
      await flushProjection(id, mission);
    } finally {
      releaseMission(id);
    }
  } catch (error) {
    throw toMingaError(error);
  }
  return id;
}

export function updateMission(
  mission: OpenMission,
  patch: Partial<MissionDraft>,
  profile: DeviceProfile,
  /** The values the form started from: only what the user changed since is written (docs/merge.md M11). */
  base?: Partial<MissionDraft>,
): void {
  missionDoc.updateMission(mission.doc, patch, stampFor(profile), base);
}

export function createRecord<K extends RecordKind>(
  mission: OpenMission,
  kind: K,
  fields: Partial<missionDoc.FieldsOf[K]>,
  profile: DeviceProfile,
): string {
  const id = newId<string>();
  missionDoc.createRecord(mission.doc, kind, id, fields, stampFor(profile));
  return id;
}

export function updateRecord<K extends RecordKind>(
  mission: OpenMission,
  kind: K,
  id: string,
  patch: Partial<missionDoc.FieldsOf[K]>,
  profile: DeviceProfile,
  /**
   * The values the form started from: only what the user changed since is written, and a colleague's value
   * written meanwhile to a field the user changed too is kept beside theirs (docs/merge.md M11, M2).
   */
  base?: Partial<missionDoc.FieldsOf[K]>,
): void {
  missionDoc.updateRecord(mission.doc, kind, id, patch, stampFor(profile), base);
}

/**
 * Settles a field: keeps `value` (one of the values two devices wrote at once, or a field's default in place of
 * an invalid value) and replaces every other value of it (docs/merge.md M2, M10). `path` as in FieldMarks.
 */
export function settleConflict(
  mission: OpenMission,
  kind: 'mission' | RecordKind,
  id: string,
  path: string,
  value: unknown,
  profile: DeviceProfile,
): void {
  const map: unknown =
    kind === 'mission'
      ? missionDoc.missionRoot(mission.doc)
      : missionDoc.recordsRoot(mission.doc, kind).get(id);
  if (!(map instanceof Y.Map)) throw new MingaError('notFound');
  missionDoc.settleField(mission.doc, map as missionDoc.YRecord, kind, path, value, stampFor(profile));
}

/** One edit typed into part of a long text (a note of megabytes): applied as it is, never diffed whole. */
export function editRecordText(
  mission: OpenMission,
  kind: RecordKind,
  id: string,
  field: string,
  edit: TextEdit,
  profile: DeviceProfile,
): void {
  missionDoc.editRecordText(mission.doc, kind, id, field, edit, stampFor(profile));
}

export function deleteRecord(
  mission: OpenMission,
  kind: RecordKind,
  id: string,
  profile: DeviceProfile,
): void {
  missionDoc.setDeleted(mission.doc, kind, id, true, stampFor(profile));
}

export function restoreRecord(
  mission: OpenMission,
  kind: RecordKind,
  id: string,
  profile: DeviceProfile,
): void {
  missionDoc.setDeleted(mission.doc, kind, id, false, stampFor(profile));
}

export function setMissionDeleted(mission: OpenMission, deleted: boolean, profile: DeviceProfile): void {
  missionDoc.setMissionDeleted(mission.doc, deleted, stampFor(profile));
}

/** Rebuilds list rows that are missing or older than their document on disk (a reload came before the
 * debounced projection, or the projection was lost). */
export async function ensureProjections(): Promise<void> {
  const db = getDb();
  const [docs, rows] = await Promise.all([db.docs.toArray(), db.missions.toArray()]);
  // A row written by an earlier projection lacks what this one holds (the search texts): rebuilt as if stale.
  const projectedKey = new Map(
    rows.map((row) => [row.id, row.projection === PROJECTION_VERSION ? (row.sourceKey ?? -1) : -1]),
  );
  for (const entry of docs) {
    const id = entry.missionId as MissionId;
    const known = projectedKey.get(id);
    if (known !== undefined && known >= (await readDiskKey(id))) continue;
    const mission = await acquireMission(id);
    try {
      await flushProjection(id, mission);
    } finally {
      releaseMission(id);
    }
  }
}
