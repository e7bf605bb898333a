// An observer reads a technician's mission in real Chromium against the real sync server: the mission and its
// note arrive, every screen says why nothing can be changed, no control would write, and nothing waits to sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import { expectAccessible } from './support/a11y.ts';
import { createMission, joinByInvite as joinPhone, type Device } from './support/devices.ts';
import { FieldApp } from './pages/fieldApp.ts';
import type { MessageKey } from '../../src/ui/i18n/catalog.ts';

const NOTE = 'Reunión con el GAD de Pedernales: el agua llega dos días por semana.';

let app: SyncApp;
let browser: Browser;
let missionId = '';
let noteUrl = '';

let technician: Device;
let observer: Device;
/** Every sync state the observer's screens showed, in the status bar or a mission header, on any page load. */
const observerSyncStates = new Set<string>();

const joinByInvite = (token: string, name: string, prepare?: (context: BrowserContext) => Promise<void>) =>
  joinPhone(browser, app.url, token, name, { prepare });

/** Reports each sync state shown (and each one replaced) to the test, across reloads and navigations. */
async function recordSyncStates(context: BrowserContext) {
  await context.exposeBinding('reportSyncState', (_source, state: string) => observerSyncStates.add(state));
  await context.addInitScript(() => {
    const report = (state: string | null) => {
      const binding = (window as unknown as { reportSyncState?: (state: string) => void }).reportSyncState;
      if (state) binding?.(state);
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') report(record.oldValue);
        document
          .querySelectorAll('[data-sync-state]')
          .forEach((el) => report(el.getAttribute('data-sync-state')));
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-sync-state'],
    });
  });
}

/** The controls among `keys` (buttons, links or labelled fields) that are on the observer's screen now. */
async function offered(
  ui: FieldApp,
  keys: { buttons?: MessageKey[]; links?: MessageKey[]; labels?: MessageKey[] },
) {
  const found: string[] = [];
  for (const key of keys.buttons ?? []) if ((await ui.button(key).count()) > 0) found.push(key);
  for (const key of keys.links ?? []) if ((await ui.link(key).count()) > 0) found.push(key);
  for (const key of keys.labels ?? []) if ((await ui.label(key).count()) > 0) found.push(key);
  return found;
}

const MISSION_EDITS = {
  buttons: ['action.save', 'action.delete', 'action.restore'] as MessageKey[],
  links: [
    'mission.newNote',
    'mission.newAssessment',
    'mission.newAction',
    'mission.editMission',
  ] as MessageKey[],
};
const NOTE_EDITS = {
  buttons: ['action.save', 'action.delete', 'action.remove', 'note.gps.add'] as MessageKey[],
  labels: ['photos.take', 'photos.choose', 'note.links.add'] as MessageKey[],
};

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('an observer assigned to a mission reads it and is offered no change', () => {
  it('a technician creates a mission with a note and it reaches the server', async () => {
    technician = await joinByInvite(app.token('technician', 'Anna'), 'Anna Puig');
    const { page, ui } = technician;
    missionId = await createMission(technician, {
      title: 'Agua para Pedernales',
      canton: 'EC1317',
      startDate: '2016-05-02',
    });
    await ui.link('mission.newNote').click();
    await ui.label('note.text').waitFor();
    await page.keyboard.type(NOTE);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    noteUrl = new URL(page.url()).pathname;
    await page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 15_000 });
  });

  it('the observer signs in by invite link and finds the mission in a list without New mission', async () => {
    observer = await joinByInvite(app.token('observer', 'Olga', [missionId]), 'Olga Serra', recordSyncStates);
    const { page, ui } = observer;
    await page
      .locator(`[data-mission-id="${missionId}"]`, { hasText: 'Agua para Pedernales' })
      .waitFor({ timeout: 15_000 });
    expect(await offered(ui, { links: ['missions.new'] })).toEqual([]);
    expect(await ui.link('nav.settings').count()).toBe(1);
  });

  it('the mission screen says the observer can read but not change it, on every tab', async () => {
    const { page, ui } = observer;
    await page.locator(`[data-mission-id="${missionId}"] a`).click();
    await page.getByRole('heading', { level: 1, name: 'Agua para Pedernales' }).waitFor();
    await page.getByText(ui.t('readOnly.observer')).waitFor();
    expect(await offered(ui, MISSION_EDITS)).toEqual([]);
    await expectAccessible(page, 'observer: mission overview');
    for (const tab of ['mission.tab.assessments', 'mission.tab.actions', 'mission.tab.notes'] as const) {
      await ui.tab(tab).click();
      await page.waitForURL(new RegExp(`/missions/${missionId}/\\w+$`));
      await page.getByText(ui.t('readOnly.observer')).waitFor();
      expect({ tab, offered: await offered(ui, MISSION_EDITS) }).toEqual({ tab, offered: [] });
    }
    await page.getByText(NOTE).waitFor();
  });

  it('the note shows its text in controls that cannot be changed, and follows the technician’s edits', async () => {
    const { page, ui } = observer;
    await page.getByText(NOTE).click();
    await page.waitForURL(`**${noteUrl}`);
    await page.getByText(ui.t('readOnly.observer')).waitFor();
    const text = ui.label('note.text');
    await expect.poll(() => text.inputValue(), { timeout: 10_000 }).toBe(NOTE);
    const fields = page.locator('.note-screen').locator('input, textarea, select');
    expect(await fields.count()).toBeGreaterThan(0);
    for (const field of await fields.all()) expect(await field.isEditable()).toBe(false);
    expect(await offered(ui, NOTE_EDITS)).toEqual([]);
    await expectAccessible(page, 'observer: note');

    await technician.ui.label('note.text').press('End');
    await technician.page.keyboard.type(' Hay acuerdo.');
    await expect.poll(() => text.inputValue(), { timeout: 10_000 }).toBe(`${NOTE} Hay acuerdo.`);
  });

  it('the new-note address shows the notice and the way back instead of a form', async () => {
    const { page, ui } = observer;
    await page.goto(`${app.url}/missions/${missionId}/notes/new`);
    await page.getByText(ui.t('readOnly.observer')).waitFor();
    expect(await ui.label('note.text').count()).toBe(0);
    await ui.link('note.backToNotes').click();
    await page.waitForURL(`**/missions/${missionId}/notes`);
    await page.getByText(`${NOTE} Hay acuerdo.`).waitFor();
  });

  it('the observer’s device never had changes waiting for the server', async () => {
    const { page } = observer;
    await page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 15_000 });
    expect(observerSyncStates.has('upToDate')).toBe(true);
    expect([...observerSyncStates]).not.toContain('pending');
  });
});
