// The people of the demo programme: municipal technicians from Catalonia, the coordinator, the counterparts met.
import type { Random } from './random.ts';

const FIRST_NAMES = [
  'Jordi',
  'Montserrat',
  'Núria',
  'Pere',
  'Marta',
  'Joan',
  'Laia',
  'Arnau',
  'Mireia',
  'Oriol',
  'Meritxell',
  'Xavier',
  'Anna',
  'Albert',
  'Gemma',
  'Pau',
  'Roser',
  'Sergi',
  'Carme',
  'Jaume',
  'Queralt',
  'Marc',
  'Eulàlia',
  'Ferran',
  'Berta',
  'Quim',
  'Aina',
  'Lluís',
  'Judit',
  'Ramon',
];

const SURNAMES = [
  'Puig',
  'Vila',
  'Soler',
  'Ferrer',
  'Serra',
  'Pujol',
  'Font',
  'Roca',
  'Batlle',
  'Camps',
  'Riera',
  'Vidal',
  'Bosch',
  'Sala',
  'Costa',
  'Mas',
  'Prat',
  'Coll',
  'Grau',
  'Noguera',
  'Rovira',
  'Pons',
  'Torrent',
  'Sabaté',
  'Oliveras',
  'Canals',
  'Vilaró',
  'Cardona',
  'Bertran',
];

/** Sending institutions; the first three sent most technicians in the reference programme. */
const INSTITUTIONS: readonly (readonly [string, number])[] = [
  ['Ajuntament de Barcelona', 6],
  ['Àrea Metropolitana de Barcelona', 5],
  ['Ajuntament de Girona', 4],
  ['Diputació de Barcelona', 2],
  ['Ajuntament de Lleida', 2],
  ['Ajuntament de Tarragona', 2],
  ['Ajuntament de Sabadell', 1],
  ['Ajuntament de Terrassa', 1],
  ['Ajuntament de Manresa', 1],
  ['Ajuntament de Vic', 1],
  ['Ajuntament de Mataró', 1],
  ['Ajuntament de Granollers', 1],
  ["Ajuntament de l'Hospitalet de Llobregat", 1],
  ['Ajuntament de Sant Cugat del Vallès', 1],
];

export interface Technician {
  name: string;
  institution: string;
}

/** A Catalan name with both surnames, as the technicians sign. */
export function catalanName(random: Random): string {
  const [first, second] = random.sample(SURNAMES, 2);
  return `${random.pick(FIRST_NAMES)} ${first} ${second}`;
}

/** A pool of technicians the missions draw their teams from, so the same people travel more than once. */
export function technicianPool(random: Random, size: number): Technician[] {
  const names = new Set<string>();
  while (names.size < size) names.add(catalanName(random));
  return [...names].map((name) => ({ name, institution: random.weighted(INSTITUTIONS) }));
}

/** Who the coordinator's comments and decisions are signed by. */
export const COORDINATOR = 'Coordinació del programa (FCCD)';

/** Counterparts met, by role and organisation (never by private name), as each language writes them. */
export const COUNTERPARTS = {
  es: [
    'la directora de Planificación del GAD municipal',
    'el jefe de Obras Públicas del GAD municipal',
    'la técnica de Gestión de Riesgos del GAD municipal',
    'el alcalde y los concejales',
    'el presidente del comité barrial',
    'la coordinadora provincial de AME',
    'el oficial de recuperación del PNUD',
    'el director del distrito de salud',
    'la rectora de la unidad educativa',
    'el técnico de la Secretaría de Gestión de Riesgos',
    'el gerente de la empresa municipal de agua',
    'los representantes de la asociación de pescadores',
  ],
  ca: [
    'la directora de Planificació del GAD municipal',
    "el cap d'Obres Públiques del GAD municipal",
    'la tècnica de Gestió de Riscos del GAD municipal',
    "l'alcalde i els regidors",
    'el president del comitè de barri',
    "la coordinadora provincial d'AME",
    "l'oficial de recuperació del PNUD",
    "la gerent de l'empresa municipal d'aigua",
  ],
} as const;

/** Who answers an assessment's questions (a role, not a person's name). */
export const INFORMANTS = [
  'presidente del comité barrial',
  'técnica municipal de planificación',
  'director de la escuela',
  'enfermera del centro de salud',
  'responsable del albergue',
  'jefe de bomberos',
  'lideresa comunitaria',
  'técnico de agua potable del GAD',
];

/** Who an action item falls to. */
export const RESPONSIBLES = [
  'GAD municipal — Planificación',
  'GAD municipal — Obras Públicas',
  'GAD municipal — Gestión de Riesgos',
  'AME Manabí',
  'PNUD',
  'Equipo técnico catalán',
  'Coordinación FCCD',
  'Empresa municipal de agua',
];
