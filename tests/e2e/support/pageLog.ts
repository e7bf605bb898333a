// The warnings and errors each joined phone's pages printed, kept to be shown when a test fails (see
// reportOnFailure.ts): "sync: …" warnings say what the app's sync did that the screen does not.
import type { BrowserContext } from 'playwright-core';

const KEPT = 60;
const lines = new Map<string, string[]>();

/** Records what the pages of `context` print as warnings or errors, under `who`. */
export function keepPageLog(context: BrowserContext, who: string): void {
  const kept: string[] = [];
  lines.set(who, kept);
  const keep = (line: string) => {
    kept.push(`${new Date().toISOString()} ${line}`);
    if (kept.length > KEPT) kept.shift();
  };
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error')
        keep(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => keep(`page error: ${error.message}`));
  });
  context.on('close', () => lines.delete(who));
}

export function pageLogs(): Map<string, string[]> {
  return lines;
}
