// Camera to camera with no network and no server: phone A shows its mission as moving QR codes; the frames it
// drew are written to a video with a fifth of them lost, which phone B's camera films (Chromium's fake camera,
// decoded by the JS fallback: Chromium on Linux has no BarcodeDetector); B previews, imports and shows A's notes.
// Then B adds a note and shows only that to A, whose camera films B's frames in turn.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { qrExchangeMessages } from '../../src/ui/i18n/messages/qrExchange.ts';
import { launchPersistent, PHONE } from './support/browser.ts';
import { expectAccessible } from './support/a11y.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { freshTempDir, removeTempDir } from './support/tmp.ts';
import { writeQrVideo } from './support/y4m.ts';
import { FieldApp } from './pages/fieldApp.ts';

const qr = qrExchangeMessages.en;
const TITLE = 'Agua segura en Canoa';
const NOTES_A = ['Pozo contaminado en la escuela', 'Tanque roto en el barrio 5'];
const NOTE_B = 'Bomba de agua reparada';

interface Phone {
  dir: string;
  context: BrowserContext;
  page: Page;
  ui: FieldApp;
}

let app: BuiltApp;
let work: string;
const phones: Phone[] = [];
let missionPath = '';

/** A phone's browser; `video` is what its camera films. Its network is cut once the app works offline. */
async function open(dir: string, video?: string): Promise<Phone> {
  const args = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
  if (video) args.push(`--use-file-for-fake-video-capture=${video}`);
  const context = await launchPersistent(dir, { ...PHONE, locale: 'en-GB', args });
  const page = context.pages()[0] ?? (await context.newPage());
  const phone = { dir, context, page, ui: new FieldApp(page, 'en') };
  phones.push(phone);
  return phone;
}

async function close(phone: Phone): Promise<void> {
  await phone.context.close();
  phones.splice(phones.indexOf(phone), 1);
}

/** First start: set up while the app is served, then the network is cut for good. */
async function firstStart(phone: Phone, name: string): Promise<void> {
  await phone.page.goto(app.url);
  await phone.ui.setUp('en', name);
  await phone.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 60_000,
  });
  await phone.context.setOffline(true);
  await phone.page.reload();
  await phone.ui.link('missions.new').first().waitFor();
}

async function addNote(phone: Phone, text: string): Promise<void> {
  await phone.page.goto(`${app.url}${missionPath}`);
  await phone.page.getByRole('heading', { name: TITLE }).waitFor();
  await phone.ui.button('mission.newNote').or(phone.ui.link('mission.newNote')).first().click();
  await phone.ui.label('note.text').waitFor();
  await phone.page.keyboard.type(text);
  await phone.ui.saved();
}

async function openCameraExchange(phone: Phone): Promise<void> {
  await phone.page.goto(`${app.url}/settings`);
  await phone.ui.button('exchange.qr').click();
  await phone.page.getByRole('heading', { name: qr['qr.title'] }).waitFor();
}

/** Every frame of one loop, in order, as the page drew them (recorded in the page: none is missed). */
async function showFrames(phone: Phone, peer: string): Promise<string[]> {
  await openCameraExchange(phone);
  await phone.page.getByRole('button', { name: qr['qr.showMine'] }).click();
  const screen = phone.page.getByRole('region', { name: qr['qr.title'] });
  await screen.getByRole('radio', { name: peer }).check();
  await screen.getByRole('checkbox', { name: TITLE }).check();
  await phone.page.getByRole('button', { name: qr['qr.start'] }).click();
  const code = phone.page.getByRole('img', { name: qr['qr.code'] });
  await code.waitFor();
  return code.evaluate(
    (canvas) =>
      new Promise<string[]>((resolve) => {
        const frames = [canvas.getAttribute('data-frame')!];
        new MutationObserver((_, observer) => {
          const frame = canvas.getAttribute('data-frame')!;
          if (frame === frames[0]) {
            observer.disconnect();
            resolve(frames);
          } else if (frame !== frames.at(-1)) frames.push(frame);
        }).observe(canvas, { attributes: true, attributeFilter: ['data-frame'] });
      }),
  );
}

/** The frames a camera catches: a seeded fifth lost on the way. */
function dropSome(frames: readonly string[], seed: number): string[] {
  let x = seed;
  const kept = frames.filter(() => (x = (x * 48271) % 2147483647) / 2147483647 >= 0.2);
  expect(kept.length).toBeLessThan(frames.length);
  return kept;
}

