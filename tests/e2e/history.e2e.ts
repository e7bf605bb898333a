// History and restore in real Chromium against the real sync server: a technician's mission is wiped by another
// member, a coordinator opens the mission's history, restores the version before, and both phones show it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { historyScreenMessages } from '../../src/ui/i18n/messages/historyScreen.ts';
import { setDeleted } from '../../src/storage/missionDoc.ts';
import { connect, settled, waitFor } from '../server/syncHarness.ts';
import { expectAccessible } from './support/a11y.ts';
import { CatalogueCheck } from './support/untranslated.ts';
import { launchChromium } from './support/browser.ts';
import { createMission, joinByInvite, type Device } from './support/devices.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';

const NOTES = ['Puente de Canillo cerrado al tráfico.', 'Albergue de Encamp con 40 plazas libres.'];
const h = historyScreenMessages.en;

let app: SyncApp;
let browser: Browser;
let technician: Device;
let coordinator: Device;
let coordinatorToken = '';
let missionId = '';
/** The version the coordinator restores: the last one stored with both notes alive. */
let before = 0;

type Preview = { notes: { id: string; deletedAt: string | null }[] };
async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${app.url}${path}`, {
    headers: { Authorization: `Bearer ${coordinatorToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function shownNotes(d: Device): Promise<string[]> {
  const shown: string[] = [];
  for (const note of NOTES) if ((await d.page.getByText(note).count()) > 0) shown.push(note);
  return shown;
}

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
  coordinatorToken = app.token('coordinator', 'Carla');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a coordinator restores a mission a member wiped', () => {
  it('a technician makes a mission with notes, and the server keeps that version', async () => {
    technician = await joinByInvite(browser, app.url, app.token('technician', 'Anna'), 'Anna Puig');
    const { page, ui } = technician;
    missionId = await createMission(technician, {
      title: 'Riadas en Andorra',
      canton: 'EC1317',
      startDate: '2016-05-02',
    });
    for (const note of NOTES) {
      await page.goto(`${app.url}/missions/${missionId}/notes`);
      await ui.link('mission.newNote').click();
      await ui.label('note.text').waitFor();
      await page.keyboard.type(note);
      await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
      await ui.saved();
    }
    await page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 15_000 });
    before = await waitFor(
      async () => {
        const { versions } = await api<{ versions: { version: number }[] }>(
          `/api/missions/${missionId}/history`,
        );
        const newest = versions[0];
        if (newest === undefined) return 0;
        const preview = await api<Preview>(`/api/missions/${missionId}/history/${newest.version}`);
        return preview.notes.filter((n) => n.deletedAt === null).length === NOTES.length ? newest.version : 0;
      },
      20_000,
      'a stored version with both notes',
    );
  });

  it('another member deletes every record, and the phone shows none', async () => {
    const member = connect(
      `${app.url.replace('http', 'ws')}/sync`,
      app.token('technician', 'Bruno', [missionId]),
      `mission:${missionId}`,
    );
    try {
      await settled(member);
      await waitFor(() => member.provider.synced, 10_000, 'the member synced');
      const notes = member.doc.getMap('notes');
      const stamp = { actor: { name: 'Bruno', device: 'bruno-raw' }, now: new Date().toISOString() };
      for (const id of [...notes.keys()]) setDeleted(member.doc, 'note', id, true, stamp);
      await member.acknowledged();
    } finally {
      member.destroy();
    }
    await technician.page.goto(`${app.url}/missions/${missionId}/notes`);
    await expect.poll(() => shownNotes(technician), { timeout: 15_000 }).toEqual([]);
  });

  it('the coordinator opens History from the overview and restores the version before', async () => {
    coordinator = await joinByInvite(browser, app.url, coordinatorToken, 'Carla Vidal', { lang: 'en' });
    const { page, ui } = coordinator;
    await page.goto(`${app.url}/missions/${missionId}`);
    await ui.link('mission.history').click();
    await page.getByRole('heading', { level: 1, name: h['history.title'] }).waitFor();
    const entry = page.locator('li.history-version').filter({
      has: page.getByRole('heading', { name: new RegExp(`^Version ${before} ·`) }),
    });
    await entry.waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'coordinator: mission history');
    await entry.getByRole('button', { name: h['history.preview'], exact: true }).click();
    await entry.getByText(NOTES[0]!).waitFor();
    await expectAccessible(page, 'coordinator: history preview');
    await entry.getByRole('button', { name: h['history.restore'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Restore version ${before}?` });
    await dialog.waitFor();
    await expectAccessible(page, 'coordinator: restore confirmation');
    await dialog.getByRole('button', { name: h['history.confirm.yes'], exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Restored: 2 records written' })
      .waitFor({ timeout: 15_000 });
  });

  it('both devices show the records again', async () => {
    await expect.poll(() => shownNotes(technician), { timeout: 20_000 }).toEqual(NOTES);
    await coordinator.page.goto(`${app.url}/missions/${missionId}/notes`);
    await expect.poll(() => shownNotes(coordinator), { timeout: 20_000 }).toEqual(NOTES);
  });

  it('a technician is offered no History link', async () => {
    await technician.page.goto(`${app.url}/missions/${missionId}`);
    await technician.ui.link('mission.editMission').waitFor();
    expect(await technician.ui.link('mission.history').count()).toBe(0);
  });

  it('a coordinator working in Portuguese reads the history in Portuguese only', async () => {
    const pt = await joinByInvite(browser, app.url, coordinatorToken, 'Carla Vidal', { lang: 'pt' });
    const { page } = pt;
    await page.goto(`${app.url}/missions/${missionId}/history`);
    const entry = page.locator('li.history-version').first();
    await entry.waitFor({ timeout: 15_000 });
    await entry
      .getByRole('button', { name: historyScreenMessages.pt['history.preview'], exact: true })
      .click();
    await entry.getByText(NOTES[0]!).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'coordinator: mission history (pt)');
    const check = new CatalogueCheck('pt', [...NOTES, 'Riadas en Andorra', 'Anna Puig', 'Bruno', 'Carla']);
    expect((await check.findings(page)).map((f) => `"${f.text}" at ${f.where}`)).toEqual([]);
  });
});
