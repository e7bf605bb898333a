// Where a mission document keeps each kind of record, and a read of every record's marks, for app and server alike.
import * as Y from 'yjs';
import type { RecordKind } from '../ids.ts';
import type { FieldMarks } from '../model.ts';
import { RECORD_FIELDS } from '../schema/records.ts';
import { scanRecord, type YRecord } from './layout.ts';
import { readFields } from './read.ts';

/** The mission record's own map, and the map of each kind of record (id → record map). */
export const MISSION_ROOT = 'mission';
export const RECORD_ROOTS: Readonly<Record<RecordKind, string>> = {
  assessment: 'assessments',
  note: 'notes',
  action: 'actions',
};

export interface RecordAudit {
  kind: 'mission' | RecordKind;
  id: string;
  /** A map entry that is not a record at all. */
  broken: boolean;
  deleted: boolean;
  marks: FieldMarks;
}

/** Every record of a mission document with what reading it through the schema found (M2, M10). */
export function auditMission(doc: Y.Doc, missionId: string): RecordAudit[] {
  const audits: RecordAudit[] = [];
  const mission = doc.getMap(MISSION_ROOT) as YRecord;
  if (mission.size > 0) {
    const read = readFields(scanRecord(mission), RECORD_FIELDS.mission);
    audits.push({
      kind: 'mission',
      id: missionId,
      broken: false,
      deleted: read.deletedAt !== null,
      marks: read.marks,
    });
  }
  for (const [kind, root] of Object.entries(RECORD_ROOTS) as [RecordKind, string][]) {
    doc.getMap(root).forEach((entry, id) => {
      if (!(entry instanceof Y.Map)) {
        audits.push({ kind, id, broken: true, deleted: false, marks: { conflicts: {}, invalid: {} } });
        return;
      }
      const read = readFields(scanRecord(entry as YRecord), RECORD_FIELDS[kind]);
      audits.push({ kind, id, broken: false, deleted: read.deletedAt !== null, marks: read.marks });
    });
  }
  return audits;
}
