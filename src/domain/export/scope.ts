// Which missions and records an export holds: a selection of missions and/or a year, never deleted records.
import type { ActionItem, Assessment, Mission, Note } from '../model.ts';
import type { MissionSnapshot } from '../records/snapshot.ts';

export interface ExportScope {
  /** Mission ids; empty or absent means every mission given. */
  missions?: readonly string[];
  /** A calendar year: missions whose dates on site overlap it, records dated in it. */
  year?: number | null;
}

/** One mission in the export with its live records in scope. */
export interface ScopedMission {
  mission: Mission;
  /** False when a year is chosen and the mission's dates on site do not overlap it: its records may still be. */
  listed: boolean;
  assessments: Assessment[];
  notes: Note[];
  actions: ActionItem[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function day(value: string): string | null {
  return ISO_DATE.test(value) ? value.slice(0, 10) : null;
}

/** The date a record counts for: an assessment's date, an action's due date, else when it was written. */
export function assessmentDate(record: Assessment): string {
  return day(record.date) ?? day(record.createdAt) ?? '';
}

export function noteDate(record: Note): string {
  return day(record.createdAt) ?? '';
}

export function actionDate(record: ActionItem): string {
  return day(record.dueDate) ?? day(record.createdAt) ?? '';
}

/** A mission with no start date counts for no year: nothing says when it was on site. */
export function overlapsYear(mission: Mission, year: number): boolean {
  const start = day(mission.startDate);
  if (start === null) return false;
  const end = day(mission.endDate) ?? start;
  return start <= `${year}-12-31` && end >= `${year}-01-01`;
}

function inYear(date: string, year: number | null): boolean {
  return year === null || date.startsWith(`${year}-`);
}

export function selectForExport(
  snapshots: readonly MissionSnapshot[],
  scope: ExportScope = {},
): ScopedMission[] {
  const ids = scope.missions && scope.missions.length > 0 ? new Set(scope.missions) : null;
  const year = scope.year ?? null;
  const selected: ScopedMission[] = [];
  for (const snapshot of snapshots) {
    const mission = snapshot.mission;
    if (mission === null || mission.deletedAt !== null) continue;
    if (ids !== null && !ids.has(mission.id)) continue;
    const scoped: ScopedMission = {
      mission,
      listed: year === null || overlapsYear(mission, year),
      assessments: snapshot.assessments.filter(
        (r) => r.deletedAt === null && inYear(assessmentDate(r), year),
      ),
      notes: snapshot.notes.filter((r) => r.deletedAt === null && inYear(noteDate(r), year)),
      actions: snapshot.actions.filter((r) => r.deletedAt === null && inYear(actionDate(r), year)),
    };
    const holds = scoped.assessments.length + scoped.notes.length + scoped.actions.length > 0;
    if (scoped.listed || holds) selected.push(scoped);
  }
  return selected;
}
