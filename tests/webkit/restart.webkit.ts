// A WebKit browser closed and opened again, as an iPhone does with Safari: a WebKitGTK view whose website data
// persists in a directory. The first run sets up the device and writes a note with a photo; the second run,
// with the server gone, opens the note again from what the first one left on disk. An ephemeral view (Safari's
// Private Browsing) walks the same first run: there IndexedDB refuses Blobs, and the photo is kept as bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltApp, type BuiltApp } from '../e2e/support/server.ts';
import { freshTempDir, removeTempDir } from '../e2e/support/tmp.ts';
import { translator } from '../../src/ui/i18n/translate.ts';
import { startDisplay, type VirtualDisplay } from './support/display.ts';
import { runWebView, step, type ViewRun } from './support/webview.ts';

const { t } = translator('ca');
const MISSION = 'Pla de reconstrucció de Pedernales';
const NOTE = 'Reunió amb la direcció de planificació del GAD: cal revisar el cadastre.';
const text = (value: string) => JSON.stringify(value);

let display: VirtualDisplay;
let app: BuiltApp;
let serverUp = false;
let dir: string;

beforeAll(async () => {
  dir = await freshTempDir('minga-webkit-view-');
  display = await startDisplay();
  app = await startBuiltApp();
  serverUp = true;
});
afterAll(async () => {
  if (serverUp) await app.close();
  await display?.close();
  if (dir) await removeTempDir(dir);
});

function values(run: ViewRun): unknown[] {
  return run.results.map((result) => {
    if (!result.ok) throw new Error(result.error);
    return result.value;
  });
}

const firstRun = [
  step(`
    (await byText(${text(t('settings.languageName.ca'))})).click();
    type(await byLabel(${text(t('settings.name'))}), 'Anna Puig');
    type(await byLabel(${text(t('settings.institution'))}), 'Ajuntament de Barcelona');
    (await byText(${text(t('action.save'))})).click();
    (await byText(${text(t('missions.new'))})).click();
    type(await byLabel(${text(t('missions.field.title'))}), ${text(MISSION)});
    type(await byLabel(${text(t('missions.field.hostCanton'))}), 'EC1317');
    type(await byLabel(${text(t('missions.field.startDate'))}), '2016-05-02');
    type(await byLabel(${text(t('missions.field.endDate'))}), '2016-05-16');
    (await byText(${text(t('action.save'))})).click();
    await waitFor('the mission', () => /^\\/missions\\/[0-9a-f-]{36}$/.test(location.pathname));
    (await byText(${text(t('mission.newNote'))})).click();
    type(await byLabel(${text(t('note.text'))}), ${text(NOTE)});
    await waitFor('the note address', () => /\\/notes\\/[0-9a-f-]{36}$/.test(location.pathname));
    await saved();
    return location.pathname;`),
  step(`
    // A camera-sized photo made by WebKit's encoder, handed to the file input as a picker would.
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const context = canvas.getContext('2d');
    context.fillStyle = '#0b5d4b';
    context.fillRect(0, 0, 2400, 1800);
    const jpeg = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    const files = new DataTransfer();
    files.items.add(new File([jpeg], 'tarqui.jpg', { type: 'image/jpeg' }));
    const input = await byLabel(${text(t('photos.choose'))});
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const size = await thumbnail();
    await saved();
    await waitFor('the service worker', () => navigator.serviceWorker.controller);
    return { size, stored: await storedPhotos() };`),
];

const secondRun = [
  step(`
    const note = await byLabel(${text(t('note.text'))});
    await waitFor('the note text', () => note.value === ${text(NOTE)});
    return {
      note: note.value,
      size: await thumbnail(),
      stored: await storedPhotos(),
      controlled: navigator.serviceWorker.controller !== null,
      // A phone's width, and nothing wider than it: no sideways scrolling in WebKit's layout either.
      viewport: innerWidth,
      overflow: document.documentElement.scrollWidth - innerWidth,
    };`),
];

describe('WebKit views with persistent and with ephemeral website data', () => {
  let notePath = '';

  it('sets up, writes a note and attaches a photo, kept as a Blob in a persistent session', async () => {
    const run = await runWebView({ display: display.display, dataDir: dir, url: app.url, steps: firstRun });
    expect(run.ready.ephemeral).toBe(false);
    const [path, photo] = values(run) as [string, { size: unknown; stored: string[] }];
    expect(path).toMatch(/^\/missions\/[0-9a-f-]{36}\/notes\/[0-9a-f-]{36}$/);
    notePath = path;
    expect(photo.size).toEqual({ width: 1600, height: 1200 });
    // Outside private sessions WebKit stores Blobs: the bytes fallback is not used there.
    expect(photo.stored).toEqual(['Blob']);
  });

  it('attaches the photo in an ephemeral view too (Private Browsing), kept there as bytes', async () => {
    const scratch = await freshTempDir('minga-webkit-ephemeral-');
    try {
      const run = await runWebView({
        display: display.display,
        dataDir: scratch,
        url: app.url,
        steps: firstRun,
        ephemeral: true,
      });
      expect(run.ready.ephemeral).toBe(true);
      const [, photo] = values(run) as [string, { size: unknown; stored: string[] }];
      expect(photo.size).toEqual({ width: 1600, height: 1200 });
      expect(photo.stored).toEqual(['ArrayBuffer']);
    } finally {
      await removeTempDir(scratch);
    }
  });

  it('opens again with the same data directory, offline, and shows the saved note and its photo', async () => {
    await app.close();
    serverUp = false;
    const run = await runWebView({
      display: display.display,
      dataDir: dir,
      url: `${app.url}${notePath}`,
      steps: secondRun,
    });
    expect(values(run)).toEqual([
      {
        note: NOTE,
        size: { width: 1600, height: 1200 },
        stored: ['Blob'],
        controlled: true,
        viewport: 360,
        overflow: 0,
      },
    ]);
  });
});
