// A technician on a 360×640 phone opens a note's photos full screen: zooms in on a crack, swipes to the next
// photo, captions it; the caption survives a reload, the notes list marks the photos, the position opens in maps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { freshTempDir, removeTempDir } from './support/tmp.ts';
import { expectAccessible } from './support/a11y.ts';
import { FieldApp, makeJpeg } from './pages/fieldApp.ts';

const PEDERNALES = { latitude: 0.0721, longitude: -80.0531, accuracy: 8 };
const CAPTION = 'Diagonal crack above the school door, about 4 mm';

let app: BuiltApp;
let dir: string;
let context: BrowserContext;
let page: Page;
let ui: FieldApp;
let noteUrl = '';
let missionUrl = '';

beforeAll(async () => {
  app = await startBuiltApp();
  dir = await freshTempDir('minga-viewer-');
  context = await launchPersistent(dir, {
    ...PHONE,
    locale: 'en-GB',
    permissions: ['geolocation'],
    geolocation: PEDERNALES,
  });
  page = context.pages()[0] ?? (await context.newPage());
  ui = new FieldApp(page, 'en');
});
afterAll(async () => {
  await context?.close();
  await removeTempDir(dir);
  await app?.close();
});

const viewer = () => page.getByRole('dialog');
const image = () => page.locator('.photo-viewer__image');
const transformOf = () => image().evaluate((element) => getComputedStyle(element).transform);

