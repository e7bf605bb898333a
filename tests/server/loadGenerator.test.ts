// The load generator at a tiny scale against our real server: every live edit reaches every other device of
// its mission, across instances and when one is killed, and acknowledged updates survive SIGKILLs.
import { describe, expect, it } from 'vitest';
import { runCrashLoop } from '../../bench/load/crash.ts';
import { runAgainst } from '../../bench/load/run.ts';
import type { Workload } from '../../bench/load/workload.ts';

const tiny: Workload = {
  devices: 6,
  missions: 2,
  rate: 30,
  seconds: 3,
  backlogNotes: 4,
  // Generous: the machine is shared; the run ends as soon as everything arrived.
  drainMs: 60_000,
  stormTimeoutMs: 60_000,
};

describe('load generator', () => {
  it('one instance: the storm syncs every device and every live edit reaches the mission', async () => {
    const figures = await runAgainst('minga', tiny, { instances: 1, killOne: false });
    expect(figures.stormSynced).toBe(tiny.devices);
    expect(figures.sent).toBeGreaterThanOrEqual(tiny.rate * tiny.seconds - 1);
    // 3 devices a mission: each edit goes to the 2 others.
    expect(figures.expected).toBe(figures.sent * 2);
    expect(figures.missing).toBe(0);
    expect(figures.delivered).toBe(figures.expected);
    expect(figures.acceptedPerSecond).toBeGreaterThan(0);
    expect(figures.serverErrors).toBe(0);
  }, 180_000);

  it('two instances on PostgreSQL + Redis, one killed midway: edits cross and none is missing', async () => {
    const figures = await runAgainst('minga', tiny, { instances: 2, killOne: true });
    expect(figures.stormSynced).toBe(tiny.devices);
    expect(figures.crossLatency?.samples).toBeGreaterThan(0);
    expect(figures.missing).toBe(0);
    expect(figures.delivered).toBe(figures.expected);
    // The killed instance's devices lost their connection and moved to the other one.
    expect(figures.closes).toBeGreaterThan(0);
  }, 180_000);

  it('SIGKILLed twice under load: every acknowledged update is on the server', async () => {
    const figures = await runCrashLoop({
      devices: 6,
      missions: 2,
      // Slow enough that devices settle between kills: acknowledgements then come from processes later killed.
      rate: 6,
      crashes: 2,
      minMs: 2500,
      maxMs: 3500,
    });
    expect(figures.crashes).toBe(2);
    expect(figures.acknowledgedBeforeLastKill).toBeGreaterThan(0);
    expect(figures.acknowledged).toBeGreaterThanOrEqual(figures.acknowledgedBeforeLastKill);
    expect(figures.lost).toBe(0);
    expect(figures.lostSamples).toEqual([]);
  }, 180_000);
});
