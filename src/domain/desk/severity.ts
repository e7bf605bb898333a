// Severity across missions: what the projection keeps of each assessment and note (where, when, how severe),
// and the canton × sector matrix and map points computed from it. Pure: the storage layer writes and reads rows.
import {
  CANTONS,
  SECTORS,
  SEVERITIES,
  cantonByPcode,
  includes,
  type Sector,
  type Severity,
} from '../codes.ts';

/** A position as kept for the map: the record's GPS fix, never a photo's. */
export interface PlacePoint {
  lat: number;
  lon: number;
  /** Metres, as the device reported it (0 when unknown). */
  accuracy: number;
}

export interface SectorFacts {
  sector: Sector;
  severity: Severity;
  affected: number | null;
  inNeed: number | null;
}

export interface AssessmentFacts {
  id: string;
  title: string;
  canton: string;
  parish: string;
  date: string;
  sectors: SectorFacts[];
  gps: PlacePoint | null;
  /** The highest severity among its sectors; null when it assessed none. */
  highest: Severity | null;
}

export interface NoteFacts {
  id: string;
  /** The day the note was written (YYYY-MM-DD). */
  date: string;
  excerpt: string;
  gps: PlacePoint | null;
}

/** One mission's live assessments and geolocated notes, as the severity screen reads them. */
export interface MissionSeverityFacts {
  missionId: string;
  missionTitle: string;
  missionStatus: number;
  deleted: 0 | 1;
  assessments: AssessmentFacts[];
  notes: NoteFacts[];
}

/** What the extraction reads of a record: the fields of the schema's read model it needs (structural). */
interface AssessmentInput {
  id: string;
  title: string;
  canton: string;
  parish: string;
  date: string;
  deletedAt: string | null;
  gps: { lat: number; lon: number; accuracy: number } | null;
  sectors: readonly { sector: string; severity: number; affected: number | null; inNeed: number | null }[];
}

interface NoteInput {
  id: string;
  text: string;
  createdAt: string;
  deletedAt: string | null;
  gps: { lat: number; lon: number; accuracy: number } | null;
}

interface MissionInput {
  title: string;
  status: number;
  deletedAt: string | null;
}

const EXCERPT = 80;
const TITLE = 200;

export function isSeverity(value: unknown): value is Severity {
  return includes(SEVERITIES, value);
}

const finiteOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;

/** A usable position, or null: out of range, not a number, or the 0,0 a form leaves when no fix was taken. */
export function placePoint(gps: unknown): PlacePoint | null {
  if (typeof gps !== 'object' || gps === null) return null;
  const { lat, lon, accuracy } = gps as Record<string, unknown>;
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  if (lat === 0 && lon === 0) return null;
  return { lat, lon, accuracy: finiteOrNull(accuracy) ?? 0 };
}

function sectorFacts(entries: AssessmentInput['sectors']): SectorFacts[] {
  const seen = new Set<string>();
  const kept: SectorFacts[] = [];
  for (const entry of entries) {
    if (!includes(SECTORS, entry.sector) || !isSeverity(entry.severity) || seen.has(entry.sector)) continue;
    seen.add(entry.sector);
    kept.push({
      sector: entry.sector,
      severity: entry.severity,
      affected: finiteOrNull(entry.affected),
      inNeed: finiteOrNull(entry.inNeed),
    });
  }
  return kept;
}

export function highestSeverity(sectors: readonly { severity: number }[]): Severity | null {
  let highest: Severity | null = null;
  for (const { severity } of sectors)
    if (isSeverity(severity) && severity > (highest ?? 0)) highest = severity;
  return highest;
}

/** A live assessment's facts; null for a deleted one. */
export function assessmentFacts(a: AssessmentInput): AssessmentFacts | null {
  if (a.deletedAt) return null;
  const sectors = sectorFacts(a.sectors);
  return {
    id: a.id,
    title: a.title.slice(0, TITLE),
    canton: cantonByPcode(a.canton) ? a.canton : '',
    parish: a.parish.slice(0, TITLE),
    date: a.date,
    sectors,
    gps: placePoint(a.gps),
    highest: highestSeverity(sectors),
  };
}

/** A live note's facts when it has a place; null otherwise (the map is all the screen shows of notes). */
export function noteFacts(n: NoteInput): NoteFacts | null {
  const gps = placePoint(n.gps);
  if (n.deletedAt || !gps) return null;
  const excerpt = n.text.replace(/\s+/g, ' ').trim();
  return {
    id: n.id,
    date: n.createdAt.slice(0, 10),
    excerpt: excerpt.length > EXCERPT ? `${excerpt.slice(0, EXCERPT - 1)}…` : excerpt,
    gps,
  };
}

export function missionSeverityFacts(
  missionId: string,
  snapshot: {
    mission: MissionInput | null;
    assessments: readonly AssessmentInput[];
    notes: readonly NoteInput[];
  },
): MissionSeverityFacts | null {
  const { mission } = snapshot;
  if (!mission) return null;
  return {
    missionId,
    missionTitle: mission.title.slice(0, TITLE),
    missionStatus: mission.status,
    deleted: mission.deletedAt ? 1 : 0,
    assessments: snapshot.assessments.flatMap((a) => assessmentFacts(a) ?? []),
    notes: snapshot.notes.flatMap((n) => noteFacts(n) ?? []),
  };
}

/** Which missions and assessments count: a mission status ('' for any) and a year of assessment ('' for any). */
export interface SeverityFilter {
  status: string;
  year: string;
}

export const ANY: SeverityFilter = { status: '', year: '' };

/** An assessment of a live mission that passes the filter, with its mission. */
export interface AssessmentRef {
  missionId: string;
  missionTitle: string;
  assessment: AssessmentFacts;
}

