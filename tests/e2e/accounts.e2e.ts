// The year's accounts in Chromium, from missions made through the app's own forms: the figures of one year,
// what a mission did not record said as such, a CSV that reads back, and a printed page with no controls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import Papa from 'papaparse';
import { launchChromium, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import { FieldApp } from './pages/fieldApp.ts';

let app: BuiltApp;
let browser: Browser;
let page: Page;
let ui: FieldApp;

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchChromium();
  const context = await browser.newContext({
    ...PHONE,
    locale: 'es-EC',
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  page = await context.newPage();
  ui = new FieldApp(page, 'es');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

interface MissionInput {
  title: string;
  canton: string;
  start: string;
  end: string;
  tor?: string;
  themes?: string[];
  /** As a Spanish speaker types them. */
  budgetPlanned?: string;
  budgetExecuted?: string;
  remoteDays?: string;
}

async function createMission(mission: MissionInput): Promise<void> {
  await page.goto(app.url);
  await ui.link('missions.new').first().click();
  await ui.label('missions.field.title').fill(mission.title);
  if (mission.tor) await ui.label('missions.field.torReference').fill(mission.tor);
  await ui.label('missions.field.hostCanton').selectOption(mission.canton);
  await ui.label('missions.field.startDate').fill(mission.start);
  await ui.label('missions.field.endDate').fill(mission.end);
  if (mission.budgetPlanned) await ui.label('missions.field.budgetPlannedEur').fill(mission.budgetPlanned);
  if (mission.budgetExecuted) await ui.label('missions.field.budgetExecutedEur').fill(mission.budgetExecuted);
  if (mission.remoteDays) await ui.label('missions.field.remotePersonDays').fill(mission.remoteDays);
  for (const theme of mission.themes ?? []) {
    await page.getByRole('button', { name: ui.t(`theme.${theme}` as never), exact: true }).click();
  }
  await ui.button('action.save').click();
  await page.getByRole('heading', { name: mission.title }).waitFor();
  await ui.saved();
}

const figure = (key: string) => page.locator(`[data-figure="${key}"] td`);

describe('the year’s accounts (es)', () => {
  it('counts the missions of 2016 made on this phone, and leaves out the one of 2017', async () => {
    await page.goto(app.url);
    await ui.setUp('es', 'Anna Puig');
    // Ten days on site by the one technician of the team (the phone's user): 10 technician-days.
    await createMission({
      title: 'Plan de reconstrucción de Jama',
      canton: 'EC1320',
      start: '2016-06-01',
      end: '2016-06-10',
      tor: 'TdR-2016-07',
      themes: ['urban_planning', 'coastal_risk'],
      budgetPlanned: '12.000',
      budgetExecuted: '11.250,50',
      remoteDays: '5,5',
    });
    // From 28 December: 4 days in 2016.
    await createMission({
      title: 'Catastro de Manta',
      canton: 'EC1308',
      start: '2016-12-28',
      end: '2017-01-05',
      themes: ['urban_planning'],
      budgetPlanned: '3.000',
    });
    await createMission({
      title: 'Pedernales 2017',
      canton: 'EC1317',
      start: '2017-03-01',
      end: '2017-03-03',
    });

    await page.goto(`${app.url}/settings`);
    await ui.link('accounts.link').click();
    await page.waitForURL(/\/accounts/);
    await ui.label('accounts.year').selectOption('2016');
    await expect.poll(() => figure('missions').textContent()).toBe('2');
    expect(await figure('daysOnSite').textContent()).toBe('14');
    expect(await figure('municipalities').textContent()).toBe('2');
    expect(await figure('technicians').textContent()).toBe('1');
    expect(await figure('torsReceived').textContent()).toBe('1');
    // Budgets as recorded, and where a mission did not record one, said so rather than counted as 0.
    const missingOne = ` (${ui.t('accounts.missingIn', { count: 1 })})`;
    expect(await figure('budgetPlanned').textContent()).toMatch(/^15\.000,00\s?€$|^EUR\s?15\.000,00$/);
    expect(await figure('budgetExecuted').textContent()).toContain('11.250,50');
    expect(await figure('budgetExecuted').textContent()).toContain(missingOne);
    expect(await figure('daysRemote').textContent()).toBe(`5,5${missingOne}`);
    const themes = page.locator('[data-distribution="themes"]');
    expect(await themes.locator('[data-code="urban_planning"] td').textContent()).toBe('2');
    expect(await themes.locator('[data-code="coastal_risk"] td').textContent()).toBe('1');
    await expectAccessible(page, 'year’s accounts');
  });

  it('follows the year chosen', async () => {
    await ui.label('accounts.year').selectOption('2017');
    await expect.poll(() => figure('missions').textContent()).toBe('2');
    expect(await figure('daysOnSite').textContent()).toBe('8');
    // Neither mission of 2017 recorded an executed budget.
    expect(await figure('budgetExecuted').textContent()).toBe(ui.t('accounts.notRecorded'));
    expect(new URL(page.url()).search).toBe('?year=2017');
  });

  it('downloads the year as CSV that reads back with its accents and figures', async () => {
    await ui.label('accounts.year').selectOption('2016');
    await expect.poll(() => figure('missions').textContent()).toBe('2');
    const [download] = await Promise.all([page.waitForEvent('download'), ui.button('accounts.csv').click()]);
    expect(download.suggestedFilename()).toBe('accounts-2016.csv');
    const bytes = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trim(), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['year', 'section', 'item', 'label', 'value', 'of', 'not_recorded_in_missions']);
    const byItem = new Map(rows.map((row) => [row[2], row]));
    expect(byItem.get('missions')?.[4]).toBe('2');
    expect(byItem.get('daysOnSite')?.[4]).toBe('14');
    expect(byItem.get('daysOnSite')?.[3]).toBe(ui.t('accounts.daysOnSite'));
    expect(byItem.get('budgetPlanned')?.[4]).toBe('15000');
    expect(byItem.get('budgetExecuted')?.[4]).toBe('11250.5');
    expect(byItem.get('budgetExecuted')?.[6]).toBe('1');
    expect(byItem.get('coastal_risk')?.[3]).toBe(ui.t('theme.coastal_risk' as never));
  });

  it('prints without any control: no button, no select, no status bar', async () => {
    await page.emulateMedia({ media: 'print' });
    const visibleControls = await page.evaluate(
      () =>
        [...document.querySelectorAll('button, select, a.button, .statusbar')].filter(
          (element) => (element as HTMLElement).offsetParent !== null,
        ).length,
    );
    expect(visibleControls).toBe(0);
    expect(await page.getByRole('table').count()).toBeGreaterThan(3);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
