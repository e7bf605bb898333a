// Mission files that reach the installed app from outside: "open with" (the manifest's file_handlers, delivered
// through window.launchQueue) and "share to" (the manifest's share_target: the service worker keeps the POSTed
// file in a cache and opens /settings?receive=shared). Either way the file waits here for the receive panel,
// which shows the same preview and confirmation as a file chosen by hand.

/** Where the service worker (public/share-target.js) keeps a shared file until the page takes it. */
export const SHARED_CACHE = 'minga-shared';
export const SHARED_KEY = '/shared-bundle';
export const RECEIVE_PARAM = 'receive';

type Listener = (file: File) => void;

let pending: File | null = null;
const listeners = new Set<Listener>();

export function offerIncomingFile(file: File): void {
  pending = file;
  listeners.forEach((listener) => listener(file));
}

/** The file waiting for the receive panel, once. */
export function takeIncomingFile(): File | null {
  const file = pending;
  pending = null;
  return file;
}

export function onIncomingFile(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface LaunchParams {
  files?: readonly { getFile(): Promise<File> }[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/** Opens the receive panel (Settings) in place: the router follows history changes. */
function showReceivePanel(): void {
  if (window.location.pathname === '/settings') return;
  history.pushState(null, '', '/settings');
  window.dispatchEvent(new PopStateEvent('popstate'));
}

async function takeSharedFile(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open(SHARED_CACHE);
  const response = await cache.match(SHARED_KEY);
  if (!response) return;
  await cache.delete(SHARED_KEY);
  const name = decodeURIComponent(response.headers.get('x-file-name') ?? 'shared.minga.zip');
  const blob = await response.blob();
  offerIncomingFile(new File([blob], name, { type: blob.type }));
}

/** Call once at start: a file the app was opened with, or one shared to it, goes to the receive panel. */
export function startIncomingFiles(): void {
  const queue = (window as unknown as { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer((params) => {
    const handle = params.files?.[0];
    if (!handle) return;
    void handle
      .getFile()
      .then((file) => {
        offerIncomingFile(file);
        showReceivePanel();
      })
      .catch((error: unknown) => console.warn('opened file could not be read', error));
  });
  if (new URLSearchParams(window.location.search).get(RECEIVE_PARAM) === 'shared')
    void takeSharedFile().catch((error: unknown) => console.warn('shared file could not be read', error));
}
