// The sync status, overall or of one mission document, kept current by the sync layer's listeners.
import { useEffect, useState } from 'preact/hooks';
// status.ts only, not sync/index.ts: the status bar is on the first screen, the sync module loads later.
import { connectionState, onSyncStatus, syncStatus, type SyncStatus } from '../../sync/status.ts';

export interface SyncView {
  /** The sync connection is running (signed in and started); the status means nothing otherwise. */
  signedIn: boolean;
  status: SyncStatus;
}

function read(name: string | undefined): SyncView {
  return { signedIn: connectionState() !== 'signedOut', status: syncStatus(name) };
}

/** `name` is a document name (`mission:<uuid>`); without it, the device's overall status. */
export function useSyncStatus(name?: string): SyncView {
  const [view, setView] = useState(() => read(name));
  useEffect(() => {
    // The status may have moved between the first render and this subscription.
    setView(read(name));
    return onSyncStatus(() => setView(read(name)));
  }, [name]);
  return view;
}
