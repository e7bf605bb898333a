// Review where the work is, in real Chromium against the real sync server: the coordinator comments on an
// assessment and asks for changes; the technician's phone (360×640) shows "changes requested" on its list and the
// comment on that assessment, replies, marks it done and fixes it; the coordinator sees the reply and approves.
// The technician deletes a reply of theirs; the coordinator sees "Reply deleted" and may not delete another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Language } from '../../src/domain/model.ts';
import { reviewMessages } from '../../src/ui/i18n/messages/review.ts';
import { reviewStates } from '../../src/ui/i18n/messages/reviewStates.ts';
import { threadMessages } from '../../src/ui/i18n/messages/threads.ts';
import { expectAccessible } from './support/a11y.ts';
import { PHONE_VIEWPORT, launchChromium } from './support/browser.ts';
import {
  createMission,
  joinByInvite,
  openAssessment,
  saveAssessment,
  syncState,
  type Device,
} from './support/devices.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';

let app: SyncApp;
let browser: Browser;

interface ThreadDevice extends Device {
  review: (typeof reviewMessages)[Language];
  thread: (typeof threadMessages)[Language];
  states: (typeof reviewStates)[Language];
}

async function device(token: string, name: string, lang: Language): Promise<ThreadDevice> {
  const joined = await joinByInvite(browser, app.url, token, name, { lang });
  return {
    ...joined,
    review: reviewMessages[lang],
    thread: threadMessages[lang],
    states: reviewStates[lang],
  };
}

const COMMENT = 'The severity of shelter looks too low for 100 people affected.';
const REPLY = 'Subida a 4 tras la segunda visita.';
const WRONG_REPLY = 'Esto era para otra evaluación.';

