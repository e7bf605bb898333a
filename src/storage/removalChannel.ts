// Tells the app's other tabs that this device's data is being removed. Kept free of heavy imports: every tab
// listens from its first screen.

/**
 * Left open, other tabs would keep syncing and bring missions back; their open databases would also block the
 * deletion. So they let go of everything when the removal starts, and start afresh (reload) once it is over —
 * not before, or reloading would open the databases again.
 */
const CHANNEL = 'minga-device';
type RemovalMessage = 'removing' | 'removed';
/** If the removing tab is closed halfway, the others still start afresh. */
const RELOAD_ANYWAY_MS = 30_000;

/** Every channel object of the page hears the page's own messages: this tab's mark lets it ignore them. */
const THIS_TAB = crypto.randomUUID();

export function announce(kind: RemovalMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ kind, tab: THIS_TAB });
  channel.close();
}

/**
 * In every tab: when another tab removes this device's data, `release` what this tab holds open, then
 * `restart` once the data is gone. Returns the unsubscribe.
 */
export function followDeviceDataRemoval(restart: () => void, release: () => Promise<void>): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  let fallback: ReturnType<typeof setTimeout> | null = null;
  channel.onmessage = (event: MessageEvent<{ kind?: RemovalMessage; tab?: string }>) => {
    const { kind, tab } = event.data ?? {};
    if (tab === THIS_TAB) return;
    if (kind === 'removing' && fallback === null) {
      fallback = setTimeout(restart, RELOAD_ANYWAY_MS);
      release().catch((error: unknown) => console.warn('could not close the databases', error));
    } else if (kind === 'removed') {
      if (fallback !== null) clearTimeout(fallback);
      restart();
    }
  };
  return () => channel.close();
}
