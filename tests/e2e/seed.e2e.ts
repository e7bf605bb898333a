// A newcomer's desk: `npm run seed` fills the running server's data directory, and a coordinator who opens the
// printed invite link finds every demo mission, its records, its review and its photos, in real Chromium.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MissionId } from '../../src/domain/ids.ts';
import { seedMission, type SeedOptions } from '../../src/server/seed/programme.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import { MissionView } from '../../src/storage/missionView.ts';
import { expectAccessible } from './support/a11y.ts';
import { launchChromium } from './support/browser.ts';
import { joinByInvite, type Device } from './support/devices.ts';
import { startSyncApp, type SyncApp } from './support/server.ts';
import { NODE } from '../server/syncHarness.ts';

const OPTIONS: SeedOptions = {
  missions: 3,
  seed: 'e2e-desk',
  photos: 4,
  from: '2016-04-20',
  to: '2017-12-10',
};

let app: SyncApp;
let browser: Browser;
let stdout = '';
let coordinator: Device;

beforeAll(async () => {
  app = await startSyncApp();
  browser = await launchChromium();
  // While the server runs, as programme staff would: the server reads what the command wrote.
  const args = ['--missions', '3', '--seed', OPTIONS.seed, '--photos', '4', '--url', app.url];
  ({ stdout } = await promisify(execFile)(NODE, ['src/server/seed.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: app.dataDir },
  }));
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the demo programme on a coordinator’s desk', () => {
  const missions = [0, 1, 2].map((i) => seedMission(OPTIONS, i));

  it('opens the printed invite link and lists every seeded mission', async () => {
    const token = stdout.trim().split('\n').at(-1)!;
    expect(stdout).toContain(`open the desk: ${app.url}/join#token=${token}`);
    coordinator = await joinByInvite(browser, app.url, token, 'Laia Ferrer', { lang: 'es' });
    const { page } = coordinator;
    for (const mission of missions) {
      const row = page.locator(`[data-mission-id="${mission.id}"]`);
      await row.waitFor({ timeout: 20_000 });
      expect(await row.textContent()).toContain(mission.title);
    }
    await expectAccessible(page, 'coordinator’s desk with the demo programme');
  });

  it('shows a seeded record with its photo, downloaded from the server', async () => {
    const mission = missions[0]!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mission.mission);
    const read = new MissionView(doc, mission.id as MissionId).snapshot();
    const note = read.notes.find((n) => n.photos.length > 0);
    const assessment = read.assessments.find((a) => a.photos.length > 0);
    const path = note
      ? `/missions/${mission.id}/notes/${note.id}`
      : `/missions/${mission.id}/assessments/${assessment!.id}`;
    const { page } = coordinator;
    await page.goto(`${app.url}${path}`);
    await page.waitForFunction(
      () => {
        const image = document.querySelector<HTMLImageElement>('.thumbs img');
        return image !== null && image.complete && image.naturalWidth > 0;
      },
      null,
      { timeout: 20_000 },
    );
    await expectAccessible(page, 'a seeded record with its photo');
  });
});
