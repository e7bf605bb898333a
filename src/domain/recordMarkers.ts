// What a row of a mission's list says about a record at a glance: photos (how many), a GPS fix, links.
import type { GeoPoint, LinkTarget, PhotoRef } from './model.ts';

export interface RecordMarkers {
  photos: number;
  gps: boolean;
  links: number;
}

export function markersOf(record: {
  photos: readonly PhotoRef[];
  gps: GeoPoint | null;
  links?: readonly LinkTarget[];
}): RecordMarkers {
  return { photos: record.photos.length, gps: record.gps !== null, links: record.links?.length ?? 0 };
}

/**
 * A `geo:` URI (RFC 5870) that phones open in their maps app; `q=` puts a pin there too, which Android's maps
 * need to show the point rather than just centre on it. Null for a fix that cannot be a place on Earth.
 */
export function geoUri(gps: Pick<GeoPoint, 'lat' | 'lon'> | null): string | null {
  if (!gps) return null;
  const { lat, lon } = gps;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  const point = `${lat.toFixed(6)},${lon.toFixed(6)}`;
  return `geo:${point}?q=${point}`;
}
