// A day in the field in Portuguese, on a small phone: setup, a mission, an assessment, a note, an action, the
// settings and the trash. On every screen, each text shown must come from the Portuguese catalogue or be data the
// technician typed; English, Spanish or Catalan left on screen fails the walk and is listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { freshTempDir, removeTempDir } from './support/tmp.ts';
import { CatalogueCheck } from './support/untranslated.ts';
import { expectAccessible } from './support/a11y.ts';
import { FieldApp } from './pages/fieldApp.ts';

const MAPUTO = { latitude: 0.0721, longitude: -80.0531, accuracy: 12 };

const typed = {
  name: 'Ana Macuácua',
  institution: 'Conselho Municipal de Maputo',
  mission: 'Apoio ao planeamento urbano de Pedernales',
  assessment: 'Bairro Tarqui',
  note: 'Reunião com a direção de planeamento do GAD: rever o cadastro.',
  action: 'Oficina com técnicos municipais',
  responsible: 'Direção de Planeamento',
  informant: 'Presidente da junta paroquial',
  /** What the shared page model's setUp types as home institution. */
  setUpInstitution: 'Ajuntament de Barcelona',
};

let app: BuiltApp;
let dir: string;
let context: BrowserContext;
let page: Page;
let ui: FieldApp;
let missionPath = '';
const check = new CatalogueCheck('pt', Object.values(typed));

beforeAll(async () => {
  app = await startBuiltApp();
  dir = await freshTempDir('minga-pt-');
  // A phone set to Portuguese (Mozambique): the app starts in Portuguese before anything is chosen.
  context = await launchPersistent(dir, {
    ...PHONE,
    locale: 'pt-MZ',
    permissions: ['geolocation'],
    geolocation: MAPUTO,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => void dialog.accept());
  ui = new FieldApp(page, 'pt');
});
afterAll(async () => {
  await context?.close();
  await removeTempDir(dir);
  await app?.close();
});

/**
 * Fails listing every text of the current screen that is not Portuguese from the catalogue; longer Portuguese
 * words must not break the screen either (WCAG 2.2 AA, 44 px targets at 360 px wide).
 */
async function expectOnlyPortuguese(screen: string) {
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, `${screen} (pt)`);
  const findings = await check.findings(page);
  const listed = findings.map(
    (f) => `${screen}: "${f.text}" at ${f.where}${f.foundIn.length ? ` (from ${f.foundIn.join(', ')})` : ''}`,
  );
  expect(listed).toEqual([]);
}

