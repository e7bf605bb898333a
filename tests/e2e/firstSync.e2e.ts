// A coordinator's first sync of a seeded programme in real Chromium against the real server: the chip counts the
// documents as they arrive and says "Up to date" only once all are here; a restart with nothing changed opens no
// mission document; and a 5 s network cut in the middle (a TCP proxy stopped and restarted in front of the
// server) is ridden out without anyone doing anything. Reviews nobody wrote are never opened.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMission, type SeedOptions } from '../../src/server/seed/programme.ts';
import { openSeedTarget, storeMission } from '../../src/server/seed/target.ts';
import { expectAccessible } from './support/a11y.ts';
import { launchChromium } from './support/browser.ts';
import { joinByInvite } from './support/devices.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import { startTcpProxy, type TcpProxy } from '../server/tcpProxy.ts';

type LogEntry = { event: string } & Record<string, unknown>;

const MISSIONS = 30;
const OPTIONS: SeedOptions = {
  missions: MISSIONS,
  seed: 'e2e-first-sync',
  photos: 0,
  from: '2016-04-20',
  to: '2017-12-10',
};
/** The cut the issue measures: long enough for several retries, short enough for a lift between floors. */
const CUT_MS = 5000;

let app: SyncApp;
let browser: Browser;
let proxy: TcpProxy;
const logs: LogEntry[] = [];

/** Records every state and text the status bar's sync chip takes, from the first page load on. */
async function recordChip(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: { state: string; text: string }[] = [];
    (window as unknown as { chipStates: typeof seen }).chipStates = seen;
    const read = () => {
      const chip = document.querySelector('.statusbar [data-sync-state]');
      if (!chip) return;
      const entry = { state: chip.getAttribute('data-sync-state') ?? '', text: chip.textContent ?? '' };
      const last = seen.at(-1);
      if (last?.state !== entry.state || last.text !== entry.text) seen.push(entry);
    };
    new MutationObserver(read).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

const chipStates = (page: Page) =>
  page.evaluate(() => (window as unknown as { chipStates: { state: string; text: string }[] }).chipStates);

/** "Syncing 12 of 31" (in any language): the two numbers. */
const progressOf = (text: string): [number, number] | null => {
  const numbers = text.match(/\d+/g);
  return numbers && numbers.length >= 2 ? [Number(numbers[0]), Number(numbers[1])] : null;
};

const missionRows = (page: Page) => page.locator('[data-mission-id]').count();

/** The seeded missions whose review nobody wrote: their review documents do not exist on the server. */
const unreviewed = () =>
  Array.from({ length: MISSIONS }, (_, i) => seedMission(OPTIONS, i))
    .filter((mission) => mission.review === null)
    .map((mission) => `review:${mission.id}`);

/** Documents the device with token `tokenId` opened on the server, from log entry `from` on. */
const openedBy = (tokenId: unknown, from = 0) =>
  logs
    .slice(from)
    .filter(
      (entry) =>
        entry.event === 'connected' &&
        entry.tokenId === tokenId &&
        typeof entry.document === 'string' &&
        entry.document !== 'feed',
    )
    .map((entry) => entry.document as string);

const feedToken = (from: number) =>
  logs.slice(from).find((entry) => entry.event === 'authenticated' && entry.access === 'feed')?.tokenId;

beforeAll(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'minga-e2e-first-sync-'));
  const target = await openSeedTarget({ dataDir });
  try {
    for (let i = 0; i < MISSIONS; i++) await storeMission(target, seedMission(OPTIONS, i));
  } finally {
    await target.close();
  }
  app = await startSyncApp({ dataDir, log: (entry) => logs.push(entry) });
  proxy = await startTcpProxy(app.port);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await app?.close();
});

