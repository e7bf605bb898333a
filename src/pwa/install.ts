// Installing the app: Chromium's captured install prompt, and the "Add to Home Screen" hint on iOS.
import { getDb } from '../storage/db.ts';
import { isIos, isStandalone } from './platform.ts';
import { createStore, type ReadableStore } from './store.ts';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export interface InstallState {
  /** Chromium offered installation: an "Install app" button can open its dialog. */
  canPrompt: boolean;
  /** iOS, not installed, hint not dismissed: explain Share → Add to Home Screen. */
  showIosHint: boolean;
  installed: boolean;
}

const DISMISSED_KEY = 'installHintDismissedAt';

const store = createStore<InstallState>({ canPrompt: false, showIosHint: false, installed: false });
let deferred: BeforeInstallPromptEvent | null = null;
let started = false;

export const installStore: ReadableStore<InstallState> = store;

/** Must run early: Chromium fires beforeinstallprompt once, soon after load. Returns the undo (for tests). */
export function startInstallWatch(): () => void {
  if (started || typeof window === 'undefined') return () => {};
  started = true;
  const installed = isStandalone();
  store.set({ canPrompt: false, showIosHint: false, installed });
  const onPrompt = (event: Event) => {
    // Keep the browser's mini-infobar away; the app offers its own button where it does not interrupt work.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    store.set({ canPrompt: true });
  };
  const onInstalled = () => {
    deferred = null;
    store.set({ canPrompt: false, installed: true, showIosHint: false });
  };
  window.addEventListener('beforeinstallprompt', onPrompt);
  window.addEventListener('appinstalled', onInstalled);
  if (!installed && isIos()) {
    void getDb()
      .settings.get(DISMISSED_KEY)
      .then((row) => store.set({ showIosHint: row === undefined }))
      .catch(() => store.set({ showIosHint: true }));
  }
  return () => {
    window.removeEventListener('beforeinstallprompt', onPrompt);
    window.removeEventListener('appinstalled', onInstalled);
    deferred = null;
    started = false;
    store.set({ canPrompt: false, showIosHint: false, installed: false });
  };
}

/** Opens Chromium's install dialog; resolves true when the user accepted. */
export async function promptInstall(): Promise<boolean> {
  const event = deferred;
  if (!event) return false;
  deferred = null;
  store.set({ canPrompt: false });
  await event.prompt();
  const choice = await event.userChoice;
  return choice.outcome === 'accepted';
}

export async function dismissIosHint(): Promise<void> {
  store.set({ showIosHint: false });
  await getDb().settings.put({ key: DISMISSED_KEY, value: new Date().toISOString() });
}
