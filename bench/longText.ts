// Typing in a very long note (a pasted 2 MB document): keystroke-to-disk latency and the longest main-thread task.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { createMission, createRecord, type Stamp } from '../src/storage/missionDoc.ts';
import { launchChromium, PHONE } from '../tests/e2e/support/browser.ts';
import { MISSION_ID, percentile, seed } from './fieldApp.ts';

export interface LongTextFigures {
  noteChars: number;
  keystrokeToDiskMs: { p50: number; p95: number; samples: number };
  longestTaskMs: number;
}

export const NOTE_ID = '0d7e5a52-93c1-4f0a-b5a8-3c1f6e2d4b70';
const stamp: Stamp = { actor: { name: 'Bench', device: 'bench-device' }, now: '2016-05-01T12:00:00.000Z' };
const PARAGRAPH =
  'Acta de la reunión con la dirección de planificación del GAD municipal: se revisó el catastro de viviendas ' +
  'afectadas en el malecón y en los barrios altos, con la lista de predios pendientes de inspección.\n';

/** A mission holding one note of about `chars` characters, as a Yjs update. */
export function seedLongNote(chars: number): Uint8Array {
  const doc = new Y.Doc();
  createMission(doc, { title: 'Jama — documento largo', hostCanton: 'EC1320', status: 2 }, stamp);
  const text = PARAGRAPH.repeat(Math.ceil(chars / PARAGRAPH.length)).slice(0, chars);
  createRecord(doc, 'note', NOTE_ID, { text }, stamp);
  return Y.encodeStateAsUpdate(doc);
}

/** Types `count` characters in the middle of the note, as a fast thumb does, and times each until on disk. */
async function typeInTheMiddle(page: Page, count: number) {
  const textarea = page.locator('textarea[name="text"]');
  await textarea.waitFor();
  await page.waitForFunction(() => (document.querySelector('textarea')?.value.length ?? 0) > 0);
  await textarea.evaluate((field: HTMLTextAreaElement) => {
    field.focus();
    const middle = Math.floor(field.value.length / 2);
    field.setSelectionRange(middle, middle);
  });
  await page.evaluate(() => {
    const w = window as unknown as { keyTimes: number[]; saves: number[]; longest: number };
    w.keyTimes = [];
    w.saves = [];
    w.longest = 0;
    addEventListener('keydown', () => w.keyTimes.push(performance.now()), true);
    addEventListener('minga:saved', (e) => {
      const queuedAt = (e as CustomEvent<{ newestQueuedAt: number }>).detail.newestQueuedAt;
      w.saves.push(queuedAt, performance.now());
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const text = 'Se acordó revisar el catastro de viviendas afectadas con la dirección de planificación. ';
  for (let i = 0; i < count; i++) {
    await page.keyboard.type(text[i % text.length]!);
    await page.waitForTimeout(60 + (i % 5) * 20);
  }
  await page.waitForTimeout(1500);
  const { keyTimes, saves, longest } = await page.evaluate(() => {
    const w = window as unknown as { keyTimes: number[]; saves: number[]; longest: number };
    return { keyTimes: w.keyTimes, saves: w.saves, longest: w.longest };
  });
  const latencies = keyTimes
    .map((keyAt) => {
      for (let i = 0; i < saves.length; i += 2) if (saves[i]! >= keyAt) return saves[i + 1]! - keyAt;
      return Number.NaN;
    })
    .filter((v) => !Number.isNaN(v));
  return { latencies, longest };
}

export async function measureLongText(url: string, chars = 2_000_000, keys = 80): Promise<LongTextFigures> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await seed(page, seedLongNote(chars));
    await page.goto(url);
    await page.locator(`[data-mission-id="${MISSION_ID}"]`).waitFor();
    await page.goto(`${url}/missions/${MISSION_ID}/notes/${NOTE_ID}`);
    const { latencies, longest } = await typeInTheMiddle(page, keys);
    await context.close();
    return {
      noteChars: chars,
      keystrokeToDiskMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        samples: latencies.length,
      },
      longestTaskMs: longest,
    };
  } finally {
    await browser.close();
  }
}
