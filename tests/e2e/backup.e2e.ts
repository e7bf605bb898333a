// A real backup, without a sync server: one file with every mission and its photos, downloaded and chosen back
// before it counts; the shared phone's data removal is refused until then; the phone is emptied, and a new phone
// restores everything, photo included. The installed app also receives mission files by "open with".
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import { withoutSavePicker } from './support/backup.ts';
import { FieldApp, makeJpeg } from './pages/fieldApp.ts';
import { syncScreens } from '../../src/ui/i18n/messages/syncScreens.ts';

const sync = syncScreens.en;

let app: BuiltApp;
let browser: Browser;
const TITLE = 'Agua segura en Pedernales';
let missionPath = '';
let backup: { name: string; buffer: Buffer } | null = null;

async function phone(name: string, prepare?: (context: BrowserContext) => Promise<void>): Promise<FieldApp> {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block', acceptDownloads: true });
  await withoutSavePicker(context);
  if (prepare) await prepare(context);
  const page = await context.newPage();
  const ui = new FieldApp(page, 'en');
  await page.goto(app.url);
  await ui.setUp('en', name);
  return ui;
}

/** Signed in to a server this phone cannot reach: what a shared phone out in the field looks like. */
async function signInUnreachable(page: Page, role = 'technician'): Promise<void> {
  await page.evaluate(
    (role) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('minga');
        request.onsuccess = () => {
          const tx = request.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'syncToken', value: 't0ken' });
          tx.objectStore('settings').put({ key: 'syncServer', value: 'http://127.0.0.1:9' });
          tx.objectStore('settings').put({ key: 'syncRole', value: role });
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('settings not written'));
        };
        request.onerror = () => reject(request.error ?? new Error('no database'));
      }),
    role,
  );
}

