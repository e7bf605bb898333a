// Save and network status for the status bar.
import { useEffect, useState } from 'preact/hooks';
import { onSaveState, saveState, type SaveState } from '../../storage/saveStatus.ts';

export function useSaveState(): SaveState {
  const [state, setState] = useState<SaveState>(saveState);
  useEffect(() => onSaveState(setState), []);
  return state;
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
