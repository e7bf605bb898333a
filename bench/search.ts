// Search across everything: from a query typed on the home screen to its results on screen, over 200 missions
// and 20,000 notes, in Chromium against the built app.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import type { MissionId } from '../src/domain/ids.ts';
import { MissionView } from '../src/storage/missionView.ts';
import { missionRow } from '../src/storage/projection.ts';
import { searchEntries } from '../src/domain/search/fields.ts';
import { launchChromium, PHONE } from '../tests/e2e/support/browser.ts';
import { percentile, seed } from './fieldApp.ts';
import { seedMission } from './seed.ts';

export interface SearchFigures {
  missions: number;
  notes: number;
  /** The first query: loads the search code and reads every row. */
  firstQueryMs: number;
  /** Later queries, a word found in one note and a word found in every note. */
  rareWordMs: { p50: number; p95: number };
  commonWordMs: { p50: number; p95: number };
}

/** The list and search rows of `missions` missions of `notesEach` notes each; one note holds "malecón". */
function rows(missions: number, notesEach: number) {
  const template = new Y.Doc();
  Y.applyUpdate(template, seedMission(notesEach, 0));
  const out = [];
  for (let m = 0; m < missions; m++) {
    const id = crypto.randomUUID() as MissionId;
    const view = new MissionView(template, id);
    const snapshot = view.snapshot();
    const entries = searchEntries(snapshot);
    if (m === missions - 1) {
      const note = entries.find((entry) => entry.kind === 'note')!;
      note.fields = [{ field: 'text', text: `${note.fields[0]!.text} Paseo por el malecón.` }];
    }
    out.push({ mission: missionRow(id, snapshot, 1)!, search: { missionId: id, entries } });
    view.destroy();
  }
  return out;
}

async function writeRows(page: Page, all: ReturnType<typeof rows>) {
  for (let i = 0; i < all.length; i += 20) {
    await page.evaluate(
      async (batch) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('minga');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['missions', 'search'], 'readwrite');
          for (const { mission, search } of batch) {
            tx.objectStore('missions').put(mission);
            tx.objectStore('search').put(search);
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      all.slice(i, i + 20),
    );
  }
}

/** Types the query into the search field and times until `done` holds on screen. */
function timeQuery(page: Page, query: string, done: 'noMatch' | 'hits', expected: number): Promise<number> {
  return page.evaluate(
    ({ query, done, expected }) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
        const start = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          const shown = document.querySelectorAll('[data-mission-id]').length;
          const hits = document.querySelectorAll('[data-hit-kind]').length;
          const ready = done === 'hits' ? shown === expected && hits > 0 : shown === expected;
          if (ready && !document.querySelector('.mission-list-screen [role="status"].list__meta')) {
            resolve(performance.now() - start);
          } else requestAnimationFrame(check);
        };
        check();
      }),
    { query, done, expected },
  );
}

export async function measureSearch(url: string, missions = 200, notesEach = 100): Promise<SearchFigures> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await seed(page, seedMission(1, 0));
    await writeRows(page, rows(missions, notesEach));
    await page.goto(url);
    await page.locator('input[type="search"]').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-mission-id]').length >= n, missions);
    const firstQueryMs = await timeQuery(page, 'malecon', 'hits', 1);
    const rare: number[] = [];
    const common: number[] = [];
    for (let i = 0; i < 10; i++) {
      await timeQuery(page, '', 'noMatch', missions + 1);
      rare.push(await timeQuery(page, i % 2 ? 'MALECON' : 'malecón', 'hits', 1));
      common.push(await timeQuery(page, i % 2 ? 'reconstruccion' : 'Reconstrucción', 'hits', missions + 1));
    }
    await context.close();
    const figures = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
    return {
      missions,
      notes: missions * notesEach,
      firstQueryMs,
      rareWordMs: figures(rare),
      commonWordMs: figures(common),
    };
  } finally {
    await browser.close();
  }
}
