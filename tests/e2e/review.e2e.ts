// A mission's review across devices, in real Chromium against the real sync server: the coordinator approves and
// comments on a technician's note; the technician's phone shows it read-only, and still does offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Language } from '../../src/domain/model.ts';
import { reviewMessages } from '../../src/ui/i18n/messages/review.ts';
import { threadMessages } from '../../src/ui/i18n/messages/threads.ts';
import { expectAccessible } from './support/a11y.ts';
import { createMission, goOffline, joinByInvite, type Device } from './support/devices.ts';
import { launchChromium } from './support/browser.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';

let app: SyncApp;
let browser: Browser;

interface ReviewDevice extends Device {
  review: (typeof reviewMessages)[Language];
}

async function device(token: string, name: string, lang: Language): Promise<ReviewDevice> {
  const joined = await joinByInvite(browser, app.url, token, name, { lang });
  return { ...joined, review: reviewMessages[lang] };
}

const reviewSection = (d: ReviewDevice) => d.page.getByRole('region', { name: d.review['review.heading'] });

let phone: ReviewDevice;
let coordinator: ReviewDevice;
let missionId = '';
let noteId = '';

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a mission’s review, written by the coordinator and read on the technician’s phone', () => {
  it('the technician’s phone creates a mission with a note and syncs it', async () => {
    phone = await device(app.token('technician', 'Anna'), 'Anna Puig', 'es');
    const { page, ui } = phone;
    missionId = await createMission(phone, {
      title: 'Agua potable en Jama',
      canton: 'EC1320',
      startDate: '2016-06-01',
    });
    await ui.link('mission.newNote').click();
    await ui.label('note.text').waitFor();
    await page.keyboard.type('Pozo contaminado en el barrio Eloy Alfaro.');
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    noteId = new URL(page.url()).pathname.split('/').pop()!;
    await page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 15_000 });
    await page.goto(`${app.url}/missions/${missionId}`);
    // Nothing decided yet, and nothing a technician could change.
    const section = reviewSection(phone);
    await section.getByText(phone.review['review.notReviewed']).waitFor();
    expect(await section.getByRole('button').count()).toBe(0);
  });

  it('the coordinator finds the mission, approves it with a note and comments on the note', async () => {
    coordinator = await device(app.token('coordinator', 'Coordinació'), 'Laia Ferrer', 'ca');
    const { page } = coordinator;
    // A coordinator's device discovers every mission the server holds.
    await page.locator(`[data-mission-id="${missionId}"]`).waitFor({ timeout: 15_000 });
    await page.goto(`${app.url}/missions/${missionId}`);
    const section = reviewSection(coordinator);
    const t = coordinator.review;
    await section.getByLabel(t['review.decide.note']).fill('Bona feina. Cal repetir l’anàlisi a l’agost.');
    await section.getByRole('button', { name: t['review.approve'], exact: true }).click();
    await section.getByText(t['review.decide.saved']).waitFor();
    await section.getByLabel(t['review.add.target']).selectOption(`note:${noteId}`);
    await section.getByLabel(t['review.add.text'], { exact: true }).fill('Afegiu-hi la foto del pou.');
    await section.getByRole('button', { name: t['review.add.submit'] }).click();
    await section.getByText('Afegiu-hi la foto del pou.').waitFor();
    await page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'coordinator’s mission screen with its review');
  });

  it('the technician’s phone shows the decision and the comment live, with no review controls', async () => {
    const { page } = phone;
    const section = reviewSection(phone);
    const t = phone.review;
    // The phone kept the mission open all along: the review arrives over its live connection.
    const started = Date.now();
    await section.locator('[data-review-decision="approved"]').waitFor({ timeout: 10_000 });
    console.info(`review: the decision reached the open mission screen in ${Date.now() - started} ms`);
    await section.getByText(t['review.decision.approved'], { exact: true }).waitFor();
    await section.getByText('Bona feina. Cal repetir l’anàlisi a l’agost.').waitFor();
    const comment = section.locator('[data-comment-id]', { hasText: 'Afegiu-hi la foto del pou.' });
    await comment.waitFor();
    expect(await comment.textContent()).toContain('Laia Ferrer');
    const target = comment.getByRole('link', { name: 'Nota: Pozo contaminado en el barrio Eloy Alfaro.' });
    expect(await target.getAttribute('href')).toBe(`/missions/${missionId}/notes/${noteId}`);
    // No decision or comment control: only the reply to the comment, which lives in the mission (M14).
    const reply = threadMessages.es;
    expect(await section.getByRole('button').allTextContents()).toEqual([reply['thread.reply.submit']]);
    expect(await section.getByRole('textbox').count()).toBe(1);
    await section.getByRole('textbox', { name: reply['thread.reply.label'] }).waitFor();
    expect(await page.locator('.mission-sync').getAttribute('data-sync-state')).toBe('upToDate');
    await expectAccessible(page, 'technician’s mission screen with a review');
  });

  it('offline and reloaded, the phone still shows the review it stored', async () => {
    const { page, context } = phone;
    await goOffline(phone);
    await page.reload();
    await page.locator('.statusbar [data-sync-state="offline"]').waitFor();
    const section = reviewSection(phone);
    await section.locator('[data-review-decision="approved"]').waitFor({ timeout: 10_000 });
    await section.getByText('Afegiu-hi la foto del pou.').waitFor();
    await context.setOffline(false);
  });
});
