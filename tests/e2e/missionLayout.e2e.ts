// The mission screen held in one hand at 360 × 640: a four-line title and a long notes list still put the first
// note in the upper half, the tabs on one row, and the floating "New note" button over no note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, PHONE, PHONE_VIEWPORT } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { freshTempDir, removeTempDir } from './support/tmp.ts';
import { FieldApp } from './pages/fieldApp.ts';
import { expectAccessible } from './support/a11y.ts';

const TITLE =
  'Plan integral de reconstrucción y ordenamiento territorial del cantón Pedernales tras el terremoto de 2016, fase dos';
const NOTES = 20;

let app: BuiltApp;
let dir: string;
let context: BrowserContext;
let page: Page;
let ui: FieldApp;
let missionUrl = '';

beforeAll(async () => {
  app = await startBuiltApp();
  dir = await freshTempDir('minga-layout-');
  context = await launchPersistent(dir, { ...PHONE, locale: 'es-EC' });
  page = context.pages()[0] ?? (await context.newPage());
  ui = new FieldApp(page, 'es');
});
afterAll(async () => {
  await context?.close();
  await removeTempDir(dir);
  await app?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('mission screen at 360 × 640', () => {
  it('makes a mission with a long title and twenty notes', async () => {
    await page.goto(app.url);
    await ui.setUp('es', 'Anna Puig');
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill(TITLE);
    await ui.label('missions.field.hostCanton').selectOption('EC1317');
    await ui.label('missions.field.startDate').fill('2016-05-02');
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    missionUrl = new URL(page.url()).pathname;
    for (let n = 1; n <= NOTES; n++) {
      await page.goto(`${app.url}${missionUrl}/notes/new`);
      await ui.label('note.text').waitFor();
      await page.keyboard.type(
        `Nota ${n}: visita al barrio, revisar el catastro con la dirección de planificación.`,
      );
      await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
      await ui.saved();
    }
  });

  it('shows the title in two lines, the whole of it on a tap and as the heading name', async () => {
    await page.goto(`${app.url}${missionUrl}/notes`);
    const heading = page.getByRole('heading', { level: 1, name: TITLE });
    const toggle = heading.getByRole('button');
    const lineHeight = await toggle.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const clamped = (await toggle.boundingBox())!;
    expect(clamped.height).toBeLessThanOrEqual(2 * lineHeight + 1);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const whole = (await toggle.boundingBox())!;
    // The title really is four lines long at this width.
    expect(whole.height).toBeGreaterThanOrEqual(4 * lineHeight);
    await toggle.click();
    expect((await toggle.boundingBox())!.height).toBe(clamped.height);
  });

  it('puts the first note in the upper half of the screen and the tabs on one row', async () => {
    await page.goto(`${app.url}${missionUrl}/notes`);
    const rows = page.locator('[data-note-id]');
    await rows.nth(NOTES - 1).waitFor();
    expect(await rows.count()).toBe(NOTES);
    await page.screenshot({ path: '.tmp/mission-notes-360.png' });
    const first = (await rows.first().boundingBox())!;
    expect(first.y).toBeLessThan(PHONE_VIEWPORT.height / 2);
    const tabTops = await page
      .getByRole('navigation', { name: ui.t('mission.tabs.label') })
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().top)));
    expect(tabTops).toHaveLength(4);
    expect(new Set(tabTops).size).toBe(1);
    // One row that scrolls sideways, not a page wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_VIEWPORT.width);
  });

  it('leaves every note uncovered by the New note button when scrolled to the end', async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(0);
    const fab = (await ui.link('mission.newNote').boundingBox())!;
    const boxes = await page.locator('[data-note-id]').evaluateAll((rows) =>
      rows.map((row) => {
        const r = row.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    expect(boxes).toHaveLength(NOTES);
    await page.screenshot({ path: '.tmp/mission-notes-360-end.png' });
    const last = boxes.at(-1)!;
    // The last row is on screen, and no row lies under the button.
    expect(last.y + last.height).toBeLessThanOrEqual(PHONE_VIEWPORT.height);
    expect(boxes.filter((box) => intersects(box, fab))).toEqual([]);
    await expectAccessible(page, 'mission notes with a long title');
  });
});
