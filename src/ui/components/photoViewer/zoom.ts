// The maths of zooming and panning a photo that fills the viewer: pure, so it can be tested without a screen.
// The image element is the viewer's size; its transform is `translate(x, y) scale(scale)` from its top-left corner.

export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export const FIT: View = { scale: 1, x: 0, y: 0 };
export const MAX_SCALE = 5;
/** Where a double tap zooms to: close enough to read a crack's width on a 1600 px photo. */
export const DOUBLE_TAP_SCALE = 2.5;
/** Two taps closer than this in time and distance are one double tap. */
export const DOUBLE_TAP_MS = 300;
export const DOUBLE_TAP_PX = 30;
/** A horizontal drag longer than this, at fit, moves to the next or previous photo. */
export const SWIPE_PX = 50;

/** Keeps the scale between fit and MAX_SCALE, and the photo covering the viewer (no empty band when zoomed). */
export function clampView(view: View, size: Size): View {
  const scale = Math.min(MAX_SCALE, Math.max(1, view.scale));
  const clamp = (value: number, extent: number) => Math.min(0, Math.max(extent - extent * scale, value));
  return { scale, x: clamp(view.x, size.width), y: clamp(view.y, size.height) };
}

/** Scales by `factor` keeping the point under `at` (viewer coordinates) where it is: pinching zooms there. */
export function zoomAt(view: View, factor: number, at: Point, size: Size): View {
  const scale = Math.min(MAX_SCALE, Math.max(1, view.scale * factor));
  const ratio = scale / view.scale;
  return clampView({ scale, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio }, size);
}

/** A double tap zooms in at the tapped point, or back to fit when already zoomed. */
export function doubleTap(view: View, at: Point, size: Size): View {
  return view.scale > 1 ? FIT : zoomAt(view, DOUBLE_TAP_SCALE, at, size);
}

export function panBy(view: View, dx: number, dy: number, size: Size): View {
  return clampView({ scale: view.scale, x: view.x + dx, y: view.y + dy }, size);
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/**
 * Which way a finished one-finger drag moves between photos: -1 to the previous, 1 to the next, 0 to stay.
 * Only at fit (a zoomed photo is panned instead), and only when the drag was more sideways than up or down.
 */
export function swipeDirection(view: View, dx: number, dy: number): -1 | 0 | 1 {
  if (view.scale > 1 || Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return 0;
  return dx < 0 ? 1 : -1;
}

export function isDoubleTap(previous: { at: Point; time: number } | null, at: Point, time: number): boolean {
  return (
    previous !== null && time - previous.time <= DOUBLE_TAP_MS && distance(previous.at, at) <= DOUBLE_TAP_PX
  );
}

export function transformOf(view: View): string {
  return `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
}
