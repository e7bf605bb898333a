// Shows a stored value as the user sees it in the form (code labels, local dates and numbers), for the marks of
// fields changed on two devices or by a colleague meanwhile; anything else is shown as its raw text, never markup.
import { cantonByPcode } from '../../../domain/codes.ts';
import { formatEuros } from '../../i18n/numbers.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { MarkedKind } from './paths.ts';

const MAX_SHOWN = 80;

function cut(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** Any value a device sent, as text cut to about 80 characters. */
export function rawText(value: unknown): string {
  if (typeof value === 'string') return cut(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    try {
      text = String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return cut(text);
}

/** Formats one kind of value; null when the value is not of that kind, so its raw text is shown instead. */
type Show = (value: unknown, i18n: Translator) => string | null;

const code =
  (prefix: string): Show =>
  (value, { code }) =>
    typeof value === 'string' || typeof value === 'number' ? code(prefix, value) : null;
const day: Show = (value, { date }) => (typeof value === 'string' ? date(value) : null);
const moment: Show = (value, { dateTime }) => (typeof value === 'string' ? dateTime(value) : null);
const count: Show = (value, { number }) => (typeof value === 'number' ? number(value) : null);
const euros: Show = (value, { lang }) => (typeof value === 'number' ? formatEuros(value, lang) : null);
const coordinate: Show = (value) => (typeof value === 'number' ? value.toFixed(5) : null);
const metres: Show = (value, { t, number }) =>
  typeof value === 'number' ? t('marks.metres', { value: number(Math.round(value)) }) : null;
const canton: Show = (value, { t }) => {
  if (typeof value !== 'string') return null;
  const found = cantonByPcode(value);
  return found ? t('assessments.cantonOption', { name: found.name, pcode: found.pcode }) : value;
};
const list: Show = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value.join(' · ') : null;
const presence: Show = (value, { t }) =>
  typeof value === 'boolean' ? t(value ? 'marks.included' : 'marks.notIncluded') : null;
/** A GPS fix as a whole (a colleague's new position), or its presence register. */
const position: Show = (value, i18n) => {
  if (typeof value === 'boolean') return presence(value, i18n);
  if (typeof value !== 'object' || value === null) return null;
  const { lat, lon, accuracy } = value as Record<string, unknown>;
  if (typeof lat !== 'number' || typeof lon !== 'number' || typeof accuracy !== 'number') return null;
  return i18n.t('marks.position', {
    lat: lat.toFixed(5),
    lon: lon.toFixed(5),
    accuracy: i18n.number(Math.round(accuracy)),
  });
};
const deleted: Show = (value, i18n) =>
  typeof value === 'string' ? i18n.t('marks.deleted', { when: i18n.dateTime(value) }) : null;

const GPS: Record<string, Show> = {
  gps: position,
  'gps.lat': coordinate,
  'gps.lon': coordinate,
  'gps.accuracy': metres,
  'gps.capturedAt': moment,
};

const BY_KIND: Record<MarkedKind, Record<string, Show>> = {
  assessment: {
    ...GPS,
    date: day,
    method: code('method'),
    canton,
    priorities: list,
    'sectors.*.severity': code('severity'),
    'sectors.*.affected': count,
    'sectors.*.inNeed': count,
    'breakdown.women': count,
    'breakdown.men': count,
    'breakdown.children': count,
    'breakdown.elderly': count,
    inspection: presence,
    'inspection.placard': code('placard'),
    'inspection.damageGrade': code('damageGrade'),
    'inspection.structureType': code('structure'),
    'inspection.storeys': count,
    'inspection.occupants': count,
  },
  mission: {
    hostCanton: canton,
    startDate: day,
    endDate: day,
    remoteSupportEnd: day,
    status: code('missionStatus'),
    'team.*.role': code('teamRole'),
    counterpartKind: code('counterpartKind'),
    plannedPersonDays: count,
    remotePersonDays: count,
    budgetPlannedEur: euros,
    budgetExecutedEur: euros,
    'products.*.kind': code('productKind'),
    'products.*.deliveredOn': day,
    'peopleMet.*.count': count,
  },
  action: { dueDate: day, status: code('actionStatus') },
  note: { ...GPS, tags: list },
};

const MEMBERS = new Set(['sectors', 'team', 'products', 'peopleMet']);

/** "sectors.health.severity" → "sectors.*.severity": the member's key does not change how a value is shown. */
function shapeOf(path: string): string {
  const parts = path.split('.');
  if (parts.length === 3 && MEMBERS.has(parts[0]!)) parts[1] = '*';
  return parts.join('.');
}

/** A formatter for one record kind's values, by the path of the field that holds them. */
export function valueFormatter(kind: MarkedKind, i18n: Translator): (path: string, value: unknown) => string {
  return (path, value) => {
    try {
      if (value === null || value === undefined || value === '') {
        return path === 'deletedAt' ? i18n.t('marks.notDeleted') : i18n.t('marks.empty');
      }
      const show = path === 'deletedAt' ? deleted : BY_KIND[kind][shapeOf(path)];
      const shown = show?.(value, i18n) ?? null;
      if (shown !== null) return cut(shown);
      if (typeof value === 'boolean') return presence(value, i18n) ?? rawText(value);
      if (typeof value === 'number' && Number.isFinite(value)) return i18n.number(value);
      return rawText(value);
    } catch {
      return rawText(value);
    }
  };
}
