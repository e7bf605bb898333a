// Every edit survives the merge (docs/merge.md): two phones change different fields of one sector and of one
// assessment, offline and with a form left open while the other's edit arrives; after reconnecting, both phones and
// a third device that holds nothing but what the real server sends have every edit. Real Chromium, built app.
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

let app: SyncApp;
let browser: Browser;
let missionId = '';
let assessmentUrl = '';
let phoneA: Device;
let phoneB: Device;

/** Every value the test changed, as the assessment form shows it. */
async function shown(d: Device) {
  const value = (key: Parameters<Device['ui']['label']>[0]) => d.ui.label(key).inputValue();
  return {
    title: await value('assessments.field.title'),
    informantRole: await value('assessments.field.informantRole'),
    parish: await value('assessments.field.parish'),
    severity: await value('assessments.field.severity'),
    affected: await value('assessments.field.affected'),
    inNeed: await value('assessments.field.inNeed'),
    women: await value('assessments.field.women'),
    children: await value('assessments.field.children'),
  };
}

const everyEdit = {
  title: 'Barrio El Matal (norte)',
  informantRole: 'presidenta del barrio',
  parish: 'Jama',
  severity: '5',
  affected: '250',
  inNeed: '120',
  women: '130',
  children: '90',
};

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('every edit survives the merge', () => {
  it('phone A records an assessment with one sector; phone B, assigned, receives it', async () => {
    phoneA = await joinByInvite(browser, app.url, app.token('technician', 'Anna'), 'Anna Puig');
    missionId = await createMission(phoneA, { title: 'Jama', canton: 'EC1320', startDate: '2016-06-01' });
    const { page, ui } = phoneA;
    await page.goto(`${app.url}/missions/${missionId}/assessments/new`);
    await ui.label('assessments.field.title').fill('Barrio El Matal');
    await ui.label('assessments.addSector').selectOption('shelter');
    await ui.label('assessments.field.severity').selectOption('3');
    await ui.label('assessments.field.affected').fill('100');
    await saveAssessment(phoneA);
    assessmentUrl = (await page.locator('[data-assessment-id] a').first().getAttribute('href'))!;
    await syncState(page, 'upToDate');

    phoneB = await joinByInvite(
      browser,
      app.url,
      app.token('technician', 'Jordi', [missionId]),
      'Jordi Vila',
    );
    await openAssessment(phoneB, app.url, assessmentUrl);
    expect(await phoneB.ui.label('assessments.field.affected').inputValue()).toBe('100');
  });

  it('offline, A changes the sector’s severity and B its people affected and in need, and other fields', async () => {
    for (const d of [phoneA, phoneB]) {
      await goOffline(d);
      await syncState(d.page, 'offline');
    }
    await openAssessment(phoneA, app.url, assessmentUrl);
    await phoneA.ui.label('assessments.field.severity').selectOption('5');
    await phoneA.ui.label('assessments.field.parish').fill('Jama');
    await saveAssessment(phoneA);

    await openAssessment(phoneB, app.url, assessmentUrl);
    await phoneB.ui.label('assessments.field.affected').fill('250');
    await phoneB.ui.label('assessments.field.inNeed').fill('120');
    await phoneB.ui.label('assessments.field.title').fill('Barrio El Matal (norte)');
    await saveAssessment(phoneB);
  });

  it('online again, B leaves the form open while A’s edit arrives, then saves its own', async () => {
    for (const d of [phoneA, phoneB]) {
      await d.context.setOffline(false);
      await syncState(d.page, 'upToDate');
    }
    await openAssessment(phoneB, app.url, assessmentUrl);
    await phoneB.ui.label('assessments.field.informantRole').fill('presidenta del barrio');
    await openAssessment(phoneA, app.url, assessmentUrl);
    await phoneA.ui.label('assessments.field.women').fill('130');
    await phoneA.ui.label('assessments.field.children').fill('90');
    await saveAssessment(phoneA);
    await syncState(phoneA.page, 'upToDate');
    // B's form opened before A's breakdown arrived; saving it must not write the old, empty breakdown back.
    await saveAssessment(phoneB);
    await syncState(phoneB.page, 'upToDate');
  });

  it('both phones and a third device fed only by the server hold every edit', async () => {
    const coordinator = await joinByInvite(browser, app.url, app.token('coordinator', 'Laia'), 'Laia Ferrer');
    for (const d of [phoneA, phoneB, coordinator]) {
      await openAssessment(d, app.url, assessmentUrl);
      await expect.poll(() => shown(d), { timeout: 15_000 }).toEqual(everyEdit);
    }
    await coordinator.context.close();
  });

  it('tags typed into a note, without leaving the field, are there after a reload', async () => {
    const { page, ui } = phoneA;
    await page.goto(`${app.url}/missions/${missionId}`);
    await ui.button('mission.newNote').or(ui.link('mission.newNote')).first().click();
    await ui.label('note.text').waitFor();
    await page.keyboard.type('Visita al pozo.');
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await ui.label('note.tags').click();
    await page.keyboard.type('agua, pozo');
    await ui.saved();
    await page.reload();
    await expect.poll(() => ui.label('note.tags').inputValue(), { timeout: 10_000 }).toBe('agua, pozo');
  });
});
