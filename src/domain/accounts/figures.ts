// The year's accounts as rows: what the report's tables, charts and CSV show, in one order.
import { MISSION_STATUSES, SENDAI_PRIORITIES, THEMES } from '../codes.ts';
import type { Figure, YearAccounts } from './indicators.ts';

export type FigureKey =
  | 'missions'
  | 'technicians'
  | 'daysOnSite'
  | 'daysRemote'
  | 'plannedDays'
  | 'municipalities'
  | 'institutions'
  | 'torsReceived'
  | 'torsApproved'
  | 'torsCompleted'
  | 'productsDelivered'
  | 'plannedProductsDelivered'
  | 'peopleReached'
  | 'followUpsDone'
  | 'followUpsOpen'
  | 'followUpsDropped'
  | 'budgetPlanned'
  | 'budgetExecuted'
  | 'budgetRate';

export interface FigureRow {
  key: FigureKey;
  /** null: not recorded by any mission of the year. */
  value: number | null;
  /** Missions of the year that did not record it. */
  missing: number;
  /** For a part of a whole ("3 of 5 planned"). */
  of?: number;
  unit?: 'eur' | 'percent';
}

const counted = (key: FigureKey, value: number): FigureRow => ({ key, value, missing: 0 });
const fromFigure = (key: FigureKey, figure: Figure, unit?: FigureRow['unit']): FigureRow => ({
  key,
  value: figure.value,
  missing: figure.missing,
  ...(unit ? { unit } : {}),
});

export function executionRows(a: YearAccounts): FigureRow[] {
  return [
    counted('missions', a.missions),
    fromFigure('technicians', a.technicians),
    fromFigure('daysOnSite', a.technicianDaysOnSite),
    fromFigure('daysRemote', a.technicianDaysRemote),
    fromFigure('plannedDays', a.plannedPersonDays),
    counted('municipalities', a.partnerMunicipalities),
    fromFigure('institutions', a.sendingInstitutions),
    counted('torsReceived', a.tors.received),
    counted('torsApproved', a.tors.approved),
    counted('torsCompleted', a.tors.completed),
    counted('productsDelivered', a.productsDelivered),
    { ...counted('plannedProductsDelivered', a.plannedProductsDelivered), of: a.productsPlanned },
    fromFigure('peopleReached', a.peopleReached),
    counted('followUpsDone', a.followUps.done),
    counted('followUpsOpen', a.followUps.open),
    counted('followUpsDropped', a.followUps.dropped),
  ];
}

export function budgetRows(a: YearAccounts): FigureRow[] {
  const planned = a.budgetPlannedEur.value;
  const executed = a.budgetExecutedEur.value;
  // A rate only where both sides were recorded for the same missions would be exact; with gaps on either side it
  // says so through `missing`.
  const rate = planned && executed !== null ? Math.round((executed / planned) * 1000) / 10 : null;
  return [
    fromFigure('budgetPlanned', a.budgetPlannedEur, 'eur'),
    fromFigure('budgetExecuted', a.budgetExecutedEur, 'eur'),
    {
      key: 'budgetRate',
      value: rate,
      missing: Math.max(a.budgetPlannedEur.missing, a.budgetExecutedEur.missing),
      unit: 'percent',
    },
  ];
}

export type DistributionKey = 'status' | 'themes' | 'sdgGoals' | 'sdgTargets' | 'sendai';

export interface Distribution {
  key: DistributionKey;
  /** The code list's prefix for labels (`missionStatus.2`, `theme.coastal_risk`, `sdg.11`, `sendai.sendai-1`). */
  labels: string | null;
  entries: [code: string, missions: number][];
}

const collator = new Intl.Collator('en', { numeric: true });

function ordered(map: Map<string, number>, order?: readonly string[]): [string, number][] {
  const entries = [...map.entries()].filter(([, n]) => n > 0);
  if (order) return entries.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return entries.sort(([a], [b]) => collator.compare(a, b));
}

export function distributions(a: YearAccounts): Distribution[] {
  const status = new Map(MISSION_STATUSES.map((s) => [String(s), a.byStatus[s]]));
  return [
    { key: 'status', labels: 'missionStatus', entries: ordered(status) },
    { key: 'themes', labels: 'theme', entries: ordered(a.themes, THEMES) },
    { key: 'sdgGoals', labels: 'sdg', entries: ordered(a.sdgGoals) },
    // Targets have no label list: the code ("11.5") is what programme staff read.
    { key: 'sdgTargets', labels: null, entries: ordered(a.sdgTargets) },
    { key: 'sendai', labels: 'sendai', entries: ordered(a.sendai, SENDAI_PRIORITIES) },
  ];
}
