// Invite links in real Chromium against the real server: a link never signs in by itself, and a link opened on a
// phone signed in as someone else neither switches its account while its work is unsent nor sends that work
// under another name; once everything is on the server, switching is asked and works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { launchChromium, PHONE } from './support/browser.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import { createMission, joinByInvite, syncState } from './support/devices.ts';
import { joinInvite } from '../../src/ui/i18n/messages/joinInvite.ts';
import { syncScreens } from '../../src/ui/i18n/messages/syncScreens.ts';

const j = joinInvite.es;
const s = syncScreens.es;
let app: SyncApp;
let browser: Browser;

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The token this phone is signed in with, read from Minga's database as stored (null: not signed in). */
function storedToken(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('minga');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('settings')) {
            db.close();
            resolve(null);
            return;
          }
          const get = db.transaction('settings').objectStore('settings').get('syncToken');
          get.onsuccess = () => {
            db.close();
            const row = get.result as { value?: unknown } | undefined;
            resolve(typeof row?.value === 'string' ? row.value : null);
          };
          get.onerror = () => reject(get.error ?? new Error('get failed'));
        };
      }),
  );
}

async function missionsOnServer(): Promise<string[]> {
  const res = await fetch(`${app.url}/api/missions`, {
    headers: { Authorization: `Bearer ${app.token('coordinator', 'Check')}` },
  });
  return ((await res.json()) as { missions: string[] }).missions;
}

/**
 * The phone's /sync sockets through a switch: passed to the server, or held (open towards the page, never
 * answered), so that changes stay unsent while HTTP, and so the invite check, still works.
 */
function syncGate(context: BrowserContext) {
  let holding = false;
  const routes: WebSocketRoute[] = [];
  const install = () =>
    context.routeWebSocket(/\/sync$/, (ws) => {
      routes.push(ws);
      if (!holding) ws.connectToServer();
    });
  const reconnectAll = async () => {
    // The app reconnects by itself, through the gate as it is now.
    for (const ws of routes.splice(0)) await ws.close({ code: 1011, reason: 'gate' });
  };
  return {
    install,
    hold: async () => {
      holding = true;
      await reconnectAll();
    },
    pass: async () => {
      holding = false;
      await reconnectAll();
    },
  };
}

describe('invite links', () => {
  it('a fresh phone is told who the link signs in as, and signs in only when asked', async () => {
    const token = app.token('technician', 'Anna');
    const context = await browser.newContext({ ...PHONE, locale: 'es-EC' });
    const page = await context.newPage();
    await page.goto(`${app.url}/join#token=${token}`);
    await page.getByText('Este enlace inicia sesión en este dispositivo como Anna (Técnico/a).').waitFor();
    expect(page.url()).not.toContain(token);
    expect(await storedToken(page)).toBeNull();
    await expectAccessible(page, 'join: asks');

    await page.getByRole('button', { name: j['joinInvite.signIn'], exact: true }).click();
    await page.getByText(/Sesión iniciada como Anna/).waitFor();
    expect(await storedToken(page)).toBe(token);
    await context.close();
  });

  it('refuses to switch away from unsent work, then switches once it is on the server', async () => {
    const annaToken = app.token('technician', 'Anna');
    const beaToken = app.token('technician', 'Bea');
    let gate: ReturnType<typeof syncGate> | null = null;
    const phone = await joinByInvite(browser, app.url, annaToken, 'Anna Puig', {
      prepare: async (context) => {
        gate = syncGate(context);
        await gate.install();
      },
    });
    const { page } = phone;
    await syncState(page, 'upToDate');

    // Made while the phone's sync is held: the server does not have it.
    await gate!.hold();
    const missionId = await createMission(phone, {
      title: 'Letrinas en Jama',
      canton: 'EC1320',
      startDate: '2016-06-01',
    });
    await phone.ui.saved();
    expect(await missionsOnServer()).not.toContain(missionId);

    await page.goto(`${app.url}/join#token=${beaToken}`);
    const refusal = page.getByRole('alert');
    await refusal.getByText(j['joinInvite.blocked']).waitFor({ timeout: 20_000 });
    expect(await refusal.innerText()).toMatch(
      /1 cambio aún no ha llegado al servidor|cambios aún no han llegado/,
    );
    await page.getByText('Sesión actual en este dispositivo: Anna (Técnico/a).').waitFor();
    await page.getByText('Este enlace: Bea (Técnico/a).').waitFor();
    expect(page.url()).not.toContain(beaToken);
    expect(await page.getByRole('button', { name: /Borrar e iniciar sesión/ }).count()).toBe(0);
    await expectAccessible(page, 'join: switching refused');

    // Nothing changed: still Anna, and her mission still here.
    expect(await storedToken(page)).toBe(annaToken);
    await page.getByRole('link', { name: s['join.toMissions'] }).click();
    await page.locator(`[data-mission-id="${missionId}"]`, { hasText: 'Letrinas en Jama' }).waitFor();

    // Sent: the same link now asks, showing both accounts.
    await gate!.pass();
    await syncState(page, 'upToDate');
    expect(await missionsOnServer()).toContain(missionId);
    await page.goto(`${app.url}/join#token=${beaToken}`);
    const confirm = page.getByRole('button', { name: 'Borrar e iniciar sesión como Bea', exact: true });
    await confirm.waitFor({ timeout: 20_000 });
    await page.getByText('Sesión actual en este dispositivo: Anna (Técnico/a).').waitFor();
    await expectAccessible(page, 'join: confirm switch');

    await confirm.click();
    await page.getByText(/Sesión iniciada como Bea/).waitFor({ timeout: 30_000 });
    expect(await storedToken(page)).toBe(beaToken);
    // Anna's mission left the phone with her account; the server keeps it.
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((info) => info.name ?? ''),
    );
    expect(databases.filter((name) => name.includes(missionId))).toEqual([]);
    expect(await missionsOnServer()).toContain(missionId);
    // A new phone for Bea: the setup comes next.
    await page.getByRole('link', { name: s['join.toSetup'] }).waitFor();
    await phone.context.close();
  }, 120_000);

  it('says so when the link is the phone’s own sign-in, and changes nothing', async () => {
    const token = app.token('observer', 'Olga');
    const phone = await joinByInvite(browser, app.url, token, 'Olga Ruiz');
    await phone.page.goto(`${app.url}/join#token=${token}`);
    await phone.page
      .getByText(j['joinInvite.alreadyAs'].replace('{name}', 'Olga').replace('{role}', 'Observador/a'))
      .waitFor();
    expect(await storedToken(phone.page)).toBe(token);
    await phone.context.close();
  });
});
