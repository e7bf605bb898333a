// A minimal observable state holder shared by the PWA modules (update, install): subscribe/getState.
export interface ReadableStore<S> {
  getState(): S;
  /** Calls the listener after every change; returns the unsubscribe function. */
  subscribe(listener: (state: S) => void): () => void;
}

export interface WritableStore<S> extends ReadableStore<S> {
  set(patch: Partial<S>): void;
}

export function createStore<S extends object>(initial: S): WritableStore<S> {
  let state = initial;
  const listeners = new Set<(state: S) => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(patch) {
      const keys = Object.keys(patch) as (keyof S)[];
      if (keys.every((key) => Object.is(state[key], patch[key]))) return;
      state = { ...state, ...patch };
      listeners.forEach((listener) => listener(state));
    },
  };
}
