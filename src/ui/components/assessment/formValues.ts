// The assessment form's state: counts kept as typed text, parsed into an AssessmentDraft only on save.
import type { DamageGrade, Method, Placard, Sector, Severity, StructureType } from '../../../domain/codes.ts';
import type { Assessment, GeoPoint, Language, PhotoRef } from '../../../domain/model.ts';
import type { AssessmentDraft, FieldErrors } from '../../../domain/validation.ts';
import { formatNumberInput, readNumber } from '../../i18n/numbers.ts';
import { same, unit, type FollowPlan, type Unit } from '../marks/follow.ts';

export const BREAKDOWN_KEYS = ['women', 'men', 'children', 'elderly'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

/** Three ranked slots, always shown; empty ones are dropped on save. */
export const PRIORITY_SLOTS = 3;

export interface SectorValues {
  sector: Sector;
  /** "" until chosen: a severity is a judgement, never a silent default. */
  severity: string;
  affected: string;
  inNeed: string;
  notes: string;
}

export interface InspectionValues {
  placard: Placard | '';
  damageGrade: string;
  structureType: StructureType | '';
  use: string;
  storeys: string;
  occupants: string;
}

export interface AssessmentValues {
  title: string;
  date: string;
  method: Method;
  informantRole: string;
  siteReason: string;
  canton: string;
  parish: string;
  gps: GeoPoint | null;
  sectors: SectorValues[];
  breakdown: Record<BreakdownKey, string>;
  priorities: string[];
  gaps: string;
  recommendations: string;
  /** The inspection's values survive switching it off and on again; only a ticked box saves them. */
  withInspection: boolean;
  inspection: InspectionValues;
  photos: PhotoRef[];
  keepLocation: boolean;
}

/** What the form writes: every stored field of an assessment. */
export type SavedAssessment = AssessmentDraft & { photos: PhotoRef[] };

/** Kept on disk while typing: the values, and for an edit the stored fields the form opened with. */
export interface AssessmentFormDraft {
  values: AssessmentValues;
  base: SavedAssessment | null;
}

export interface SectionProps {
  values: AssessmentValues;
  set: (patch: Partial<AssessmentValues>) => void;
  errors: FieldErrors;
  disabled: boolean;
}

const EMPTY_INSPECTION: InspectionValues = {
  placard: '',
  damageGrade: '',
  structureType: '',
  use: '',
  storeys: '',
  occupants: '',
};

export function emptyValues(canton: string, today: string): AssessmentValues {
  return {
    title: '',
    date: today,
    // Key-informant interviews are the core of a MIRA site visit.
    method: 'kii',
    informantRole: '',
    siteReason: '',
    canton,
    parish: '',
    gps: null,
    sectors: [],
    breakdown: { women: '', men: '', children: '', elderly: '' },
    priorities: ['', '', ''],
    gaps: '',
    recommendations: '',
    withInspection: false,
    inspection: EMPTY_INSPECTION,
    photos: [],
    keepLocation: false,
  };
}

const optionalCode = (value: string | number | null): string => (value === null ? '' : String(value));

export function valuesFrom(a: Assessment, lang: Language): AssessmentValues {
  const formatCount = (value: number | null) => formatNumberInput(value, lang);
  const priorities = [...a.priorities.slice(0, PRIORITY_SLOTS)];
  while (priorities.length < PRIORITY_SLOTS) priorities.push('');
  const inspection = a.inspection;
  return {
    ...emptyValues(a.canton, a.date),
    title: a.title,
    method: a.method,
    informantRole: a.informantRole,
    siteReason: a.siteReason,
    parish: a.parish,
    gps: a.gps,
    sectors: a.sectors.map((s) => ({
      sector: s.sector,
      severity: String(s.severity),
      affected: formatCount(s.affected),
      inNeed: formatCount(s.inNeed),
      notes: s.notes,
    })),
    breakdown: {
      women: formatCount(a.breakdown.women),
      men: formatCount(a.breakdown.men),
      children: formatCount(a.breakdown.children),
      elderly: formatCount(a.breakdown.elderly),
    },
    priorities,
    gaps: a.gaps,
    recommendations: a.recommendations,
    withInspection: inspection !== null,
    inspection: inspection
      ? {
          placard: inspection.placard ?? '',
          damageGrade: optionalCode(inspection.damageGrade),
          structureType: inspection.structureType ?? '',
          use: inspection.use,
          storeys: formatCount(inspection.storeys),
          occupants: formatCount(inspection.occupants),
        }
      : EMPTY_INSPECTION,
    photos: a.photos,
    keepLocation: a.photos.some((p) => p.location !== null),
  };
}

export function savedFrom(a: Assessment): SavedAssessment {
  return {
    title: a.title,
    date: a.date,
    method: a.method,
    informantRole: a.informantRole,
    siteReason: a.siteReason,
    canton: a.canton,
    parish: a.parish,
    gps: a.gps,
    sectors: a.sectors,
    breakdown: a.breakdown,
    priorities: a.priorities,
    gaps: a.gaps,
    recommendations: a.recommendations,
    inspection: a.inspection,
    photos: a.photos,
  };
}

/** A typed count as a number: null when empty, NaN when unreadable, so the validator refuses it too. */
function parseCount(text: string, lang: Language): number | null {
  const reading = readNumber(text, lang);
  return 'value' in reading ? reading.value : Number.NaN;
}

/** Parses the typed values, as the interface language writes numbers; unreadable counts become NaN. */
export function toSaved(v: AssessmentValues, lang: Language): SavedAssessment {
  const i = v.inspection;
  const count = (text: string) => parseCount(text, lang);
  return {
    title: v.title.trim(),
    date: v.date,
    method: v.method,
    informantRole: v.informantRole.trim(),
    siteReason: v.siteReason.trim(),
    canton: v.canton,
    parish: v.parish.trim(),
    gps: v.gps,
    sectors: v.sectors.map((s) => ({
      sector: s.sector,
      // Empty (not chosen) becomes 0, which the validator reports as out of range.
      severity: Number(s.severity) as Severity,
      affected: count(s.affected),
      inNeed: count(s.inNeed),
      notes: s.notes.trim(),
    })),
    breakdown: {
      women: count(v.breakdown.women),
      men: count(v.breakdown.men),
      children: count(v.breakdown.children),
      elderly: count(v.breakdown.elderly),
    },
    priorities: v.priorities.map((p) => p.trim()).filter(Boolean),
    gaps: v.gaps,
    recommendations: v.recommendations,
    inspection: v.withInspection
      ? {
          placard: i.placard === '' ? null : i.placard,
          damageGrade: i.damageGrade === '' ? null : (Number(i.damageGrade) as DamageGrade),
          structureType: i.structureType === '' ? null : i.structureType,
          use: i.use.trim(),
          storeys: count(i.storeys),
          occupants: count(i.occupants),
        }
      : null,
    photos: v.photos,
  };
}

/**
 * Only the fields this form changed since it opened, so a colleague's concurrent edit to another field of the
 * same assessment is kept; storage then writes only what differs from the document.
 */
export function changedFields(base: SavedAssessment | null, next: SavedAssessment): Partial<SavedAssessment> {
  if (!base) return next;
  const keys = Object.keys(next) as (keyof SavedAssessment)[];
  const changed = keys.filter((key) => JSON.stringify(next[key]) !== JSON.stringify(base[key]));
  return Object.fromEntries(changed.map((key) => [key, next[key]])) as Partial<SavedAssessment>;
}

const INSPECTION_KEYS = ['placard', 'damageGrade', 'structureType', 'use', 'storeys', 'occupants'] as const;
const SECTOR_FIELDS = ['severity', 'affected', 'inNeed', 'notes'] as const;

/** The inspection the form's values would save, whether or not its box is ticked. */
const typedInspection = (values: AssessmentValues, lang: Language) =>
  toSaved({ ...values, withInspection: true }, lang).inspection!;

/**
 * The inspection switched on or off by a colleague: followed like any field when the user did not switch it; the
 * values the user typed into it stay, with the base they started from, so they are saved beside the colleague's.
 */
const inspectionPresence = (lang: Language): Unit<AssessmentValues, SavedAssessment> => ({
  type: 'custom',
  path: 'inspection',
  apply: (draft, stored, fresh) => {
    const base = draft.base!;
    const started = base.inspection !== null;
    const now = stored.inspection !== null;
    if (started === now) return draft;
    const followed = draft.values.withInspection === started;
    if (!stored.inspection) {
      const values = followed ? { ...draft.values, withInspection: false } : draft.values;
      return { values, base: { ...base, inspection: null } };
    }
    const typed = typedInspection(draft.values, lang);
    const from = base.inspection ?? typedInspection({ ...draft.values, inspection: EMPTY_INSPECTION }, lang);
    const untouched = INSPECTION_KEYS.filter((key) => same(typed[key], from[key]));
    const inspection = { ...draft.values.inspection };
    for (const key of untouched) Object.assign(inspection, { [key]: fresh.inspection[key] });
    const values = { ...draft.values, withInspection: true, inspection };
    if (!followed) return { values, base };
    const touched = INSPECTION_KEYS.filter((key) => !untouched.includes(key));
    const kept = Object.fromEntries(touched.map((key) => [key, from[key]]));
    return { values, base: { ...base, inspection: { ...stored.inspection, ...kept } } };
  },
});

const follows = new Map<Language, FollowPlan<AssessmentValues, SavedAssessment>>();

/** How an open assessment form follows the stored assessment (marks/follow.ts): field by field, sector by sector. */
export function assessmentFollow(lang: Language): FollowPlan<AssessmentValues, SavedAssessment> {
  let plan = follows.get(lang);
  if (!plan) {
    plan = followPlan(lang);
    follows.set(lang, plan);
  }
  return plan;
}

const followPlan = (lang: Language): FollowPlan<AssessmentValues, SavedAssessment> => ({
  mine: (values) => toSaved(values, lang),
  units: (draft, stored, mine) => [
    ...(['title', 'date', 'method', 'informantRole', 'siteReason', 'canton', 'parish', 'gps'] as const).map(
      (path) => unit.value<AssessmentValues, SavedAssessment>(path),
    ),
    unit.value('priorities'),
    unit.text('gaps'),
    unit.text('recommendations'),
    unit.set('photos', (photo) => (photo as PhotoRef).sha256),
    unit.members('sectors', 'sector'),
    ...unit.memberFields<AssessmentValues, SavedAssessment>('sectors', 'sector', SECTOR_FIELDS, mine, stored),
    ...BREAKDOWN_KEYS.map((key) => unit.value<AssessmentValues, SavedAssessment>(`breakdown.${key}`)),
    inspectionPresence(lang),
    ...(draft.values.withInspection && stored.inspection
      ? INSPECTION_KEYS.map((key) => unit.value<AssessmentValues, SavedAssessment>(`inspection.${key}`))
      : []),
  ],
});

/**
 * Counts typed ambiguously ("1.200" in English): the validator sees only NaN for them, which would say "enter a
 * number"; this names the real problem. Paths as the validator's ("sectors.0.affected").
 */
export function numberErrors(v: AssessmentValues, lang: Language): FieldErrors {
  const typed: [string, string][] = [
    ...v.sectors.flatMap((s, index): [string, string][] => [
      [`sectors.${index}.affected`, s.affected],
      [`sectors.${index}.inNeed`, s.inNeed],
    ]),
    ...BREAKDOWN_KEYS.map((key): [string, string] => [`breakdown.${key}`, v.breakdown[key]]),
    ...(v.withInspection
      ? (['storeys', 'occupants'] as const).map((key): [string, string] => [
          `inspection.${key}`,
          v.inspection[key],
        ])
      : []),
  ];
  const errors: FieldErrors = {};
  for (const [path, text] of typed) {
    const reading = readNumber(text, lang);
    if ('problem' in reading && reading.problem === 'ambiguousNumber') errors[path] = reading.problem;
  }
  return errors;
}
