// Runs tests/webkit/support/webview.py: a WebKitGTK view with a persistent data directory (a browser that keeps
// its IndexedDB, caches and service workers between runs, as Safari does), driven by JavaScript steps.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's python3, which has python3-gi and gir1.2-webkit2-4.1 (not a python of another installation). */
export const PYTHON_PATH = '/usr/bin/python3';
const PROGRAM = path.join(path.dirname(fileURLToPath(import.meta.url)), 'webview.py');

export interface ViewRun {
  ready: { ephemeral: boolean; webkit: string };
  /** One entry per step, in order: what the step's function returned, or why it threw. */
  results: ({ ok: true; value: unknown } | { ok: false; error: string })[];
}

export interface ViewOptions {
  display: string;
  dataDir: string;
  url: string;
  /** Async function bodies run in the page one after the other, after the first load. */
  steps: string[];
  ephemeral?: boolean;
}

/** Opens the view, runs the steps, closes it. Rejects if the program fails before reporting its results. */
export function runWebView(options: ViewOptions): Promise<ViewRun> {
  if (!existsSync(PYTHON_PATH)) {
    throw new Error(`${PYTHON_PATH} not found: run .ci/ensure-webkit.sh (apt-get install -y python3-gi)`);
  }
  const args = [PROGRAM, '--data-dir', options.dataDir, '--url', options.url];
  if (options.ephemeral) args.push('--ephemeral');
  const child = spawn(PYTHON_PATH, args, {
    env: { ...process.env, DISPLAY: options.display },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(JSON.stringify(options.steps));
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const lines = out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const [ready, ...results] = lines;
      if (!ready?.ready) {
        reject(new Error(`webview.py exited (${code}) before the page loaded:\n${out}\n${err.slice(-2000)}`));
        return;
      }
      resolve({ ready: ready as unknown as ViewRun['ready'], results: results as ViewRun['results'] });
    });
  });
}

/**
 * Helpers every step may use, put before its body: waiting, finding controls by their visible label or text,
 * typing and choosing as the page's own event handlers expect (input and change events).
 */
export const PAGE_HELPERS = `
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const waitFor = async (what, probe, timeoutMs = 20000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found) return found;
      if (Date.now() > deadline) throw new Error('timed out waiting for ' + what + '\\n' + document.body.innerText);
      await sleep(100);
    }
  };
  const byLabel = (text) => waitFor('the field ' + text, () => {
    for (const label of document.querySelectorAll('label')) {
      if (label.textContent.trim() === text) return document.getElementById(label.htmlFor);
    }
    return null;
  });
  const byText = (text) => waitFor(text, () =>
    [...document.querySelectorAll('a, button')].find((element) => element.textContent.trim() === text));
  const type = (element, value) => {
    element.focus();
    element.value = value;
    element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const saved = () => waitFor('saved', () => document.querySelector('[data-save-state="saved"]'));
  const thumbnail = () => waitFor('a photo thumbnail', () => {
    const image = document.querySelector('.thumbs img');
    return image && image.complete && image.naturalWidth > 0
      ? { width: image.naturalWidth, height: image.naturalHeight } : null;
  });
  const storedPhotos = () => new Promise((resolve, reject) => {
    const request = indexedDB.open('minga');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const rows = db.transaction('blobs').objectStore('blobs').getAll();
      rows.onsuccess = () => {
        db.close();
        resolve(rows.result.map((row) => row.blob instanceof Blob ? 'Blob' : row.blob.constructor.name));
      };
    };
  });
`;

/** A step: the helpers, then the body. */
export function step(body: string): string {
  return `${PAGE_HELPERS}\n${body}`;
}