describe('a day in the field in Portuguese', () => {
  it('sets the device up in Portuguese', async () => {
    await page.goto(app.url);
    await ui.label('settings.name').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt');
    await expectOnlyPortuguese('setup');
    await ui.setUp('pt', typed.name);
    await expectOnlyPortuguese('empty mission list');
  });

  it('creates a mission', async () => {
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill(typed.mission);
    await ui.label('missions.field.hostCanton').selectOption('EC1317');
    await ui.label('missions.field.startDate').fill('2016-05-02');
    await ui.label('missions.field.endDate').fill('2016-05-16');
    await expectOnlyPortuguese('mission form');
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: typed.mission }).waitFor();
    missionPath = new URL(page.url()).pathname;
    await expectOnlyPortuguese('mission overview');
  });

  it('records an assessment, reading numbers as Portuguese writes them', async () => {
    await ui.tab('mission.tab.assessments').click();
    await expectOnlyPortuguese('empty assessments tab');
    await ui.link('mission.newAssessment').click();
    await ui.label('assessments.field.title').fill(typed.assessment);
    await ui.label('assessments.field.informantRole', false).fill(typed.informant);
    await ui.button('assessments.gps.capture').click();
    await page.getByText(/± 12 m/).waitFor();
    // Entered out of the code list's order: they stay in the order entered.
    for (const sector of ['wash', 'health', 'cccm'])
      await ui.label('assessments.addSector').selectOption(sector);
    const sectors = page.locator('.assessment-sector');
    await expect.poll(() => sectors.count()).toBe(3);
    for (let index = 0; index < 3; index++) {
      await sectors
        .nth(index)
        .getByLabel(ui.t('assessments.field.severity'))
        .selectOption(String(index + 2));
    }
    // "1,200" could be 1.2 or 1200: refused with a Portuguese message, nothing saved.
    await sectors.nth(0).getByLabel(ui.t('assessments.field.affected')).fill('1,200');
    await ui.label('assessments.includeInspection').check();
    await ui.button('action.save').click();
    await page.getByText(ui.t('validation.ambiguousNumber')).first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`${missionPath}/assessments/new`);
    await expectOnlyPortuguese('assessment form with messages');

    await sectors.nth(0).getByLabel(ui.t('assessments.field.affected')).fill('1.200');
    await sectors.nth(0).getByLabel(ui.t('assessments.field.inNeed')).fill('950');
    await sectors.nth(1).getByLabel(ui.t('assessments.field.affected')).fill('12 345');
    await ui.label('assessments.field.women').fill('640');
    await ui.button('action.save').click();
    const row = page.locator('[data-assessment-id]', { hasText: typed.assessment });
    await row.waitFor();
    await expectOnlyPortuguese('assessments tab');

    await row.getByRole('link').first().click();
    // A saved assessment opens in its read view, in Portuguese too; Edit opens the form.
    await page.getByRole('heading', { level: 1, name: typed.assessment }).waitFor();
    await expectOnlyPortuguese('assessment read view');
    await ui.link('assessments.editThis').click();
    await expect.poll(() => ui.label('assessments.field.title').inputValue()).toBe(typed.assessment);
    const legends = await sectors.locator('legend').allTextContents();
    expect(legends.map((legend) => legend.trim())).toEqual(
      ['sector.wash', 'sector.health', 'sector.cccm'].map((key) => ui.t(key as never)),
    );
    // Shown back as Portuguese writes them: a space between thousands, none in a four-digit number.
    expect(await sectors.nth(0).getByLabel(ui.t('assessments.field.affected')).inputValue()).toBe('1200');
    expect(await sectors.nth(1).getByLabel(ui.t('assessments.field.affected')).inputValue()).toBe(
      '12\u00a0345',
    );
    await expectOnlyPortuguese('saved assessment');
  });

  it('writes a field note', async () => {
    await page.goto(`${app.url}${missionPath}`);
    await ui.button('mission.newNote').or(ui.link('mission.newNote')).first().click();
    const text = ui.label('note.text');
    await text.waitFor();
    await page.keyboard.type(typed.note);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await ui.saved();
    await expectOnlyPortuguese('note');
  });

  it('adds an action to the plan', async () => {
    await page.goto(`${app.url}${missionPath}/actions`);
    await expectOnlyPortuguese('empty action plan');
    await ui.link('mission.newAction').click();
    await ui.label('actionItem.activity').fill(typed.action);
    await ui.label('actionItem.responsible', false).fill(typed.responsible);
    await ui.label('actionItem.dueDate', false).fill('2016-05-10');
    await expectOnlyPortuguese('action form');
    await ui.button('action.save').click();
    await page.getByText(typed.action).waitFor();
    await page.getByText(ui.t('mission.overdue'), { exact: true }).first().waitFor();
    await expectOnlyPortuguese('action plan');
  });

  it('moves the note to the trash and finds it there', async () => {
    await page.goto(`${app.url}${missionPath}/notes`);
    await page.getByText(typed.note).first().click();
    await ui.label('note.text').waitFor();
    await ui.button('action.delete').click();
    await page.waitForURL(new RegExp(`${missionPath}/notes$`));
    await expectOnlyPortuguese('notes tab after the deletion');
    await page.goto(`${app.url}${missionPath}/trash`);
    await page.getByRole('heading', { name: ui.t('mission.trash.heading') }).waitFor();
    await page.getByText(typed.note).first().waitFor();
    await expectOnlyPortuguese('trash');
  });

  it('opens the settings', async () => {
    await page.goto(`${app.url}/settings`);
    await page
      .getByRole('heading', { name: ui.t('settings.title') })
      .first()
      .waitFor();
    await ui.label('settings.name').waitFor();
    await expectOnlyPortuguese('settings');
    // The same check, held to the Spanish catalogue, does see the Portuguese screen: it is not blind.
    const asSpanish = await new CatalogueCheck('es', Object.values(typed)).findings(page);
    expect(asSpanish.map((f) => f.text)).toContain(ui.t('settings.profile'));
    await page.goto(app.url);
    await page.locator('[data-mission-id], .list a').first().waitFor();
    await expectOnlyPortuguese('mission list');
  });

  it('opens the coordinator’s desk with the mission selected', async () => {
    await page.goto(`${app.url}/desk`);
    await page.getByRole('button', { name: typed.mission }).click();
    await page.locator('.desk-summary [data-summary-id]').waitFor();
    await expectOnlyPortuguese('desk');
  });
});