describe('photo viewer on a phone', () => {
  it('attaches two photos and a GPS position to a note', async () => {
    await page.goto(app.url);
    await ui.setUp('en', 'Anna Puig');
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill('Pedernales reconstruction plan');
    await ui.label('missions.field.hostCanton').selectOption('EC1317');
    await ui.label('missions.field.startDate').fill('2016-05-02');
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: 'Pedernales reconstruction plan' }).waitFor();
    missionUrl = new URL(page.url()).pathname;
    await ui.button('mission.newNote').or(ui.link('mission.newNote')).first().click();
    await ui.label('note.text').fill('Tarqui school: cracks in the east wall.');
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    noteUrl = new URL(page.url()).pathname;
    await ui.button('note.gps.add').click();
    await page.getByText('± 8 m').waitFor();
    const files = await Promise.all(
      ['wall', 'door'].map(async (name) => ({
        name: `${name}.jpg`,
        mimeType: 'image/jpeg',
        buffer: await makeJpeg(page, name),
      })),
    );
    await ui.label('photos.choose').setInputFiles(files);
    await expect.poll(() => page.locator('.thumbs img').count(), { timeout: 20_000 }).toBe(2);
    await ui.saved();
  });

  it('links the position to the maps app with a geo: URI and an accessible name', async () => {
    const link = page.getByRole('link', {
      name: ui.t('geo.openLabel', { lat: '0.07210', lon: '-80.05310' }),
    });
    expect(await link.getAttribute('href')).toBe('geo:0.072100,-80.053100?q=0.072100,-80.053100');
    expect(await link.textContent()).toBe(ui.t('geo.open'));
  });

  it('opens the first photo full screen, with its position among the photos and focus inside', async () => {
    await page.getByRole('button', { name: ui.t('photos.open', { n: 1 }) }).click();
    await viewer().waitFor();
    expect(await viewer().getAttribute('aria-label')).toBe(ui.t('viewer.label', { n: 1, total: 2 }));
    await page.getByText(ui.t('viewer.position', { n: 1, total: 2 }), { exact: true }).waitFor();
    await image().waitFor();
    // The full photo, not a cut-down thumbnail: the stored 1600 px long side.
    expect(await image().evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1600);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    const close = page.getByRole('button', { name: ui.t('viewer.close') });
    const box = (await close.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await expectAccessible(page, 'photo viewer');
  });

  it('zooms in with a double tap and back to fit with another', async () => {
    expect(await transformOf()).toBe('matrix(1, 0, 0, 1, 0, 0)');
    const stage = (await page.locator('.photo-viewer__stage').boundingBox())!;
    const [x, y] = [stage.x + stage.width / 2, stage.y + stage.height / 2];
    await page.mouse.dblclick(x, y);
    await expect.poll(transformOf).toMatch(/^matrix\(2\.5, 0, 0, 2\.5, /);
    await page.mouse.dblclick(x, y);
    await expect.poll(transformOf).toBe('matrix(1, 0, 0, 1, 0, 0)');
  });

  it('zooms in with a two-finger pinch, and the button fits the photo again', async () => {
    const stage = (await page.locator('.photo-viewer__stage').boundingBox())!;
    const [x, y] = [stage.x + stage.width / 2, stage.y + stage.height / 2];
    // Real touch input through the browser's own touch pipeline: two fingers moving apart.
    const cdp = await context.newCDPSession(page);
    const fingers = (spread: number) => [
      { x: x - spread, y, id: 1 },
      { x: x + spread, y, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
    for (const spread of [45, 60, 75, 90]) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    const scale = await image().evaluate((element) => new DOMMatrix(getComputedStyle(element).transform).a);
    expect(scale).toBeCloseTo(3, 1);
    await page.getByRole('button', { name: ui.t('viewer.zoomOut') }).click();
    await expect.poll(transformOf).toBe('matrix(1, 0, 0, 1, 0, 0)');
  });

  it('swipes left to the second photo and captions it', async () => {
    const stage = (await page.locator('.photo-viewer__stage').boundingBox())!;
    const y = stage.y + stage.height / 2;
    await page.mouse.move(stage.x + stage.width - 40, y);
    await page.mouse.down();
    await page.mouse.move(stage.x + 40, y, { steps: 8 });
    await page.mouse.up();
    await page.getByText(ui.t('viewer.position', { n: 2, total: 2 }), { exact: true }).waitFor();
    await ui.label('viewer.caption').fill(CAPTION);
    // Arrow keys move between photos too, once focus has left the caption field.
    await page.getByRole('button', { name: ui.t('viewer.previous') }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByText(ui.t('viewer.position', { n: 1, total: 2 }), { exact: true }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText(ui.t('viewer.position', { n: 2, total: 2 }), { exact: true }).waitFor();
    expect(await ui.label('viewer.caption').inputValue()).toBe(CAPTION);
  });

  it('closes with Escape, returning focus to the photo that opened it', async () => {
    await page.keyboard.press('Escape');
    await viewer().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('class'))).toBe(
      'photo-field__open',
    );
    expect(new URL(page.url()).pathname).toBe(noteUrl);
    await page.getByText(CAPTION).waitFor();
    await ui.saved();
    await expectAccessible(page, 'note with captioned photos and a GPS link');
  });

  it('keeps the caption after a reload, in the note and in the viewer', async () => {
    await page.reload();
    await page.getByText(CAPTION).waitFor();
    await page.getByRole('button', { name: ui.t('photos.captioned', { n: 2, caption: CAPTION }) }).click();
    await viewer().waitFor();
    expect(await ui.label('viewer.caption').inputValue()).toBe(CAPTION);
    // The phone's back button closes the viewer and stays on the note.
    await page.goBack();
    await viewer().waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(noteUrl);
    await ui.label('note.text').waitFor();
  });

  it('marks the note in the list with its photo count, GPS position and no links', async () => {
    await page.goto(`${app.url}${missionUrl}/notes`);
    const row = page.locator('[data-note-id]').first();
    await row.waitFor();
    expect(await row.locator('[data-marker="photos"]').textContent()).toBe(
      `2${ui.t('markers.photos', { count: '2' })}`,
    );
    expect(await row.locator('[data-marker="photos"] svg').getAttribute('aria-hidden')).toBe('true');
    await row.locator('[data-marker="gps"]', { hasText: ui.t('markers.gps') }).waitFor();
    expect(await row.locator('[data-marker="links"]').count()).toBe(0);
    await expectAccessible(page, 'notes list with markers');
  });

  it("says plainly when a photo's bytes are not on this device", async () => {
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('minga');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('blobs', 'readwrite');
        transaction.objectStore('blobs').clear();
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    });
    await page.goto(`${app.url}${noteUrl}`);
    await page.getByRole('button', { name: ui.t('photos.notHere', { n: 1 }) }).click();
    await viewer().getByText(ui.t('viewer.notHere')).waitFor();
    expect(await image().count()).toBe(0);
    // Swiping still moves on to the next photo.
    const stage = (await page.locator('.photo-viewer__stage').boundingBox())!;
    const y = stage.y + stage.height / 2;
    await page.mouse.move(stage.x + stage.width - 40, y);
    await page.mouse.down();
    await page.mouse.move(stage.x + 40, y, { steps: 8 });
    await page.mouse.up();
    await page.getByText(ui.t('viewer.position', { n: 2, total: 2 }), { exact: true }).waitFor();
    await page.getByRole('button', { name: ui.t('viewer.close') }).click();
    await viewer().waitFor({ state: 'detached' });
  });

  it('in a new assessment, shows the photo and asks to save before captioning; the close button closes', async () => {
    await page.goto(`${app.url}${missionUrl}`);
    await ui.tab('mission.tab.assessments').click();
    await ui.link('mission.newAssessment').click();
    await ui.label('assessments.field.title').fill('Tarqui school');
    await ui.button('assessments.gps.capture').click();
    await page.getByText(/± 8 m/).waitFor();
    const file = { name: 'roof.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 'roof') };
    await ui.label('photos.choose').setInputFiles(file);
    await page.locator('.thumbs img').first().waitFor();
    await page.getByRole('button', { name: ui.t('photos.open', { n: 1 }) }).click();
    await viewer().getByText(ui.t('viewer.captionLater')).waitFor();
    expect(await ui.label('viewer.caption').count()).toBe(0);
    await page.getByRole('button', { name: ui.t('viewer.close') }).click();
    await viewer().waitFor({ state: 'detached' });
    await ui.button('action.save').click();
    const row = page.locator('[data-assessment-id]', { hasText: 'Tarqui school' });
    await row.waitFor();
    await row
      .locator('[data-marker="photos"]', { hasText: ui.t('markers.photos', { count: '1' }) })
      .waitFor();
    await row.locator('[data-marker="gps"]').waitFor();
  });

  it("captions a saved assessment's photo from its read view, at once, and keeps it after a reload", async () => {
    await page.locator('[data-assessment-id] a', { hasText: 'Tarqui school' }).click();
    await page.getByRole('button', { name: ui.t('photos.open', { n: 1 }) }).click();
    await ui.label('viewer.caption').fill('Roof sheets lifted on the north side');
    await page.keyboard.press('Escape');
    await viewer().waitFor({ state: 'detached' });
    await ui.saved();
    await page.reload();
    await page
      .getByRole('button', {
        name: ui.t('photos.captioned', { n: 1, caption: 'Roof sheets lifted on the north side' }),
      })
      .waitFor();
    const link = page.getByRole('link', {
      name: ui.t('geo.openLabel', { lat: '0.07210', lon: '-80.05310' }),
    });
    expect(await link.getAttribute('href')).toMatch(/^geo:0\.072100,-80\.053100\?q=/);
  });
});
