// The coordinator's desk on a laptop, in real Chromium against the real sync server: a technician's phone
// makes missions and a note; the desk lists them with what is new, sorts by a column, clears a mission's badge
// once it is opened and shows the technician's later edit as new again. At 1280 × 800 every column shows beside
// the summary with no sideways scrolling; on a phone the desk still works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { deskScreenMessages } from '../../src/ui/i18n/messages/deskScreen.ts';
import { expectAccessible } from './support/a11y.ts';
import { launchChromium, PHONE_VIEWPORT } from './support/browser.ts';
import { createMission, joinByInvite, type Device } from './support/devices.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';

const t = deskScreenMessages.en;
const LAPTOP = { width: 1280, height: 800 };
const NOTE = 'The well in Eloy Alfaro is contaminated.';

let app: SyncApp;
let browser: Browser;
let phone: Device;
let desk: Device;
let jama = '';
let chone = '';

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const row = (page: Page, id: string) => page.locator(`.desk-table tr[data-mission-id="${id}"]`);
const badge = (page: Page, id: string) => row(page, id).locator('.desk-new');
const titles = (page: Page) => page.locator('.desk-table tbody th').allTextContents();
const header = (page: Page, column: string) => page.locator(`.desk-table th[data-column="${column}"]`);

async function upToDate(page: Page) {
  await page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 15_000 });
}

describe('the coordinator’s desk', () => {
  it('the technician’s phone makes two missions and a note in one of them', async () => {
    phone = await joinByInvite(browser, app.url, app.token('technician', 'Anna'), 'Anna Puig', {
      lang: 'en',
    });
    chone = await createMission(phone, {
      title: 'Schools in Chone',
      canton: 'EC1303',
      startDate: '2016-05-02',
    });
    await phone.page.goto(app.url);
    jama = await createMission(phone, {
      title: 'Drinking water in Jama',
      canton: 'EC1320',
      startDate: '2016-06-01',
    });
    await phone.ui.link('mission.newNote').click();
    await phone.ui.label('note.text').waitFor();
    await phone.page.keyboard.type(NOTE);
    await phone.page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await upToDate(phone.page);
  });

  it('lists them on a laptop with what is new in each', async () => {
    desk = await joinByInvite(browser, app.url, app.token('coordinator', 'Coordination'), 'Laia Ferrer', {
      lang: 'en',
    });
    const { page, ui } = desk;
    await page.setViewportSize(LAPTOP);
    await page.locator(`[data-mission-id="${jama}"]`).waitFor({ timeout: 15_000 });
    await page.locator(`[data-mission-id="${chone}"]`).waitFor({ timeout: 15_000 });
    await ui.link('nav.desk').click();
    await page.getByRole('heading', { level: 1, name: ui.t('nav.desk') }).waitFor();
    await expect.poll(() => badge(page, jama).textContent(), { timeout: 15_000 }).toBe('1 new');
    expect(await badge(page, chone).textContent()).toBe(t['desk.nothingNew']);
    const cells = await row(page, jama).locator('td').allTextContents();
    expect(cells).toContain('Jama');
    expect(cells).toContain('Not reviewed');
    // Two columns on a laptop: the summary sits beside the table, not under it.
    await row(page, jama).getByRole('button', { name: 'Drinking water in Jama' }).click();
    const summary = page.locator('.desk-summary');
    await summary.getByRole('heading', { name: 'Drinking water in Jama' }).waitFor();
    const [table, aside] = await Promise.all([
      page.locator('.desk-table').boundingBox(),
      summary.boundingBox(),
    ]);
    expect(aside!.x).toBeGreaterThan(table!.x + table!.width - 1);
    // Every column shows beside the summary: the table's box has nothing to scroll sideways, nor has the page.
    const fit = await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>('.desk-table')!;
      return {
        table: box.scrollWidth - box.clientWidth,
        page: document.documentElement.scrollWidth - window.innerWidth,
        lastColumn: document.querySelector('th[data-column="lastSync"]')!.getBoundingClientRect().right,
        boxRight: box.getBoundingClientRect().right,
      };
    });
    expect(fit.table).toBeLessThanOrEqual(0);
    expect(fit.page).toBeLessThanOrEqual(0);
    expect(fit.lastColumn).toBeLessThanOrEqual(fit.boxRight);
    await expectAccessible(page, 'coordinator’s desk at 1280 × 800');
  });

  it('sorts by a column from its header, either way', async () => {
    const { page } = desk;
    await header(page, 'title').getByRole('button').click();
    expect(await header(page, 'title').getAttribute('aria-sort')).toBe('ascending');
    expect(await titles(page)).toEqual(['Drinking water in Jama', 'Schools in Chone']);
    await header(page, 'title').getByRole('button').click();
    expect(await header(page, 'title').getAttribute('aria-sort')).toBe('descending');
    expect(await titles(page)).toEqual(['Schools in Chone', 'Drinking water in Jama']);
    await header(page, 'canton').getByRole('button').click();
    expect(await header(page, 'canton').getAttribute('aria-sort')).toBe('ascending');
    expect(await header(page, 'title').getAttribute('aria-sort')).toBe('none');
    // Chone before Jama.
    expect(await titles(page)).toEqual(['Schools in Chone', 'Drinking water in Jama']);
  });

  it('filters to what is new and finds a mission by the text of its note', async () => {
    const { page } = desk;
    await page.getByLabel(t['desk.filter.onlyNew']).check();
    await expect.poll(() => titles(page)).toEqual(['Drinking water in Jama']);
    await page.getByLabel(t['desk.filter.onlyNew']).uncheck();
    await page.getByRole('searchbox', { name: t['desk.search'] }).fill('contaminated');
    await expect.poll(() => titles(page), { timeout: 10_000 }).toEqual(['Drinking water in Jama']);
    await page.getByRole('searchbox', { name: t['desk.search'] }).fill('');
    await expect.poll(() => titles(page)).toHaveLength(2);
  });

  it('opens the mission read-only from the summary, which clears its badge', async () => {
    const { page, ui } = desk;
    await page.locator('.desk-summary').getByRole('link', { name: t['desk.summary.open'] }).click();
    await page.getByRole('heading', { name: 'Drinking water in Jama' }).waitFor();
    // What a coordinator sees first is the mission, with Edit: no Delete, and no form but the review's below it.
    await ui.link('mission.editMission').waitFor();
    const outsideReview = await page
      .locator('main form, main textarea, main input')
      .evaluateAll((fields) => fields.filter((field) => !field.closest('.review')).length);
    expect(outsideReview).toBe(0);
    expect(await page.getByRole('button', { name: ui.t('action.delete') }).count()).toBe(0);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: ui.t('nav.desk') }).waitFor();
    await expect.poll(() => badge(page, jama).textContent()).toBe(t['desk.nothingNew']);
  });

  it('shows the technician’s later edit as new again', async () => {
    await phone.ui.label('note.text').press('End');
    await phone.page.keyboard.type(' Boil before drinking.');
    await upToDate(phone.page);
    const { page } = desk;
    await expect.poll(() => badge(page, jama).textContent(), { timeout: 20_000 }).toBe('1 new');
  });

  it('still works on a phone: the table scrolls in its box, the page never sideways', async () => {
    const { page } = desk;
    await page.setViewportSize(PHONE_VIEWPORT);
    await page.reload();
    await row(page, jama).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await row(page, chone).getByRole('button', { name: 'Schools in Chone' }).click();
    await page.locator('.desk-summary').getByRole('link', { name: t['desk.summary.report'] }).waitFor();
    await expectAccessible(page, 'coordinator’s desk at 360 × 640');
  });
});
