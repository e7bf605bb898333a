// Code lists stored as values; the UI shows translated labels (see shared domain reference).

export const SECTORS = [
  'cccm',
  'early_recovery',
  'education',
  'telecom',
  'food_security',
  'health',
  'logistics',
  'nutrition',
  'protection',
  'shelter',
  'wash',
] as const;
export type Sector = (typeof SECTORS)[number];

export const THEMES = [
  'urban_planning',
  'local_economic_development',
  'environmental_management',
  'coastal_risk',
  'governance',
] as const;
export type Theme = (typeof THEMES)[number];

/** IATI activity status codes. */
export const MISSION_STATUSES = [1, 2, 3, 4, 5, 6] as const;
export type MissionStatus = (typeof MISSION_STATUSES)[number];

export const METHODS = ['kii', 'obs', 'fgd', 'sdr'] as const;
export type Method = (typeof METHODS)[number];

export const SEVERITIES = [1, 2, 3, 4, 5] as const;
export type Severity = (typeof SEVERITIES)[number];
/** The scale severities are stored against; JIAF phase labels are shown but not claimed as official. */
export const SEVERITY_SCALE = 'jiaf-1-5';

export const PLACARDS = ['green', 'yellow', 'red'] as const;
export type Placard = (typeof PLACARDS)[number];

/** EMS-98 damage grades. */
export const DAMAGE_GRADES = [0, 1, 2, 3, 4, 5] as const;
export type DamageGrade = (typeof DAMAGE_GRADES)[number];

export const STRUCTURE_TYPES = [
  'rc_frame',
  'confined_masonry',
  'unreinforced_masonry',
  'timber',
  'bahareque',
  'other',
] as const;
export type StructureType = (typeof STRUCTURE_TYPES)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const SDGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] as const;
export type Sdg = (typeof SDGS)[number];

export const SENDAI_PRIORITIES = ['sendai-1', 'sendai-2', 'sendai-3', 'sendai-4'] as const;
export type SendaiPriority = (typeof SENDAI_PRIORITIES)[number];

export const TEAM_ROLES = ['lead', 'technician', 'support'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Who requested the Terms of Reference: a municipality, an association of municipalities, or AME itself. */
export const COUNTERPART_KINDS = ['municipality', 'association', 'ame'] as const;
export type CounterpartKind = (typeof COUNTERPART_KINDS)[number];

/** What a mission delivers; expected products of the ToR and products delivered are one list. */
export const PRODUCT_KINDS = ['diagnostic', 'plan', 'workshop', 'report', 'other'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** The SDG 11 targets most used by city missions, offered before any other target. */
export const SDG_CITY_TARGETS = ['11.1', '11.3', '11.5', '11.b'] as const;

export const PROVINCE = { pcode: 'EC13', name: 'Manabí' } as const;

export interface Canton {
  readonly pcode: string;
  readonly name: string;
  readonly seat?: string;
  /** Approximate seat coordinates, where known. */
  readonly lat?: number;
  readonly lon?: number;
}

export const CANTONS: readonly Canton[] = [
  { pcode: 'EC1301', name: 'Portoviejo', lat: -1.052, lon: -80.451 },
  { pcode: 'EC1302', name: 'Bolívar', seat: 'Calceta' },
  { pcode: 'EC1303', name: 'Chone', lat: -0.699, lon: -80.093 },
  { pcode: 'EC1304', name: 'El Carmen' },
  { pcode: 'EC1305', name: 'Flavio Alfaro' },
  { pcode: 'EC1306', name: 'Jipijapa' },
  { pcode: 'EC1307', name: 'Junín' },
  { pcode: 'EC1308', name: 'Manta', lat: -0.949, lon: -80.731 },
  { pcode: 'EC1309', name: 'Montecristi', lat: -1.046, lon: -80.659 },
  { pcode: 'EC1310', name: 'Paján' },
  { pcode: 'EC1311', name: 'Pichincha' },
  { pcode: 'EC1312', name: 'Rocafuerte' },
  { pcode: 'EC1313', name: 'Santa Ana' },
  { pcode: 'EC1314', name: 'Sucre', seat: 'Bahía de Caráquez', lat: -0.603, lon: -80.424 },
  { pcode: 'EC1315', name: 'Tosagua' },
  { pcode: 'EC1316', name: '24 de Mayo' },
  { pcode: 'EC1317', name: 'Pedernales', lat: 0.072, lon: -80.053 },
  { pcode: 'EC1318', name: 'Olmedo' },
  { pcode: 'EC1319', name: 'Puerto López' },
  { pcode: 'EC1320', name: 'Jama' },
  { pcode: 'EC1321', name: 'Jaramijó', lat: -0.949, lon: -80.638 },
  { pcode: 'EC1322', name: 'San Vicente' },
];

export function cantonByPcode(pcode: string): Canton | undefined {
  return CANTONS.find((canton) => canton.pcode === pcode);
}

/** Parish P-codes extend the canton's by two digits; 50 is the canton seat (form inferred, see domain notes). */
export function isParishPcode(pcode: string, cantonPcode: string): boolean {
  return (
    pcode.length === cantonPcode.length + 2 &&
    pcode.startsWith(cantonPcode) &&
    /^\d{2}$/.test(pcode.slice(-2))
  );
}

export function includes<T>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}
