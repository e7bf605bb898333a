// The year's accounts on a hand-computed programme of five missions: every figure worked out below by hand.
import { describe, expect, it } from 'vitest';
import {
  daysInYear,
  inYear,
  yearAccounts,
  type AccountsMission,
} from '../../../src/domain/accounts/indicators.ts';

const base: AccountsMission = {
  id: '',
  status: 2,
  deleted: false,
  torReference: '',
  hostCanton: '',
  startDate: '',
  endDate: '',
  team: [],
  themes: [],
  sdgs: [],
  sendai: [],
  plannedPersonDays: null,
  remotePersonDays: null,
  budgetPlannedEur: null,
  budgetExecutedEur: null,
  products: [],
  peopleMet: [],
  actions: [],
};

const programme: AccountsMission[] = [
  {
    ...base,
    id: 'jama',
    status: 4,
    torReference: 'TdR-2016-07',
    hostCanton: 'EC1320',
    // 10 days on site, two technicians: 20 technician-days.
    startDate: '2016-06-01',
    endDate: '2016-06-10',
    team: [
      { name: 'Anna Puig', institution: 'Ajuntament de Barcelona' },
      { name: 'Jordi Vila', institution: 'Àrea Metropolitana de Barcelona' },
    ],
    themes: ['urban_planning', 'coastal_risk'],
    sdgs: ['11', '11.5'],
    sendai: ['sendai-1'],
    plannedPersonDays: 20,
    remotePersonDays: 5.5,
    budgetPlannedEur: 12_000,
    budgetExecutedEur: 11_250.5,
    products: [
      { planned: true, deliveredOn: '2016-07-15' },
      { planned: true, deliveredOn: '' },
      { planned: false, deliveredOn: '2016-06-10' },
    ],
    peopleMet: [{ count: 12 }, { count: null }, { count: 3 }],
    actions: [
      { status: 'done', deleted: false },
      { status: 'in_progress', deleted: false },
      { status: 'done', deleted: true },
    ],
  },
  {
    ...base,
    id: 'manta',
    status: 2,
    torReference: 'TdR-2016-09',
    hostCanton: 'EC1308',
    // From 28 December 2016 to 5 January 2017: 4 days in 2016, one technician (Anna again, spelt otherwise).
    startDate: '2016-12-28',
    endDate: '2017-01-05',
    team: [{ name: 'anna puig', institution: 'AJUNTAMENT DE BARCELONA' }],
    themes: ['urban_planning'],
    sdgs: ['11.3', '17'],
    budgetPlannedEur: 3_000,
    products: [{ planned: true, deliveredOn: '2017-01-05' }],
    actions: [{ status: 'dropped', deleted: false }],
  },
  {
    ...base,
    id: 'chone',
    status: 1,
    torReference: 'TdR-2016-11',
    hostCanton: 'EC1320',
    // No end date yet: in the year by its start, technician-days not recorded; no team recorded.
    startDate: '2016-11-20',
    sendai: ['sendai-1', 'sendai-4'],
    actions: [{ status: 'planned', deleted: false }],
  },
  // Another year, a deleted mission and one without dates: none counted.
  { ...base, id: 'pedernales', startDate: '2017-03-01', endDate: '2017-03-10', hostCanton: 'EC1317' },
  { ...base, id: 'deleted', deleted: true, startDate: '2016-05-01', endDate: '2016-05-02' },
  { ...base, id: 'undated', hostCanton: 'EC1301' },
];

