// A coordinator sees severity at a glance: cantons × sectors with the highest severity as a coloured number
// linking to the assessments behind it, and a map of geolocated assessments and notes over tiles from the
// configured tile server (here a local one), which still shows its points offline.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { freshTempDir, removeTempDir } from './support/tmp.ts';
import { expectAccessible } from './support/a11y.ts';
import { goOffline } from './support/devices.ts';
import { FieldApp } from './pages/fieldApp.ts';
import { CatalogueCheck } from './support/untranslated.ts';
import { severityMessages } from '../../src/ui/i18n/messages/severity.ts';

const PEDERNALES = { latitude: 0.0721, longitude: -80.0531, accuracy: 12 };
const PORTOVIEJO = { latitude: -1.0546, longitude: -80.4545, accuracy: 9 };
const MANTA = { latitude: -0.9494, longitude: -80.7314, accuracy: 7 };
// A 1 × 1 PNG: any tile will do, what matters is that it was asked for and kept.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const local = severityMessages.en;

let tiles: Server;
let tileRequests: string[] = [];
let tileTemplate = '';
let builtTileUrl: string | undefined;
let app: BuiltApp;
let dir: string;
let context: BrowserContext;
let page: Page;
let ui: FieldApp;
let missionUrl = '';
const assessmentUrls: string[] = [];

