// Search across everything at a phone viewport: words found in a note or an action item list the record under its
// mission, whatever the accents and case, and a tap opens the note with the words found selected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import { FieldApp } from './pages/fieldApp.ts';

let app: BuiltApp;
let browser: Browser;
let page: Page;
let ui: FieldApp;

const NOTE =
  'Visit with the planning office. <img src=x onerror="document.title=1"> Walk along the malecón: ' +
  'the sea wall is cracked in three places.';

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchChromium();
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB', serviceWorkers: 'block' });
  page = await context.newPage();
  ui = new FieldApp(page, 'en');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function createMission(title: string, canton: string): Promise<string> {
  await page.goto(app.url);
  await ui.link('missions.new').first().click();
  await ui.label('missions.field.title').fill(title);
  await ui.label('missions.field.hostCanton').selectOption(canton);
  await ui.label('missions.field.startDate').fill('2016-05-02');
  await ui.button('action.save').click();
  await page.getByRole('heading', { name: title }).waitFor();
  return new URL(page.url()).pathname;
}

async function search(query: string) {
  await page.goto(app.url);
  await ui.label('action.search').fill(query);
}

const missionItem = (title: string) => page.locator('[data-mission-id]', { hasText: title });

describe('search across everything (en)', () => {
  let noteUrl = '';

  it('records a note in one mission and an action item in another', async () => {
    await page.goto(app.url);
    await ui.setUp('en', 'Anna Puig');
    const first = await createMission('Pedernales reconstruction', 'EC1317');
    await page.goto(`${app.url}${first}/notes/new`);
    await ui.label('note.text').fill(NOTE);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    noteUrl = new URL(page.url()).pathname;
    await ui.saved();

    const second = await createMission('Coastal management', 'EC1321');
    await page.goto(`${app.url}${second}/actions`);
    await ui.link('mission.newAction').click();
    await ui.label('actionItem.activity').fill('Workshop with the Jama parish board');
    await ui.button('action.save').click();
    await page.locator('[data-action-id]').waitFor();
  });

  it('finds "malecon" in the note, under its mission only, with the match highlighted as text', async () => {
    await search('malecon');
    const hit = missionItem('Pedernales reconstruction').locator('[data-hit-kind="note"]');
    await hit.waitFor();
    expect(await missionItem('Coastal management').count()).toBe(0);
    expect(await hit.locator('mark').textContent()).toBe('malecón');
    // What the note holds is shown as its characters, never run as markup.
    expect(await hit.textContent()).toContain('<img src=x');
    expect(await page.locator('.search-hits img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    await expectAccessible(page, 'list with search results');
  });

  it('opens the note from the result with the words found selected', async () => {
    await missionItem('Pedernales reconstruction').locator('[data-hit-kind="note"] a').click();
    await page.waitForURL((url) => url.pathname === noteUrl);
    const textarea = ui.label('note.text');
    await page.waitForFunction(() => (document.querySelector('textarea')?.value.length ?? 0) > 0);
    const selected = await textarea.evaluate((field: HTMLTextAreaElement) =>
      field.value.slice(field.selectionStart, field.selectionEnd),
    );
    expect(selected).toBe('malecón');
    expect(await textarea.inputValue()).toBe(NOTE);
  });

  it('finds "JAMA" in the other mission’s action item, and follows a change to it', async () => {
    await search('JAMA');
    const hit = missionItem('Coastal management').locator('[data-hit-kind="action"]');
    await hit.waitFor();
    expect(await hit.locator('mark').textContent()).toBe('Jama');
    expect(await missionItem('Pedernales reconstruction').count()).toBe(0);
    await hit.locator('a').click();
    // A saved action opens in its read view; Edit opens the form.
    await ui.link('actionItem.editThis').click();
    await ui.label('actionItem.activity').fill('Workshop with the parish board of Pedernales');
    await ui.button('action.save').click();
    await page.locator('[data-action-id]', { hasText: 'parish board of Pedernales' }).waitFor();
    await ui.saved();
    await search('JAMA');
    await page.getByText(ui.t('missions.noMatch')).waitFor();
  });
});
