// Two phones and no sync server: A sends a mission with a photo as a file, B previews and imports it and adds a
// note, B sends it back, A imports; both then show the same content and the same photo.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import { FieldApp, makeJpeg } from './pages/fieldApp.ts';

let app: BuiltApp;
let browser: Browser;
let a: FieldApp;
let b: FieldApp;
let missionPath = '';
const TITLE = 'Vivienda segura en Jama';

async function phone(name: string): Promise<FieldApp> {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  const ui = new FieldApp(page, 'en');
  await page.goto(app.url);
  await ui.setUp('en', name);
  return ui;
}

/** Sends the mission from Settings and returns the file the browser downloaded. */
async function send(ui: FieldApp): Promise<{ name: string; buffer: Buffer }> {
  await ui.page.goto(`${app.url}/settings`);
  await ui.page.getByRole('checkbox', { name: TITLE }).check();
  const download = ui.page.waitForEvent('download');
  await ui.button('exchange.send').click();
  const file = await download;
  const buffer = await readFile((await file.path())!);
  await ui.page
    .getByText(ui.t('exchange.sent', { file: file.suggestedFilename(), missions: 1, photos: 1 }))
    .waitFor();
  return { name: file.suggestedFilename(), buffer };
}

async function receive(
  ui: FieldApp,
  file: { name: string; buffer: Buffer },
  changes: string,
  checkAccessible = false,
): Promise<void> {
  await ui.page.goto(`${app.url}/settings`);
  await ui.label('exchange.receive').setInputFiles({ ...file, mimeType: 'application/zip' });
  const preview = ui.page.getByTestId('bundle-preview');
  await preview.getByText(TITLE).waitFor();
  await preview.getByText(ui.t(changes as 'exchange.missionNew')).waitFor();
  if (checkAccessible) await expectAccessible(ui.page, 'settings: sending and a file received');
  await ui.button('exchange.confirm').click();
  await ui.page.getByText(ui.t('exchange.imported', { missions: 1 })).waitFor();
}

/** SHA-256 of the pixels of the first photo shown, once it has loaded. */
async function photoShown(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const element = document.querySelector<HTMLImageElement>('.thumbs img');
    return element !== null && element.complete && element.naturalWidth > 0;
  });
  return page
    .locator('.thumbs img')
    .first()
    .evaluate(async (element: HTMLImageElement) => {
      // The pixels shown: the object URL behind them may already be revoked once the image has loaded.
      const canvas = new OffscreenCanvas(element.naturalWidth, element.naturalHeight);
      const context = canvas.getContext('2d')!;
      context.drawImage(element, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', pixels));
      return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    });
}

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchChromium();
  a = await phone('Anna');
  b = await phone('Berta');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('sending a mission from phone to phone as a file', () => {
  it('A records a mission with an assessment and a photo', async () => {
    await a.link('missions.new').first().click();
    await a.label('missions.field.title').fill(TITLE);
    await a.label('missions.field.hostCanton').selectOption('EC1320');
    await a.label('missions.field.startDate').fill('2016-05-02');
    await a.button('action.save').click();
    await a.page.getByRole('heading', { name: TITLE }).waitFor();
    missionPath = new URL(a.page.url()).pathname;
    await a.tab('mission.tab.assessments').click();
    await a.link('mission.newAssessment').click();
    await a.label('assessments.field.title').fill('Barrio Centro');
    await a
      .label('photos.choose')
      .setInputFiles({ name: 'jama.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(a.page, 'Jama') });
    await a.page.locator('.thumbs img').first().waitFor();
    await a.button('action.save').click();
    await a.page.locator('[data-assessment-id]', { hasText: 'Barrio Centro' }).waitFor();
  });

  it('B previews, imports, and adds a note; A imports B’s file back', async () => {
    await receive(b, await send(a), 'exchange.missionNew', true);
    await b.page.goto(`${app.url}${missionPath}`);
    await b.page.getByRole('heading', { name: TITLE }).waitFor();
    await b.button('mission.newNote').or(b.link('mission.newNote')).first().click();
    await b.label('note.text').waitFor();
    await b.page.keyboard.type('Muros agrietados en la escuela');
    await b.saved();

    await receive(a, await send(b), 'exchange.missionChanges');
  });

  it('both show the same note, assessment and photo', async () => {
    const photos: string[] = [];
    for (const ui of [a, b]) {
      await ui.page.goto(`${app.url}${missionPath}`);
      await ui.tab('mission.tab.notes').click();
      await ui.page.getByText('Muros agrietados en la escuela').first().waitFor();
      await ui.tab('mission.tab.assessments').click();
      await ui.page.locator('[data-assessment-id]', { hasText: 'Barrio Centro' }).click();
      photos.push(await photoShown(ui.page));
    }
    expect(photos[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(photos[1]).toBe(photos[0]);
  });
});
