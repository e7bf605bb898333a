// The update life cycle of the service worker as UI state: offline ready, new version waiting, updated elsewhere.
// Browser-free: the Workbox instance, reload and the save state come in as dependencies, so it can be unit tested.
import { createStore, type ReadableStore } from './store.ts';

/** The part of workbox-window's Workbox this logic uses. */
export interface WorkboxLike {
  addEventListener(
    type: 'activated' | 'waiting' | 'controlling' | 'redundant',
    listener: (event: WorkboxLikeEvent) => void,
  ): void;
  register(): Promise<unknown>;
  update(): Promise<void>;
  messageSkipWaiting(): void;
}

export interface WorkboxLikeEvent {
  isUpdate?: boolean;
  isExternal?: boolean;
}

export interface UpdateDeps {
  workbox: WorkboxLike;
  /** Whether a service worker controls this page right now. */
  hasController(): boolean;
  /** Whether the registration holds an installed worker waiting to take over. */
  hasWaitingWorker(): boolean;
  /** Resolves once everything typed is on disk (the storage save state is 'saved'). */
  waitForSaved(): Promise<void>;
  reload(): void;
  isOnline(): boolean;
  /** Calls back whenever the page becomes visible again; returns the unsubscribe function. */
  onVisible(callback: () => void): () => void;
  /** Called by the registration when any new worker reaches 'installed' (Workbox stops reporting after one). */
  onWorkerInstalled?(callback: () => void): () => void;
  now?(): number;
}

export interface UpdateState {
  /** First install finished: the app works offline from now on. Shown once. */
  offlineReady: boolean;
  /** A new version is installed and waits for the user's agreement. */
  needRefresh: boolean;
  /** The user agreed: saving, switching workers, then reloading this tab. */
  updating: boolean;
  /** Another tab applied an update; this tab still runs the old code and should reload when convenient. */
  updatedElsewhere: boolean;
}

export interface UpdateStore extends ReadableStore<UpdateState> {
  /** Registers the service worker and starts the update checks (on load, hourly, when visible). */
  start(): Promise<void>;
  checkForUpdate(): Promise<void>;
  /** Switches to the waiting version and reloads this tab only, after everything typed is saved. */
  applyUpdate(): Promise<void>;
  /** "Later": hides the notice; it comes back at an hourly check if the version still waits. */
  postpone(): void;
  dismissOfflineReady(): void;
  /** For a tab updated from another one: reload once everything typed is saved. */
  reloadWhenSaved(): Promise<void>;
  stop(): void;
}

export const CHECK_INTERVAL_MS = 60 * 60 * 1000;
/** If the waiting worker has not taken control by then (it vanished, install broke), give up quietly. */
export const APPLY_TIMEOUT_MS = 15_000;

const INITIAL: UpdateState = {
  offlineReady: false,
  needRefresh: false,
  updating: false,
  updatedElsewhere: false,
};

class UpdateController implements UpdateStore {
  private readonly deps: UpdateDeps;
  private readonly store = createStore<UpdateState>(INITIAL);
  private readonly now: () => number;
  private readonly cleanups: (() => void)[] = [];
  private hadController: boolean;
  /** This tab's user pressed "Update": only then does a change of controller reload this tab. */
  private requested = false;
  private postponedAt: number | null = null;
  private applyTimer: ReturnType<typeof setTimeout> | null = null;

  readonly getState = () => this.store.getState();
  readonly subscribe = (listener: (state: UpdateState) => void) => this.store.subscribe(listener);

  constructor(deps: UpdateDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
    this.hadController = deps.hasController();
  }

  async start(): Promise<void> {
    this.wireWorkbox();
    try {
      await this.deps.workbox.register();
    } catch (error) {
      console.warn('service worker registration failed', error);
      return;
    }
    const interval = setInterval(() => void this.checkForUpdate(), CHECK_INTERVAL_MS);
    this.cleanups.push(() => clearInterval(interval));
    this.cleanups.push(this.deps.onVisible(() => void this.checkForUpdate()));
    await this.checkForUpdate();
  }

  async checkForUpdate(): Promise<void> {
    if (!this.deps.isOnline()) return;
    try {
      await this.deps.workbox.update();
    } catch {
      // No network or server error: the installed version keeps serving. Try again at the next check.
      return;
    }
    if (this.deps.hasWaitingWorker()) this.raiseNeedRefresh();
  }

  async applyUpdate(): Promise<void> {
    if (this.store.getState().updating) return;
    this.requested = true;
    this.store.set({ updating: true });
    await this.deps.waitForSaved();
    if (!this.deps.hasWaitingWorker()) {
      this.giveUp();
      return;
    }
    this.applyTimer = setTimeout(() => this.giveUp(), APPLY_TIMEOUT_MS);
    this.deps.workbox.messageSkipWaiting();
  }

  postpone(): void {
    this.postponedAt = this.now();
    this.store.set({ needRefresh: false });
  }

  dismissOfflineReady(): void {
    this.store.set({ offlineReady: false });
  }

  async reloadWhenSaved(): Promise<void> {
    this.store.set({ updating: true });
    await this.deps.waitForSaved();
    this.deps.reload();
  }

  stop(): void {
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    if (this.applyTimer) clearTimeout(this.applyTimer);
  }

  private wireWorkbox(): void {
    const { workbox } = this.deps;
    workbox.addEventListener('activated', (event: WorkboxLikeEvent) => {
      // isUpdate is false when no worker controlled the page at registration: this is the first install.
      if (!event.isUpdate && !event.isExternal) this.store.set({ offlineReady: true });
    });
    workbox.addEventListener('waiting', () => this.raiseNeedRefresh());
    workbox.addEventListener('controlling', () => void this.onControlling());
    // A broken install (network drop) ends redundant: the old version keeps working and nothing is shown.
    workbox.addEventListener('redundant', () => {
      if (!this.deps.hasWaitingWorker() && !this.requested) this.store.set({ needRefresh: false });
    });
    const { onWorkerInstalled } = this.deps;
    if (onWorkerInstalled) {
      this.cleanups.push(onWorkerInstalled(() => this.deps.hasWaitingWorker() && this.raiseNeedRefresh()));
    }
  }

  /** A waiting worker found: show the notice unless the user said "Later" less than an hour ago. */
  private raiseNeedRefresh(): void {
    if (!this.hadController || this.store.getState().updatedElsewhere) return;
    if (this.postponedAt !== null && this.now() - this.postponedAt < CHECK_INTERVAL_MS) return;
    this.postponedAt = null;
    this.store.set({ needRefresh: true });
  }

  private async onControlling(): Promise<void> {
    const wasControlled = this.hadController;
    this.hadController = true;
    if (this.requested) {
      if (this.applyTimer) clearTimeout(this.applyTimer);
      await this.deps.waitForSaved();
      this.deps.reload();
    } else if (wasControlled) {
      // Another tab said yes: never reload under this user's thumb, say it and let them choose when.
      this.store.set({ needRefresh: false, updatedElsewhere: true });
    }
  }

  private giveUp(): void {
    this.applyTimer = null;
    this.requested = false;
    this.store.set({ updating: false, needRefresh: false });
  }
}

export function createUpdateStore(deps: UpdateDeps): UpdateStore {
  return new UpdateController(deps);
}
