import { describe, expect, it } from 'vitest';
import { geoUri, markersOf } from '../../../src/domain/recordMarkers.ts';
import type { GeoPoint, LinkTarget, PhotoRef } from '../../../src/domain/model.ts';

const gps: GeoPoint = { lat: -0.95, lon: -80.733333, accuracy: 8, capturedAt: '2016-04-17T10:00:00.000Z' };
const photo = { sha256: 'a'.repeat(64) } as PhotoRef;
const link = { kind: 'assessment', id: 'a1' } as LinkTarget;

describe('list markers', () => {
  it('counts photos and links and says whether there is a GPS fix', () => {
    expect(markersOf({ photos: [photo, photo], gps, links: [link] })).toEqual({
      photos: 2,
      gps: true,
      links: 1,
    });
    expect(markersOf({ photos: [], gps: null, links: [] })).toEqual({ photos: 0, gps: false, links: 0 });
  });

  it('an assessment has no links: none are counted', () => {
    expect(markersOf({ photos: [photo], gps: null })).toEqual({ photos: 1, gps: false, links: 0 });
  });
});

describe('geo: link', () => {
  it('points the maps app at the fix, with a pin', () => {
    expect(geoUri(gps)).toBe('geo:-0.950000,-80.733333?q=-0.950000,-80.733333');
  });

  it('gives no link for a missing or impossible fix, never 0,0', () => {
    expect(geoUri(null)).toBeNull();
    expect(geoUri({ lat: Number.NaN, lon: 10 })).toBeNull();
    expect(geoUri({ lat: 91, lon: 10 })).toBeNull();
    expect(geoUri({ lat: 10, lon: -181 })).toBeNull();
  });
});
