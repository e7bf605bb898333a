// Bad input and bad days in real Chromium: GPS refused, invalid values, and a record from a newer app version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { FieldApp } from './pages/fieldApp.ts';
import { createMission, createRecord, recordsRoot } from '../../src/storage/missionDoc.ts';
import { SCHEMA_VERSION } from '../../src/domain/model.ts';

let app: BuiltApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ui: FieldApp;
let missionUrl = '';

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchChromium();
  context = await browser.newContext({ ...PHONE, locale: 'es-EC', serviceWorkers: 'block' });
  page = await context.newPage();
  ui = new FieldApp(page, 'es');
  await page.goto(app.url);
  // The device refuses the position, as when the technician said no to the permission prompt.
  const cdp = await browser.newBrowserCDPSession();
  const { browserContextIds } = await cdp.send('Target.getBrowserContexts');
  for (const browserContextId of browserContextIds) {
    await cdp.send('Browser.setPermission', {
      permission: { name: 'geolocation' },
      setting: 'denied',
      origin: app.url,
      browserContextId,
    });
  }
  await ui.setUp('es', 'Marta Soler');
  await ui.link('missions.new').first().click();
  await ui.label('missions.field.title').fill('Gestión ambiental en Chone');
  await ui.label('missions.field.hostCanton').selectOption('EC1303');
  await ui.label('missions.field.startDate').fill('2017-06-05');
  await ui.button('action.save').click();
  await page.getByRole('heading', { name: 'Gestión ambiental en Chone' }).waitFor();
  missionUrl = new URL(page.url()).pathname;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('bad input and bad days (es)', () => {
  it('refuses invalid values field by field, in Spanish, and writes nothing', async () => {
    await page.goto(`${app.url}${missionUrl}/assessments/new`);
    await ui.label('assessments.field.title').fill('Barrio San Cayetano');
    await ui.label('assessments.addSector').selectOption('wash');
    await ui.label('assessments.field.affected').fill('-40');
    await ui.label('assessments.field.inNeed').fill('12a');
    await ui.button('action.save').click();
    await page.getByText(ui.t('validation.negative')).waitFor();
    await page.getByText(ui.t('validation.notANumber')).waitFor();
    await page.getByText(ui.t('validation.severityRange')).waitFor();
    expect(await ui.label('assessments.field.inNeed').inputValue()).toBe('12a');
    // What was typed is kept as a draft until the technician cancels it.
    await page.reload();
    expect(await ui.label('assessments.field.inNeed').inputValue()).toBe('12a');
    await ui.button('action.cancel').click();
    await page
      .getByRole('dialog', { name: ui.t('discard.title') })
      .getByRole('button', { name: ui.t('discard.confirm') })
      .click();
    await page.waitForURL(/\/assessments$/);
    await page.getByText(ui.t('mission.assessments.empty')).waitFor();
    expect(await page.locator('[data-assessment-id]').count()).toBe(0);
  });

  it('saves an assessment when the GPS is refused, with the location from the list', async () => {
    await page.goto(`${app.url}${missionUrl}/assessments/new`);
    await ui.label('assessments.field.title').fill('Recinto Ricaurte');
    await ui.button('assessments.gps.capture').click();
    await page.getByText(ui.t('assessments.gps.denied')).waitFor();
    expect(await ui.label('assessments.field.canton').inputValue()).toBe('EC1303');
    await ui.button('action.save').click();
    await page.locator('[data-assessment-id]', { hasText: 'Recinto Ricaurte' }).waitFor();
  });

  it('shows a record written by a newer version read-only, with its text', async () => {
    const doc = new Y.Doc();
    const stamp = { actor: { name: 'Futuro', device: 'device-Futuro' }, now: '2030-01-01T00:00:00.000Z' };
    createMission(
      doc,
      { title: 'Misión de una versión futura', hostCanton: 'EC1317', startDate: '2030-01-01' },
      stamp,
    );
    createRecord(doc, 'note', 'note-from-the-future', { text: 'Escrita con un esquema nuevo.' }, stamp);
    recordsRoot(doc, 'note')
      .get('note-from-the-future')!
      .set('schema', SCHEMA_VERSION + 1);
    const id = 'a3c1f7e2-5b4d-4e8a-9c2f-1d0e6b7a8c93';
    const update = [...Y.encodeStateAsUpdate(doc)];
    await page.evaluate(
      async ({ bytes, id }) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open(`mission:${id}`, 1);
          request.onupgradeneeded = () => {
            request.result.createObjectStore('updates', { autoIncrement: true });
            request.result.createObjectStore('custom');
          };
          request.onsuccess = () => resolve(request.result);
        });
        await new Promise<void>((resolve) => {
          const tx = db.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(new Uint8Array(bytes));
          tx.oncomplete = () => resolve();
        });
        db.close();
      },
      { bytes: update, id },
    );
    await page.goto(`${app.url}/missions/${id}/notes/note-from-the-future`);
    await page.getByText(ui.t('readOnly.notice')).waitFor();
    const textarea = ui.label('note.text');
    expect(await textarea.isEditable()).toBe(false);
    expect(await textarea.inputValue()).toBe('Escrita con un esquema nuevo.');
  });
});
