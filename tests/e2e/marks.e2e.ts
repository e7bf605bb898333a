// [M2] Two phones change the same field offline: after reconnecting, the form shows both values and who wrote
// each, one tap keeps one on every device; a colleague's change arriving while a form is open shows in an untouched
// field and is announced beside a field being edited. Every state checked with axe and the 44 px rule at 360×640.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import {
  createMission,
  goOffline,
  joinByInvite,
  openAssessment,
  saveAssessment,
  syncState,
  type Device,
} from './support/devices.ts';
import { expectAccessible } from './support/a11y.ts';

let app: SyncApp;
let browser: Browser;
let missionId = '';
let assessmentUrl = '';
let phoneA: Device;
let phoneB: Device;

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a field changed on two phones', () => {
  it('is shown with both values and settled with one tap on every phone', async () => {
    phoneA = await joinByInvite(browser, app.url, app.token('technician', 'Anna'), 'Anna Puig');
    missionId = await createMission(phoneA, { title: 'Jama', canton: 'EC1320', startDate: '2016-06-01' });
    await phoneA.page.goto(`${app.url}/missions/${missionId}/assessments/new`);
    await phoneA.ui.label('assessments.field.title').fill('Barrio El Matal');
    await saveAssessment(phoneA);
    assessmentUrl = (await phoneA.page.locator('[data-assessment-id] a').first().getAttribute('href'))!;
    await syncState(phoneA.page, 'upToDate');
    phoneB = await joinByInvite(
      browser,
      app.url,
      app.token('technician', 'Jordi', [missionId]),
      'Jordi Vila',
    );
    await openAssessment(phoneB, app.url, assessmentUrl);

    for (const d of [phoneA, phoneB]) {
      await goOffline(d);
      await syncState(d.page, 'offline');
    }
    await openAssessment(phoneA, app.url, assessmentUrl);
    await phoneA.ui.label('assessments.field.title').fill('Barrio El Matal norte');
    await saveAssessment(phoneA);
    await openAssessment(phoneB, app.url, assessmentUrl);
    await phoneB.ui.label('assessments.field.title').fill('Barrio El Matal sur');
    await saveAssessment(phoneB);
    for (const d of [phoneA, phoneB]) {
      await d.context.setOffline(false);
      await syncState(d.page, 'upToDate');
    }

    const { page, ui } = phoneA;
    await page.locator('[data-assessment-id]').getByText(ui.t('marks.listConflict')).waitFor();
    await expectAccessible(page, 'assessment list with a record changed on two devices');
    await openAssessment(phoneA, app.url, assessmentUrl);
    await page.getByText(ui.t('marks.conflict')).waitFor();
    await expectAccessible(page, 'assessment form with a field changed on two devices');
    await page
      .getByRole('button', { name: new RegExp(`^${ui.t('marks.keep')} \\(Barrio El Matal sur\\)`) })
      .click();
    await page.getByText(ui.t('marks.conflict')).waitFor({ state: 'detached' });
    await expect.poll(() => ui.label('assessments.field.title').inputValue()).toBe('Barrio El Matal sur');
    await syncState(page, 'upToDate');

    await openAssessment(phoneB, app.url, assessmentUrl);
    await expect
      .poll(() => phoneB.ui.label('assessments.field.title').inputValue())
      .toBe('Barrio El Matal sur');
    expect(await phoneB.page.getByText(phoneB.ui.t('marks.conflict')).count()).toBe(0);
  });

  it('an open form takes a colleague’s change to an untouched field and announces one to a field being edited', async () => {
    await openAssessment(phoneA, app.url, assessmentUrl);
    await phoneA.ui.label('assessments.field.informantRole').fill('presidenta del barrio');
    await openAssessment(phoneB, app.url, assessmentUrl);
    await phoneB.ui.label('assessments.field.parish').fill('Jama');
    await phoneB.ui.label('assessments.field.informantRole').fill('párroco');
    await saveAssessment(phoneB);
    await syncState(phoneB.page, 'upToDate');

    const { page, ui } = phoneA;
    await expect
      .poll(() => ui.label('assessments.field.parish').inputValue(), { timeout: 15_000 })
      .toBe('Jama');
    await page.getByText(ui.t('marks.colleague', { value: 'párroco' })).waitFor();
    expect(await ui.label('assessments.field.informantRole', false).inputValue()).toBe(
      'presidenta del barrio',
    );
    await expectAccessible(page, 'assessment form with a colleague’s change meanwhile');
  });
});
