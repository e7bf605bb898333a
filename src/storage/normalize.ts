// Runtime checks at the storage boundary: a document may hold values written by another device or version.
import {
  ACTION_STATUSES,
  DAMAGE_GRADES,
  METHODS,
  MISSION_STATUSES,
  PLACARDS,
  SECTORS,
  SENDAI_PRIORITIES,
  SEVERITIES,
  STRUCTURE_TYPES,
  TEAM_ROLES,
  THEMES,
  includes,
} from '../domain/codes.ts';
import type { ActionId, AssessmentId, MissionId, NoteId } from '../domain/ids.ts';
import { asSha256 } from '../domain/ids.ts';
import type {
  ActionItem,
  AffectedBreakdown,
  Assessment,
  BuildingInspection,
  GeoPoint,
  LinkTarget,
  Mission,
  Note,
  PhotoRef,
  RecordMeta,
  SectorEntry,
  TeamMember,
} from '../domain/model.ts';

type Raw = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const obj = (value: unknown): Raw | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const codes = <T>(value: unknown, allowed: readonly T[]): T[] =>
  list(value).filter((v) => includes(allowed, v)) as T[];
const code = <T>(value: unknown, allowed: readonly T[], fallback: T): T =>
  includes(allowed, value) ? value : fallback;
const codeOrNull = <T>(value: unknown, allowed: readonly T[]): T | null =>
  includes(allowed, value) ? value : null;

function meta(raw: Raw): RecordMeta {
  return {
    schema: num(raw.schema) ?? 1,
    createdAt: str(raw.createdAt),
    createdBy: str(raw.createdBy),
    updatedAt: str(raw.updatedAt),
    updatedBy: str(raw.updatedBy),
    deletedAt: typeof raw.deletedAt === 'string' ? raw.deletedAt : null,
  };
}

export function geoPoint(value: unknown): GeoPoint | null {
  const raw = obj(value);
  const lat = num(raw?.lat);
  const lon = num(raw?.lon);
  if (!raw || lat === null || lon === null) return null;
  return { lat, lon, accuracy: num(raw.accuracy) ?? 0, capturedAt: str(raw.capturedAt) };
}

function photo(value: unknown): PhotoRef | null {
  const raw = obj(value);
  const sha256 = asSha256(str(raw?.sha256));
  if (!raw || !sha256) return null;
  return {
    sha256,
    mime: str(raw.mime) || 'image/jpeg',
    bytes: num(raw.bytes) ?? 0,
    width: num(raw.width) ?? 0,
    height: num(raw.height) ?? 0,
    takenAt: str(raw.takenAt),
    location: geoPoint(raw.location),
  };
}

const photos = (value: unknown): PhotoRef[] =>
  list(value)
    .map(photo)
    .filter((p): p is PhotoRef => p !== null);

function teamMember(value: unknown): TeamMember | null {
  const raw = obj(value);
  if (!raw) return null;
  return {
    name: str(raw.name),
    institution: str(raw.institution),
    role: code(raw.role, TEAM_ROLES, 'technician'),
  };
}

export function toMission(id: MissionId, raw: Raw): Mission {
  return {
    ...meta(raw),
    id,
    title: str(raw.title),
    torReference: str(raw.torReference),
    torText: str(raw.torText),
    hostCanton: str(raw.hostCanton),
    themes: codes(raw.themes, THEMES),
    team: list(raw.team)
      .map(teamMember)
      .filter((m): m is TeamMember => m !== null),
    startDate: str(raw.startDate),
    endDate: str(raw.endDate),
    remoteSupportEnd: str(raw.remoteSupportEnd),
    objectives: str(raw.objectives),
    status: code(raw.status, MISSION_STATUSES, 1),
    sdgs: list(raw.sdgs).filter((v): v is string => typeof v === 'string'),
    sendai: codes(raw.sendai, SENDAI_PRIORITIES),
  };
}

function sectorEntry(value: unknown): SectorEntry | null {
  const raw = obj(value);
  if (!raw || !includes(SECTORS, raw.sector)) return null;
  return {
    sector: raw.sector,
    severity: code(raw.severity, SEVERITIES, 1),
    affected: num(raw.affected),
    inNeed: num(raw.inNeed),
    notes: str(raw.notes),
  };
}

function breakdown(value: unknown): AffectedBreakdown {
  const raw = obj(value) ?? {};
  return { women: num(raw.women), men: num(raw.men), children: num(raw.children), elderly: num(raw.elderly) };
}

function inspection(value: unknown): BuildingInspection | null {
  const raw = obj(value);
  if (!raw) return null;
  return {
    placard: codeOrNull(raw.placard, PLACARDS),
    damageGrade: codeOrNull(raw.damageGrade, DAMAGE_GRADES),
    structureType: codeOrNull(raw.structureType, STRUCTURE_TYPES),
    use: str(raw.use),
    storeys: num(raw.storeys),
    occupants: num(raw.occupants),
  };
}

export function toAssessment(id: string, raw: Raw): Assessment {
  return {
    ...meta(raw),
    id: id as AssessmentId,
    title: str(raw.title),
    date: str(raw.date),
    method: code(raw.method, METHODS, 'obs'),
    informantRole: str(raw.informantRole),
    siteReason: str(raw.siteReason),
    canton: str(raw.canton),
    parish: str(raw.parish),
    gps: geoPoint(raw.gps),
    sectors: list(raw.sectors)
      .map(sectorEntry)
      .filter((s): s is SectorEntry => s !== null),
    breakdown: breakdown(raw.breakdown),
    priorities: list(raw.priorities).filter((v): v is string => typeof v === 'string'),
    gaps: str(raw.gaps),
    recommendations: str(raw.recommendations),
    inspection: inspection(raw.inspection),
    photos: photos(raw.photos),
  };
}

function link(value: unknown): LinkTarget | null {
  const raw = obj(value);
  if (!raw || typeof raw.id !== 'string') return null;
  if (raw.kind === 'assessment') return { kind: 'assessment', id: raw.id as AssessmentId };
  if (raw.kind === 'action') return { kind: 'action', id: raw.id as ActionId };
  return null;
}

export function toNote(id: string, raw: Raw): Note {
  return {
    ...meta(raw),
    id: id as NoteId,
    text: str(raw.text),
    tags: list(raw.tags).filter((v): v is string => typeof v === 'string'),
    gps: geoPoint(raw.gps),
    photos: photos(raw.photos),
    links: list(raw.links)
      .map(link)
      .filter((l): l is LinkTarget => l !== null),
  };
}

export function toAction(id: string, raw: Raw): ActionItem {
  return {
    ...meta(raw),
    id: id as ActionId,
    activity: str(raw.activity),
    responsible: str(raw.responsible),
    dueDate: str(raw.dueDate),
    status: code(raw.status, ACTION_STATUSES, 'planned'),
    torProduct: str(raw.torProduct),
  };
}
