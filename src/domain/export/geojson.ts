// GeoJSON (RFC 7946) of the geolocated assessments and notes, for QGIS and uMap: WGS84, longitude first, no
// more than 6 decimals (about 10 cm), no "crs" member.
import type { GeoPoint } from '../model.ts';
import type { ScopedMission } from './scope.ts';
import { assessmentDate, noteDate } from './scope.ts';
import { highestSeverity } from './tables.ts';

export const GEOJSON_MIME = 'application/geo+json';
const EXCERPT = 200;

export interface PointFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | number | null>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: PointFeature[];
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Lon, lat; null for a fix out of range (the schema refuses those, this holds even if it did not). */
export function coordinates(gps: GeoPoint | null): [number, number] | null {
  if (gps === null) return null;
  const { lat, lon } = gps;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  return [round(lon), round(lat)];
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

function point(coords: [number, number], properties: PointFeature['properties']): PointFeature {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: coords }, properties };
}

export function featureCollection(scoped: readonly ScopedMission[]): FeatureCollection {
  const features: PointFeature[] = [];
  for (const { mission, assessments, notes } of scoped) {
    for (const a of assessments) {
      const coords = coordinates(a.gps);
      if (coords)
        features.push(
          point(coords, {
            kind: 'assessment',
            id: a.id,
            mission: mission.id,
            missionTitle: mission.title,
            title: a.title,
            date: assessmentDate(a),
            canton: a.canton,
            highestSeverity: highestSeverity(a.sectors),
            sectors: a.sectors.map((s) => s.sector).join('; '),
          }),
        );
    }
    for (const n of notes) {
      const coords = coordinates(n.gps);
      if (coords)
        features.push(
          point(coords, {
            kind: 'note',
            id: n.id,
            mission: mission.id,
            missionTitle: mission.title,
            text: excerpt(n.text),
            date: noteDate(n),
          }),
        );
    }
  }
  return { type: 'FeatureCollection', features };
}
