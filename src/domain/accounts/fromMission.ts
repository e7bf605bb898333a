// What the year's accounts read of one mission, taken from its records once, when its list row is projected.
import type { ActionItem, Mission } from '../model.ts';
import type { AccountsMission } from './indicators.ts';

const amount = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;

export function accountsOf(mission: Mission, actions: readonly ActionItem[]): AccountsMission {
  return {
    id: mission.id,
    status: mission.status,
    deleted: mission.deletedAt !== null,
    torReference: mission.torReference,
    hostCanton: mission.hostCanton,
    startDate: mission.startDate,
    endDate: mission.endDate,
    team: mission.team.map(({ name, institution }) => ({ name, institution })),
    themes: [...mission.themes],
    sdgs: [...mission.sdgs],
    sendai: [...mission.sendai],
    plannedPersonDays: amount(mission.plannedPersonDays),
    remotePersonDays: amount(mission.remotePersonDays),
    budgetPlannedEur: amount(mission.budgetPlannedEur),
    budgetExecutedEur: amount(mission.budgetExecutedEur),
    products: mission.products.map(({ planned, deliveredOn }) => ({ planned, deliveredOn })),
    peopleMet: mission.peopleMet.map(({ count }) => ({ count: amount(count) })),
    actions: actions.map((action) => ({ status: action.status, deleted: action.deletedAt !== null })),
  };
}
