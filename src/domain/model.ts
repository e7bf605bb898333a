// The records a mission holds, as the app reads them. Stored shape: see src/storage/missionDoc.ts.
import type {
  ActionStatus,
  DamageGrade,
  Method,
  MissionStatus,
  Placard,
  Sector,
  SendaiPriority,
  Severity,
  StructureType,
  TeamRole,
  Theme,
} from './codes.ts';
import type { ActionId, AssessmentId, MissionId, NoteId, Sha256 } from './ids.ts';

/** Bumped when the stored shape changes; readers refuse to rewrite records of a newer version. */
export const SCHEMA_VERSION = 1;

export interface RecordMeta {
  schema: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Soft delete: the record stays so a concurrent edit is never lost, and can be restored. */
  deletedAt: string | null;
}

export interface TeamMember {
  name: string;
  institution: string;
  role: TeamRole;
}

export interface Mission extends RecordMeta {
  id: MissionId;
  title: string;
  torReference: string;
  torText: string;
  hostCanton: string;
  themes: Theme[];
  team: TeamMember[];
  startDate: string;
  endDate: string;
  remoteSupportEnd: string;
  objectives: string;
  status: MissionStatus;
  /** SDG goals ("11") or targets ("11.5"). */
  sdgs: string[];
  sendai: SendaiPriority[];
}

export interface GeoPoint {
  lat: number;
  lon: number;
  /** Metres, as the device reported it. */
  accuracy: number;
  capturedAt: string;
}

export interface PhotoRef {
  sha256: Sha256;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  takenAt: string;
  /** Present only when the technician chose to keep the location with the photo. */
  location: GeoPoint | null;
}

export interface SectorEntry {
  sector: Sector;
  severity: Severity;
  affected: number | null;
  inNeed: number | null;
  notes: string;
}

export interface AffectedBreakdown {
  women: number | null;
  men: number | null;
  children: number | null;
  elderly: number | null;
}

export interface BuildingInspection {
  placard: Placard | null;
  damageGrade: DamageGrade | null;
  structureType: StructureType | null;
  use: string;
  storeys: number | null;
  occupants: number | null;
}

export interface Assessment extends RecordMeta {
  id: AssessmentId;
  title: string;
  date: string;
  method: Method;
  informantRole: string;
  siteReason: string;
  canton: string;
  parish: string;
  gps: GeoPoint | null;
  sectors: SectorEntry[];
  breakdown: AffectedBreakdown;
  /** Ranked, most important first, at most three. */
  priorities: string[];
  gaps: string;
  recommendations: string;
  inspection: BuildingInspection | null;
  photos: PhotoRef[];
}

export type LinkTarget = { kind: 'assessment'; id: AssessmentId } | { kind: 'action'; id: ActionId };

export interface Note extends RecordMeta {
  id: NoteId;
  text: string;
  tags: string[];
  gps: GeoPoint | null;
  photos: PhotoRef[];
  links: LinkTarget[];
}

export interface ActionItem extends RecordMeta {
  id: ActionId;
  activity: string;
  responsible: string;
  dueDate: string;
  status: ActionStatus;
  torProduct: string;
}

export interface DeviceProfile {
  name: string;
  institution: string;
  role: TeamRole;
  /** Stable per device, written as createdBy / updatedBy. */
  deviceId: string;
}

export type Language = 'ca' | 'es' | 'en';
export const LANGUAGES: readonly Language[] = ['ca', 'es', 'en'];
