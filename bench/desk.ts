// The coordinator's desk over a programme: 200 missions of 100 notes and 20 assessments each (20,000 notes and
// 4,000 assessments), their list, desk, news and review rows on the device, half of them looked at before. Times from
// a tap on the desk's link (and from a tap on a column's header) to the table drawn, in Chromium against the
// built app.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { deskFacts, newsOf, reviewFacts } from '../src/domain/desk/desk.ts';
import type { MissionId } from '../src/domain/ids.ts';
import { NO_MARKS } from '../src/domain/marks.ts';
import type { DeskRowFacts, MissionRow, NewsRow, ReviewRow, SeenRow } from '../src/storage/db.ts';
import { MissionView } from '../src/storage/missionView.ts';
import { missionRow } from '../src/storage/projection.ts';
import { launchChromium } from '../tests/e2e/support/browser.ts';
import { MISSION_ID, percentile, seed } from './fieldApp.ts';
import { seedMission } from './seed.ts';

export interface DeskFigures {
  missions: number;
  notes: number;
  assessments: number;
  /** From the link's tap to every row drawn (loads the screen's code the first time). */
  openMs: { first: number; p50: number; p95: number };
  /** From a tap on a column's header to the rows drawn in the new order. */
  sortMs: { p50: number; p95: number };
}

interface Rows {
  missions: MissionRow[];
  desk: DeskRowFacts[];
  news: NewsRow[];
  reviews: ReviewRow[];
  seen: SeenRow[];
}

export function programme(missions: number, notes: number, assessments: number): Rows {
  const template = new Y.Doc();
  Y.applyUpdate(template, seedMission(notes, assessments));
  const rows: Rows = { missions: [], desk: [], news: [], reviews: [], seen: [] };
  for (let m = 0; m < missions; m++) {
    const view = new MissionView(template, crypto.randomUUID() as MissionId);
    const snapshot = view.snapshot();
    const row = missionRow(view.id, snapshot, 1)!;
    rows.missions.push({ ...row, title: `Mission ${String(m).padStart(3, '0')}` });
    const facts = deskFacts(view.id, snapshot)!;
    // Written by a technician, so that the desk has something new to count for the coordinator.
    const desk = { ...facts, changes: facts.changes.map((change) => ({ ...change, by: 'Anna Puig' })) };
    rows.desk.push(desk);
    rows.news.push(newsOf(desk));
    rows.reviews.push(
      reviewFacts(view.id, {
        decision:
          m % 3
            ? null
            : { decision: 'approved', by: 'Pau Soler', at: '2016-05-20T10:00:00.000Z', marks: NO_MARKS },
        comments: [],
      }),
    );
    if (m % 2) rows.seen.push({ missionId: view.id, seenAt: snapshot.notes[notes / 2]?.updatedAt ?? '' });
    view.destroy();
  }
  return rows;
}

export async function writeRows(page: Page, rows: Rows) {
  // Typed arrays cross into the page as plain arrays, and are typed again there as the app stores them.
  const plain = {
    ...rows,
    news: rows.news.map((row) => ({
      ...row,
      authors: row.authors.map((a) => ({ by: a.by, arrived: [...a.arrived] })),
    })),
  };
  await page.evaluate(async (all) => {
    const news = all.news.map((row) => ({
      ...row,
      authors: row.authors.map((a) => ({ by: a.by, arrived: Float64Array.from(a.arrived) })),
    }));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('minga');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      // An app of an earlier version (compared against) has no news table.
      const stores = (['missions', 'desk', 'news', 'reviews', 'seen'] as const).filter((name) =>
        db.objectStoreNames.contains(name),
      );
      const tx = db.transaction([...stores], 'readwrite');
      for (const store of stores)
        for (const row of store === 'news' ? news : all[store]) tx.objectStore(store).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, plain);
}

/** Runs `act` in the page and times until the table holds `expected` rows, the first titled `first`. */
function timeUntilTable(page: Page, act: 'link' | 'sort', expected: number, first: string): Promise<number> {
  return page.evaluate(
    ({ act, expected, first }) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        if (act === 'link') document.querySelector<HTMLAnchorElement>('a[href="/desk"]')!.click();
        else document.querySelector<HTMLButtonElement>('th[data-column="title"] button')!.click();
        const check = () => {
          const rows = document.querySelectorAll('.desk-table tbody tr');
          const title = rows[0]?.querySelector('th')?.textContent;
          if (rows.length === expected && title === first) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        check();
      }),
    { act, expected, first },
  );
}

export async function measureDesk(
  url: string,
  missions = 200,
  notes = 100,
  assessments = 20,
): Promise<DeskFigures> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(url);
    await seed(page, seedMission(1, 0));
    const rows = programme(missions, notes, assessments);
    await writeRows(page, rows);
    // The seeded mission's own rows are written once the app is idle: measured with it in place.
    await page.goto(url);
    await page.locator(`[data-mission-id="${MISSION_ID}"]`).waitFor();
    // The seeded mission is on the device too; the desk opens sorted by what is new.
    const total = missions + 1;
    const firstByNew = rows.missions[0]!.title;
    const opens: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.goto(`${url}/settings`);
      await page.locator('a[href="/desk"]').waitFor();
      opens.push(await timeUntilTable(page, 'link', total, firstByNew));
    }
    const sorts: number[] = [];
    for (let i = 0; i < 10; i++) {
      // Ascending first, then descending: "Mission 000" leads, then the seeded mission's "Pedernales …".
      const first = i % 2 ? 'Pedernales — plan de reconstrucción' : 'Mission 000';
      sorts.push(await timeUntilTable(page, 'sort', total, first));
    }
    await context.close();
    const [first, ...warm] = opens;
    return {
      missions,
      notes: missions * notes,
      assessments: missions * assessments,
      openMs: { first: first!, p50: percentile(warm, 50), p95: percentile(warm, 95) },
      sortMs: { p50: percentile(sorts, 50), p95: percentile(sorts, 95) },
    };
  } finally {
    await browser.close();
  }
}
