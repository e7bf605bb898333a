// The risk of losing everything, said on the home screen: with persistent storage refused by the browser and work
// a day old that neither a server nor a backup holds, home warns and offers the fixes; after a backup it is gone.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import { FieldApp } from './pages/fieldApp.ts';
import { withoutSavePicker } from './support/backup.ts';

let app: BuiltApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ui: FieldApp;

const START = new Date('2026-03-02T09:00:00Z');

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchChromium();
  context = await browser.newContext({
    ...PHONE,
    locale: 'es-EC',
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  await withoutSavePicker(context);
  // The browser's answer under test: it will not make this site's storage persistent.
  await context.addInitScript(() => {
    const storage = navigator.storage;
    Object.defineProperty(storage, 'persisted', { value: () => Promise.resolve(false) });
    Object.defineProperty(storage, 'persist', { value: () => Promise.resolve(false) });
  });
  page = await context.newPage();
  await page.clock.install({ time: START });
  ui = new FieldApp(page, 'es');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const warning = () => page.getByTestId('storage-risk');

describe('storage risk on the home screen (es)', () => {
  it('says nothing while there is nothing to lose', async () => {
    await page.goto(app.url);
    await ui.setUp('es', 'Marta Soler');
    await page.getByText(ui.t('missions.empty')).waitFor();
    expect(await warning().count()).toBe(0);
  });

  it('says nothing on the day the work was done', async () => {
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill('Catastro de Jama');
    await ui.label('missions.field.hostCanton').selectOption('EC1320');
    await ui.label('missions.field.startDate').fill('2026-03-02');
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: 'Catastro de Jama' }).waitFor();
    await page.clock.setSystemTime(new Date(START.getTime() + 3 * 60 * 60 * 1000));
    await page.goto(app.url);
    await page.locator('[data-mission-id]').waitFor();
    expect(await warning().count()).toBe(0);
  });

  it('warns once the work is more than a day old and only on this phone, with the fixes', async () => {
    await page.clock.setSystemTime(new Date(START.getTime() + 26 * 60 * 60 * 1000));
    await page.goto(app.url);
    await warning().waitFor();
    expect(await warning().getByRole('heading').textContent()).toBe(ui.t('risk.title'));
    expect(await warning().textContent()).toContain(ui.t('risk.bodyNever'));
    const settings = warning().getByRole('link', { name: ui.t('risk.signIn') });
    expect(await settings.getAttribute('href')).toMatch(/^\/settings/);
    await expectAccessible(page, 'list with the storage risk');
  });

  it('is gone after a backup', async () => {
    // Confirmed, the backup lifts the risk: the warning (and the backup inside it) is gone.
    const download = page.waitForEvent('download');
    await warning()
      .getByRole('button', { name: ui.t('backup.make') })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^minga-backup-.*\.minga\.zip$/);
    await warning()
      .getByLabel(ui.t('backup.pickLabel'))
      .setInputFiles({
        name: file.suggestedFilename(),
        mimeType: 'application/zip',
        buffer: await readFile((await file.path())!),
      });
    await warning().waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('[data-mission-id]').waitFor();
    expect(await warning().count()).toBe(0);
  });
});
