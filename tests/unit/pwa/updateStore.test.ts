import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APPLY_TIMEOUT_MS,
  CHECK_INTERVAL_MS,
  createUpdateStore,
  type UpdateDeps,
  type WorkboxLikeEvent,
} from '../../../src/pwa/updateStore.ts';

type Listener = (event: WorkboxLikeEvent) => void;

/** Stands in for workbox-window's Workbox and the browser around it: events are fired by the test. */
function fakeBrowser(options: { controlled: boolean }) {
  const listeners = new Map<string, Listener[]>();
  const visible: (() => void)[] = [];
  const installed: (() => void)[] = [];
  let saved: () => void = () => {};
  const browser = {
    controlled: options.controlled,
    waiting: false,
    online: true,
    updateFails: false,
    savedNow: true,
    reloads: 0,
    skipWaitingMessages: 0,
    updateCalls: 0,
    fire(type: string, event: WorkboxLikeEvent = {}) {
      (listeners.get(type) ?? []).forEach((listener) => listener(event));
    },
    becomeVisible: () => visible.forEach((callback) => callback()),
    workerInstalled: () => installed.forEach((callback) => callback()),
    finishSaving: () => saved(),
  };
  const deps: UpdateDeps = {
    workbox: {
      addEventListener: (type, listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
      register: async () => ({}),
      update: async () => {
        browser.updateCalls++;
        if (browser.updateFails) throw new TypeError('Failed to update a ServiceWorker: network error');
      },
      messageSkipWaiting: () => {
        if (browser.waiting) browser.skipWaitingMessages++;
      },
    },
    hasController: () => browser.controlled,
    hasWaitingWorker: () => browser.waiting,
    waitForSaved: () =>
      browser.savedNow ? Promise.resolve() : new Promise<void>((resolve) => (saved = resolve)),
    reload: () => browser.reloads++,
    isOnline: () => browser.online,
    onVisible: (callback) => {
      visible.push(callback);
      return () => {};
    },
    onWorkerInstalled: (callback) => {
      installed.push(callback);
      return () => {};
    },
  };
  return { browser, deps };
}

/** A new version installs and waits: what Workbox reports in every open tab. */
function newVersionWaits(browser: ReturnType<typeof fakeBrowser>['browser'], isExternal = false) {
  browser.fire('installed', { isUpdate: true, isExternal });
  browser.waiting = true;
  browser.fire('waiting', { isUpdate: true, isExternal });
}

/** skipWaiting took effect: the new worker controls every tab of the origin. */
function newVersionTakesControl(browser: ReturnType<typeof fakeBrowser>['browser']) {
  browser.waiting = false;
  browser.fire('controlling', { isUpdate: true });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('service worker update store', () => {
  it('says "ready to work offline" once, at the first install', async () => {
    const { browser, deps } = fakeBrowser({ controlled: false });
    const store = createUpdateStore(deps);
    await store.start();
    browser.fire('activated', { isUpdate: undefined, isExternal: false });
    expect(store.getState().offlineReady).toBe(true);
    browser.fire('controlling', { isUpdate: false });
    expect(store.getState()).toMatchObject({ needRefresh: false, updatedElsewhere: false });
    expect(browser.reloads).toBe(0);
    store.dismissOfflineReady();
    expect(store.getState().offlineReady).toBe(false);
  });

  it('does not say "ready offline" when an update activates', async () => {
    const { browser, deps } = fakeBrowser({ controlled: true });
    const store = createUpdateStore(deps);
    await store.start();
    browser.fire('activated', { isUpdate: true });
    expect(store.getState().offlineReady).toBe(false);
  });

  it('shows the prompt when a new version waits, and reloads only after the user agreed', async () => {
    const { browser, deps } = fakeBrowser({ controlled: true });
    const store = createUpdateStore(deps);
    const seen: boolean[] = [];
    store.subscribe((state) => seen.push(state.needRefresh));
    await store.start();
    newVersionWaits(browser);
    expect(store.getState().needRefresh).toBe(true);
    expect(seen).toContain(true);
    expect(browser.reloads).toBe(0);

    await store.applyUpdate();
    expect(store.getState().updating).toBe(true);
    expect(browser.skipWaitingMessages).toBe(1);
    expect(browser.reloads).toBe(0);
    newVersionTakesControl(browser);
    await flush();
    expect(browser.reloads).toBe(1);
  });

  it('waits until everything typed is saved before switching and before reloading', async () => {
    const { browser, deps } = fakeBrowser({ controlled: true });
    const store = createUpdateStore(deps);
    await store.start();
    newVersionWaits(browser);
    browser.savedNow = false;
    const applying = store.applyUpdate();
    await flush();
    expect(browser.skipWaitingMessages).toBe(0);
    browser.finishSaving();
    await applying;
    expect(browser.skipWaitingMessages).toBe(1);

    browser.savedNow = false;
    newVersionTakesControl(browser);
    await flush();
    expect(browser.reloads).toBe(0);
    browser.finishSaving();
    await flush();
    expect(browser.reloads).toBe(1);
  });

  it('never reloads a tab that did not ask: it says the app was updated elsewhere', async () => {
    const { browser, deps } = fakeBrowser({ controlled: true });
    const otherTab = createUpdateStore(deps);
    await otherTab.start();
    newVersionWaits(browser, true);
    expect(otherTab.getState().needRefresh).toBe(true);
    // The user of another tab pressed "Update".
    newVersionTakesControl(browser);
    await flush();
    expect(browser.reloads).toBe(0);
    expect(otherTab.getState()).toMatchObject({ needRefresh: false, updatedElsewhere: true });
    await otherTab.reloadWhenSaved();
    expect(browser.reloads).toBe(1);
  });

  it('shows nothing when an update fails to install, and keeps running the old version', async () => {
    const { browser, deps } = fakeBrowser({ controlled: true });
    const store = createUpdateStore(deps);
    await store.start();
    browser.fire('installing', { isUpdate: true });
    browser.fire('redundant', { isUpdate: true });
    expect(store.getState()).toMatchObject({ needRefresh: false, updating: false, updatedElsewhere: false });
    browser.updateFails = true;
    await expect(store.checkForUpdate()).resolves.toBeUndefined();
    expect(store.getState().needRefresh).toBe(false);
    expect(browser.reloads).toBe(0);
  });

  it('gives up quietly when the waiting version vanished before it could take over', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    const { browser, deps } = fakeBrowser({ controlled: true });
    const store = createUpdateStore(deps);
    await store.start();
    newVersionWaits(browser);
    await store.applyUpdate();
    vi.advanceTimersByTime(APPLY_TIMEOUT_MS);
    expect(store.getState()).toMatchObject({ updating: false, needRefresh: false });
    expect(browser.reloads).toBe(0);

    browser.waiting = false;
    store.postpone();
    await store.applyUpdate();
    expect(browser.skipWaitingMessages).toBe(1);
    expect(store.getState().updating).toBe(false);
  });

  it('checks for updates on start, every hour and when the page becomes visible; not offline', async () => {
    const { browser, deps } = fakeBrowser({ controlled: true });
    const store = createUpdateStore(deps);
    await store.start();
    expect(browser.updateCalls).toBe(1);
    vi.advanceTimersByTime(CHECK_INTERVAL_MS);
    expect(browser.updateCalls).toBe(2);
    browser.becomeVisible();
    expect(browser.updateCalls).toBe(3);
    browser.online = false;
    browser.becomeVisible();
    expect(browser.updateCalls).toBe(3);
    store.stop();
    vi.advanceTimersByTime(CHECK_INTERVAL_MS);
    expect(browser.updateCalls).toBe(3);
  });

  it('"Later" hides the prompt; an hourly check brings it back while the version still waits', async () => {
    const { browser, deps } = fakeBrowser({ controlled: true });
    const store = createUpdateStore(deps);
    await store.start();
    newVersionWaits(browser);
    store.postpone();
    expect(store.getState().needRefresh).toBe(false);
    await store.checkForUpdate();
    expect(store.getState().needRefresh).toBe(false);
    vi.setSystemTime(Date.now() + CHECK_INTERVAL_MS);
    await store.checkForUpdate();
    expect(store.getState().needRefresh).toBe(true);
  });

  it('notices versions installed after the first one Workbox reported', async () => {
    const { browser, deps } = fakeBrowser({ controlled: true });
    const store = createUpdateStore(deps);
    await store.start();
    browser.waiting = true;
    browser.workerInstalled();
    expect(store.getState().needRefresh).toBe(true);
  });
});
