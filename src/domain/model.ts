// The records a mission holds, as the app reads them: their fields come from the record schema (schema/records.ts).
import type { TeamRole } from './codes.ts';
import type { ActionId, AssessmentId, MissionId, NoteId } from './ids.ts';
import type { ValuesOf } from './schema/fields.ts';
import type { ACTION_FIELDS, ASSESSMENT_FIELDS, MISSION_FIELDS, NOTE_FIELDS } from './schema/records.ts';

export { SCHEMA_VERSION } from './schema/version.ts';

export { NO_MARKS, type ConflictValue, type FieldMarks } from './marks.ts';
import type { FieldMarks } from './marks.ts';

export interface RecordMeta {
  schema: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Soft delete: the record stays so a concurrent edit is never lost, and can be restored. */
  deletedAt: string | null;
  /** Who deleted it (not who edited it last); null when not deleted. */
  deletedBy: string | null;
  marks: FieldMarks;
}

export type MissionFields = ValuesOf<typeof MISSION_FIELDS>;
export type AssessmentFields = ValuesOf<typeof ASSESSMENT_FIELDS>;
export type NoteFields = ValuesOf<typeof NOTE_FIELDS>;
export type ActionFields = ValuesOf<typeof ACTION_FIELDS>;

export type Mission = RecordMeta & { id: MissionId } & MissionFields;
export type Assessment = RecordMeta & { id: AssessmentId } & AssessmentFields;
export type Note = RecordMeta & { id: NoteId } & NoteFields;
export type ActionItem = RecordMeta & { id: ActionId } & ActionFields;

export type TeamMember = MissionFields['team'][number];
export type GeoPoint = NonNullable<AssessmentFields['gps']>;
export type PhotoRef = AssessmentFields['photos'][number];
export type SectorEntry = AssessmentFields['sectors'][number];
export type AffectedBreakdown = AssessmentFields['breakdown'];
export type BuildingInspection = NonNullable<AssessmentFields['inspection']>;
export type LinkTarget = NoteFields['links'][number];

export interface DeviceProfile {
  name: string;
  institution: string;
  role: TeamRole;
  /** Stable per device, written with every change beside the person's name. */
  deviceId: string;
}

export type Language = 'ca' | 'es' | 'en' | 'pt';
export const LANGUAGES: readonly Language[] = ['ca', 'es', 'en', 'pt'];
