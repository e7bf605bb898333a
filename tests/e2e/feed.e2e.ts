// The change feed in real Chromium against the real server: an idle coordinator on the mission list hears a
// technician's edits live, a reload with nothing changed opens no mission document, and the idle socket stays up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import { createMission, joinByInvite, syncState, type Device } from './support/devices.ts';
import { expectAccessible } from './support/a11y.ts';

type LogEntry = { event: string } & Record<string, unknown>;

/** Far shorter than the default, so that idling past it takes seconds. */
const AUTH_TIMEOUT_MS = 3000;

let app: SyncApp;
let browser: Browser;
const logs: LogEntry[] = [];
let phone: Device;
let desk: Device;
let missionId = '';

const coordinatorId = () =>
  logs.find((entry) => entry.event === 'authenticated' && entry.role === 'coordinator')?.tokenId;

/** Mission and review documents the coordinator's device opened on the server since log entry `from`. */
const openedByDesk = (from: number) =>
  logs
    .slice(from)
    .filter(
      (entry) =>
        entry.event === 'connected' &&
        entry.tokenId === coordinatorId() &&
        typeof entry.document === 'string' &&
        entry.document !== 'feed',
    );

const listTitle = (d: Device) => d.page.locator(`[data-mission-id="${missionId}"]`).innerText();

beforeAll(async () => {
  app = await startSyncApp({ log: (entry) => logs.push(entry), limits: { authTimeoutMs: AUTH_TIMEOUT_MS } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the change feed', () => {
  it('an idle coordinator on the mission list sees a technician’s change within seconds', async () => {
    phone = await joinByInvite(browser, app.url, app.token('technician', 'Anna'), 'Anna Puig');
    missionId = await createMission(phone, {
      title: 'Agua en Jama',
      canton: 'EC1320',
      startDate: '2016-06-01',
    });
    await syncState(phone.page, 'upToDate');

    desk = await joinByInvite(browser, app.url, app.token('coordinator', 'Marta'), 'Marta Soler');
    await desk.page.goto(app.url);
    await desk.page.locator(`[data-mission-id="${missionId}"]`, { hasText: 'Agua en Jama' }).waitFor();
    await syncState(desk.page, 'upToDate');
    await expectAccessible(desk.page, 'mission list, up to date through the feed');
    // Idle: the background pass has let the mission go, and only the feed is left on the socket.
    await expect
      .poll(
        () =>
          logs.some(
            (entry) =>
              entry.event === 'disconnected' &&
              entry.tokenId === coordinatorId() &&
              entry.document === `mission:${missionId}`,
          ),
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);

    await phone.page.goto(`${app.url}/missions/${missionId}/edit`);
    await phone.ui.label('missions.field.title').fill('Agua y saneamiento en Jama');
    await phone.ui.button('action.save').click();
    await phone.page.getByRole('heading', { name: 'Agua y saneamiento en Jama' }).waitFor();
    await expect.poll(() => listTitle(desk), { timeout: 15_000 }).toContain('Agua y saneamiento en Jama');
    await syncState(desk.page, 'upToDate');
  });

  it('a reload with nothing changed opens no mission document on the server', async () => {
    // The change above has been synced and let go again before the reload.
    await expect.poll(() => docOpenOnDesk(), { timeout: 60_000, interval: 500 }).toBe(false);
    const from = logs.length;
    await desk.page.reload();
    await desk.page.locator(`[data-mission-id="${missionId}"]`).waitFor();
    await expect
      .poll(
        () =>
          logs
            .slice(from)
            .some((e) => e.event === 'connected' && e.document === 'feed' && e.tokenId === coordinatorId()),
        { timeout: 15_000 },
      )
      .toBe(true);
    await syncState(desk.page, 'upToDate');
    // Long enough for a pass the versions would have started to open its first document.
    await desk.page.waitForTimeout(3000);
    expect(openedByDesk(from)).toEqual([]);
  });

  it('an idle device stays up to date past the server’s authentication timeout', async () => {
    const from = logs.length;
    const seen = new Set<string>();
    const until = Date.now() + 3 * AUTH_TIMEOUT_MS;
    while (Date.now() < until) {
      seen.add(
        (await desk.page.locator('.statusbar [data-sync-state]').getAttribute('data-sync-state')) ?? '',
      );
      await desk.page.waitForTimeout(200);
    }
    expect([...seen]).toEqual(['upToDate']);
    const deskSockets = new Set(
      logs.filter((e) => e.event === 'authenticated' && e.tokenId === coordinatorId()).map((e) => e.socket),
    );
    const closed = logs.slice(from).filter((e) => e.event === 'socket-closed' || e.event === 'refused');
    expect(closed.filter((e) => deskSockets.has(e.socket))).toEqual([]);
    expect(closed.filter((e) => e.refusal === 'authentication-timeout')).toEqual([]);
  });
});

/** Whether the coordinator's device holds the mission open on the server now (connected, not yet gone). */
function docOpenOnDesk(): boolean {
  let open = 0;
  for (const entry of logs) {
    if (entry.tokenId !== coordinatorId() || entry.document !== `mission:${missionId}`) continue;
    if (entry.event === 'connected') open += 1;
    if (entry.event === 'disconnected') open -= 1;
  }
  return open > 0;
}
