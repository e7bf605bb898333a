// Nothing typed is thrown away without asking, on a phone: Cancel, the back button and links on a changed form
// ask "Discard your changes?"; an unchanged form leaves at once; a saved assessment opens read-only, with Edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { freshTempDir, removeTempDir } from './support/tmp.ts';
import { FieldApp } from './pages/fieldApp.ts';
import { expectAccessible } from './support/a11y.ts';
import type { MessageKey } from '../../src/ui/i18n/catalog.ts';

let app: BuiltApp;
let dir: string;
let context: BrowserContext;
let page: Page;
let ui: FieldApp;
let missionUrl = '';

beforeAll(async () => {
  app = await startBuiltApp();
  dir = await freshTempDir('minga-noloss-');
  context = await launchPersistent(dir, { ...PHONE, locale: 'es-EC' });
  page = context.pages()[0] ?? (await context.newPage());
  ui = new FieldApp(page, 'es');
});
afterAll(async () => {
  await context?.close();
  await removeTempDir(dir);
  await app?.close();
});

const question = () => page.getByRole('dialog', { name: ui.t('discard.title') });
const rows = () => page.locator('[data-assessment-id]');

async function fillAssessment(title: string) {
  await ui.label('assessments.field.title').fill(title);
  await ui.label('assessments.field.informantRole').fill('Presidente barrial');
  await ui.label('assessments.addSector').selectOption('shelter');
  await ui.label('assessments.field.severity').selectOption('4');
  await ui.label('assessments.field.affected').fill('1200');
}

describe('no silent loss in forms', () => {
  it('sets up a mission with one saved assessment', async () => {
    await page.goto(app.url);
    await ui.setUp('es', 'Anna Puig');
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill('Pedernales');
    await ui.label('missions.field.hostCanton').selectOption('EC1317');
    await ui.label('missions.field.startDate').fill('2016-05-02');
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: 'Pedernales' }).waitFor();
    missionUrl = new URL(page.url()).pathname;
    await page.goto(`${app.url}${missionUrl}/assessments/new`);
    await fillAssessment('Barrio Tarqui');
    await ui.button('action.save').click();
    await rows().filter({ hasText: 'Barrio Tarqui' }).waitFor();
    await ui.saved();
  });

  it('keeps Cancel well apart from Save and unlike it', async () => {
    // Opened from the list, as in the field: the back button then steps back within the app.
    await page.goto(`${app.url}${missionUrl}/assessments`);
    await ui.link('mission.newAssessment').click();
    const save = (await ui.button('action.save').boundingBox())!;
    const cancel = (await ui.button('action.cancel').boundingBox())!;
    const gap = save.x - (cancel.x + cancel.width);
    expect(gap).toBeGreaterThanOrEqual(8);
    const look = (name: string) =>
      page
        .getByRole('button', { name, exact: true })
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderColor].join());
    expect(await look(ui.t('action.save'))).not.toBe(await look(ui.t('action.cancel')));
  });

  it('asks before Cancel throws a filled assessment away; Keep editing keeps every value', async () => {
    await fillAssessment('Recinto Ricaurte');
    await ui.button('action.cancel').click();
    await question().waitFor();
    await expectAccessible(page, 'discard question');
    await question()
      .getByRole('button', { name: ui.t('discard.keep') })
      .click();
    await question().waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/\/assessments\/new$/);
    expect(await ui.label('assessments.field.title').inputValue()).toBe('Recinto Ricaurte');
    expect(await ui.label('assessments.field.informantRole').inputValue()).toBe('Presidente barrial');
    expect(await ui.label('assessments.field.severity').inputValue()).toBe('4');
    // Kept as typed: the form is not saved yet.
    expect(await ui.label('assessments.field.affected').inputValue()).toBe('1200');
  });

  it('asks on the browser back button, and stays on the form', async () => {
    await page.goBack();
    await question().waitFor();
    expect(page.url()).toMatch(/\/assessments\/new$/);
    await question()
      .getByRole('button', { name: ui.t('discard.keep') })
      .click();
    expect(await ui.label('assessments.field.title').inputValue()).toBe('Recinto Ricaurte');
  });

  it('asks before closing the tab with unsaved changes', async () => {
    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss();
    expect(page.isClosed()).toBe(false);
    expect(await ui.label('assessments.field.title').inputValue()).toBe('Recinto Ricaurte');
  });

  it('asks on the back link at the top of the form', async () => {
    await ui.link('mission.backToMission').click();
    await question().waitFor();
    expect(page.url()).toMatch(/\/assessments\/new$/);
    await question()
      .getByRole('button', { name: ui.t('discard.keep') })
      .click();
  });

  it('drops the new assessment on Discard, and the list is unchanged', async () => {
    await ui.button('action.cancel').click();
    await question()
      .getByRole('button', { name: ui.t('discard.confirm') })
      .click();
    await page.waitForURL(/\/assessments$/);
    await rows().first().waitFor();
    expect(await rows().allInnerTexts()).toEqual([expect.stringContaining('Barrio Tarqui')]);
    // The draft went too: the form opens empty again, and leaves without asking.
    await ui.link('mission.newAssessment').click();
    expect(await ui.label('assessments.field.title').inputValue()).toBe('');
    await ui.button('action.cancel').click();
    await page.waitForURL(/\/assessments$/);
    expect(await question().count()).toBe(0);
  });

  it('opens a saved assessment in its read view, and Edit opens the form', async () => {
    await rows().filter({ hasText: 'Barrio Tarqui' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Barrio Tarqui' }).waitFor();
    expect(await page.locator('input, select, textarea').count()).toBe(0);
    const view = page.locator('.record-view');
    await view.getByText('Presidente barrial').waitFor();
    // Code lists in words, numbers in the local format.
    await view.getByText(ui.t('sector.shelter' as MessageKey)).waitFor();
    await view.getByText('1.200').first().waitFor();
    await expectAccessible(page, 'assessment read view');
    await ui.link('assessments.editThis').click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}\/edit$/);
    expect(await ui.label('assessments.field.title').inputValue()).toBe('Barrio Tarqui');
  });

  it('keeps the saved values when an edit is discarded', async () => {
    await ui.label('assessments.field.title').fill('Barrio Tarqui cambiado');
    await ui.label('assessments.field.affected').fill('5');
    await page.goBack();
    await question()
      .getByRole('button', { name: ui.t('discard.confirm') })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Barrio Tarqui' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Barrio Tarqui' }).waitFor();
    await page.locator('.record-view').getByText('1.200').first().waitFor();
    await ui.link('assessments.editThis').click();
    expect(await ui.label('assessments.field.title').inputValue()).toBe('Barrio Tarqui');
    // Spanish writes a thousand and two hundred as 1.200, in the form as in the read view.
    expect(await ui.label('assessments.field.affected').inputValue()).toBe('1.200');
    // Unchanged: Cancel returns to the read view without asking.
    await ui.button('action.cancel').click();
    await page.getByRole('heading', { level: 1, name: 'Barrio Tarqui' }).waitFor();
    expect(await question().count()).toBe(0);
  });
});

