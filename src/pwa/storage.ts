// Persistent storage: asks the browser not to evict our data, and reports how much space is used and left.
import { getDb } from '../storage/db.ts';
import { onSaveState } from '../storage/saveStatus.ts';

export interface StorageInfo {
  /** navigator.storage exists (it does in every browser the app supports, but not in old WebViews). */
  supported: boolean;
  /** null when the browser cannot say. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** usage / quota, 0…1, null when unknown. */
  usedRatio: number | null;
  /** When persist() was last asked on this device and the answer was no. */
  refusedAt: string | null;
}

/** At this share of the quota the settings warn that space is running out. */
export const QUOTA_WARNING_RATIO = 0.8;

const REFUSED_KEY = 'persistRefusedAt';

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

async function readRefusedAt(): Promise<string | null> {
  const row = await getDb().settings.get(REFUSED_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function getStorageInfo(): Promise<StorageInfo> {
  const manager = storageManager();
  const refusedAt = await readRefusedAt().catch(() => null);
  if (!manager) {
    return { supported: false, persisted: null, usage: null, quota: null, usedRatio: null, refusedAt };
  }
  const [persisted, estimate] = await Promise.all([
    manager.persisted ? manager.persisted().catch(() => null) : null,
    manager.estimate ? manager.estimate().catch(() => null) : null,
  ]);
  const usage = estimate?.usage ?? null;
  const quota = estimate?.quota ?? null;
  const usedRatio = usage !== null && quota ? usage / quota : null;
  return { supported: true, persisted, usage, quota, usedRatio, refusedAt };
}

/**
 * Asks for persistent storage (Chromium decides without a prompt, from engagement and installation; Firefox
 * asks the user). Remembers a refusal so the settings can say so plainly. Returns the outcome, null if unsupported.
 */
export async function requestPersistence(): Promise<boolean | null> {
  const manager = storageManager();
  if (!manager?.persist) return null;
  try {
    if (manager.persisted && (await manager.persisted())) return true;
    const granted = await manager.persist();
    const db = getDb();
    if (granted) await db.settings.delete(REFUSED_KEY);
    else await db.settings.put({ key: REFUSED_KEY, value: new Date().toISOString() });
    return granted;
  } catch (error) {
    console.warn('persistent storage request failed', error);
    return null;
  }
}

/**
 * Asks for persistence once per session, at the first record saved to disk: by then the user has data worth
 * keeping, and (after installing the app) a new request may succeed where an earlier one was refused.
 */
export function requestPersistenceAtFirstSave(): () => void {
  let done = false;
  const off = onSaveState((state) => {
    if (done || state.kind !== 'saved' || state.at === null) return;
    done = true;
    off();
    void requestPersistence();
  });
  return () => {
    done = true;
    off();
  };
}