function* counted(
  missions: readonly MissionSeverityFacts[],
  filter: SeverityFilter,
): Generator<AssessmentRef> {
  for (const m of missions) {
    if (m.deleted !== 0 || (filter.status !== '' && String(m.missionStatus) !== filter.status)) continue;
    if (!Array.isArray(m.assessments)) continue;
    for (const assessment of m.assessments) {
      if (filter.year !== '' && !assessment.date.startsWith(`${filter.year}-`)) continue;
      yield { missionId: m.missionId, missionTitle: m.missionTitle, assessment };
    }
  }
}

export interface MatrixCell {
  highest: Severity;
  /** How many assessments assessed this sector in this canton. */
  assessments: number;
}

export interface MatrixRow {
  pcode: string;
  name: string;
  cells: Partial<Record<Sector, MatrixCell>>;
}

/**
 * One row per canton with assessments (in P-code order), one cell per sector assessed there: the highest
 * severity any assessment gave it. Values no code list knows (a canton, a sector, a severity) are left out.
 */
export function severityMatrix(
  missions: readonly MissionSeverityFacts[],
  filter: SeverityFilter = ANY,
): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const { assessment } of counted(missions, filter)) {
    const canton = cantonByPcode(assessment.canton);
    if (!canton) continue;
    const row = rows.get(canton.pcode) ?? { pcode: canton.pcode, name: canton.name, cells: {} };
    rows.set(canton.pcode, row);
    for (const { sector, severity } of assessment.sectors) {
      if (!includes(SECTORS, sector) || !isSeverity(severity)) continue;
      const cell = row.cells[sector];
      row.cells[sector] = {
        highest: cell && cell.highest > severity ? cell.highest : severity,
        assessments: (cell?.assessments ?? 0) + 1,
      };
    }
  }
  const order = (pcode: string) => CANTONS.findIndex((c) => c.pcode === pcode);
  return [...rows.values()].sort((a, b) => order(a.pcode) - order(b.pcode));
}

/** The assessments behind one cell, most severe first, then newest. */
export function assessmentsBehind(
  missions: readonly MissionSeverityFacts[],
  canton: string,
  sector: string,
  filter: SeverityFilter = ANY,
): (AssessmentRef & { severity: Severity })[] {
  const found: (AssessmentRef & { severity: Severity })[] = [];
  for (const ref of counted(missions, filter)) {
    if (ref.assessment.canton !== canton) continue;
    const entry = ref.assessment.sectors.find((s) => s.sector === sector);
    if (entry && isSeverity(entry.severity)) found.push({ ...ref, severity: entry.severity });
  }
  return found.sort((a, b) => b.severity - a.severity || (a.assessment.date < b.assessment.date ? 1 : -1));
}

export interface MapPoint {
  kind: 'assessment' | 'note';
  missionId: string;
  id: string;
  label: string;
  lat: number;
  lon: number;
  /** Assessments only: the highest severity it gave (null when it assessed no sector). */
  severity: Severity | null;
}

/** Geolocated assessments (filtered) and notes (of live missions of the status asked) for the map. */
export function mapPoints(
  missions: readonly MissionSeverityFacts[],
  filter: SeverityFilter = ANY,
): MapPoint[] {
  const points: MapPoint[] = [];
  for (const { missionId, assessment } of counted(missions, filter)) {
    const gps = placePoint(assessment.gps);
    if (gps) {
      const severity = highestSeverity(assessment.sectors);
      points.push({
        kind: 'assessment',
        missionId,
        id: assessment.id,
        label: assessment.title,
        ...gps,
        severity,
      });
    }
  }
  for (const m of missions) {
    if (m.deleted !== 0 || (filter.status !== '' && String(m.missionStatus) !== filter.status)) continue;
    for (const note of Array.isArray(m.notes) ? m.notes : []) {
      if (filter.year !== '' && !note.date.startsWith(`${filter.year}-`)) continue;
      const gps = placePoint(note.gps);
      if (gps)
        points.push({
          kind: 'note',
          missionId: m.missionId,
          id: note.id,
          label: note.excerpt,
          ...gps,
          severity: null,
        });
    }
  }
  return points;
}

/** Markers a phone draws without stalling: beyond this the map shows the most severe. */
export const MAX_MAP_POINTS = 1500;

/** At most `max` points: assessments by highest severity first, then notes, in their order otherwise. */
export function limitPoints(points: readonly MapPoint[], max = MAX_MAP_POINTS): MapPoint[] {
  if (points.length <= max) return [...points];
  const rank = (p: MapPoint) => (p.kind === 'note' ? -1 : (p.severity ?? 0));
  return points
    .map((point, index) => ({ point, index }))
    .sort((a, b) => rank(b.point) - rank(a.point) || a.index - b.index)
    .slice(0, max)
    .map(({ point }) => point);
}

/** Years in which assessments were made, newest first, for the filter. */
export function assessmentYears(missions: readonly MissionSeverityFacts[]): string[] {
  const years = new Set<string>();
  for (const { assessment } of counted(missions, ANY)) {
    const year = /^(\d{4})-/.exec(assessment.date)?.[1];
    if (year) years.add(year);
  }
  return [...years].sort().reverse();
}

/** Canton seats with known coordinates: labels on a map without its basemap. */
export function cantonLabels(): { pcode: string; name: string; lat: number; lon: number }[] {
  return CANTONS.flatMap((c) =>
    c.lat !== undefined && c.lon !== undefined
      ? [{ pcode: c.pcode, name: c.name, lat: c.lat, lon: c.lon }]
      : [],
  );
}