/** Scans with the phone's (fake) camera, previews and imports. */
async function scan(phone: Phone, sender: string, state: 'exchange.missionNew' | 'exchange.missionChanges') {
  await openCameraExchange(phone);
  await phone.page.getByRole('button', { name: qr['qr.scanTheirs'] }).click();
  await phone.page.locator('.qr__progress progress').waitFor();
  const preview = phone.page.getByTestId('bundle-preview');
  await preview.waitFor({ timeout: 180_000 });
  await preview.getByText(TITLE).waitFor();
  await preview.getByText(phone.ui.t(state)).waitFor();
  await preview.getByText(new RegExp(`^From ${sender},`)).waitFor();
  await phone.ui.button('exchange.confirm').click();
  await phone.page.getByText(phone.ui.t('exchange.imported', { missions: 1 })).waitFor();
}

async function notesShown(phone: Phone, texts: readonly string[]): Promise<void> {
  await phone.page.goto(`${app.url}${missionPath}`);
  await phone.ui.tab('mission.tab.notes').click();
  for (const text of texts) await phone.page.getByText(text).first().waitFor();
}

beforeAll(async () => {
  app = await startBuiltApp();
  work = await freshTempDir('minga-qr-');
}, 60_000);
afterAll(async () => {
  for (const phone of [...phones]) await close(phone);
  await app?.close();
  await removeTempDir(work);
});

describe('camera to camera, no network', () => {
  let framesOfA: string[] = [];

  it('A records a mission with two notes, offline', async () => {
    const a = await open(path.join(work, 'a'));
    await firstStart(a, 'Anna');
    await a.ui.link('missions.new').first().click();
    await a.ui.label('missions.field.title').fill(TITLE);
    await a.ui.label('missions.field.hostCanton').selectOption('EC1308');
    await a.ui.label('missions.field.startDate').fill('2016-04-20');
    await a.ui.button('action.save').click();
    await a.page.getByRole('heading', { name: TITLE }).waitFor();
    missionPath = new URL(a.page.url()).pathname;
    for (const note of NOTES_A) await addNote(a, note);
  });

  it('A shows its changes as moving QR codes to someone new', async () => {
    const a = phones[0]!;
    framesOfA = await showFrames(a, qr['qr.peerNew']);
    expect(framesOfA.length).toBeGreaterThan(5);
    if (process.env.QR_STATS) console.info(`A shows ${framesOfA.length} frames a loop`);
    expect(new Set(framesOfA.map((frame) => frame.slice(0, 13))).size).toBe(1);
    await expectAccessible(a.page, 'camera exchange: frames shown');
    await a.page.getByRole('button', { name: qr['qr.stop'] }).click();
    await close(a);
  });

  it('B films them with a fifth lost, previews, imports and shows A’s notes', async () => {
    const video = path.join(work, 'from-a.y4m');
    await writeQrVideo(video, dropSome(framesOfA, 13), 5);
    const b = await open(path.join(work, 'b'), video);
    await firstStart(b, 'Berta');
    // What this test exercises is the JS decoder: Debian's Chromium has no BarcodeDetector.
    expect(await b.page.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(false);
    await scan(b, 'Anna', 'exchange.missionNew');
    await b.page.getByRole('button', { name: qr['qr.answer'] }).waitFor();
    await expectAccessible(b.page, 'camera exchange: imported, answer offered');
    await notesShown(b, NOTES_A);
  }, 300_000);

  it('B adds a note and shows only what A lacks; A films it and shows every note', async () => {
    const b = phones[0]!;
    await addNote(b, NOTE_B);
    const frames = await showFrames(b, 'Anna: only what they lack');
    // Only the new note travels back: far fewer frames than A's whole mission.
    expect(frames.length).toBeLessThan(framesOfA.length);
    if (process.env.QR_STATS) console.info(`B shows ${frames.length} frames a loop`);
    await close(b);

    const video = path.join(work, 'from-b.y4m');
    await writeQrVideo(video, dropSome(frames, 29), 5);
    const a = await open(path.join(work, 'a'), video);
    await a.context.setOffline(true);
    await a.page.goto(app.url);
    await scan(a, 'Berta', 'exchange.missionChanges');
    await notesShown(a, [...NOTES_A, NOTE_B]);
  }, 300_000);
});
