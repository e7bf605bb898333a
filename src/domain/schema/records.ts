// The record schema: every record kind of a mission and every field it holds, with its merge rule, validation and
// default, declared once. The app reads and writes documents through it; the server can check them with it.
import * as v from 'valibot';
import {
  ACTION_STATUSES,
  COUNTERPART_KINDS,
  DAMAGE_GRADES,
  METHODS,
  MISSION_STATUSES,
  PLACARDS,
  PRODUCT_KINDS,
  SECTORS,
  SENDAI_PRIORITIES,
  SEVERITIES,
  STRUCTURE_TYPES,
  TEAM_ROLES,
  THEMES,
} from '../codes.ts';
import type { ActionId, AssessmentId, Sha256 } from '../ids.ts';
import { COMMENT_TARGET_KINDS, MAX_REVIEW_TEXT, REVIEW_DECISIONS } from '../review.ts';
import {
  collection,
  ranked,
  register,
  set,
  struct,
  text,
  type RecordFields,
  type ValueSchema,
} from './fields.ts';
import {
  MAX_LONG_TEXT,
  amountEur,
  cantonOrEmpty,
  codeOf,
  codeOrEmpty,
  count,
  dateOrEmpty,
  label,
  latitude,
  longitude,
  metres,
  optionalCodeOf,
  personDays,
  rowId,
  sdgCode,
  sha256,
  shortText,
  timestamp,
} from './values.ts';

export { SCHEMA_VERSION } from './version.ts';

// A fixed locale, so every device sorts alike; numeric, so SDG "2" comes before "11" and "11" before "11.5".
const collator = new Intl.Collator('en', { numeric: true });
const byText = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const inListOrder =
  <T>(list: readonly T[]) =>
  (a: T, b: T): number =>
    list.indexOf(a) - list.indexOf(b);

const geoFields = {
  lat: register(latitude, 0, { required: true }),
  lon: register(longitude, 0, { required: true }),
  /** Metres, as the device reported it. */
  accuracy: register(metres, 0),
  capturedAt: register(timestamp, ''),
};

const geoPoint = v.object({
  lat: latitude,
  lon: longitude,
  accuracy: metres,
  capturedAt: timestamp,
});

/** Photos never change once taken: a photo is one immutable entry of a set, keyed by its hash. */
const photoRef = v.object({
  sha256: v.pipe(
    sha256,
    v.transform((s) => s as Sha256),
  ),
  mime: v.pipe(v.string(), v.regex(/^image\/[a-z0-9.+-]{1,40}$/)),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  width: v.pipe(v.number(), v.integer(), v.minValue(0)),
  height: v.pipe(v.number(), v.integer(), v.minValue(0)),
  takenAt: timestamp,
  /** Present only when the technician chose to keep the location with the photo. */
  location: v.nullable(geoPoint),
}) satisfies ValueSchema<unknown>;

const linkTarget = v.variant('kind', [
  v.object({
    kind: v.literal('assessment'),
    id: v.pipe(
      rowId,
      v.transform((s) => s as AssessmentId),
    ),
  }),
  v.object({
    kind: v.literal('action'),
    id: v.pipe(
      rowId,
      v.transform((s) => s as ActionId),
    ),
  }),
]);

const photos = set(
  photoRef,
  (p) => p.sha256,
  (a, b) => a.takenAt.localeCompare(b.takenAt) || byText(a.sha256, b.sha256),
);

/** A caption is a sentence or two: what the photo shows, for whoever reads the record later. */
export const MAX_CAPTION = 500;

/**
 * Captions of a record's photos, one member per photo hash: photos themselves never change (a set, M4), so a
 * caption is a register beside them. Two devices captioning different photos both keep theirs (M6); captioning
 * the same photo at once keeps both, the later shown (M2). A caption of a photo no longer in the record is not shown.
 */
const captions = collection({
  keyField: 'photo',
  key: v.pipe(
    sha256,
    v.transform((s) => s as Sha256),
  ),
  fields: { text: register(shortText(MAX_CAPTION), '') },
  max: 200,
});

