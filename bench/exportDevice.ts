// A full CSV export in the app: 200 mission documents of 100 notes and 20 assessments each (20,000 notes and
// 4,000 assessments) on the device, from a tap on Export to the file handed over, in Chromium against the built
// app, once the start-up projection of every mission has finished (as on a device in use).
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/browser.ts';
import { percentile } from './fieldApp.ts';
import { seedMission } from './seed.ts';

export interface DeviceExportFigures {
  missions: number;
  notes: number;
  assessments: number;
  /** From the tap on Export to the "file ready" message (reading, building and zipping the six-plus files). */
  exportMs: { first: number; p50: number; max: number };
}

const PROFILE = { name: 'Bench', institution: 'Bench', role: 'coordinator', deviceId: 'bench' };

/** Writes `missions` mission documents (the same content under new ids) and their registry entries. */
async function seedProgramme(page: Page, update: Uint8Array, missions: number): Promise<void> {
  await page.evaluate(
    async ({ bytes, missions, profile }) => {
      const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
          if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const put = (db: IDBDatabase, store: string, values: unknown[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          for (const value of values) tx.objectStore(store).put(value);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const update = new Uint8Array(bytes);
      const ids = Array.from({ length: missions }, () => crypto.randomUUID());
      for (const id of ids) {
        const doc = await open(`mission:${id}`, (db) => {
          db.createObjectStore('updates', { autoIncrement: true });
          db.createObjectStore('custom');
        });
        await put(doc, 'updates', [update]);
        doc.close();
      }
      const app = await open('minga');
      await put(app, 'settings', [
        { key: 'profile', value: profile },
        { key: 'language', value: 'en' },
      ]);
      const now = new Date().toISOString();
      await put(
        app,
        'docs',
        ids.map((id) => ({ name: `mission:${id}`, missionId: id, createdAt: now })),
      );
      app.close();
    },
    { bytes: [...update], missions, profile: PROFILE },
  );
}

/** Until the start-up rebuild has projected every mission (list rows and, where the store exists, export rows). */
async function waitForProjection(page: Page, missions: number): Promise<void> {
  await page.waitForFunction(
    async (missions) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('minga');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          if (!db.objectStoreNames.contains(store)) return resolve(missions);
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      const [rows, exports] = [await count('missions'), await count('exports')];
      db.close();
      return rows >= missions && exports >= missions;
    },
    missions,
    { timeout: 600_000, polling: 1000 },
  );
}

/** What the projection rows say of the documents: it stops changing once the start-up rebuild is done. */
function projectionState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('minga');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ sourceKey: number; projection?: number }[]>((resolve) => {
      const request = db.transaction('missions').objectStore('missions').getAll();
      request.onsuccess = () => resolve(request.result as { sourceKey: number; projection?: number }[]);
    });
    db.close();
    return rows.map((row) => `${row.projection}/${row.sourceKey}`).join(',');
  });
}

/** Reloads and waits until a start-up rebuild (if any) has settled: the same rows three polls in a row. */
async function settle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  let previous = '';
  let same = 0;
  while (same < 3) {
    await page.waitForTimeout(2000);
    const state = await projectionState(page);
    same = state === previous ? same + 1 : 0;
    previous = state;
  }
}

function timeExport(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = document.querySelector('.export [role="status"]')!;
        const start = performance.now();
        document.querySelector<HTMLButtonElement>('.export .button--primary')!.click();
        const check = () => {
          if (status.textContent?.includes('minga-export-')) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

export async function measureDeviceExport(
  url: string,
  missions = 200,
  notes = 100,
  assessments = 20,
): Promise<DeviceExportFigures> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(url);
    await seedProgramme(page, seedMission(notes, assessments), missions);
    await page.goto(url);
    await waitForProjection(page, missions);
    await settle(page, url);
    const runs: number[] = [];
    for (let i = 0; i < 4; i++) {
      await page.goto(`${url}/export`);
      await page.locator('.export .button--primary:not([disabled])').waitFor();
      runs.push(await timeExport(page));
    }
    await context.close();
    const [first, ...warm] = runs;
    return {
      missions,
      notes: missions * notes,
      assessments: missions * assessments,
      exportMs: { first: first!, p50: percentile(warm, 50), max: Math.max(...warm) },
    };
  } finally {
    await browser.close();
  }
}
