// Merge later: two phones and a coordinator against the real sync server, in real Chromium. Both phones
// go offline, edit the same note and different fields of the same assessment, add photos, and reconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import { createMission, goOffline, joinByInvite, syncState, type Device } from './support/devices.ts';
import { makeJpeg } from './pages/fieldApp.ts';

let app: SyncApp;
let browser: Browser;
let missionId = '';
let noteUrl = '';
let assessmentUrl = '';

const device = (token: string, name: string) => joinByInvite(browser, app.url, token, name);

const noteText = (d: Device) => d.ui.label('note.text').inputValue();

let phoneA: Device;
let phoneB: Device;

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('two phones offline, then merged, and the coordinator sees it all', () => {
  it('phone A signs in by invite link, creates a mission, a note and an assessment online', async () => {
    phoneA = await device(app.token('technician', 'Anna'), 'Anna Puig');
    const { page, ui } = phoneA;
    missionId = await createMission(phoneA, {
      title: 'Reconstrucción de Jama',
      canton: 'EC1320',
      startDate: '2016-06-01',
    });
    await page.goto(`${app.url}/missions/${missionId}/assessments/new`);
    await ui.label('assessments.field.title').fill('Barrio El Matal');
    await ui.button('action.save').click();
    await page.locator('[data-assessment-id]').first().waitFor();
    assessmentUrl = (await page.locator('[data-assessment-id] a').first().getAttribute('href'))!;
    await ui.button('mission.newNote').or(ui.link('mission.newNote')).first().click();
    await ui.label('note.text').waitFor();
    await page.keyboard.type('Reunión con el GAD de Jama.');
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    noteUrl = new URL(page.url()).pathname;
    expect(await ui.label('note.text').inputValue()).toBe('Reunión con el GAD de Jama.');
    await syncState(page, 'upToDate');
    await page.reload();
    expect(await ui.label('note.text').inputValue()).toBe('Reunión con el GAD de Jama.');
  });

  it('phone B, assigned to the mission, finds it in its list and sees phone A’s work live', async () => {
    phoneB = await device(app.token('technician', 'Jordi', [missionId]), 'Jordi Vila');
    // Discovered from the server in the background: the mission reaches B's list without any link.
    await phoneB.page.goto(app.url);
    await phoneB.page
      .locator(`[data-mission-id="${missionId}"]`, { hasText: 'Reconstrucción de Jama' })
      .waitFor({ timeout: 15_000 });
    await phoneB.page.goto(`${app.url}${noteUrl}`);
    await expect.poll(() => noteText(phoneB), { timeout: 10_000 }).toBe('Reunión con el GAD de Jama.');
    await phoneA.ui.label('note.text').press('End');
    await phoneA.page.keyboard.type(' Hay acuerdo.');
    await expect
      .poll(() => noteText(phoneB), { timeout: 5_000 })
      .toBe('Reunión con el GAD de Jama. Hay acuerdo.');
    // B hears of an edit before A is told it is on disk: until then A's chip honestly says it is pending.
    await syncState(phoneA.page, 'upToDate');
  });

  it('both go offline and edit the same note, different fields of one assessment, and add photos', async () => {
    await phoneA.context.setOffline(true);
    await phoneB.context.setOffline(true);
    await syncState(phoneA.page, 'offline');
    await syncState(phoneB.page, 'offline');

    await phoneA.ui.label('note.text').press('End');
    await phoneA.page.keyboard.type(' Falta agua en El Matal.');
    await phoneB.ui.label('note.text').press('Control+Home');
    await phoneB.page.keyboard.type('Primera visita. ');
    for (const [d, file] of [
      [phoneA, 'a.jpg'],
      [phoneB, 'b.jpg'],
    ] as const) {
      const photo = await makeJpeg(d.page, file);
      await d.ui.label('photos.choose').setInputFiles({ name: file, mimeType: 'image/jpeg', buffer: photo });
      await d.page.locator('.thumbs img').first().waitFor();
    }

    await phoneA.page.goto(`${app.url}${assessmentUrl}/edit`).catch(() => {});
    await phoneA.ui.label('assessments.field.parish').fill('Jama');
    await phoneA.ui.button('action.save').click();
    await phoneA.page.locator('[data-assessment-id]').first().waitFor();
    await phoneB.page.goto(`${app.url}${assessmentUrl}/edit`).catch(() => {});
    await phoneB.ui.label('assessments.field.informantRole').fill('presidenta del barrio');
    await phoneB.ui.button('action.save').click();
    await phoneB.page.locator('[data-assessment-id]').first().waitFor();
    await phoneA.page.locator('.statusbar [data-sync-state="pending"]').waitFor();
  });

  it('after reconnecting, both phones hold every edit, and each other’s photos', async () => {
    await phoneA.context.setOffline(false);
    await phoneB.context.setOffline(false);
    await syncState(phoneA.page, 'upToDate');
    await syncState(phoneB.page, 'upToDate');
    const merged = 'Primera visita. Reunión con el GAD de Jama. Hay acuerdo. Falta agua en El Matal.';
    for (const d of [phoneA, phoneB]) {
      await d.page.goto(`${app.url}${noteUrl}`);
      await expect.poll(() => noteText(d), { timeout: 10_000 }).toBe(merged);
      await expect
        .poll(
          () =>
            d.page
              .locator('.thumbs img')
              .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
          { timeout: 15_000 },
        )
        .toBe(2);
      await d.page.goto(`${app.url}${assessmentUrl}/edit`);
      await expect
        .poll(() => d.ui.label('assessments.field.parish').inputValue(), { timeout: 10_000 })
        .toBe('Jama');
      expect(await d.ui.label('assessments.field.informantRole').inputValue()).toBe('presidenta del barrio');
    }
  });

  it('the coordinator’s device sees the merged note and both photos', async () => {
    const coordinator = await device(app.token('coordinator', 'Coordinació'), 'Laia Ferrer');
    await coordinator.page.goto(`${app.url}${noteUrl}`);
    await expect
      .poll(() => noteText(coordinator), { timeout: 10_000 })
      .toBe('Primera visita. Reunión con el GAD de Jama. Hay acuerdo. Falta agua en El Matal.');
    await expect
      .poll(
        () =>
          coordinator.page
            .locator('.thumbs img')
            .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
        { timeout: 15_000 },
      )
      .toBe(2);
    await coordinator.context.close();
  });

  it('a phone reloaded offline with unsynced changes keeps its pending count, which drains online', async () => {
    const { page, context, ui } = phoneA;
    await page.goto(`${app.url}${noteUrl}`);
    await syncState(page, 'upToDate');
    await goOffline(phoneA);
    await syncState(page, 'offline');
    await ui.label('note.text').press('End');
    await page.keyboard.type(' Volver el lunes.');
    await ui.saved();
    await page.reload();
    await page.locator('.statusbar [data-sync-state]').waitFor();
    await page.goto(`${app.url}/missions/${missionId}`);
    await expect
      .poll(() => page.locator('.mission-sync').getAttribute('data-sync-state'), { timeout: 10_000 })
      .toMatch(/offline|pending/);
    await expect.poll(() => page.locator('.mission-sync').textContent(), { timeout: 10_000 }).toContain('1');
    await context.setOffline(false);
    await expect
      .poll(() => page.locator('.mission-sync').getAttribute('data-sync-state'), { timeout: 15_000 })
      .toBe('upToDate');
    await phoneB.page.goto(`${app.url}${noteUrl}`);
    await expect.poll(() => noteText(phoneB), { timeout: 10_000 }).toContain('Volver el lunes.');
  });
});
