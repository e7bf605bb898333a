// The built app under the server's content security policy: setting up, a mission, a note and a photo, and
// syncing them, without one violation (no inline script or style, nothing loaded from elsewhere).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { createMission, joinByInvite, syncState, type Device } from './support/devices.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import { makeJpeg } from './pages/fieldApp.ts';

let app: SyncApp;
let browser: Browser;
let device: Device;
const violations: string[] = [];

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await device?.context.close();
  await browser?.close();
  await app?.close();
});

describe('content security policy', () => {
  it('serves the app with a policy that forbids inline script', async () => {
    const res = await fetch(`${app.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('runs setup, a mission, a note and a photo, synced, without a violation', async () => {
    const token = app.token('technician', 'Anna Puig');
    device = await joinByInvite(browser, app.url, token, 'Anna Puig', {
      lang: 'ca',
      prepare: async (context) => {
        await context.exposeBinding('reportViolation', (_source, text: string) => violations.push(text));
        await context.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) => {
            const report = (window as unknown as { reportViolation(text: string): void }).reportViolation;
            report(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
          });
        });
        context.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
        });
      },
    });
    const { page, ui } = device;
    await createMission(device, { title: 'Pla de Pedernales', canton: 'EC1317', startDate: '2016-05-02' });

    await ui.button('mission.newNote').or(ui.link('mission.newNote')).first().click();
    await ui.label('note.text').waitFor();
    await page.keyboard.type('Reunió amb la direcció de planificació.');
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await ui.saved();
    await page.goBack();

    await ui.tab('mission.tab.assessments').click();
    await ui.link('mission.newAssessment').click();
    await ui.label('assessments.field.title').fill('Barri Tarqui');
    const photo = await makeJpeg(page);
    await ui
      .label('photos.choose')
      .setInputFiles({ name: 'tarqui.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('.thumbs img').first().waitFor();
    await ui.button('action.save').click();
    await page.locator('[data-assessment-id]', { hasText: 'Barri Tarqui' }).waitFor();
    await syncState(page, 'upToDate');
    // The photo is shown from its stored blob, and the service worker is registered, under the policy.
    await page.reload();
    await page.locator('[data-assessment-id]', { hasText: 'Barri Tarqui' }).waitFor();
    expect(violations).toEqual([]);
    // The listener does see a violation: an inline script is blocked and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toContain('script-src');
    expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
  });
});
