// A shared phone: signing out removes Minga's data from it — never work the server lacks unless a backup holds
// it — and the phone starts again as a new one, offline too, while the server keeps the missions.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import {
  createMission as createPhoneMission,
  goOffline,
  joinByInvite,
  type Device,
} from './support/devices.ts';
import { syncScreens } from '../../src/ui/i18n/messages/syncScreens.ts';
import { readBundle } from '../../src/domain/bundle/read.ts';
import { backUpByDownload } from './support/backup.ts';

const t = syncScreens.es;
let app: SyncApp;
let browser: Browser;

const device = (token: string, name: string) => joinByInvite(browser, app.url, token, name);

async function createMission(phone: Device, title: string): Promise<string> {
  const id = await createPhoneMission(phone, { title, canton: 'EC1320', startDate: '2016-06-01' });
  await phone.page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 15_000 });
  return id;
}

/** Databases named as Minga names them: `minga` (Dexie) and one per document. */
function mingaDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((info) => info.name ?? '')
      .filter((name) => /^(minga$|mission:|review:|programme:)/.test(name))
      .sort(),
  );
}

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

/** Accepts the one confirmation, then waits for the app to start again on the setup screen. */
async function removeAndRestart(page: Page, name: string): Promise<string> {
  const question = page.waitForEvent('dialog').then(async (dialog) => {
    const message = dialog.message();
    await dialog.accept();
    return message;
  });
  await button(page, name).click();
  const asked = await question;
  await page.getByRole('heading', { name: 'Te damos la bienvenida a Minga' }).waitFor({ timeout: 20_000 });
  return asked;
}

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The databases but the mission's review, which a signed-in phone may or may not have opened yet. */
function withoutReview(names: string[], missionId: string): string[] {
  return names.filter((name) => name !== `review:${missionId}`);
}

describe('signing out and removing this phone’s data', () => {
  it('a synced phone becomes a new phone; the server keeps its mission for another device', async () => {
    const phone = await device(app.token('technician', 'Anna'), 'Anna Puig');
    const { page, ui } = phone;
    const missionId = await createMission(phone, 'Agua segura en Jama');
    // The mission's review document joins it once the mission has reached the server.
    expect(withoutReview(await mingaDatabases(page), missionId)).toEqual(['minga', `mission:${missionId}`]);

    // A second tab left open on the mission would keep it open and syncing: it must start afresh too.
    const otherTab = await phone.context.newPage();
    await otherTab.goto(`${app.url}/missions/${missionId}`);
    await otherTab.getByRole('heading', { name: 'Agua segura en Jama' }).waitFor();

    await page.goto(`${app.url}/settings`);
    const asked = await removeAndRestart(page, t['sync.signOutRemove']);
    expect(asked).toMatch(/^¿Borrar de este teléfono todas las misiones/);
    await otherTab
      .getByRole('heading', { name: 'Te damos la bienvenida a Minga' })
      .waitFor({ timeout: 20_000 });
    await otherTab.close();
    // Only the new, empty database the setup screen opened; the app itself stays installed for offline use.
    expect(await mingaDatabases(page)).toEqual(['minga']);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect((await page.evaluate(() => caches.keys())).length).toBeGreaterThan(0);

    await ui.setUp('es', 'Jordi Vila');
    await page.getByText(ui.t('missions.empty')).waitFor();
    expect(await page.locator('[data-mission-id]').count()).toBe(0);
    await page.reload();
    await page.getByText(ui.t('missions.empty')).waitFor();
    expect(await page.locator('[data-mission-id]').count()).toBe(0);
    await page.goto(`${app.url}/settings`);
    await page.getByText(t['sync.notSignedIn']).waitFor();
    await phone.context.close();

    const coordinator = await device(app.token('coordinator', 'Coordinació'), 'Laia Ferrer');
    await coordinator.page
      .locator(`[data-mission-id="${missionId}"]`, { hasText: 'Agua segura en Jama' })
      .waitFor({ timeout: 15_000 });
    await coordinator.context.close();
  });

  it('an unsynced note keeps the data until a backup holds it, then the phone is emptied offline', async () => {
    const phone = await device(app.token('technician', 'Pau'), 'Pau Serra');
    const { page, context, ui } = phone;
    const missionId = await createMission(phone, 'Escuelas de Pedernales');
    await goOffline(phone);
    await page.locator('.statusbar [data-sync-state="offline"]').waitFor();
    await ui.button('mission.newNote').or(ui.link('mission.newNote')).first().click();
    await ui.label('note.text').waitFor();
    await page.keyboard.type('Visita al colegio sin red.');
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await ui.saved();

    await page.goto(`${app.url}/settings`);
    await button(page, t['sync.signOutRemove']).waitFor();
    await expectAccessible(page, 'sign-out choices');
    await button(page, t['sync.signOutRemove']).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText(t['sync.pendingOne']).waitFor();
    await refusal.getByText(t['sync.remove.refused']).waitFor();
    expect(await button(page, t['sync.removeAnyway']).count()).toBe(0);
    await expectAccessible(page, 'removal refused');
    // The mission's review document joins it once the mission has reached the server.
    expect(withoutReview(await mingaDatabases(page), missionId)).toEqual(['minga', `mission:${missionId}`]);

    // As on a browser that cannot save files itself: downloaded, then chosen back.
    await page.evaluate(() => {
      Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
    });
    const path = await backUpByDownload(page, refusal, 'es');
    const backup = await readBundle(new Uint8Array(await readFile(path)));
    expect(backup.docs.map((doc) => doc.entry.mission)).toContain(missionId);
    await page.getByText(t['sync.remove.backedUpOne']).waitFor();

    const asked = await removeAndRestart(page, t['sync.removeAnyway']);
    expect(asked).toContain('solo quedarán en la copia de seguridad');
    expect(await mingaDatabases(page)).toEqual(['minga']);
    await context.close();
  });
});
