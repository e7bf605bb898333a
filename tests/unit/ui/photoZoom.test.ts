import { describe, expect, it } from 'vitest';
import {
  DOUBLE_TAP_SCALE,
  FIT,
  MAX_SCALE,
  clampView,
  doubleTap,
  isDoubleTap,
  panBy,
  swipeDirection,
  transformOf,
  zoomAt,
} from '../../../src/ui/components/photoViewer/zoom.ts';

const SIZE = { width: 360, height: 480 };

describe('photo viewer zoom', () => {
  it('a double tap zooms in keeping the tapped point under the finger, a second one returns to fit', () => {
    const at = { x: 100, y: 200 };
    const zoomed = doubleTap(FIT, at, SIZE);
    expect(zoomed.scale).toBe(DOUBLE_TAP_SCALE);
    // The image point under the finger before (100, 200 at scale 1) is still under it.
    expect(zoomed.x + 100 * zoomed.scale).toBeCloseTo(100);
    expect(zoomed.y + 200 * zoomed.scale).toBeCloseTo(200);
    expect(doubleTap(zoomed, at, SIZE)).toEqual(FIT);
  });

  it('zooming near an edge never leaves an empty band: the photo still covers the viewer', () => {
    const view = zoomAt(FIT, 2, { x: 0, y: 0 }, SIZE);
    expect(view).toEqual({ scale: 2, x: 0, y: 0 });
    const corner = zoomAt(FIT, 2, { x: 360, y: 480 }, SIZE);
    expect(corner).toEqual({ scale: 2, x: -360, y: -480 });
  });

  it('keeps the scale between fit and the maximum', () => {
    expect(zoomAt(FIT, 0.2, { x: 10, y: 10 }, SIZE).scale).toBe(1);
    expect(zoomAt({ scale: 4, x: 0, y: 0 }, 3, { x: 10, y: 10 }, SIZE).scale).toBe(MAX_SCALE);
    expect(clampView({ scale: 0.5, x: 40, y: -40 }, SIZE)).toEqual(FIT);
  });

  it('pans a zoomed photo only as far as its edges', () => {
    const view = { scale: 2, x: -100, y: -100 };
    expect(panBy(view, 30, -20, SIZE)).toEqual({ scale: 2, x: -70, y: -120 });
    expect(panBy(view, 500, 500, SIZE)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(panBy(view, -1000, -1000, SIZE)).toEqual({ scale: 2, x: -360, y: -480 });
    expect(panBy(FIT, 50, 50, SIZE)).toEqual(FIT);
  });

  it('a sideways swipe at fit moves to the next or previous photo; a short, steep or zoomed one does not', () => {
    expect(swipeDirection(FIT, -120, 10)).toBe(1);
    expect(swipeDirection(FIT, 120, -10)).toBe(-1);
    expect(swipeDirection(FIT, -30, 0)).toBe(0);
    expect(swipeDirection(FIT, -80, 90)).toBe(0);
    expect(swipeDirection({ scale: 2, x: 0, y: 0 }, -200, 0)).toBe(0);
  });

  it('two taps are a double tap only when close in time and place', () => {
    const first = { at: { x: 50, y: 50 }, time: 1000 };
    expect(isDoubleTap(first, { x: 60, y: 55 }, 1250)).toBe(true);
    expect(isDoubleTap(first, { x: 60, y: 55 }, 1400)).toBe(false);
    expect(isDoubleTap(first, { x: 150, y: 55 }, 1100)).toBe(false);
    expect(isDoubleTap(null, { x: 50, y: 50 }, 1000)).toBe(false);
  });

  it('writes the view as a CSS transform from the top-left corner', () => {
    expect(transformOf({ scale: 2.5, x: -150, y: -300 })).toBe('translate(-150px, -300px) scale(2.5)');
  });
});
