// The year's execution and accountability figures (shared domain reference, "Annual execution and accountability
// report"), computed from plain mission summaries so the same code serves the app, the desk's projection and the
// command line. A figure a mission did not record is never counted as zero: each figure says how many missions
// lacked it, and is null when none recorded it.
import { MISSION_STATUSES, type ActionStatus, type MissionStatus } from '../codes.ts';
import { fold } from '../search/fold.ts';

/** What the accounts read of one mission. Amounts and days are null when not recorded. */
export interface AccountsMission {
  id: string;
  status: MissionStatus;
  deleted: boolean;
  torReference: string;
  hostCanton: string;
  /** ISO dates; '' when not recorded. */
  startDate: string;
  endDate: string;
  team: readonly { name: string; institution: string }[];
  themes: readonly string[];
  /** Goals ("11") and targets ("11.5"). */
  sdgs: readonly string[];
  sendai: readonly string[];
  plannedPersonDays: number | null;
  remotePersonDays: number | null;
  budgetPlannedEur: number | null;
  budgetExecutedEur: number | null;
  products: readonly { planned: boolean; deliveredOn: string }[];
  peopleMet: readonly { count: number | null }[];
  actions: readonly { status: ActionStatus; deleted: boolean }[];
}

/** A sum over missions: `value` is null when no mission recorded it; `missing` counts those that did not. */
export interface Figure {
  value: number | null;
  missing: number;
}