describe('the first sync of a seeded programme', () => {
  it('counts the documents as they arrive and says "Up to date" only once all are on the device', async () => {
    const from = logs.length;
    const desk = await joinByInvite(browser, app.url, app.token('coordinator', 'Marta'), 'Marta Soler', {
      prepare: recordChip,
    });
    await desk.page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 120_000 });
    // Each mission's list row is written once its document is on the device.
    await expect.poll(() => missionRows(desk.page), { timeout: 15_000 }).toBe(MISSIONS);
    await expectAccessible(desk.page, 'mission list after the first sync');

    const states = await chipStates(desk.page);
    const firstUpToDate = states.findIndex((entry) => entry.state === 'upToDate');
    const progress = states
      .slice(0, firstUpToDate)
      .filter((entry) => entry.state === 'syncing')
      .map((entry) => progressOf(entry.text))
      .filter((counts) => counts !== null);
    // "Up to date" came last, after the count rose and never went back.
    expect(firstUpToDate).toBeGreaterThan(0);
    expect(new Set(progress.map(([n]) => n)).size).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    expect(Math.max(...progress.map(([, m]) => m))).toBeGreaterThanOrEqual(MISSIONS);
    expect(states.slice(firstUpToDate).some((entry) => entry.state === 'syncing')).toBe(false);
    // Every mission came, and no review nobody wrote was opened on the way.
    const opened = new Set(openedBy(feedToken(from), from));
    expect([...opened].filter((name) => name.startsWith('mission:'))).toHaveLength(MISSIONS);
    expect(unreviewed().filter((name) => opened.has(name))).toEqual([]);

    // A restart with nothing changed: the feed says every document is in step, and none is opened again.
    const restartAt = logs.length;
    await desk.page.reload();
    await desk.page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 120_000 });
    const feedAgain = logs
      .slice(restartAt)
      .find((entry) => entry.event === 'authenticated' && entry.access === 'feed');
    expect(feedAgain?.tokenId).toBe(feedToken(from));
    expect(openedBy(feedToken(from), restartAt).filter((name) => name.startsWith('mission:'))).toEqual([]);
    await expect.poll(() => missionRows(desk.page), { timeout: 15_000 }).toBe(MISSIONS);
    await desk.context.close();
  });

  it('rides out a 5 s network cut in the middle, with few reconnections, the mission edited offline first', async () => {
    const through = `http://127.0.0.1:${proxy.port}`;
    const from = logs.length;
    const desk = await joinByInvite(browser, through, app.token('coordinator', 'Pau'), 'Pau Vidal', {
      // The service worker controls the app before the sync starts, so that it serves the app during the cut.
      prepare: async (context) => {
        await recordChip(context);
        const first = await context.newPage();
        await first.goto(through);
        await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
          timeout: 30_000,
        });
        await first.close();
      },
    });
    const tokenId = logs
      .slice(from)
      .find((entry) => entry.event === 'authenticated' && entry.access === 'feed')?.tokenId;
    // Mid-sync: some missions are here, not all.
    await expect
      .poll(
        async () => {
          const counts = progressOf((await chipStates(desk.page)).at(-1)?.text ?? '');
          return counts !== null && counts[0] >= 3 && counts[0] < counts[1];
        },
        { timeout: 60_000, interval: 50 },
      )
      .toBe(true);
    const cutAt = logs.length;
    proxy.cut();
    const cutEnds = Date.now() + CUT_MS;
    // During the cut, a mission already here is edited: the change exists only on this device.
    // The list shows what is on the device, from its own storage: some missions are, by now.
    await desk.page.locator('[data-mission-id]').first().waitFor({ timeout: 30_000 });
    const here = await desk.page
      .locator('[data-mission-id]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-mission-id') ?? ''));
    const edited = here.sort().at(-1)!;
    // Within the app, as a person would: a reload during the cut is not what is being tested.
    await desk.page.locator(`[data-mission-id="${edited}"] a`).click();
    await desk.ui.link('missions.edit').click();
    await desk.ui.label('missions.field.title').fill('Editada sin conexión');
    await desk.ui.button('action.save').click();
    await desk.page.getByRole('heading', { name: 'Editada sin conexión' }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutEnds - Date.now())));
    const restoredAt = logs.length;
    proxy.restore();

    await desk.page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 120_000 });
    await desk.page.goto(through);
    // Each mission's list row is written once its document is on the device.
    await expect.poll(() => missionRows(desk.page), { timeout: 15_000 }).toBe(MISSIONS);
    const sockets = new Set(
      logs
        .slice(cutAt)
        .filter(
          (entry) => entry.event === 'connected' && entry.document === 'feed' && entry.tokenId === tokenId,
        )
        .map((entry) => entry.socket),
    );
    expect(sockets.size).toBeGreaterThanOrEqual(1);
    expect(sockets.size).toBeLessThanOrEqual(3);
    // The change made offline is the first a pass sends, before the missions still to download.
    const missionsAfter = logs
      .slice(restoredAt)
      .filter(
        (entry) =>
          entry.event === 'connected' &&
          entry.tokenId === tokenId &&
          typeof entry.document === 'string' &&
          entry.document.startsWith('mission:'),
      )
      .map((entry) => entry.document);
    expect(missionsAfter.slice(0, 2)).toContain(`mission:${edited}`);
    // It resumed, not from zero: missions confirmed before the cut (one at least besides the edited one) were
    // not synced again.
    expect(new Set(missionsAfter).size).toBeLessThan(MISSIONS);
    // No storm: the server never closed the socket for too many documents waiting to authenticate.
    expect(logs.slice(cutAt).some((entry) => entry.event === 'refused')).toBe(false);
    await desk.context.close();
  });
});
