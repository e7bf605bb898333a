// Field-app figures: first-screen JavaScript, opening a large mission, keystroke-to-disk latency.
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium, PHONE } from '../tests/e2e/support/browser.ts';
import { seedMission } from './seed.ts';

export interface FieldAppFigures {
  firstScreenJsGzipBytes: number;
  firstScreenJsFiles: number;
  /** Including what loads in the background right after (mission documents, the service worker client). */
  jsAfterIdleGzipBytes: number;
  openMissionMs: { median: number; runs: number[] };
  keystrokeToDiskMs: { p50: number; p95: number; samples: number };
}

export const MISSION_ID = '5f0c1e9a-7d2b-4c3e-8f41-0a6b2d9e7c15';
const PROFILE = { name: 'Bench', institution: 'Bench', role: 'technician', deviceId: 'bench' };

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Scripts requested before the first screen (the mission list) was on screen, and all scripts once idle. */
async function firstScreenJs(page: Page, url: string) {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.set(response.url(), response.body());
  });
  // The moment the list appears, seen from inside the page, so no request can race the observer.
  await page.addInitScript((id) => {
    const w = window as unknown as { listShownAt?: number };
    new MutationObserver((_records, observer) => {
      if (document.querySelector(`[data-mission-id="${id}"]`)) {
        w.listShownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, MISSION_ID);
  await page.goto(url);
  await page.locator(`[data-mission-id="${MISSION_ID}"]`).waitFor();
  await page.waitForLoadState('networkidle');
  const before = await page.evaluate(() => {
    const shownAt = (window as unknown as { listShownAt: number }).listShownAt;
    return performance
      .getEntriesByType('resource')
      .filter(
        (entry) =>
          (entry as PerformanceResourceTiming).initiatorType === 'script' || entry.name.endsWith('.js'),
      )
      .filter((entry) => entry.startTime < shownAt)
      .map((entry) => entry.name);
  });
  const gz = async (urls: string[]) => {
    const all = await Promise.all(urls.map((u) => bodies.get(u) ?? Promise.resolve(Buffer.alloc(0))));
    return all.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  };
  const firstUrls = [...bodies.keys()].filter((u) => before.includes(u));
  return { bytes: await gz(firstUrls), files: firstUrls.length, idleBytes: await gz([...bodies.keys()]) };
}

/** Writes the profile and the mission document straight into IndexedDB, as the app itself stores them. */
export async function seed(page: Page, update: Uint8Array) {
  await page.evaluate(
    async ({ bytes, id, profile }) => {
      const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
          if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const put = (db: IDBDatabase, store: string, value: unknown) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          tx.objectStore(store).put(value);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const app = await open('minga');
      await put(app, 'settings', { key: 'profile', value: profile });
      await put(app, 'docs', { name: `mission:${id}`, missionId: id, createdAt: new Date().toISOString() });
      app.close();
      const doc = await open(`mission:${id}`, (db) => {
        db.createObjectStore('updates', { autoIncrement: true });
        db.createObjectStore('custom');
      });
      await put(doc, 'updates', new Uint8Array(bytes));
      doc.close();
    },
    { bytes: [...update], id: MISSION_ID, profile: PROFILE },
  );
}

/** From a click on a link in the running app until the first note of the list is on screen. */
async function timeOpenMission(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator(`[data-mission-id="${MISSION_ID}"]`).waitFor();
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const link = document.createElement('a');
        link.href = `/missions/${id}/notes`;
        document.body.append(link);
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-note-id]')) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        link.click();
      }),
    MISSION_ID,
  );
}

async function keystrokeLatencies(page: Page, url: string, count: number): Promise<number[]> {
  await page.goto(`${url}/missions/${MISSION_ID}/notes/new`);
  const textarea = page.locator('textarea[name="text"]');
  await textarea.waitFor();
  await textarea.focus();
  await page.evaluate(() => {
    const w = window as unknown as { keyTimes: number[]; saves: number[] };
    w.keyTimes = [];
    w.saves = [];
    addEventListener('keydown', () => w.keyTimes.push(performance.now()), true);
    addEventListener('minga:saved', (e) => {
      const queuedAt = (e as CustomEvent<{ newestQueuedAt: number }>).detail.newestQueuedAt;
      w.saves.push(queuedAt, performance.now());
    });
  });
  const text = 'Se acordó revisar el catastro de viviendas afectadas con la dirección de planificación. ';
  for (let i = 0; i < count; i++) {
    await page.keyboard.type(text[i % text.length]!);
    await page.waitForTimeout(60 + (i % 5) * 20); // a fast thumb: 60–140 ms between keys
  }
  await page.waitForTimeout(500);
  const { keyTimes, saves } = await page.evaluate(() => {
    const w = window as unknown as { keyTimes: number[]; saves: number[] };
    return { keyTimes: w.keyTimes, saves: w.saves };
  });
  // A keystroke is on disk at the first save whose batch holds an update queued at or after the key went down.
  return keyTimes.map((keyAt) => {
    for (let i = 0; i < saves.length; i += 2) if (saves[i]! >= keyAt) return saves[i + 1]! - keyAt;
    return Number.NaN;
  });
}

export async function measureFieldApp(url: string): Promise<FieldAppFigures> {
  const browser = await launchChromium();
  try {
    // No service worker here: every figure is of the network-served app, and response bodies stay readable.
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await seed(page, seedMission(1000, 200));
    // A returning technician: the list rows exist (the first start after seeding builds them).
    await page.goto(url);
    await page.locator(`[data-mission-id="${MISSION_ID}"]`).waitFor();
    // The first screen of a returning technician: the mission list. Its page is closed afterwards, so the page
    // measured next is the visible one (a background tab's timers and rAF are throttled).
    const jsPage = await context.newPage();
    const js = await firstScreenJs(jsPage, url);
    await jsPage.close();
    await page.bringToFront();
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await timeOpenMission(page, url));
    const latencies = (await keystrokeLatencies(page, url, 120)).filter((v) => !Number.isNaN(v));
    await context.close();
    return {
      firstScreenJsGzipBytes: js.bytes,
      firstScreenJsFiles: js.files,
      jsAfterIdleGzipBytes: js.idleBytes,
      openMissionMs: { median: percentile(runs, 50), runs },
      keystrokeToDiskMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        samples: latencies.length,
      },
    };
  } finally {
    await browser.close();
  }
}
