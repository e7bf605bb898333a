// Where the demo missions take place: the 22 cantons of Manabí, weighted towards the reference programme's eight.
import { CANTONS } from '../../domain/codes.ts';

export interface SeedPlace {
  pcode: string;
  name: string;
  /** The town the missions work from, and its coordinates. */
  town: string;
  lat: number;
  lon: number;
  /** Parishes (or barrios) of the town an assessment may name. */
  parishes: readonly string[];
  /** How often a mission goes there, relative to the others. */
  weight: number;
}

/**
 * Coordinates from the domain reference where it gives them (and src/domain/codes.ts); the others are rounded
 * positions of the canton seats, close enough for demo data and never presented as surveyed.
 */
const EXTRA: Record<string, { lat: number; lon: number; parishes: string[]; weight?: number }> = {
  EC1301: {
    lat: -1.052,
    lon: -80.451,
    parishes: ['12 de Marzo', 'Andrés de Vera', 'Picoazá', 'Colón'],
    weight: 6,
  },
  EC1302: { lat: -0.845, lon: -80.167, parishes: ['Calceta', 'Membrillo', 'Quiroga'] },
  EC1303: { lat: -0.699, lon: -80.093, parishes: ['Chone', 'Canuto', 'San Antonio', 'Boyacá'], weight: 5 },
  EC1304: { lat: -0.27, lon: -79.456, parishes: ['El Carmen', 'Wilfrido Loor', 'San Pedro de Suma'] },
  EC1305: { lat: -0.401, lon: -79.909, parishes: ['Flavio Alfaro', 'Zapallo'] },
  EC1306: { lat: -1.348, lon: -80.578, parishes: ['Jipijapa', 'Puerto Cayo', 'Membrillal'] },
  EC1307: { lat: -0.928, lon: -80.207, parishes: ['Junín'] },
  EC1308: {
    lat: -0.949,
    lon: -80.731,
    parishes: ['Tarqui', 'Los Esteros', 'Eloy Alfaro', 'San Mateo'],
    weight: 6,
  },
  EC1309: { lat: -1.046, lon: -80.659, parishes: ['Montecristi', 'La Pila', 'Leonidas Proaño'], weight: 5 },
  EC1310: { lat: -1.556, lon: -80.427, parishes: ['Paján', 'Campozano'] },
  EC1311: { lat: -1.046, lon: -79.82, parishes: ['Pichincha', 'Barraganete'] },
  EC1312: { lat: -0.922, lon: -80.449, parishes: ['Rocafuerte'] },
  EC1313: { lat: -1.206, lon: -80.371, parishes: ['Santa Ana', 'Ayacucho', 'Honorato Vásquez'] },
  EC1314: {
    lat: -0.603,
    lon: -80.424,
    parishes: ['Bahía de Caráquez', 'Leónidas Plaza', 'Charapotó'],
    weight: 5,
  },
  EC1315: { lat: -0.787, lon: -80.235, parishes: ['Tosagua', 'Bachillero'] },
  EC1316: { lat: -1.271, lon: -80.41, parishes: ['Sucre', 'Noboa'] },
  EC1317: {
    lat: 0.072,
    lon: -80.053,
    parishes: ['Pedernales', 'Cojimíes', '10 de Agosto', 'Atahualpa'],
    weight: 8,
  },
  EC1318: { lat: -1.394, lon: -80.212, parishes: ['Olmedo'] },
  EC1319: { lat: -1.559, lon: -80.81, parishes: ['Puerto López', 'Machalilla', 'Salango'] },
  EC1320: { lat: -0.2, lon: -80.26, parishes: ['Jama'], weight: 5 },
  EC1321: { lat: -0.949, lon: -80.638, parishes: ['Jaramijó'], weight: 4 },
  EC1322: { lat: -0.59, lon: -80.41, parishes: ['San Vicente', 'Canoa'] },
};

export const PLACES: readonly SeedPlace[] = CANTONS.map((canton) => {
  const extra = EXTRA[canton.pcode];
  if (extra === undefined) throw new Error(`no demo place for ${canton.pcode}`);
  return {
    pcode: canton.pcode,
    name: canton.name,
    town: canton.seat ?? canton.name,
    lat: canton.lat ?? extra.lat,
    lon: canton.lon ?? extra.lon,
    parishes: extra.parishes,
    weight: extra.weight ?? 1,
  };
});
