// The mission form's state: numbers kept as typed text (as the user's language writes them), parsed into a
// MissionDraft only to save, compare or follow the stored mission.
import type { DeviceProfile, Language, Mission } from '../../../domain/model.ts';
import { newId } from '../../../domain/ids.ts';
import type { FieldErrors, MissionDraft } from '../../../domain/validation.ts';
import { formatAmountInput, formatNumberInput, readNumber } from '../../i18n/numbers.ts';
import { unit, type FollowPlan } from '../marks/follow.ts';

export type PersonMet = Mission['peopleMet'][number];
export type Product = Mission['products'][number];
export type PersonMetValues = Omit<PersonMet, 'count'> & { count: string };

/** The numbers of a mission a technician types. */
export const MISSION_NUMBERS = [
  'plannedPersonDays',
  'remotePersonDays',
  'budgetPlannedEur',
  'budgetExecutedEur',
] as const;
export type MissionNumber = (typeof MISSION_NUMBERS)[number];
const AMOUNTS: readonly MissionNumber[] = ['budgetPlannedEur', 'budgetExecutedEur'];

/** Every field of a mission as the form holds it. */
export type MissionValues = Omit<Required<MissionDraft>, MissionNumber | 'peopleMet'> &
  Record<MissionNumber, string> & { peopleMet: PersonMetValues[] };

/** What is kept on disk while typing: the values, and for an edit the saved fields the form opened with. */
export interface FormDraft {
  values: MissionValues;
  base: MissionDraft | null;
}

/** The fields the report counts, as a form without them starts (a draft kept by an earlier version). */
const REPORT_VALUES = {
  counterpartKind: '',
  requestingCounterpart: '',
  focalPoint: '',
  plannedPersonDays: '',
  remotePersonDays: '',
  budgetPlannedEur: '',
  budgetExecutedEur: '',
  products: [],
  peopleMet: [],
} as const satisfies Partial<MissionValues>;

const REPORT_SAVED = {
  counterpartKind: '',
  requestingCounterpart: '',
  focalPoint: '',
  plannedPersonDays: null,
  remotePersonDays: null,
  budgetPlannedEur: null,
  budgetExecutedEur: null,
  products: [],
  peopleMet: [],
} as const satisfies Partial<MissionDraft>;

/** A draft left on disk by a version without the report's fields gets them empty; nothing else changes. */
export function withReportFields(draft: FormDraft): FormDraft {
  if ('peopleMet' in draft.values && (!draft.base || 'peopleMet' in draft.base)) return draft;
  return {
    values: { ...REPORT_VALUES, ...draft.values },
    base: draft.base && { ...REPORT_SAVED, ...draft.base },
  };
}

export function emptyDraft(profile: DeviceProfile): MissionValues {
  return {
    title: '',
    torReference: '',
    torText: '',
    hostCanton: '',
    themes: [],
    // Whoever creates the mission is usually on it.
    team: [{ id: newId(), name: profile.name, institution: profile.institution, role: profile.role }],
    startDate: '',
    endDate: '',
    remoteSupportEnd: '',
    objectives: '',
    status: 1,
    sdgs: [],
    sendai: [],
    ...REPORT_VALUES,
  };
}

/** The stored mission in the shape a save writes. */
export function toDraft(m: Mission): Required<MissionDraft> {
  return {
    title: m.title,
    torReference: m.torReference,
    torText: m.torText,
    hostCanton: m.hostCanton,
    themes: m.themes,
    team: m.team,
    startDate: m.startDate,
    endDate: m.endDate,
    remoteSupportEnd: m.remoteSupportEnd,
    objectives: m.objectives,
    status: m.status,
    sdgs: m.sdgs,
    sendai: m.sendai,
    counterpartKind: m.counterpartKind,
    requestingCounterpart: m.requestingCounterpart,
    focalPoint: m.focalPoint,
    plannedPersonDays: m.plannedPersonDays,
    remotePersonDays: m.remotePersonDays,
    budgetPlannedEur: m.budgetPlannedEur,
    budgetExecutedEur: m.budgetExecutedEur,
    products: m.products,
    peopleMet: m.peopleMet,
  };
}

