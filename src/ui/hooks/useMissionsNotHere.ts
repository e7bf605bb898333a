// The missions this device holds whose content has not reached it yet (from the change feed), kept current.
import { useEffect, useState } from 'preact/hooks';
import { onSyncStatus, syncProgress } from '../../sync/status.ts';

const NONE: readonly string[] = [];

function read(): readonly string[] {
  return syncProgress()?.notHere ?? NONE;
}

export function useMissionsNotHere(): readonly string[] {
  const [ids, setIds] = useState(read);
  useEffect(() => {
    setIds(read());
    return onSyncStatus(() => {
      const next = read();
      setIds((previous) => (previous.join() === next.join() ? previous : next));
    });
  }, []);
  return ids;
}
