// The technician's core walk in WebKit (WebKitGTK's MiniBrowser over WebDriver, the engine of every iPhone
// browser): first-run setup, a mission, a note with a photo, a reload with the server gone, a reopened window.
// A WebDriver session's website data is ephemeral, as in Safari's Private Browsing: IndexedDB there refuses
// Blobs, so this walk also proves a photo attaches in such a session.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltApp, type BuiltApp } from '../e2e/support/server.ts';
import { freshTempDir, removeTempDir } from '../e2e/support/tmp.ts';
import { WebKitFieldApp } from './support/fieldApp.ts';
import { launchWebKit, type WebKitDriver } from './support/webdriver.ts';

const MISSION = 'Pla de reconstrucció de Pedernales';
const NOTE = 'Reunió amb la direcció de planificació del GAD: cal revisar el cadastre.';

let app: BuiltApp;
let serverUp = false;
let webkit: WebKitDriver;
let ui: WebKitFieldApp;
let dir: string;
let missionPath = '';
let notePath = '';

beforeAll(async () => {
  dir = await freshTempDir('minga-webkit-');
  app = await startBuiltApp();
  serverUp = true;
  webkit = await launchWebKit();
  ui = new WebKitFieldApp(webkit.session, 'ca');
});
afterAll(async () => {
  await webkit?.close();
  if (serverUp) await app.close();
  if (dir) await removeTempDir(dir);
});

/** A camera-sized JPEG (2400 × 1800) made by WebKit's own encoder, written to a file for the file input. */
async function cameraPhoto(): Promise<string> {
  const dataUrl = await webkit.session.execute<string>(`
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const context = canvas.getContext('2d');
    const gradient = context.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, '#0b5d4b');
    gradient.addColorStop(1, '#f2c14e');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 2400, 1800);
    return canvas.toDataURL('image/jpeg', 0.9);`);
  const file = path.join(dir, 'tarqui.jpg');
  await writeFile(file, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  return file;
}

async function expectNoteWithPhoto() {
  await webkit.session.waitFor(
    `return document.querySelector('textarea')?.value === arguments[0]`,
    'the note text',
    20_000,
    NOTE,
  );
  expect(await ui.thumbnail()).toEqual({ width: 1600, height: 1200 });
}

describe('the field app in WebKit', () => {
  it('sets up the device and creates a mission', async () => {
    await webkit.session.navigate(app.url);
    await ui.setUp('Anna Puig');
    await ui.tap('missions.new');
    await ui.fill('missions.field.title', MISSION);
    await ui.choose('missions.field.hostCanton', 'EC1317');
    await ui.fillDate('missions.field.startDate', '2016-05-02');
    await ui.fillDate('missions.field.endDate', '2016-05-16');
    await ui.tap('action.save');
    await ui.text(MISSION);
    missionPath = new URL(await webkit.session.url()).pathname;
    expect(missionPath).toMatch(/^\/missions\/[0-9a-f-]{36}$/);
  });

  it('writes a note and attaches a photo from the file picker', async () => {
    await ui.tap('mission.newNote');
    const text = await ui.label('note.text');
    expect(
      await webkit.session.execute<boolean>('return arguments[0] === document.activeElement', text),
    ).toBe(true);
    await webkit.session.sendKeys(text, NOTE);
    await webkit.session.waitFor(
      'return /\\/notes\\/[0-9a-f-]{36}$/.test(location.pathname) && location.pathname',
      'the note address',
    );
    notePath = new URL(await webkit.session.url()).pathname;
    await ui.saved();
    await webkit.session.sendKeys(await ui.label('photos.choose'), await cameraPhoto());
    // Resized on the device to a long side of 1600 px, and kept although this session refuses Blobs.
    expect(await ui.thumbnail()).toEqual({ width: 1600, height: 1200 });
    expect(
      await webkit.session.execute<boolean>('return document.querySelector(\'[role="alert"]\') === null'),
    ).toBe(true);
    await ui.saved();
  });

  it('runs in a session whose IndexedDB refuses Blobs, and kept the photo there as bytes', async () => {
    const probe = await webkit.session.executeAsync<{
      blobPut: string;
      rows: { kind: string; size: number }[];
    }>(`
      const done = arguments[arguments.length - 1];
      const open = (name, upgrade) => new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => upgrade && upgrade(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      (async () => {
        const scratch = await open('webkit-blob-probe', (db) => db.createObjectStore('s'));
        const blobPut = await new Promise((resolve) => {
          const request = scratch.transaction('s', 'readwrite').objectStore('s').put(new Blob(['x']), 'k');
          request.onsuccess = () => resolve('stored');
          request.onerror = () => resolve(request.error.name + ': ' + request.error.message);
        });
        scratch.close();
        const minga = await open('minga');
        const rows = await new Promise((resolve) => {
          const request = minga.transaction('blobs').objectStore('blobs').getAll();
          request.onsuccess = () => resolve(request.result);
        });
        minga.close();
        done({
          blobPut,
          rows: rows.map((row) => ({
            kind: row.blob instanceof ArrayBuffer ? 'ArrayBuffer' : row.blob instanceof Blob ? 'Blob' : typeof row.blob,
            size: row.blob.byteLength ?? row.blob.size,
          })),
        });
      })().catch((error) => done({ blobPut: String(error), rows: [] }));`);
    // WebKitGTK 2.50 says 'UnknownError: Error preparing Blob/File data to be stored in object store'.
    expect(probe.blobPut).toMatch(/^UnknownError: .*\bBlob\b/);
    expect(probe.rows).toHaveLength(1);
    expect(probe.rows[0]!.kind).toBe('ArrayBuffer');
    expect(probe.rows[0]!.size).toBeGreaterThan(0);
  });

  it('reloads with the server gone: the service worker serves the app, the note and its photo', async () => {
    await webkit.session.waitFor(
      'return navigator.serviceWorker.controller !== null',
      'the service worker to control the page',
    );
    await app.close();
    serverUp = false;
    await webkit.session.refresh();
    await expectNoteWithPhoto();
  });

  it('opens the app again in a new window, still offline, and finds the mission and the note', async () => {
    const first = await webkit.session.windowHandle();
    const { handle } = await webkit.session.newWindow();
    await webkit.session.switchToWindow(handle);
    await webkit.session.navigate(`${app.url}/`);
    await webkit.session.switchToWindow(first);
    await webkit.session.closeWindow();
    await webkit.session.switchToWindow(handle);
    await ui.text(MISSION);
    await webkit.session.navigate(`${app.url}${notePath}`);
    await expectNoteWithPhoto();
  });
});