beforeAll(async () => {
  tiles = createServer((req, res) => {
    tileRequests.push(req.url ?? '');
    res.writeHead(/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '') ? 200 : 404, {
      'Content-Type': 'image/png',
      'Access-Control-Allow-Origin': '*',
    });
    res.end(TILE);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  const address = tiles.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  tileTemplate = `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`;
  // The server's CSP allows the tile host from the same setting the app is built with.
  builtTileUrl = process.env.VITE_TILE_URL;
  process.env.VITE_TILE_URL = tileTemplate;
  app = await startBuiltApp();
  dir = await freshTempDir('minga-severity-');
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
  await new Promise((resolve) => tiles?.close(resolve));
  if (builtTileUrl === undefined) delete process.env.VITE_TILE_URL;
  else process.env.VITE_TILE_URL = builtTileUrl;
});

async function newAssessment(
  title: string,
  canton: string,
  sectors: [code: string, name: string, severity: string][],
) {
  await page.goto(`${app.url}${missionUrl}/assessments`);
  await ui.link('mission.newAssessment').click();
  await ui.label('assessments.field.title').fill(title);
  await ui.label('assessments.field.canton').selectOption(canton);
  await ui.button('assessments.gps.capture').click();
  await page
    .getByText(/± \d+ m/)
    .first()
    .waitFor();
  for (const [code, name, severity] of sectors) {
    await ui.label('assessments.addSector').selectOption(code);
    await page
      .getByRole('group', { name })
      .getByLabel(ui.t('assessments.field.severity'))
      .selectOption(severity);
  }
  await ui.button('action.save').click();
  const item = page.locator('[data-assessment-id]', { hasText: title });
  await item.waitFor();
  assessmentUrls.push(`${missionUrl}/assessments/${await item.getAttribute('data-assessment-id')}`);
  await ui.saved();
}

const cell = (canton: string, sector: string) =>
  page.locator(`tr[data-canton="${canton}"] td[data-sector="${sector}"]`);

describe('severity at a glance', () => {
  it('points the map at the local tile server from Settings', async () => {
    await page.goto(app.url);
    await ui.setUp('en', 'Marta Vidal');
    // Offline later needs the service worker in charge before the coordinator's screen is first fetched.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await page.goto(`${app.url}/settings`);
    await ui.label('settings.tiles.label').fill('ftp://nowhere/{z}');
    await ui.button('settings.tiles.save').click();
    await page.getByText(ui.t('settings.tiles.invalid')).waitFor();
    await ui.label('settings.tiles.label').fill(tileTemplate);
    await ui.button('settings.tiles.save').click();
    await page
      .getByRole('status')
      .filter({ hasText: ui.t('settings.saved') })
      .waitFor();
  });

  it('records assessments in two cantons with sectors and GPS, and a note with GPS', async () => {
    await page.goto(app.url);
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill('Manabí recovery follow-up');
    await ui.label('missions.field.hostCanton').selectOption('EC1317');
    await ui.label('missions.field.startDate').fill('2016-05-02');
    await ui.button('action.save').click();
    await page.getByRole('heading', { name: 'Manabí recovery follow-up' }).waitFor();
    missionUrl = new URL(page.url()).pathname;
    await newAssessment('Tarqui water points', 'EC1317', [
      ['wash', ui.t('sector.wash'), '4'],
      ['shelter', ui.t('sector.shelter'), '2'],
    ]);
    await context.setGeolocation(PORTOVIEJO);
    await newAssessment('Portoviejo health centre', 'EC1301', [['health', ui.t('sector.health'), '5']]);
    await context.setGeolocation(MANTA);
    await page.goto(`${app.url}${missionUrl}`);
    await ui.button('mission.newNote').or(ui.link('mission.newNote')).first().click();
    await ui.label('note.text').fill('Meeting with the parish board about the water tanks.');
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await ui.button('note.gps.add').click();
    await page.getByText('± 7 m').waitFor();
    await ui.saved();
  });

  it('shows the highest severity per canton and sector, as a number, each cell linking to its assessments', async () => {
    await page.goto(`${app.url}/settings`);
    await ui.link('nav.severity').click();
    await page.getByRole('heading', { level: 1, name: ui.t('nav.severity') }).waitFor();
    await cell('EC1317', 'wash').locator('a').waitFor();
    expect(
      await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-canton'))),
    ).toEqual(['EC1301', 'EC1317']);
    expect(await cell('EC1317', 'wash').locator('a [aria-hidden]').textContent()).toBe('4');
    expect(await cell('EC1317', 'shelter').locator('a [aria-hidden]').textContent()).toBe('2');
    expect(await cell('EC1301', 'health').locator('a [aria-hidden]').textContent()).toBe('5');
    expect(await cell('EC1301', 'wash').locator('a').count()).toBe(0);
    // The number's meaning is read out, not left to the colour.
    const name = local['severity.cell']
      .replace('{canton}', 'Pedernales')
      .replace('{sector}', ui.t('sector.wash'))
      .replace('{severity}', '4')
      .replace('{count}', '1');
    await page.getByRole('link', { name }).click();
    await page.waitForURL(/\/severity\?canton=EC1317&sector=wash$/);
    await page.getByRole('link', { name: /Tarqui water points/ }).click();
    await page.waitForURL((url) => url.pathname === assessmentUrls[0]);
    await page.getByRole('heading', { name: 'Tarqui water points' }).waitFor();
  });

  it('maps the geolocated assessments by severity and the note, over tiles from the tile server', async () => {
    await page.goto(`${app.url}/severity`);
    const markers = page.locator('.sev-marker');
    await expect.poll(() => markers.count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('.sev-marker[data-kind="note"]').count()).toBe(1);
    expect((await page.locator('.sev-marker .sev-pin').allTextContents()).sort()).toEqual(['', '4', '5']);
    await page.locator('.sev-map[data-basemap="shown"]').waitFor({ timeout: 15_000 });
    // Asked for once, on the first visit (the screen opened above); kept since.
    expect(tileRequests.some((url) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
    // By keyboard, as a screen-reader user would: the marker is a button named after the assessment.
    await page.getByRole('button', { name: /Portoviejo health centre/ }).focus();
    await page.keyboard.press('Enter');
    const open = page
      .locator('.leaflet-popup')
      .getByRole('link', { name: local['severity.map.openAssessment'] });
    expect(await open.getAttribute('href')).toBe(assessmentUrls[1]);
    // With the popup open: its link and close button are checked too.
    await expectAccessible(page, 'severity at a glance');
  });

  it('still shows the points offline, over the tiles it kept', async () => {
    await goOffline({ context, page, ui });
    tileRequests = [];
    await page.reload();
    await expect.poll(() => page.locator('.sev-marker').count(), { timeout: 15_000 }).toBe(3);
    await page.locator('.sev-map[data-basemap="shown"]').waitFor({ timeout: 15_000 });
    expect(tileRequests).toEqual([]);
    expect(await cell('EC1317', 'wash').locator('a [aria-hidden]').textContent()).toBe('4');
  });

  it('shows the points on a plain background with canton names when no tile can load', async () => {
    await page.goto(`${app.url}/settings`);
    await ui.label('settings.tiles.label').fill(tileTemplate.replace('/tiles/', '/elsewhere/'));
    await ui.button('settings.tiles.save').click();
    await page
      .getByRole('status')
      .filter({ hasText: ui.t('settings.saved') })
      .waitFor();
    await page.goto(`${app.url}/severity`);
    await page.locator('.sev-map[data-basemap="none"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('.sev-marker').count()).toBe(3);
    await page.locator('.sev-canton', { hasText: 'Pedernales' }).waitFor();
    await page.getByText(local['severity.map.noBasemap']).waitFor();
  });

  it('speaks Portuguese throughout: the matrix, the map and the list behind a cell', async () => {
    await page.goto(`${app.url}/settings`);
    await page.getByRole('button', { name: ui.t('settings.languageName.pt') }).click();
    await page.goto(`${app.url}/severity`);
    await page.locator('.sev-map[data-basemap]').waitFor();
    await expect.poll(() => page.locator('.sev-marker').count()).toBe(3);
    const check = new CatalogueCheck('pt', [
      'Manabí recovery follow-up',
      'Tarqui water points',
      'Portoviejo health centre',
      'Meeting with the parish board about the water tanks.',
    ]);
    expect(await check.findings(page)).toEqual([]);
    await expectAccessible(page, 'severity at a glance (pt)');
    await cell('EC1301', 'health').locator('a').click();
    await page.getByRole('link', { name: /Portoviejo health centre/ }).waitFor();
    expect(await check.findings(page)).toEqual([]);
    await expectAccessible(page, 'assessments behind a cell (pt)');
  });
});
