// Preact bindings for the PWA services (src/pwa): update state, install state, storage and backup status.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ReadableStore } from '../../pwa/store.ts';
import { updateStore } from '../../pwa/register.ts';
import { installStore } from '../../pwa/install.ts';
import { getStorageInfo, type StorageInfo } from '../../pwa/storage.ts';
import { backupStatus, type BackupStatus } from '../../storage/backupStatus.ts';
import type { UpdateState } from '../../pwa/updateStore.ts';
import type { InstallState } from '../../pwa/install.ts';

function useStoreState<S>(store: ReadableStore<S>): S {
  const [state, setState] = useState<S>(store.getState);
  useEffect(() => {
    setState(store.getState());
    return store.subscribe(setState);
  }, [store]);
  return state;
}

export function useUpdateState(): UpdateState {
  return useStoreState(updateStore());
}

export function useInstallState(): InstallState {
  return useStoreState(installStore);
}

/** Loads a value on mount and on demand; `value` is null until the first load finishes. */
function useLoaded<T>(load: () => Promise<T>): { value: T | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void load().then(
      (next) => !cancelled && setValue(next),
      (error: unknown) => console.warn('could not read storage status', error),
    );
    return () => {
      cancelled = true;
    };
  }, [load, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { value, reload };
}

export function useStorageInfo(): { info: StorageInfo | null; reload: () => void } {
  const { value, reload } = useLoaded(getStorageInfo);
  return { info: value, reload };
}

const loadBackupStatus = () => backupStatus();

export function useBackupStatus(): { status: BackupStatus | null; reload: () => void } {
  const { value, reload } = useLoaded(loadBackupStatus);
  return { status: value, reload };
}
