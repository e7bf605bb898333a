// A pasted document of 2 MB in a note: it opens a part at a time, and every character typed into it is saved,
// in place, through a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { FieldApp } from './pages/fieldApp.ts';

let app: BuiltApp;
let browser: Browser;
let page: Page;
let ui: FieldApp;

const PARAGRAPH =
  'Acta de la reunión con la dirección de planificación del GAD municipal: se revisó el catastro de viviendas.\n';
const DOCUMENT = PARAGRAPH.repeat(Math.ceil(2_000_000 / PARAGRAPH.length)).slice(0, 2_000_000);
const TYPED = 'Jama: malecón revisado 👍 ';
/** Typed at the start of the part's second paragraph. */
const AT = PARAGRAPH.length;

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

const part = () => page.locator('textarea[name="text"]');
const partValue = () => part().inputValue();

describe('a note of 2 MB (en)', () => {
  let noteUrl = '';
  let before = '';

  it('keeps a pasted document whole and opens it a part at a time', async () => {
    await page.goto(app.url);
    await ui.setUp('en', 'Anna Puig');
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill('Jama documents');
    await ui.label('missions.field.hostCanton').selectOption('EC1320');
    await ui.label('missions.field.startDate').fill('2016-05-02');
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: 'Jama documents' }).waitFor();
    await page.goto(`${page.url()}/notes/new`);
    // As a paste does: the whole document arrives in one input event.
    await part().evaluate((field: HTMLTextAreaElement, text) => {
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, DOCUMENT);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    noteUrl = page.url();
    await ui.saved();
    await page.goto(noteUrl);
    await ui.button('longText.next').waitFor();
    expect((await partValue()).length).toBeLessThan(40_000);
    expect(DOCUMENT.startsWith(await partValue())).toBe(true);
  });

  it('saves every character typed in the middle of it, in place', async () => {
    await ui.button('longText.next').click();
    await ui.button('longText.next').click();
    before = await partValue();
    await part().evaluate((field: HTMLTextAreaElement, at) => {
      field.focus();
      field.setSelectionRange(at, at);
    }, AT);
    await page.keyboard.type(TYPED);
    await ui.saved();
    expect(await partValue()).toBe(before.slice(0, AT) + TYPED + before.slice(AT));

    await page.goto(noteUrl);
    await ui.button('longText.next').click();
    await ui.button('longText.next').click();
    // The same part (it may end a line earlier or later now that it is longer), with the typing in place.
    const after = await partValue();
    expect(after.startsWith(before.slice(0, AT) + TYPED + before.slice(AT, AT + 10_000))).toBe(true);
    const total = (2_000_000 + TYPED.length).toLocaleString('en-GB');
    await page.getByText(new RegExp(`of ${total}\\.`)).waitFor();
  });
});
