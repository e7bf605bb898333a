// While one member floods the server (updates whose dependencies never arrive, tiny updates as fast as it can,
// sockets that never authenticate), every other device's edit still reaches every device and /healthz answers.
// Times are figures of bench/flood.ts, not asserted here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad, startLoadServer, type LoadServer } from './floodLoad.ts';

let load: LoadServer;

beforeAll(async () => {
  load = await startLoadServer(4);
}, 60_000);

afterAll(async () => {
  await load?.stop();
});

describe('a flood by one member', () => {
  it('delivers every edit of the others to every device, and /healthz answers throughout', async () => {
    const result = await runLoad(load, {
      clients: 4,
      edits: 15,
      editEveryMs: 200,
      flood: true,
      deliveryTimeoutMs: 60_000,
    });
    // The flood ran: each of its three kinds reached the server.
    expect(result.flooder.pendingFrames).toBeGreaterThan(0);
    expect(result.flooder.tinyUpdates).toBeGreaterThan(0);
    expect(result.flooder.idleSockets).toBeGreaterThan(0);
    expect(result.sent).toBe(60);
    expect(result.delivered).toBe(result.expected);
    expect(result.healthzFailures).toBe(0);
    expect(result.healthzMs.length).toBeGreaterThan(0);
    expect(load.server.alive()).toBe(true);
    expect(load.server.errors).toEqual([]);
  }, 180_000);
});