export const MISSION_FIELDS = {
  title: register(shortText(), '', { required: true }),
  torReference: register(shortText(), ''),
  torText: text(MAX_LONG_TEXT),
  hostCanton: register(cantonOrEmpty, '', { required: true }),
  themes: set(codeOf(THEMES), (t) => t, inListOrder(THEMES)),
  team: collection({
    keyField: 'id',
    key: rowId,
    fields: {
      name: register(shortText(), '', { required: true }),
      institution: register(shortText(), ''),
      role: register(codeOf(TEAM_ROLES), 'technician'),
    },
    max: 50,
  }),
  startDate: register(dateOrEmpty, '', { required: true }),
  endDate: register(dateOrEmpty, ''),
  remoteSupportEnd: register(dateOrEmpty, ''),
  objectives: text(MAX_LONG_TEXT),
  status: register(codeOf(MISSION_STATUSES), 1),
  /** SDG goals ("11") or targets ("11.5"). */
  sdgs: set(sdgCode, (s) => s, byText),
  sendai: set(codeOf(SENDAI_PRIORITIES), (s) => s, inListOrder(SENDAI_PRIORITIES)),
  // What the mission report and the year's accounts count. Added within schema 2: a record that never had them
  // reads their defaults, and an earlier app leaves them untouched (docs/merge.md M13).
  /** Who requested the Terms of Reference ('' = not recorded). */
  counterpartKind: register(codeOrEmpty(COUNTERPART_KINDS), ''),
  requestingCounterpart: register(shortText(), ''),
  /** The counterpart's focal point, by role and organisation, never a private person's details. */
  focalPoint: register(shortText(), ''),
  plannedPersonDays: register(personDays, null),
  /** Technician-days of remote support. */
  remotePersonDays: register(personDays, null),
  budgetPlannedEur: register(amountEur, null),
  budgetExecutedEur: register(amountEur, null),
  /** Expected products of the ToR (`planned`) and products delivered (`deliveredOn`) are one list (M6). */
  products: collection({
    keyField: 'id',
    key: rowId,
    fields: {
      title: register(shortText(), '', { required: true }),
      kind: register(codeOrEmpty(PRODUCT_KINDS), ''),
      planned: register(v.boolean('invalid'), false),
      deliveredOn: register(dateOrEmpty, ''),
    },
    max: 100,
  }),
  /** People met, by role and organisation: never a person's name. */
  peopleMet: collection({
    keyField: 'id',
    key: rowId,
    fields: {
      role: register(shortText(), '', { required: true }),
      organisation: register(shortText(), ''),
      count: register(count, null),
    },
    max: 200,
  }),
} as const satisfies RecordFields;

export const ASSESSMENT_FIELDS = {
  title: register(shortText(), '', { required: true }),
  date: register(dateOrEmpty, '', { required: true }),
  // A method must be chosen: "required" is what the form says when it is not one of the list.
  method: register(codeOf(METHODS, 'required'), 'kii'),
  informantRole: register(shortText(), ''),
  siteReason: register(shortText(MAX_LONG_TEXT), ''),
  canton: register(cantonOrEmpty, '', { required: true }),
  parish: register(shortText(), ''),
  gps: struct(geoFields, { nullable: true }),
  sectors: collection({
    keyField: 'sector',
    key: codeOf(SECTORS, 'required'),
    fields: {
      severity: register(codeOf(SEVERITIES, 'severityRange'), 1),
      affected: register(count, null),
      inNeed: register(count, null),
      notes: register(shortText(MAX_LONG_TEXT), ''),
    },
    max: SECTORS.length,
  }),
  breakdown: struct({
    women: register(count, null),
    men: register(count, null),
    children: register(count, null),
    elderly: register(count, null),
  }),
  /** Ranked, most important first. */
  priorities: ranked(label, 3),
  gaps: text(MAX_LONG_TEXT),
  recommendations: text(MAX_LONG_TEXT),
  inspection: struct(
    {
      placard: register(optionalCodeOf(PLACARDS), null),
      damageGrade: register(optionalCodeOf(DAMAGE_GRADES), null),
      structureType: register(optionalCodeOf(STRUCTURE_TYPES), null),
      use: register(shortText(), ''),
      storeys: register(count, null),
      occupants: register(count, null),
    },
    { nullable: true },
  ),
  photos,
  captions,
} as const satisfies RecordFields;

export const NOTE_FIELDS = {
  text: text(MAX_LONG_TEXT),
  tags: set(label, (t) => t, byText),
  gps: struct(geoFields, { nullable: true }),
  photos,
  captions,
  links: set(
    linkTarget,
    (l) => `${l.kind}:${l.id}`,
    (a, b) => byText(`${a.kind}:${a.id}`, `${b.kind}:${b.id}`),
  ),
} as const satisfies RecordFields;

export const ACTION_FIELDS = {
  activity: register(shortText(), '', { required: true }),
  responsible: register(shortText(), ''),
  dueDate: register(dateOrEmpty, ''),
  status: register(codeOf(ACTION_STATUSES), 'planned'),
  torProduct: register(shortText(), ''),
} as const satisfies RecordFields;

/** The review's decision (`review:<id>` documents): one per mission, written only by coordinators. */
export const DECISION_FIELDS = {
  decision: register(codeOf(REVIEW_DECISIONS), 'pending'),
  // Schema 1 stored "no note" as null.
  note: register(
    v.pipe(
      v.nullable(shortText(MAX_REVIEW_TEXT)),
      v.transform((note) => note ?? ''),
    ),
    '',
  ),
} as const satisfies RecordFields;

/** A coordinator's comment on the mission or one of its records. */
export const COMMENT_FIELDS = {
  target: struct({
    kind: register(codeOf(COMMENT_TARGET_KINDS), 'mission'),
    id: register(rowId, ''),
  }),
  text: register(shortText(MAX_REVIEW_TEXT), ''),
} as const satisfies RecordFields;

/** Every kind of record, by the name the storage layer knows it by. */
export const RECORD_FIELDS = {
  mission: MISSION_FIELDS,
  assessment: ASSESSMENT_FIELDS,
  note: NOTE_FIELDS,
  action: ACTION_FIELDS,
  decision: DECISION_FIELDS,
  comment: COMMENT_FIELDS,
} as const;

export type SchemaKind = keyof typeof RECORD_FIELDS;
