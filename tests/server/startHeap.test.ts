// `npm start`'s heap flags: accepted by the project's Node, and they bound the young generation and the old one's
// growth under the churn a loaded sync server makes (docs/adr/0006-server-heap.md).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NODE, START_ARGS } from './syncHarness.ts';

const run = promisify(execFile);

/**
 * Short-lived objects through a ring that keeps the last million alive: most die young, the rest are promoted
 * and then die old, as the server's messages, decoders and pending writes do under load.
 */
const CHURN = `
const v8 = require('v8');
const size = (name) => v8.getHeapSpaceStatistics().find((s) => s.space_name === name).space_size / 1048576;
const ring = new Array(1000000);
let newSpaceMb = 0;
let oldSpaceMb = 0;
for (let i = 0; i < 12000000; i++) {
  ring[i % ring.length] = { i, s: 'x' + i };
  if (i % 50000 === 0) {
    newSpaceMb = Math.max(newSpaceMb, size('new_space'));
    oldSpaceMb = Math.max(oldSpaceMb, size('old_space'));
  }
}
console.log(JSON.stringify({ newSpaceMb, oldSpaceMb }));
`;

async function churn(flags: readonly string[]): Promise<{ newSpaceMb: number; oldSpaceMb: number }> {
  const { stdout } = await run(NODE, [...flags, '-e', CHURN]);
  return JSON.parse(stdout) as { newSpaceMb: number; oldSpaceMb: number };
}

describe("npm start's heap flags", () => {
  it('come before the entry', () => {
    expect(START_ARGS.at(-1)).toBe('src/server/start.ts');
    expect(START_ARGS.slice(0, -1)).toEqual(['--max-semi-space-size=16', '--heap-growing-percent=30']);
  });

  it('keep the young generation at most half its default and the old one closer to what is alive', async () => {
    const plain = await churn([]);
    const tuned = await churn(START_ARGS.slice(0, -1));
    // Without them V8 grows it to 2 × 64 MB (Node is built without pointer compression).
    // With 2 × 16 MB V8 still reports 38–48 MB at times while it scavenges (pages in transit), never near 128.
    expect(plain.newSpaceMb).toBeGreaterThan(96);
    expect(tuned.newSpaceMb).toBeLessThanOrEqual(plain.newSpaceMb / 2);
    // Without them the old generation grows up to several times what survived the last major GC.
    expect(tuned.oldSpaceMb).toBeLessThan(plain.oldSpaceMb * 0.6);
  }, 60_000);
});