export interface YearAccounts {
  year: number;
  missions: number;
  byStatus: Record<MissionStatus, number>;
  /** Missions whose dates cannot place them in a year: listed, not counted. */
  undated: number;
  technicians: Figure;
  technicianDaysOnSite: Figure;
  technicianDaysRemote: Figure;
  plannedPersonDays: Figure;
  partnerMunicipalities: number;
  sendingInstitutions: Figure;
  themes: Map<string, number>;
  tors: { received: number; approved: number; completed: number };
  productsDelivered: number;
  productsPlanned: number;
  plannedProductsDelivered: number;
  sdgGoals: Map<string, number>;
  sdgTargets: Map<string, number>;
  sendai: Map<string, number>;
  budgetPlannedEur: Figure;
  budgetExecutedEur: Figure;
  peopleReached: Figure;
  followUps: { done: number; open: number; dropped: number };
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayNumber(iso: string): number | null {
  if (!ISO_DATE.test(iso)) return null;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.round(ms / DAY_MS) : null;
}

/** Days of [start, end] (inclusive) that fall in `year`; null when either date is missing or they are reversed. */
export function daysInYear(startDate: string, endDate: string, year: number): number | null {
  const start = dayNumber(startDate);
  const end = dayNumber(endDate);
  if (start === null || end === null || end < start) return null;
  const first = dayNumber(`${year}-01-01`)!;
  const last = dayNumber(`${year}-12-31`)!;
  return Math.max(0, Math.min(end, last) - Math.max(start, first) + 1);
}

/** A mission belongs to a year when its days on site touch it (a mission with no end date: its start). */
export function inYear(
  mission: Pick<AccountsMission, 'startDate' | 'endDate'>,
  year: number,
): boolean | null {
  if (dayNumber(mission.startDate) === null) return null;
  const ends = dayNumber(mission.endDate) !== null && mission.endDate >= mission.startDate;
  return (daysInYear(mission.startDate, ends ? mission.endDate : mission.startDate, year) ?? 0) > 0;
}

class Sum {
  private total = 0;
  private recorded = 0;
  missing = 0;
  add(value: number | null): void {
    if (value === null || !Number.isFinite(value) || value < 0) this.missing++;
    else {
      this.total += value;
      this.recorded++;
    }
  }
  figure(): Figure {
    return { value: this.recorded > 0 ? round2(this.total) : null, missing: this.missing };
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function tally(map: Map<string, number>, keys: Iterable<string>): void {
  for (const key of new Set(keys)) map.set(key, (map.get(key) ?? 0) + 1);
}

/** People are told apart by folded name and institution: "Anna Puig" of two spellings is one technician. */
const personKey = (member: { name: string; institution: string }): string =>
  `${fold(member.name).trim()}|${fold(member.institution).trim()}`;

export function yearAccounts(all: readonly AccountsMission[], year: number): YearAccounts {
  const byStatus = Object.fromEntries(MISSION_STATUSES.map((s) => [s, 0])) as Record<MissionStatus, number>;
  const people = new Set<string>();
  const institutions = new Set<string>();
  const cantons = new Set<string>();
  const themes = new Map<string, number>();
  const sdgGoals = new Map<string, number>();
  const sdgTargets = new Map<string, number>();
  const sendai = new Map<string, number>();
  const onSite = new Sum();
  const remote = new Sum();
  const planned = new Sum();
  const budgetPlanned = new Sum();
  const budgetExecuted = new Sum();
  const reached = new Sum();
  const tors = { received: 0, approved: 0, completed: 0 };
  const followUps = { done: 0, open: 0, dropped: 0 };
  let missions = 0;
  let undated = 0;
  let withoutTeam = 0;
  let withoutInstitution = 0;
  let productsDelivered = 0;
  let productsPlanned = 0;
  let plannedProductsDelivered = 0;

  for (const mission of all) {
    if (mission.deleted) continue;
    const belongs = inYear(mission, year);
    if (belongs === null) {
      undated++;
      continue;
    }
    if (!belongs) continue;
    missions++;
    byStatus[mission.status]++;
    if (mission.hostCanton) cantons.add(mission.hostCanton);
    tally(themes, mission.themes);
    tally(
      sdgGoals,
      mission.sdgs.map((code) => code.split('.')[0]!),
    );
    tally(
      sdgTargets,
      mission.sdgs.filter((code) => code.includes('.')),
    );
    tally(sendai, mission.sendai);

    const team = mission.team.filter((member) => member.name.trim() !== '');
    if (team.length === 0) withoutTeam++;
    for (const member of team) people.add(personKey(member));
    const named = team.filter((member) => member.institution.trim() !== '');
    if (named.length === 0) withoutInstitution++;
    for (const member of named) institutions.add(fold(member.institution).trim());

    const days = daysInYear(mission.startDate, mission.endDate, year);
    onSite.add(team.length === 0 || days === null ? null : days * team.length);

    // What a mission records once (its budget, planned and remote days, people met, its ToR) counts in the year
    // it started, so a mission across New Year is not counted twice.
    if (mission.startDate.startsWith(`${year}-`)) {
      remote.add(mission.remotePersonDays);
      planned.add(mission.plannedPersonDays);
      budgetPlanned.add(mission.budgetPlannedEur);
      budgetExecuted.add(mission.budgetExecutedEur);
      const counted = mission.peopleMet.filter((row) => row.count !== null);
      reached.add(counted.length === 0 ? null : counted.reduce((sum, row) => sum + (row.count ?? 0), 0));
      if (mission.torReference.trim() !== '') {
        tors.received++;
        if (mission.status !== 1 && mission.status !== 5) tors.approved++;
        if (mission.status === 4) tors.completed++;
      }
    }
    for (const product of mission.products) {
      const delivered = daysInYear(product.deliveredOn, product.deliveredOn, year) === 1;
      if (product.planned) productsPlanned++;
      if (delivered) productsDelivered++;
      if (delivered && product.planned) plannedProductsDelivered++;
    }
    for (const action of mission.actions) {
      if (action.deleted) continue;
      if (action.status === 'done') followUps.done++;
      else if (action.status === 'dropped') followUps.dropped++;
      else followUps.open++;
    }
  }

  return {
    year,
    missions,
    byStatus,
    undated,
    technicians: { value: missions - withoutTeam > 0 ? people.size : null, missing: withoutTeam },
    technicianDaysOnSite: onSite.figure(),
    technicianDaysRemote: remote.figure(),
    plannedPersonDays: planned.figure(),
    partnerMunicipalities: cantons.size,
    sendingInstitutions: {
      value: missions - withoutInstitution > 0 ? institutions.size : null,
      missing: withoutInstitution,
    },
    themes,
    tors,
    productsDelivered,
    productsPlanned,
    plannedProductsDelivered,
    sdgGoals,
    sdgTargets,
    sendai,
    budgetPlannedEur: budgetPlanned.figure(),
    budgetExecutedEur: budgetExecuted.figure(),
    peopleReached: reached.figure(),
    followUps,
  };
}