/** The stored mission as form values, numbers written as the language writes them. */
export function toValues(m: Mission, lang: Language): MissionValues {
  const saved = toDraft(m);
  const typed = Object.fromEntries(
    MISSION_NUMBERS.map((key) => [
      key,
      AMOUNTS.includes(key) ? formatAmountInput(saved[key], lang) : formatNumberInput(saved[key], lang),
    ]),
  ) as Record<MissionNumber, string>;
  return {
    ...saved,
    ...typed,
    peopleMet: saved.peopleMet.map((p) => ({ ...p, count: formatNumberInput(p.count, lang) })),
  };
}

/** A typed number: null when empty, NaN when unreadable, so the validator refuses it too. */
function parsed(text: string, lang: Language): number | null {
  const reading = readNumber(text, lang);
  return 'value' in reading ? reading.value : Number.NaN;
}

/** What a save writes: short texts without stray spaces, numbers read as the language writes them. */
export function toSaved(values: MissionValues, lang: Language): Required<MissionDraft> {
  const numbers = Object.fromEntries(
    MISSION_NUMBERS.map((key) => [key, parsed(values[key], lang)]),
  ) as Record<MissionNumber, number | null>;
  return {
    ...values,
    ...numbers,
    title: values.title.trim(),
    torReference: values.torReference.trim(),
    requestingCounterpart: values.requestingCounterpart.trim(),
    focalPoint: values.focalPoint.trim(),
    team: values.team.map((m) => ({ ...m, name: m.name.trim(), institution: m.institution.trim() })),
    products: values.products.map((p) => ({ ...p, title: p.title.trim() })),
    peopleMet: values.peopleMet.map((p) => ({
      ...p,
      role: p.role.trim(),
      organisation: p.organisation.trim(),
      count: parsed(p.count, lang),
    })),
  };
}

/** Numbers typed ambiguously ("1.200" in English): named as such, not as "enter a number". */
export function numberErrors(values: MissionValues, lang: Language): FieldErrors {
  const typed: [string, string][] = [
    ...MISSION_NUMBERS.map((key): [string, string] => [key, values[key]]),
    ...values.peopleMet.map((p, index): [string, string] => [`peopleMet.${index}.count`, p.count]),
  ];
  const errors: FieldErrors = {};
  for (const [path, text] of typed) {
    const reading = readNumber(text, lang);
    if ('problem' in reading && reading.problem === 'ambiguousNumber') errors[path] = reading.problem;
  }
  return errors;
}

/** Only the fields this form changed, so a colleague's concurrent edit to another field is kept. */
export function changedFields(base: MissionDraft | null, values: MissionDraft): Partial<MissionDraft> {
  if (!base) return values;
  const keys = Object.keys(values) as (keyof MissionDraft)[];
  const changed = keys.filter((key) => JSON.stringify(values[key]) !== JSON.stringify(base[key]));
  return Object.fromEntries(changed.map((key) => [key, values[key]])) as Partial<MissionDraft>;
}

const SHORT_VALUES = [
  'title',
  'torReference',
  'hostCanton',
  'startDate',
  'endDate',
  'remoteSupportEnd',
  'status',
  'counterpartKind',
  'requestingCounterpart',
  'focalPoint',
  ...MISSION_NUMBERS,
] as const;

const follows = new Map<Language, FollowPlan<MissionValues, MissionDraft>>();

/** How an open mission form follows the stored mission (marks/follow.ts): field by field, row by row. */
export function missionFollow(lang: Language): FollowPlan<MissionValues, MissionDraft> {
  let plan = follows.get(lang);
  if (!plan) {
    plan = {
      mine: (values) => toSaved(values, lang),
      units: (_draft, stored, mine) => [
        ...SHORT_VALUES.map((path) => unit.value<MissionValues, MissionDraft>(path)),
        unit.text('torText'),
        unit.text('objectives'),
        unit.set('themes'),
        unit.set('sdgs'),
        unit.set('sendai'),
        unit.members('team', 'id'),
        ...unit.memberFields<MissionValues, MissionDraft>(
          'team',
          'id',
          ['name', 'institution', 'role'],
          mine,
          stored,
        ),
        unit.members('products', 'id'),
        ...unit.memberFields<MissionValues, MissionDraft>(
          'products',
          'id',
          ['title', 'kind', 'planned', 'deliveredOn'],
          mine,
          stored,
        ),
        unit.members('peopleMet', 'id'),
        ...unit.memberFields<MissionValues, MissionDraft>(
          'peopleMet',
          'id',
          ['role', 'organisation', 'count'],
          mine,
          stored,
        ),
      ],
    };
    follows.set(lang, plan);
  }
  return plan;
}
