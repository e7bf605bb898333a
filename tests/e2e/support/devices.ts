// Phones for the sync tests: a fresh browser context signed in by its invite link, and a mission made on it.
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { FieldApp } from '../pages/fieldApp.ts';

export { joinByInvite, type JoinOptions } from './join.ts';

export interface Device {
  context: BrowserContext;
  page: Page;
  ui: FieldApp;
}

/** Creates a mission from the list and returns its id once its screen is up. */
export async function createMission(
  { page, ui }: Device,
  mission: { title: string; canton: string; startDate: string },
): Promise<string> {
  await ui.link('missions.new').first().click();
  await ui.label('missions.field.title').fill(mission.title);
  await ui.label('missions.field.hostCanton').selectOption(mission.canton);
  await ui.label('missions.field.startDate').fill(mission.startDate);
  await ui.button('action.save').click();
  await page.getByRole('heading', { name: mission.title }).waitFor();
  return new URL(page.url()).pathname.split('/')[2]!;
}

/**
 * Cuts a phone's network once its service worker controls the page: until then (precaching on a busy machine)
 * an offline navigation has nothing to serve it and fails as "disconnected", which is not what a test is about.
 */
export async function goOffline(d: Device): Promise<void> {
  const controlled = (timeout: number) =>
    d.page
      .waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout })
      .then(() => true)
      .catch(() => false);
  // Precaching every lazy screen (the desk, the QR decoder…) can take most of a minute beside a full test run.
  // An install that failed on the way (one precache request refused by a busy server) is tried again at the next
  // load, as a person's next visit would: then the worker gets one more minute.
  if (!(await controlled(60_000))) {
    await d.page.reload();
    if (!(await controlled(60_000)))
      throw new Error(`no service worker controls ${d.page.url()} after a reload`);
  }
  await d.context.setOffline(true);
}

/** Waits for the status bar's sync chip to reach a state. */
export async function syncState(page: Page, state: string): Promise<void> {
  await page.locator(`.statusbar [data-sync-state="${state}"]`).waitFor({ timeout: 15_000 });
}

/** Opens the form of an assessment (`path`: its read view, as linked from the list) and waits for its values. */
export async function openAssessment(d: Device, appUrl: string, path: string): Promise<void> {
  await d.page.goto(`${appUrl}${path}/edit`);
  try {
    await expect
      .poll(() => d.ui.label('assessments.field.title').inputValue(), { timeout: 10_000 })
      .not.toBe('');
  } catch (error) {
    // What the phone shows instead, so that a failure says why the form stayed empty.
    const screen = await d.page
      .evaluate(() => ({
        chip: document.querySelector('.statusbar [data-sync-state]')?.getAttribute('data-sync-state'),
        text: (document.querySelector('main') ?? document.body).textContent?.slice(0, 400),
      }))
      .catch((cause: unknown) => String(cause));
    throw new Error(`the assessment form at ${d.page.url()} stayed empty: ${JSON.stringify(screen)}`, {
      cause: error,
    });
  }
}

/** Saves the open assessment form and waits until it is on disk and the list is back. */
export async function saveAssessment(d: Device): Promise<void> {
  await d.ui.button('action.save').click();
  await d.page.locator('[data-assessment-id]').first().waitFor();
  await d.ui.saved();
}