/** SHA-256 of the pixels of the first photo shown, once it has loaded. */
async function photoShown(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const element = document.querySelector<HTMLImageElement>('.thumbs img');
    return element !== null && element.complete && element.naturalWidth > 0;
  });
  return page
    .locator('.thumbs img')
    .first()
    .evaluate(async (element: HTMLImageElement) => {
      const canvas = new OffscreenCanvas(element.naturalWidth, element.naturalHeight);
      const context = canvas.getContext('2d')!;
      context.drawImage(element, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', pixels));
      return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    });
}

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('backing up everything and restoring it on a new phone', () => {
  let a: FieldApp;
  let photo = '';

  it('a phone records a mission with a photo, signed in but far from any network', async () => {
    a = await phone('Anna');
    await a.link('missions.new').first().click();
    await a.label('missions.field.title').fill(TITLE);
    await a.label('missions.field.hostCanton').selectOption('EC1320');
    await a.label('missions.field.startDate').fill('2016-05-02');
    await a.button('action.save').click();
    await a.page.getByRole('heading', { name: TITLE }).waitFor();
    missionPath = new URL(a.page.url()).pathname;
    await a.tab('mission.tab.assessments').click();
    await a.link('mission.newAssessment').click();
    await a.label('assessments.field.title').fill('Barrio Centro');
    await a
      .label('photos.choose')
      .setInputFiles({ name: 'pozo.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(a.page, 'Pozo') });
    await a.page.locator('.thumbs img').first().waitFor();
    await a.button('action.save').click();
    await a.page.locator('[data-assessment-id]', { hasText: 'Barrio Centro' }).click();
    photo = await photoShown(a.page);
    await signInUnreachable(a.page);
  });

  it('refuses removal until the downloaded backup is chosen back and checked, then empties the phone', async () => {
    const { page } = a;
    await page.goto(`${app.url}/settings`);
    await page.getByRole('button', { name: sync['sync.signOutRemove'], exact: true }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText(sync['sync.remove.refused']).waitFor();
    await refusal.getByText(sync['sync.remove.photosOne']).waitFor();
    expect(await page.getByRole('button', { name: sync['sync.removeAnyway'], exact: true }).count()).toBe(0);

    const download = page.waitForEvent('download');
    await refusal.getByRole('button', { name: a.t('backup.make'), exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^minga-backup-\d{4}-\d{2}-\d{2}-\d{4}\.minga\.zip$/);
    backup = { name: file.suggestedFilename(), buffer: await readFile((await file.path())!) };
    const pick = refusal.getByLabel(a.t('backup.pickLabel'), { exact: true });
    await pick.waitFor();
    await expectAccessible(page, 'backup downloaded, waiting to be chosen back');
    // Downloaded is not yet known to be saved: still refused.
    expect(await page.getByRole('button', { name: sync['sync.removeAnyway'], exact: true }).count()).toBe(0);

    // Another file (not a backup) is not counted.
    await pick.setInputFiles({
      name: 'notes.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('PK no'),
    });
    await refusal.getByText(a.t('exchange.refusal.notABundle')).waitFor();
    expect(await page.getByRole('button', { name: sync['sync.removeAnyway'], exact: true }).count()).toBe(0);

    await pick.setInputFiles({ ...backup, mimeType: 'application/zip' });
    await page.getByRole('button', { name: sync['sync.removeAnyway'], exact: true }).waitFor();
    const question = page.waitForEvent('dialog').then((dialog) => dialog.accept());
    await page.getByRole('button', { name: sync['sync.removeAnyway'], exact: true }).click();
    await question;
    await page.getByRole('heading', { name: a.t('settings.setupTitle') }).waitFor({ timeout: 20_000 });
    const left = await page.evaluate(async () =>
      (await indexedDB.databases()).map((info) => info.name ?? '').filter((name) => name.includes(':')),
    );
    expect(left).toEqual([]);
  });

  it('a new phone restores the backup after a preview: the mission, its assessment and photo are back', async () => {
    const b = await phone('Berta');
    await b.page.goto(`${app.url}/settings`);
    await b.label('backup.restore').setInputFiles({ ...backup!, mimeType: 'application/zip' });
    const preview = b.page.getByTestId('bundle-preview');
    await preview.getByText(TITLE).waitFor();
    await preview.getByText(b.t('exchange.missionNew')).waitFor();
    await expectAccessible(b.page, 'settings: a backup to restore');
    await b.button('exchange.confirm').click();
    await b.page.getByText(b.t('exchange.imported', { missions: 1 })).waitFor();

    await b.page.goto(`${app.url}${missionPath}`);
    await b.page.getByRole('heading', { name: TITLE }).waitFor();
    await b.tab('mission.tab.assessments').click();
    await b.page.locator('[data-assessment-id]', { hasText: 'Barrio Centro' }).click();
    expect(await photoShown(b.page)).toBe(photo);
  });
});

describe('a mission file on an observer’s phone', () => {
  it('is imported read-only: the mission shows, with no edit offered', async () => {
    const ui = await phone('Olga');
    await signInUnreachable(ui.page, 'observer');
    await ui.page.goto(`${app.url}/settings`);
    await ui.label('exchange.receive').setInputFiles({ ...backup!, mimeType: 'application/zip' });
    await ui.page.getByTestId('bundle-preview').getByText(TITLE).waitFor();
    await ui.button('exchange.confirm').click();
    await ui.page.getByText(ui.t('exchange.imported', { missions: 1 })).waitFor();

    await ui.page.goto(`${app.url}${missionPath}`);
    await ui.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await ui.page.getByText(ui.t('readOnly.observer')).waitFor();
    await ui.tab('mission.tab.assessments').click();
    await ui.page.getByText(ui.t('readOnly.observer')).waitFor();
    expect(await ui.link('mission.newAssessment').count()).toBe(0);
    expect(await ui.button('mission.newNote').or(ui.link('mission.newNote')).count()).toBe(0);
    await ui.page.locator('[data-assessment-id]', { hasText: 'Barrio Centro' }).click();
    await ui.page.getByText(ui.t('readOnly.observer')).waitFor();
    expect(await ui.button('action.edit').or(ui.link('action.edit')).count()).toBe(0);
    expect(await ui.button('action.delete').count()).toBe(0);
  });
});

describe('receiving a mission file in the installed app', () => {
  it('declares file handlers and a share target in the manifest, without manifest errors', async () => {
    const ui = await phone('Carla');
    const cdp = await ui.page.context().newCDPSession(ui.page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      errors: { message: string }[];
      data?: string;
    };
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as Record<string, unknown>;
    expect(parsed.file_handlers).toEqual([
      { action: '/settings?receive=file', accept: { 'application/zip': ['.zip'] } },
    ]);
    expect(parsed.share_target).toMatchObject({
      action: '/share-target',
      method: 'POST',
      enctype: 'multipart/form-data',
      params: { files: [{ name: 'bundle' }] },
    });
    const worker = await (await fetch(`${app.url}/sw.js`)).text();
    expect(worker).toContain('share-target.js');
    expect(await (await fetch(`${app.url}/share-target.js`)).text()).toContain("'/share-target'");
  });

  it('a file the app is opened with reaches the same preview', async () => {
    const ui = await phone('Dora', async (context) => {
      await context.addInitScript(() => {
        // Chromium's launch queue for an installed app opened with a file, as the page sees it.
        const launched: { consumer: ((params: unknown) => void) | null } = { consumer: null };
        Object.defineProperty(window, 'launchQueue', {
          value: { setConsumer: (consumer: (params: unknown) => void) => (launched.consumer = consumer) },
        });
        Object.defineProperty(window, 'launchWith', {
          value: (bytes: number[], name: string) =>
            launched.consumer?.({
              files: [{ getFile: async () => new File([new Uint8Array(bytes)], name) }],
            }),
        });
      });
    });
    await ui.page.evaluate(
      ({ bytes, name }) =>
        (window as unknown as { launchWith: (b: number[], n: string) => void }).launchWith(bytes, name),
      { bytes: [...backup!.buffer], name: backup!.name },
    );
    await ui.page.waitForURL(/\/settings$/);
    const preview = ui.page.getByTestId('bundle-preview');
    await preview.getByText(TITLE).waitFor();
    await ui.button('exchange.confirm').click();
    await ui.page.getByText(ui.t('exchange.imported', { missions: 1 })).waitFor();
  });

  it('a file shared to the app is kept by the service worker and reaches the same preview', async () => {
    // Service workers allowed: the share target's POST is answered by the app's own worker, offline too.
    const context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    const ui = new FieldApp(page, 'en');
    await page.goto(app.url);
    await ui.setUp('en', 'Eva');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const landed = await page.evaluate(
      async ({ bytes, name }) => {
        const form = new FormData();
        form.append('bundle', new File([new Uint8Array(bytes)], name, { type: 'application/zip' }));
        const response = await fetch('/share-target', { method: 'POST', body: form });
        return new URL(response.url).pathname + new URL(response.url).search;
      },
      { bytes: [...backup!.buffer], name: backup!.name },
    );
    expect(landed).toBe('/settings?receive=shared');
    await page.goto(`${app.url}${landed}`);
    const preview = page.getByTestId('bundle-preview');
    await preview.getByText(TITLE).waitFor();
    await expectAccessible(page, 'settings: a file shared to the app');
    await ui.button('exchange.confirm').click();
    await page.getByText(ui.t('exchange.imported', { missions: 1 })).waitFor();
    // Taken once: opening the same address again finds nothing waiting.
    await page.goto(`${app.url}${landed}`);
    await ui.label('exchange.receive').waitFor();
    expect(await page.getByTestId('bundle-preview').count()).toBe(0);
    await context.close();
  });

  it('a file dropped on the receive panel reaches the same preview', async () => {
    const ui = await phone('Fina');
    await ui.page.goto(`${app.url}/settings`);
    await ui.label('exchange.receive').waitFor();
    await ui.page.evaluate(
      ({ bytes, name }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/zip' }));
        const panel = document.querySelector('.exchange .exchange__receive')!;
        panel.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        panel.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { bytes: [...backup!.buffer], name: backup!.name },
    );
    const preview = ui.page.getByTestId('bundle-preview');
    await preview.getByText(TITLE).waitFor();
    await ui.button('exchange.confirm').click();
    await ui.page.getByText(ui.t('exchange.imported', { missions: 1 })).waitFor();
  });
});
