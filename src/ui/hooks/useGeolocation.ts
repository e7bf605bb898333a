// One-shot GPS capture with accuracy; a refusal or timeout is a normal outcome, not an error screen.
import { useCallback, useState } from 'preact/hooks';
import type { GeoPoint } from '../../domain/model.ts';

export type GeoState =
  | { kind: 'idle' }
  | { kind: 'locating' }
  | { kind: 'denied' }
  | { kind: 'unavailable' }
  | { kind: 'found'; point: GeoPoint };

export function useGeolocation(): { state: GeoState; locate: () => Promise<GeoPoint | null> } {
  const [state, setState] = useState<GeoState>({ kind: 'idle' });
  const locate = useCallback(async (): Promise<GeoPoint | null> => {
    if (!('geolocation' in navigator)) {
      setState({ kind: 'unavailable' });
      return null;
    }
    setState({ kind: 'locating' });
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const point: GeoPoint = {
            lat: position.coords.latitude,
            lon: position.coords.longitude,
            accuracy: Math.round(position.coords.accuracy),
            capturedAt: new Date(position.timestamp || Date.now()).toISOString(),
          };
          setState({ kind: 'found', point });
          resolve(point);
        },
        (error) => {
          setState({ kind: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' });
          resolve(null);
        },
        { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
      );
    });
  }, []);
  return { state, locate };
}
