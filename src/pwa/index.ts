// Starts the PWA services of this tab: service worker and updates, install prompt capture, storage persistence.
import { startInstallWatch } from './install.ts';
import { startServiceWorker } from './register.ts';
import { requestPersistenceAtFirstSave } from './storage.ts';

let started = false;

/** Call once from the entry point, right after the first render. */
export function startPwa(): void {
  if (started) return;
  started = true;
  startInstallWatch();
  requestPersistenceAtFirstSave();
  startServiceWorker();
}