describe('the same for actions and missions', () => {
  it('opens a saved action in its read view; a changed edit cancelled asks and keeps the saved item', async () => {
    await page.goto(`${app.url}${missionUrl}/actions`);
    await ui.link('mission.newAction').click();
    await ui.label('actionItem.activity').fill('Taller con técnicos municipales');
    await ui.button('action.save').click();
    const item = page.locator('[data-action-id]', { hasText: 'Taller con técnicos municipales' });
    await item.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Taller con técnicos municipales' }).waitFor();
    expect(await page.locator('input, select, textarea').count()).toBe(0);
    await page
      .locator('.record-view')
      .getByText(ui.t('actionStatus.planned' as MessageKey))
      .waitFor();
    await expectAccessible(page, 'action read view');
    await ui.link('actionItem.editThis').click();
    await ui.label('actionItem.status').selectOption('done');
    await ui.button('action.cancel').click();
    await question()
      .getByRole('button', { name: ui.t('discard.confirm') })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Taller con técnicos municipales' }).waitFor();
    await page
      .locator('.record-view')
      .getByText(ui.t('actionStatus.planned' as MessageKey))
      .waitFor();
    expect(
      await page
        .locator('.record-view')
        .getByText(ui.t('actionStatus.done' as MessageKey))
        .count(),
    ).toBe(0);
  });

  it('asks before Cancel throws a typed new mission away', async () => {
    await page.goto(app.url);
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill('Misión a medio escribir');
    await ui.button('action.cancel').click();
    await question()
      .getByRole('button', { name: ui.t('discard.keep') })
      .click();
    expect(await ui.label('missions.field.title').inputValue()).toBe('Misión a medio escribir');
    await ui.button('action.cancel').click();
    await question()
      .getByRole('button', { name: ui.t('discard.confirm') })
      .click();
    await page.locator('[data-mission-id]', { hasText: 'Pedernales' }).waitFor();
    expect(await page.locator('[data-mission-id]', { hasText: 'Misión a medio escribir' }).count()).toBe(0);
  });
});
