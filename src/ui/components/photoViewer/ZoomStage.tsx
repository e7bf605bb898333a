// The photo under the fingers: pinch or double-tap to zoom, drag to pan a zoomed photo, swipe to change photo.
// Pointer events cover touch, pen and mouse alike; the maths is in zoom.ts.
import { useRef } from 'preact/hooks';
import {
  distance,
  doubleTap,
  isDoubleTap,
  midpoint,
  panBy,
  swipeDirection,
  transformOf,
  zoomAt,
  type Point,
  type View,
} from './zoom.ts';

/** Movement below this is a tap, not a drag. */
const TAP_SLOP_PX = 10;

interface Gesture {
  start: Point;
  view: View;
  /** A second finger came down: this gesture is a pinch, never a tap or a swipe. */
  pinch: { distance: number; view: View } | null;
}

export function ZoomStage(props: {
  view: View;
  onView: (view: View) => void;
  onSwipe: (direction: -1 | 1) => void;
  /** The photo, or null when there is none to show (yet): `message` says why, and swiping still works. */
  src: string | null;
  alt: string;
  message?: string;
}) {
  const stage = useRef<HTMLDivElement>(null);
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture | null>(null);
  const lastTap = useRef<{ at: Point; time: number } | null>(null);
  const { view, onView } = props;

  const local = (event: PointerEvent | WheelEvent): Point => {
    const rect = stage.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const size = () => {
    const rect = stage.current!.getBoundingClientRect();
    return { width: rect.width, height: rect.height };
  };

  const onPointerDown = (event: PointerEvent) => {
    stage.current!.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, local(event));
    const points = [...pointers.current.values()];
    if (points.length === 1) gesture.current = { start: points[0]!, view, pinch: null };
    else if (points.length === 2 && gesture.current) {
      gesture.current.pinch = { distance: distance(points[0]!, points[1]!), view };
    }
  };

  const onPointerMove = (event: PointerEvent) => {
    if (!pointers.current.has(event.pointerId) || !gesture.current) return;
    pointers.current.set(event.pointerId, local(event));
    const points = [...pointers.current.values()];
    const { pinch, start } = gesture.current;
    if (pinch && points.length >= 2 && pinch.distance > 0) {
      const factor = distance(points[0]!, points[1]!) / pinch.distance;
      onView(zoomAt(pinch.view, factor, midpoint(points[0]!, points[1]!), size()));
    } else if (!pinch && gesture.current.view.scale > 1) {
      const at = points[0]!;
      onView(panBy(gesture.current.view, at.x - start.x, at.y - start.y, size()));
    }
  };

  const onPointerUp = (event: PointerEvent) => {
    const at = pointers.current.get(event.pointerId);
    pointers.current.delete(event.pointerId);
    const current = gesture.current;
    if (!current || !at) return;
    if (pointers.current.size > 0) return;
    gesture.current = null;
    if (current.pinch) return;
    const dx = at.x - current.start.x;
    const dy = at.y - current.start.y;
    if (Math.hypot(dx, dy) < TAP_SLOP_PX) {
      if (isDoubleTap(lastTap.current, at, event.timeStamp)) {
        lastTap.current = null;
        onView(doubleTap(view, at, size()));
      } else lastTap.current = { at, time: event.timeStamp };
      return;
    }
    const direction = swipeDirection(current.view, dx, dy);
    if (direction !== 0) props.onSwipe(direction);
  };

  const onPointerCancel = (event: PointerEvent) => {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size === 0) gesture.current = null;
  };

  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    onView(zoomAt(view, Math.exp(-event.deltaY / 300), local(event), size()));
  };

  return (
    <div
      ref={stage}
      class="photo-viewer__stage"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onWheel={onWheel}
    >
      {props.src ? (
        <img
          class="photo-viewer__image"
          src={props.src}
          alt={props.alt}
          draggable={false}
          style={{ transform: transformOf(view) }}
        />
      ) : (
        <p class="photo-viewer__message" role="status">
          {props.message}
        </p>
      )}
    </div>
  );
}
