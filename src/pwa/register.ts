// Registers the service worker with workbox-window and hands the update state to the UI (see updateStore.ts).
import type { Workbox } from 'workbox-window';
import { onSaveState, saveState } from '../storage/saveStatus.ts';
import { createStore } from './store.ts';
import { createUpdateStore, type UpdateState, type UpdateStore, type WorkboxLike } from './updateStore.ts';

/** Resolves once nothing typed is in flight to disk. A failed save keeps it waiting: reloading would lose it. */
export function waitForSaved(): Promise<void> {
  if (saveState().kind === 'saved') return Promise.resolve();
  return new Promise((resolve) => {
    const off = onSaveState((state) => {
      if (state.kind !== 'saved') return;
      off();
      resolve();
    });
  });
}

function onVisible(callback: () => void): () => void {
  const listener = () => {
    if (document.visibilityState === 'visible') callback();
  };
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

function browserUpdateStore(): UpdateStore {
  let workbox: Workbox | null = null;
  let registration: ServiceWorkerRegistration | undefined;
  const installedListeners = new Set<() => void>();
  // Listeners wired before workbox-window has loaded; it loads after the first screen (not on its critical path).
  const early: Parameters<WorkboxLike['addEventListener']>[] = [];

  // Workbox reports at most one update found by another tab; watch the registration too for later ones.
  const watchInstalls = (reg: ServiceWorkerRegistration) => {
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') installedListeners.forEach((listener) => listener());
      });
    });
  };

  const adapter: WorkboxLike = {
    addEventListener(type, listener) {
      if (workbox) workbox.addEventListener(type, listener);
      else early.push([type, listener]);
    },
    async register() {
      const { Workbox: WorkboxClass } = await import('workbox-window');
      const created = new WorkboxClass('/sw.js', { scope: '/' });
      early.splice(0).forEach(([type, listener]) => created.addEventListener(type, listener));
      workbox = created;
      registration = await created.register();
      if (registration) watchInstalls(registration);
      return registration;
    },
    update: async () => workbox?.update(),
    messageSkipWaiting: () => workbox?.messageSkipWaiting(),
  };

  return createUpdateStore({
    workbox: adapter,
    hasController: () => navigator.serviceWorker.controller !== null,
    hasWaitingWorker: () => Boolean(registration?.waiting),
    waitForSaved,
    reload: () => window.location.reload(),
    isOnline: () => navigator.onLine,
    onVisible,
    onWorkerInstalled(callback) {
      installedListeners.add(callback);
      return () => installedListeners.delete(callback);
    },
  });
}

/** Where service workers are unavailable (dev server, old browsers, unit tests): nothing ever happens. */
function inertUpdateStore(): UpdateStore {
  const store = createStore<UpdateState>({
    offlineReady: false,
    needRefresh: false,
    updating: false,
    updatedElsewhere: false,
  });
  const nothing = async () => {};
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    start: nothing,
    checkForUpdate: nothing,
    applyUpdate: nothing,
    postpone: () => {},
    dismissOfflineReady: () => {},
    reloadWhenSaved: nothing,
    stop: () => {},
  };
}

let shared: UpdateStore | null = null;
let started = false;

function supported(): boolean {
  return !import.meta.env.DEV && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

/** The one update store of this tab. */
export function updateStore(): UpdateStore {
  shared ??= supported() ? browserUpdateStore() : inertUpdateStore();
  return shared;
}

/** Registers the service worker (once). Safe to call where service workers are unsupported. */
export function startServiceWorker(): void {
  if (started) return;
  started = true;
  void updateStore().start();
}
