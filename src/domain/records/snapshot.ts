// One mission document read whole through the record schema: what the app's views and the server's exports share.
import * as Y from 'yjs';
import type { RecordKind } from '../ids.ts';
import type { ActionItem, Assessment, Mission, Note } from '../model.ts';
import { RECORD_FIELDS } from '../schema/records.ts';
import { scanRecord, type YRecord } from './layout.ts';
import { MISSION_ROOT, RECORD_ROOTS } from './mission.ts';
import { readFields } from './read.ts';

export interface MissionSnapshot {
  mission: Mission | null;
  assessments: Assessment[];
  notes: Note[];
  actions: ActionItem[];
}

function readAll<T>(doc: Y.Doc, kind: RecordKind): T[] {
  const records: T[] = [];
  doc.getMap(RECORD_ROOTS[kind]).forEach((entry, id) => {
    // An entry that is not a record (a broken device wrote it) is left out, never a crash.
    if (entry instanceof Y.Map)
      records.push({ ...readFields(scanRecord(entry as YRecord), RECORD_FIELDS[kind]), id } as T);
  });
  return records;
}

/** Every record of a mission document, deleted ones included; the mission is null for an empty document. */
export function readMissionSnapshot(doc: Y.Doc, missionId: string): MissionSnapshot {
  const root = doc.getMap(MISSION_ROOT) as YRecord;
  return {
    mission:
      root.size === 0
        ? null
        : ({ ...readFields(scanRecord(root), RECORD_FIELDS.mission), id: missionId } as Mission),
    assessments: readAll<Assessment>(doc, 'assessment'),
    notes: readAll<Note>(doc, 'note'),
    actions: readAll<ActionItem>(doc, 'action'),
  };
}