describe('the year’s accounts', () => {
  const accounts = yearAccounts(programme, 2016);

  it('counts the missions of the year by status, and those it cannot place', () => {
    expect(accounts.missions).toBe(3);
    expect(accounts.byStatus).toEqual({ 1: 1, 2: 1, 3: 0, 4: 1, 5: 0, 6: 0 });
    expect(accounts.undated).toBe(1);
    expect(accounts.partnerMunicipalities).toBe(2);
  });

  it('counts technicians and sending institutions once each, and says where they were not recorded', () => {
    expect(accounts.technicians).toEqual({ value: 2, missing: 1 });
    expect(accounts.sendingInstitutions).toEqual({ value: 2, missing: 1 });
  });

  it('counts technician-days on site within the year, remote days and planned person-days as recorded', () => {
    expect(accounts.technicianDaysOnSite).toEqual({ value: 24, missing: 1 });
    expect(accounts.technicianDaysRemote).toEqual({ value: 5.5, missing: 2 });
    expect(accounts.plannedPersonDays).toEqual({ value: 20, missing: 2 });
  });

  it('sums budgets only where recorded', () => {
    expect(accounts.budgetPlannedEur).toEqual({ value: 15_000, missing: 1 });
    expect(accounts.budgetExecutedEur).toEqual({ value: 11_250.5, missing: 2 });
  });

  it('counts ToRs, products delivered in the year, people reached and follow-ups', () => {
    expect(accounts.tors).toEqual({ received: 3, approved: 2, completed: 1 });
    expect(accounts.productsDelivered).toBe(2);
    expect(accounts.productsPlanned).toBe(3);
    expect(accounts.plannedProductsDelivered).toBe(1);
    expect(accounts.peopleReached).toEqual({ value: 15, missing: 2 });
    expect(accounts.followUps).toEqual({ done: 1, open: 2, dropped: 1 });
  });

  it('distributes missions over themes, SDG goals and targets, and Sendai priorities', () => {
    expect(Object.fromEntries(accounts.themes)).toEqual({ urban_planning: 2, coastal_risk: 1 });
    expect(Object.fromEntries(accounts.sdgGoals)).toEqual({ '11': 2, '17': 1 });
    expect(Object.fromEntries(accounts.sdgTargets)).toEqual({ '11.5': 1, '11.3': 1 });
    expect(Object.fromEntries(accounts.sendai)).toEqual({ 'sendai-1': 2, 'sendai-4': 1 });
  });

  it('counts a mission across New Year in both years, but its budget, days and ToR only in the first', () => {
    const next = yearAccounts(programme, 2017);
    // Manta (its last 5 days) and Pedernales (3 days, no team): Manta's one technician, 5 technician-days.
    expect(next.missions).toBe(2);
    expect(next.technicianDaysOnSite).toEqual({ value: 5, missing: 1 });
    // Manta's 3,000 planned counted in 2016 only; Pedernales recorded none.
    expect(next.budgetPlannedEur).toEqual({ value: null, missing: 1 });
    expect(next.tors).toEqual({ received: 0, approved: 0, completed: 0 });
    // Its product delivered on 5 January 2017 counts in 2017.
    expect(next.productsDelivered).toBe(1);
  });

  it('says "not recorded" (null) rather than 0 when no mission of the year recorded a figure', () => {
    const empty = yearAccounts([{ ...base, id: 'x', startDate: '2018-02-01' }], 2018);
    expect(empty.missions).toBe(1);
    expect(empty.budgetPlannedEur).toEqual({ value: null, missing: 1 });
    expect(empty.technicians).toEqual({ value: null, missing: 1 });
    expect(empty.peopleReached).toEqual({ value: null, missing: 1 });
  });

  it('does not count hostile values from another device as figures', () => {
    const odd = yearAccounts(
      [
        {
          ...base,
          id: 'odd',
          startDate: '2016-01-10',
          endDate: '2016-01-01',
          budgetPlannedEur: Number.NaN,
          budgetExecutedEur: -5,
          remotePersonDays: Number.POSITIVE_INFINITY,
        },
      ],
      2016,
    );
    expect(odd.missions).toBe(1);
    expect(odd.budgetPlannedEur.value).toBeNull();
    expect(odd.budgetExecutedEur.value).toBeNull();
    expect(odd.technicianDaysRemote.value).toBeNull();
    expect(odd.technicianDaysOnSite.value).toBeNull();
  });
});

describe('days and years', () => {
  it('counts the days of a period inside a year, inclusive', () => {
    expect(daysInYear('2016-12-28', '2017-01-05', 2016)).toBe(4);
    expect(daysInYear('2016-12-28', '2017-01-05', 2017)).toBe(5);
    expect(daysInYear('2016-02-28', '2016-03-01', 2016)).toBe(3);
    expect(daysInYear('2016-03-01', '2016-02-28', 2016)).toBeNull();
    expect(daysInYear('', '2016-02-28', 2016)).toBeNull();
  });

  it('places a mission in the years its days touch, by its start when it has no end', () => {
    expect(inYear({ startDate: '2016-12-28', endDate: '2017-01-05' }, 2017)).toBe(true);
    expect(inYear({ startDate: '2016-11-20', endDate: '' }, 2016)).toBe(true);
    expect(inYear({ startDate: '2016-11-20', endDate: '' }, 2017)).toBe(false);
    expect(inYear({ startDate: 'ayer', endDate: '' }, 2016)).toBeNull();
  });
});
