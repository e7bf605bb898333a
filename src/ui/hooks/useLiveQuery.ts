// Subscribes to a Dexie live query: re-runs when the tables it read change.
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

export interface QueryState<T> {
  data: T | undefined;
  isLoading: boolean;
  error: unknown;
}

export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ data: undefined, isLoading: true, error: null });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (data) => setState({ data, isLoading: false, error: null }),
      error: (error: unknown) => setState((s) => ({ ...s, isLoading: false, error })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
