// The year's accounts over a programme: 200 missions of 100 notes and 20 assessments each, their list rows on
// the device, from a tap on the screen's link (and from a change of year) to the figures on screen, in Chromium
// against the built app.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import type { MissionId } from '../src/domain/ids.ts';
import { MissionView } from '../src/storage/missionView.ts';
import { missionRow } from '../src/storage/projection.ts';
import { launchChromium, PHONE } from '../tests/e2e/support/browser.ts';
import { percentile, seed } from './fieldApp.ts';
import { seedMission } from './seed.ts';

export interface AccountsFigures {
  missions: number;
  /** From the link's tap to the figures drawn (loads the screen's code the first time). */
  openMs: { first: number; p50: number; p95: number };
  /** From another year chosen to its figures drawn. */
  yearChangeMs: { p50: number; p95: number };
}

function missionRows(missions: number) {
  const template = new Y.Doc();
  Y.applyUpdate(template, seedMission(100, 20));
  const out = [];
  for (let m = 0; m < missions; m++) {
    const view = new MissionView(template, crypto.randomUUID() as MissionId);
    const row = missionRow(view.id, view.snapshot(), 1)!;
    // Spread over two years, so a change of year changes the figures.
    const year = m % 2 ? '2017' : '2016';
    out.push({
      ...row,
      accounts: { ...row.accounts!, id: row.id, startDate: `${year}-05-01`, endDate: `${year}-05-14` },
    });
    view.destroy();
  }
  return out;
}

async function writeRows(page: Page, rows: ReturnType<typeof missionRows>) {
  await page.evaluate(async (all) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('minga');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['missions'], 'readwrite');
      for (const row of all) tx.objectStore('missions').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
}

/** Runs `act` in the page and times until the missions figure reads `expected`. */
function timeUntilFigures(page: Page, act: 'link' | 'year', expected: string, year: string): Promise<number> {
  return page.evaluate(
    ({ act, expected, year }) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        if (act === 'link') document.querySelector<HTMLAnchorElement>('a[href="/accounts"]')!.click();
        else {
          const select = document.querySelector<HTMLSelectElement>('#accounts-year')!;
          select.value = year;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
        const check = () => {
          const cell = document.querySelector('[data-figure="missions"] td');
          const selected = document.querySelector<HTMLSelectElement>('#accounts-year')?.value;
          if (cell?.textContent === expected && selected === year) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        check();
      }),
    { act, expected, year },
  );
}

export async function measureAccounts(url: string, missions = 200): Promise<AccountsFigures> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await seed(page, seedMission(1, 0));
    await writeRows(page, missionRows(missions));
    const half = String(missions / 2);
    const opens: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.goto(`${url}/settings`);
      await page.locator('a[href="/accounts"]').waitFor();
      // The newest year with missions is shown first.
      opens.push(await timeUntilFigures(page, 'link', half, '2017'));
    }
    const changes: number[] = [];
    for (let i = 0; i < 10; i++)
      changes.push(await timeUntilFigures(page, 'year', half, i % 2 ? '2017' : '2016'));
    await context.close();
    const [first, ...warm] = opens;
    return {
      missions,
      openMs: { first: first!, p50: percentile(warm, 50), p95: percentile(warm, 95) },
      yearChangeMs: { p50: percentile(changes, 50), p95: percentile(changes, 95) },
    };
  } finally {
    await browser.close();
  }
}
