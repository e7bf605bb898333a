// Lighthouse performance (mobile preset) of the built app: a cold first visit, then a warm visit served by the
// service worker. Run alone with `node bench/lighthouse.ts` (serves dist/ itself) or call runLighthouse(url).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type RunnerResult } from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/browser.ts';
import { startBuiltApp } from '../tests/e2e/support/server.ts';

/** Medians over RUNS runs of each kind, and every run's score (a single run's blocking time is noisy). */
export interface LighthouseFigures {
  coldScore: number;
  coldLcpMs: number;
  warmScore: number;
  warmLcpMs: number;
  coldScores: number[];
  warmScores: number[];
}

const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function figures(result: RunnerResult | undefined): { score: number; lcpMs: number } {
  const lhr = result?.lhr;
  if (!lhr) throw new Error('Lighthouse returned no result');
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  const lcp = lhr.audits['largest-contentful-paint']?.numericValue;
  if (score == null || lcp === undefined)
    throw new Error('Lighthouse result lacks the performance score or LCP');
  return { score: Math.round(score * 100), lcpMs: Math.round(lcp) };
}

/**
 * Between the runs: let the service worker install and take control, and answer the first-run setup, so the
 * warm run measures what a technician opens every day (the mission list) from the service worker's cache.
 */
async function warmUp(port: number, url: string): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Your name').fill('Lighthouse');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'New mission' }).first().waitFor();
    await page.close();
  } finally {
    // Disconnects only: the browser belongs to chrome-launcher.
    await browser.close();
  }
}

export async function runLighthouse(url: string): Promise<LighthouseFigures> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'minga-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    userDataDir,
  });
  try {
    const base: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    };
    // Default config = mobile form factor with simulated slow-4G throttling. Storage is cleared first: cold.
    const cold = [];
    for (let run = 0; run < RUNS; run++) cold.push(figures(await lighthouse(url, base)));
    await warmUp(chrome.port, url);
    const warm = [];
    for (let run = 0; run < RUNS; run++)
      warm.push(figures(await lighthouse(url, { ...base, disableStorageReset: true })));
    return {
      coldScore: median(cold.map((run) => run.score)),
      coldLcpMs: median(cold.map((run) => run.lcpMs)),
      warmScore: median(warm.map((run) => run.score)),
      warmLcpMs: median(warm.map((run) => run.lcpMs)),
      coldScores: cold.map((run) => run.score),
      warmScores: warm.map((run) => run.score),
    };
  } finally {
    chrome.kill();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const app = await startBuiltApp();
  try {
    console.info(JSON.stringify(await runLighthouse(`${app.url}/`), null, 2));
  } finally {
    await app.close();
  }
}
