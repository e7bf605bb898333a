// Whether the device has a network and the app is in the foreground, behind an interface tests can drive.

export interface Connectivity {
  online(): boolean;
  visible(): boolean;
  /** Calls `onChange` when either may have changed; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
}

/** The browser's view: `online`/`offline` events and the page's visibility. */
export function browserConnectivity(): Connectivity {
  return {
    online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
    visible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
    subscribe(onChange) {
      if (typeof window === 'undefined') return () => undefined;
      window.addEventListener('online', onChange);
      window.addEventListener('offline', onChange);
      document.addEventListener('visibilitychange', onChange);
      return () => {
        window.removeEventListener('online', onChange);
        window.removeEventListener('offline', onChange);
        document.removeEventListener('visibilitychange', onChange);
      };
    },
  };
}

/** A switch for tests: flip `online` or `visible` and call `changed()`. */
export class ManualConnectivity implements Connectivity {
  isOnline = true;
  isVisible = true;
  private readonly listeners = new Set<() => void>();

  online(): boolean {
    return this.isOnline;
  }

  visible(): boolean {
    return this.isVisible;
  }

  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }

  set(state: { online?: boolean; visible?: boolean }): void {
    this.isOnline = state.online ?? this.isOnline;
    this.isVisible = state.visible ?? this.isVisible;
    this.listeners.forEach((listener) => listener());
  }
}
