// The field app at a phone viewport, in Catalan and in Spanish: a technician records a mission, an assessment
// with a photo and GPS, a note and an action item; all of it survives a reload and a browser restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { freshTempDir, removeTempDir } from './support/tmp.ts';
import { FieldApp, makeJpeg } from './pages/fieldApp.ts';
import { hasExif, withExif } from '../support/exifJpeg.ts';
import type { Language } from '../../src/domain/model.ts';
import { translator } from '../../src/ui/i18n/translate.ts';

const PEDERNALES = { latitude: 0.0721, longitude: -80.0531, accuracy: 12 };

let app: BuiltApp;
beforeAll(async () => {
  app = await startBuiltApp();
});
afterAll(async () => {
  await app?.close();
});

function open(userDataDir: string, lang: Language) {
  return launchPersistent(userDataDir, {
    ...PHONE,
    locale: lang === 'ca' ? 'ca-ES' : 'es-EC',
    permissions: ['geolocation'],
    geolocation: PEDERNALES,
  });
}

const cases: { lang: Language; mission: string; assessment: string; note: string; action: string }[] = [
  {
    lang: 'ca',
    mission: 'Pla de reconstrucció de Pedernales',
    assessment: 'Barri Tarqui',
    note: 'Reunió amb la direcció de planificació del GAD: cal revisar el cadastre.',
    action: 'Taller amb tècnics municipals',
  },
  {
    lang: 'es',
    mission: 'Plan de reconstrucción de Pedernales',
    assessment: 'Barrio Tarqui',
    note: 'Reunión con la dirección de planificación del GAD: revisar el catastro.',
    action: 'Taller con técnicos municipales',
  },
];

describe.each(cases)('field app in $lang', (c) => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let ui: FieldApp;
  let missionUrl = '';

  beforeAll(async () => {
    dir = await freshTempDir(`minga-field-${c.lang}-`);
    context = await open(dir, c.lang);
    page = context.pages()[0] ?? (await context.newPage());
    ui = new FieldApp(page, c.lang);
  });
  afterAll(async () => {
    await context?.close();
    await removeTempDir(dir);
  });

  it('sets up the device and creates a mission', async () => {
    await page.goto(app.url);
    await ui.setUp(c.lang, 'Anna Puig');
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill(c.mission);
    await ui.label('missions.field.hostCanton').selectOption('EC1317');
    await ui.label('missions.field.startDate').fill('2016-05-02');
    await ui.label('missions.field.endDate').fill('2016-05-16');
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: c.mission }).waitFor();
    missionUrl = new URL(page.url()).pathname;
    expect(missionUrl).toMatch(/^\/missions\/[0-9a-f-]{36}$/);
  });

  it('records a needs assessment with GPS, a sector and a photo', async () => {
    await ui.tab('mission.tab.assessments').click();
    await ui.link('mission.newAssessment').click();
    await ui.label('assessments.field.title').fill(c.assessment);
    await ui.button('assessments.gps.capture').click();
    await page.getByText(/± 12 m/).waitFor();
    await ui.label('assessments.addSector').selectOption('shelter');
    await ui.label('assessments.field.severity').selectOption('4');
    await ui.label('assessments.field.affected').fill('1200');
    await ui.label('assessments.field.inNeed').fill('800');
    const photo = withExif(new Uint8Array(await makeJpeg(page)), {
      orientation: 6,
      gps: { lat: 0.0721, lon: -80.0531 },
    });
    await ui
      .label('photos.choose')
      .setInputFiles({ name: 'tarqui.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo) });
    await page.locator('.thumbs img').first().waitFor();
    await ui.button('action.save').click();
    await page.locator('[data-assessment-id]', { hasText: c.assessment }).waitFor();
  });

  it('keeps the photo resized, upright and without its location metadata', async () => {
    const blobs = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('minga');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<{ width: number; height: number; blob: Blob }[]>((resolve) => {
        const request = db.transaction('blobs').objectStore('blobs').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return Promise.all(
        rows.map(async (row) => ({
          width: row.width,
          height: row.height,
          bytes: [...new Uint8Array(await row.blob.arrayBuffer())],
        })),
      );
    });
    expect(blobs).toHaveLength(1);
    const [stored] = blobs;
    expect({ width: stored!.width, height: stored!.height }).toEqual({ width: 1200, height: 1600 });
    expect(hasExif(new Uint8Array(stored!.bytes))).toBe(false);
  });

  it('writes a note in one tap with the keyboard ready', async () => {
    await ui.button('mission.newNote').or(ui.link('mission.newNote')).first().click();
    const textarea = ui.label('note.text');
    await textarea.waitFor();
    expect(await textarea.evaluate((element) => element === document.activeElement)).toBe(true);
    // As fast as the browser takes keys: the first one creates the note, none may be lost on the way.
    await page.keyboard.type(c.note);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    expect(await textarea.inputValue()).toBe(c.note);
    await ui.saved();
  });

  it('adds an overdue action item that stands out', async () => {
    await page.goto(`${app.url}${missionUrl}/actions`);
    await ui.link('mission.newAction').click();
    await ui.label('actionItem.activity').fill(c.action);
    await ui.label('actionItem.dueDate', false).fill('2016-05-10');
    await ui.button('action.save').click();
    const item = page.locator('[data-action-id]', { hasText: c.action });
    await item.waitFor();
    expect(await item.textContent()).toContain(ui.t('mission.overdue'));
  });

  async function expectEverything() {
    await page.goto(`${app.url}${missionUrl}`);
    await page.getByRole('heading', { name: c.mission }).waitFor();
    await ui.tab('mission.tab.assessments').click();
    await page.locator('[data-assessment-id]', { hasText: c.assessment }).click();
    // A saved assessment opens to be read; Edit opens its form.
    await page.getByRole('heading', { level: 1, name: c.assessment }).waitFor();
    await ui.link('assessments.editThis').click();
    expect(await ui.label('assessments.field.title').inputValue()).toBe(c.assessment);
    // Shown back as the language writes it ("1.200" in Catalan and Spanish), which reads back as 1200.
    expect(await ui.label('assessments.field.affected').inputValue()).toBe(translator(c.lang).number(1200));
    await page.getByText(/± 12 m/).waitFor();
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('.thumbs img');
      return image !== null && image.complete && image.naturalWidth === 1200;
    });
    await page.goto(`${app.url}${missionUrl}/notes`);
    await page.locator('[data-note-id]', { hasText: c.note.slice(0, 30) }).waitFor();
    await page.locator('[data-note-id] a').first().click();
    expect(await ui.label('note.text').inputValue()).toBe(c.note);
    await page.goto(`${app.url}${missionUrl}/actions`);
    await page.locator('[data-action-id]', { hasText: c.action }).waitFor();
    await page.goto(app.url);
    await page.locator('[data-mission-id]', { hasText: c.mission }).waitFor();
  }

  it('shows everything after a reload', async () => {
    await page.reload();
    await expectEverything();
  });

  it('shows everything after the browser is closed and reopened with the same profile', async () => {
    await context.close();
    context = await open(dir, c.lang);
    page = context.pages()[0] ?? (await context.newPage());
    ui = new FieldApp(page, c.lang);
    await expectEverything();
  });
});
