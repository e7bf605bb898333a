import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import { reportPending, reportSaved, forgetWriter } from '../../../src/storage/saveStatus.ts';
import {
  getStorageInfo,
  requestPersistence,
  requestPersistenceAtFirstSave,
} from '../../../src/pwa/storage.ts';

/** navigator.storage as a browser that grants (or refuses) persistence. */
function fakeStorage(options: { grant: boolean; usage?: number; quota?: number }) {
  let persisted = false;
  const manager = {
    persistCalls: 0,
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      manager.persistCalls++;
      persisted = options.grant;
      return options.grant;
    }),
    estimate: vi.fn(async () => ({ usage: options.usage ?? 0, quota: options.quota ?? 0 })),
  };
  vi.stubGlobal('navigator', { ...navigator, storage: manager });
  return manager;
}

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
});
afterEach(() => {
  vi.unstubAllGlobals();
  forgetWriter('test');
  db.close();
  setDbForTests(null);
});

describe('persistent storage', () => {
  it('asks once, at the first record saved to disk, not before', async () => {
    const manager = fakeStorage({ grant: true });
    const stop = requestPersistenceAtFirstSave();
    reportPending('test', 1);
    expect(manager.persistCalls).toBe(0);
    reportSaved('test', 0, Date.now());
    reportPending('test', 1);
    reportSaved('test', 0, Date.now());
    await vi.waitFor(() => expect(manager.persistCalls).toBe(1));
    stop();
    expect((await getStorageInfo()).persisted).toBe(true);
  });

  it('remembers a refusal so settings can say so, and forgets it once granted', async () => {
    fakeStorage({ grant: false, usage: 850, quota: 1000 });
    expect(await requestPersistence()).toBe(false);
    const info = await getStorageInfo();
    expect(info).toMatchObject({ supported: true, persisted: false, usage: 850, quota: 1000 });
    expect(info.usedRatio).toBeCloseTo(0.85);
    expect(info.refusedAt).not.toBeNull();

    vi.unstubAllGlobals();
    fakeStorage({ grant: true });
    expect(await requestPersistence()).toBe(true);
    expect((await getStorageInfo()).refusedAt).toBeNull();
  });

  it('reports an unsupported browser instead of failing', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    expect(await requestPersistence()).toBeNull();
    expect(await getStorageInfo()).toMatchObject({ supported: false, persisted: null, usage: null });
  });
});
