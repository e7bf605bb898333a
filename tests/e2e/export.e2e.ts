// A coordinator exports from the built app in Chromium: the mission's CSV zip and the programme's HXL file are
// downloaded, parsed back, and hold what was recorded, accents intact and formula-looking text neutralised.
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, PHONE } from './support/browser.ts';
import { startBuiltApp, type BuiltApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import { FieldApp } from './pages/fieldApp.ts';

let app: BuiltApp;
let browser: Browser;
let ui: FieldApp;
const TITLE = 'Reconstrucción en Jama';
const NOTE = '=1+1 señal débil en la escuela';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

function rows(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function download(): Promise<{ name: string; bytes: Buffer }> {
  const file = ui.page.waitForEvent('download');
  await ui.button('export.start').click();
  const done = await file;
  const name = done.suggestedFilename();
  await ui.page.getByText(ui.t('export.done', { file: name })).waitFor();
  return { name, bytes: await readFile((await done.path())!) };
}

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchChromium();
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  ui = new FieldApp(page, 'en');
  await page.goto(app.url);
  await ui.setUp('en', 'Núria');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('exports from the app', () => {
  it('records a mission with a note', async () => {
    await ui.link('missions.new').first().click();
    await ui.label('missions.field.title').fill(TITLE);
    await ui.label('missions.field.hostCanton').selectOption('EC1320');
    await ui.label('missions.field.startDate').fill('2016-05-02');
    await ui.button('action.save').click();
    await ui.page.getByRole('heading', { name: TITLE }).waitFor();
    await ui.button('mission.newNote').or(ui.link('mission.newNote')).first().click();
    await ui.label('note.text').waitFor();
    await ui.page.keyboard.type(NOTE);
    await ui.saved();
  });

  it('downloads the mission as a CSV zip from the mission screen', async () => {
    await ui.page.goto(`${app.url}/`);
    await ui.page.getByRole('link', { name: TITLE }).first().click();
    await ui.link('export.thisMission').click();
    await ui.page.getByRole('heading', { name: ui.t('export.title') }).waitFor();
    await expectAccessible(ui.page, 'export');
    const file = await download();
    expect(file.name).toMatch(/^minga-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = unzipSync(new Uint8Array(file.bytes));
    expect(Object.keys(entries).sort()).toEqual([
      'actions.csv',
      'assessment-sectors.csv',
      'assessments.csv',
      'missions.csv',
      'notes.csv',
      'people-met.csv',
      'products.csv',
      'team.csv',
    ]);
    const [mission] = rows(decode(entries['missions.csv']!));
    expect(mission).toMatchObject({ title: TITLE, host_canton: 'Jama', notes: '1' });
    expect(mission?.status_label).toBe(ui.t('missionStatus.1'));
    const notes = rows(decode(entries['notes.csv']!));
    expect(notes.map((n) => n.text)).toEqual([`'${NOTE}`]);
    expect(notes[0]?.created_by).toBe('Núria');
  });

  it('downloads the HXL file of every mission on the device', async () => {
    await ui.page.goto(`${app.url}/settings`);
    await ui.link('export.open').click();
    await ui.label('export.format.hxl').check();
    await ui.label('export.scope.all').check();
    const file = await download();
    expect(file.name).toMatch(/^minga-assessments-hxl-.*\.csv$/);
    const lines = Papa.parse<string[]>(decode(file.bytes).slice(1), { skipEmptyLines: true }).data;
    expect(lines[0]?.[0]).toBe('Assessment');
    for (const tag of lines[1]!) expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
    expect(lines).toHaveLength(2);
  });

  it('downloads a year as GeoJSON', async () => {
    await ui.label('export.format.geojson').check();
    await ui.label('export.scope.year').check();
    await ui.label('export.year').selectOption('2016');
    await expectAccessible(ui.page, 'export: a year');
    const file = await download();
    expect(file.name).toMatch(/^minga-.*\.geojson$/);
    // The only note is dated today and has no position: a valid collection with no features.
    expect(JSON.parse(file.bytes.toString('utf8'))).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