let phone: ThreadDevice;
let coordinator: ThreadDevice;
let missionId = '';
let assessmentUrl = '';
let assessmentId = '';

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('review threads on the record, on the technician’s phone', () => {
  it('the technician’s phone records an assessment and syncs it', async () => {
    phone = await device(app.token('technician', 'Anna'), 'Anna Puig', 'es');
    const { page, ui } = phone;
    expect(page.viewportSize()).toEqual(PHONE_VIEWPORT);
    missionId = await createMission(phone, {
      title: 'Refugio en Jama',
      canton: 'EC1320',
      startDate: '2016-06-01',
    });
    await page.goto(`${app.url}/missions/${missionId}/assessments/new`);
    await ui.label('assessments.field.title').fill('Barrio El Matal');
    await ui.label('assessments.addSector').selectOption('shelter');
    await ui.label('assessments.field.severity').selectOption('2');
    await ui.label('assessments.field.affected').fill('100');
    await saveAssessment(phone);
    assessmentUrl = (await page.locator('[data-assessment-id] a').first().getAttribute('href'))!;
    assessmentId = assessmentUrl.split('/').pop()!;
    await syncState(page, 'upToDate');
    await page.goto(`${app.url}/`);
    await page.locator(`[data-mission-id="${missionId}"]`).waitFor();
    expect(await page.locator('[data-review-state]').count()).toBe(0);
  });

  it('the coordinator comments on the assessment and requests changes', async () => {
    coordinator = await device(app.token('coordinator', 'Coordination'), 'Laia Ferrer', 'en');
    const { page } = coordinator;
    const t = coordinator.review;
    await page.locator(`[data-mission-id="${missionId}"]`).waitFor({ timeout: 15_000 });
    await page.goto(`${app.url}/missions/${missionId}`);
    const section = page.getByRole('region', { name: t['review.heading'] });
    await section.getByLabel(t['review.add.target']).selectOption(`assessment:${assessmentId}`);
    await section.getByLabel(t['review.add.text'], { exact: true }).fill(COMMENT);
    await section.getByRole('button', { name: t['review.add.submit'] }).click();
    await section.getByText(COMMENT).waitFor();
    await section.getByLabel(t['review.decide.note']).fill('Please check the shelter figures.');
    await section.getByRole('button', { name: t['review.requestChanges'], exact: true }).click();
    await section.getByText(t['review.decide.saved']).waitFor();
    await syncState(page, 'upToDate');
  });

  it('the phone’s list says "changes requested" and the assessment shows the comment', async () => {
    const { page } = phone;
    // The phone stayed on its list: the change feed brings the review, which the list's row then shows.
    const row = page.locator(`[data-mission-id="${missionId}"]`);
    await row.locator('[data-review-state="changesRequested"]').waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain(phone.states['missions.review.changesRequested']);
    await page
      .getByText(phone.states['missions.review.changesRequestedCount'].replace('{count}', '1'))
      .waitFor();
    await expectAccessible(page, 'technician’s list with changes requested');

    await page.goto(`${app.url}${assessmentUrl}`);
    const comments = page.getByRole('region', { name: phone.thread['thread.heading'] });
    const comment = comments.locator('[data-comment-id]', { hasText: COMMENT });
    await comment.waitFor({ timeout: 10_000 });
    expect(await comment.textContent()).toContain('Laia Ferrer');
    await comments.getByText(phone.thread['thread.decision.changesRequested']).waitFor();
    await expectAccessible(page, 'assessment read view with a review thread');
  });

  it('the technician replies, marks the comment done and fixes the assessment', async () => {
    const { page } = phone;
    const t = phone.thread;
    const comment = page.locator('[data-comment-id]', { hasText: COMMENT });
    await comment.getByLabel(t['thread.reply.label']).fill(REPLY);
    await comment.getByRole('button', { name: t['thread.reply.submit'] }).click();
    await comment.locator('.review-replies').getByText(REPLY).waitFor();
    const toggle = comment.getByRole('button', { name: t['thread.markDone'] });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const box = await toggle.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await comment.locator('[data-done="true"]', { hasText: 'Anna Puig' }).waitFor();
    await expectAccessible(page, 'assessment read view with a reply and a done mark');

    await openAssessment(phone, app.url, assessmentUrl);
    await phone.ui.label('assessments.field.severity').selectOption('4');
    await saveAssessment(phone);
    await syncState(page, 'upToDate');
  });

  it('the coordinator sees the reply and the done mark live, and approves', async () => {
    const { page } = coordinator;
    const section = page.getByRole('region', { name: coordinator.review['review.heading'] });
    const comment = section.locator('[data-comment-id]', { hasText: COMMENT });
    await comment.locator('.review-replies').getByText(REPLY).waitFor({ timeout: 15_000 });
    expect(await comment.locator('.review-replies').textContent()).toContain('Anna Puig');
    await comment.locator('[data-done="true"]', { hasText: 'Anna Puig' }).waitFor();
    await section.getByRole('button', { name: coordinator.review['review.approve'], exact: true }).click();
    await section.getByText(coordinator.review['review.decide.saved']).waitFor();
    await syncState(page, 'upToDate');
    await expectAccessible(page, 'coordinator’s mission with a thread');
  });

  it('the technician sees the mission approved, and the list no longer asks for changes', async () => {
    const { page } = phone;
    await page.goto(`${app.url}/missions/${missionId}`);
    const section = page.getByRole('region', { name: phone.review['review.heading'] });
    await section.locator('[data-review-decision="approved"]').waitFor({ timeout: 15_000 });
    await section.getByText(phone.review['review.decision.approved'], { exact: true }).waitFor();
    // The reply stays with the comment, on the overview too.
    await section.locator('[data-comment-id]', { hasText: COMMENT }).getByText(REPLY).waitFor();
    await page.goto(`${app.url}/`);
    await page.locator(`[data-mission-id="${missionId}"]`).waitFor();
    await expect.poll(() => page.locator('[data-review-state]').count(), { timeout: 10_000 }).toBe(0);
  });

  it('the technician deletes a reply of theirs after confirming, and the coordinator sees it deleted', async () => {
    const { page } = phone;
    const t = phone.thread;
    await page.goto(`${app.url}${assessmentUrl}`);
    const comment = page.locator('[data-comment-id]', { hasText: COMMENT });
    await comment.getByLabel(t['thread.reply.label']).fill(WRONG_REPLY);
    await comment.getByRole('button', { name: t['thread.reply.submit'] }).click();
    const wrong = comment.locator('.review-reply', { hasText: WRONG_REPLY });
    await wrong.waitFor();
    const remove = wrong.getByRole('button', { name: t['thread.reply.delete'] });
    expect((await remove.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await remove.click();
    const dialog = page.getByRole('dialog', { name: t['thread.reply.deleteTitle'] });
    await dialog.waitFor();
    await expectAccessible(page, 'confirming the deletion of a reply');
    await dialog.getByRole('button', { name: t['thread.reply.delete'] }).click();
    await comment.locator('[data-deleted="true"]', { hasText: t['thread.reply.deleted'] }).waitFor();
    expect(await comment.textContent()).not.toContain(WRONG_REPLY);
    // The first reply is still there.
    await comment.getByText(REPLY).waitFor();
    await syncState(page, 'upToDate');

    const coord = coordinator.page;
    const thread = coordinator.thread;
    const section = coord.getByRole('region', { name: coordinator.review['review.heading'] });
    const onLaptop = section.locator('[data-comment-id]', { hasText: COMMENT });
    await onLaptop
      .locator('[data-deleted="true"]', { hasText: thread['thread.reply.deleted'] })
      .waitFor({ timeout: 15_000 });
    expect(await onLaptop.textContent()).not.toContain(WRONG_REPLY);
    await onLaptop.getByText(REPLY).waitFor();
    // Anna's replies are not the coordinator's to delete.
    expect(await onLaptop.getByRole('button', { name: thread['thread.reply.delete'] }).count()).toBe(0);
  });
});
