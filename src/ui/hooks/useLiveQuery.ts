// Subscribes to a Dexie live query: re-runs when the tables it read change.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

export interface QueryState<T> {
  data: T | undefined;
  isLoading: boolean;
  error: unknown;
}

export interface LiveQueryOptions {
  /**
   * Starts the query before the first paint rather than after it (an effect runs a frame later): for a screen
   * whose first useful paint is the query's answer, such as the desk's table.
   */
  beforePaint?: boolean;
}

export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: readonly unknown[],
  options: LiveQueryOptions = {},
): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ data: undefined, isLoading: true, error: null });
  // The choice is fixed for the component's life: hooks are called in the same order on every render.
  const [useSubscription] = useState(() => (options.beforePaint ? useLayoutEffect : useEffect));
  useSubscription(() => {
    const subscription = liveQuery(query).subscribe({
      next: (data) => setState({ data, isLoading: false, error: null }),
      error: (error: unknown) => setState((s) => ({ ...s, isLoading: false, error })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return state;
}
