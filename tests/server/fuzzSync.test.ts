// Fuzz of /sync: random and mutated Hocuspocus frames over real sockets to a real server process. Properties:
// the server never exits, /healthz answers after every run, no route logs an internal error, and once it has
// stopped every document it stored loads and reads through the record schema. Kept seeds (fuzzSeeds.json) are
// replayed first; FUZZ_RUNS sets the random runs (fuzzSeeds.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { framesOf, messageType, mutate, syncRun, type SyncRun, type Who } from './fuzzFrames.ts';
import {
  percentile,
  startFuzzServer,
  storedDocumentProblems,
  writeMission,
  type FuzzServer,
} from './fuzzServer.ts';
import { FUZZ_RUNS, FUZZ_SEED, fuzzTimeout, keepAdvice, keptSeeds } from './fuzzSeeds.ts';
import { waitFor } from './syncHarness.ts';

function tokenOf(server: FuzzServer, who: Who): string {
  if (who === 'empty') return '';
  if (who === 'bad') return 'not-a-token-at-all';
  return server.tokens[who];
}

/** What the runs met, printed with the figures: proof that the frames reached documents and refusals. */
interface Tally {
  authenticated: number;
  acknowledged: number;
  closes: Record<string, number>;
}

/** One device's socket: authenticates, sends the run's frames, and lets the server answer or close it. */
async function run(server: FuzzServer, input: SyncRun, tally: Tally): Promise<void> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/sync`);
  ws.binaryType = 'arraybuffer';
  let closed = false;
  let answers = 0;
  let authenticated = false;
  ws.addEventListener('close', (e) => {
    closed = true;
    tally.closes[e.code] = (tally.closes[e.code] ?? 0) + 1;
  });
  ws.addEventListener('error', () => (closed = true));
  ws.addEventListener('message', (e) => {
    answers += 1;
    const [type, subtype] = messageType(new Uint8Array(e.data as ArrayBuffer));
    if (type === 2 && subtype === 2) authenticated = true;
    if (type === 8 && subtype === 1) tally.acknowledged += 1;
  });
  try {
    await waitFor(() => ws.readyState === WebSocket.OPEN || closed, 10_000, 'the socket to open');
    const send = (bytes: Uint8Array) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(new Uint8Array(bytes));
    };
    const missions = server.missions;
    const who = (w: Who) => tokenOf(server, w);
    for (const bytes of framesOf({ t: 'auth', ...input.first }, missions, who)) send(bytes);
    await waitFor(() => answers > 0 || closed, 3000, 'an answer to the authentication').catch(
      () => undefined,
    );
    if (authenticated) tally.authenticated += 1;
    for (const { frame, mutation, sameDoc } of input.frames) {
      const spec = sameDoc && frame.t !== 'raw' ? { ...frame, doc: input.first.doc } : frame;
      for (const bytes of framesOf(spec, missions, who)) send(mutate(bytes, mutation));
    }
    // Time for the server to handle the frames (or close the socket) before /healthz is asked.
    const before = answers;
    await waitFor(() => closed || answers > before, 150, 'an answer').catch(() => undefined);
  } finally {
    ws.close();
  }
  await server.healthz();
  if (!server.alive()) throw new Error('the server exited');
}

async function campaign(seed: number, runs: number, path?: string): Promise<void> {
  const server = await startFuzzServer();
  const tally: Tally = { authenticated: 0, acknowledged: 0, closes: {} };
  try {
    // The members' mission holds records before the fuzz writes beside them.
    await writeMission(server);
    try {
      await fc.assert(
        fc.asyncProperty(syncRun, (input) => run(server, input, tally)),
        { seed, endOnFailure: true, ...(path === undefined ? { numRuns: runs } : { path, numRuns: 1 }) },
      );
    } catch (error) {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n${keepAdvice('sync', seed, runs, error)}`,
        { cause: error },
      );
    }
    await server.healthz();
    expect(server.alive()).toBe(true);
    expect(server.errors).toEqual([]);
    expect(await server.stop()).toBe(0);
    const { names, problems } = await storedDocumentProblems(server.dataDir);
    expect(problems).toEqual([]);
    expect(names).toContain(`mission:${server.missions[0]}`);
    const ms = server.healthzMs;
    console.info(
      `sync fuzz seed ${seed}, ${path === undefined ? `${runs} runs` : `run ${path}`}: ${names.length} documents stored and loaded; /healthz ` +
        `p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${percentile(ms, 100).toFixed(1)} ms; ` +
        `${tally.authenticated} sockets authenticated, ${tally.acknowledged} updates acknowledged, ` +
        `close codes ${JSON.stringify(tally.closes)}`,
    );
  } finally {
    await server.remove();
  }
}

describe('fuzz of /sync frames', () => {
  for (const kept of keptSeeds('sync')) {
    it(
      `kept seed ${kept.seed}: ${kept.found}`,
      () => campaign(kept.seed, kept.runs, kept.path),
      fuzzTimeout(kept.runs, 300),
    );
  }

  it(
    `${FUZZ_RUNS} random runs (seed ${FUZZ_SEED})`,
    () => campaign(FUZZ_SEED, FUZZ_RUNS),
    fuzzTimeout(FUZZ_RUNS, 300),
  );
});
