// Every screen of the field app at 360×640: WCAG 2.2 AA (axe-core) and touch targets of at least 44 px.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import { FieldApp } from './pages/fieldApp.ts';

let app: BuiltApp;
let browser: Browser;
let page: Page;
let ui: FieldApp;
let missionUrl = '';

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchChromium();
  const context = await browser.newContext({ ...PHONE, locale: 'es-EC', serviceWorkers: 'block' });
  page = await context.newPage();
  ui = new FieldApp(page, 'es');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('accessibility of every screen at a phone viewport (es)', () => {
  it('first-run setup', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Español' }).click();
    await expectAccessible(page, 'setup');
  });

  it('mission list and mission form', async () => {
    await ui.setUp('es', 'Jordi Vila');
    await expectAccessible(page, 'list (empty)');
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').waitFor();
    await expectAccessible(page, 'mission form');
    await ui.label('missions.field.title').fill('Plan costero de Jaramijó');
    await ui.label('missions.field.hostCanton').selectOption('EC1321');
    await ui.label('missions.field.startDate').fill('2017-03-01');
    await ui.label('missions.field.endDate').fill('2017-02-01');
    await ui.button('action.save').click();
    await page.getByText(ui.t('validation.endBeforeStart')).waitFor();
    await expectAccessible(page, 'mission form with errors');
    await ui.label('missions.field.endDate').fill('2017-03-14');
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: 'Plan costero de Jaramijó' }).waitFor();
    missionUrl = new URL(page.url()).pathname;
    await expectAccessible(page, 'mission overview');
  });

  it('assessment form with a sector and a building inspection', async () => {
    await page.goto(`${app.url}${missionUrl}/assessments/new`);
    await ui.label('assessments.field.title').waitFor();
    await ui.label('assessments.addSector').selectOption('wash');
    await page.getByLabel(ui.t('assessments.includeInspection')).check();
    await expectAccessible(page, 'assessment form');
  });

  it('note, action and trash screens, and the tabs', async () => {
    await page.goto(`${app.url}${missionUrl}/notes/new`);
    await ui.label('note.text').waitFor();
    await page.keyboard.type('Visita al malecón.');
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await expectAccessible(page, 'note');
    await page.goto(`${app.url}${missionUrl}/actions/new`);
    await ui.label('actionItem.activity').waitFor();
    await expectAccessible(page, 'action form');
    for (const tab of ['assessments', 'notes', 'actions', 'trash']) {
      await page.goto(`${app.url}${missionUrl}/${tab}`);
      await page.locator('main h1, main h2').first().waitFor();
      await expectAccessible(page, `tab ${tab}`);
    }
    await page.goto(`${app.url}/settings`);
    await page.locator('main h1').waitFor();
    await expectAccessible(page, 'settings');
  });
});
