// Fuzz of the HTTP routes: random methods, paths, headers, bodies and paces on raw TCP connections to a real
// server process. Properties: no 5xx except the documented 503 (a photo of a mission not synced yet), every
// connection answered or closed by the server within its deadlines, the process never exits, /healthz answers
// after every request, and every stored document still loads. Kept seeds (fuzzSeeds.json) are replayed first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpCase, requestOf, send, type HttpCase } from './fuzzRequests.ts';
import {
  percentile,
  startFuzzServer,
  storedDocumentProblems,
  writeMission,
  type FuzzServer,
} from './fuzzServer.ts';
import { FUZZ_RUNS, FUZZ_SEED, fuzzTimeout, keepAdvice, keptSeeds } from './fuzzSeeds.ts';

/** Headers 2 s and whole requests 2 s (fuzzServer.ts), checked every second, on a loaded machine. */
const DEADLINE_MS = 10_000;

/** The 5xx answers the README documents; anything else in 5xx is a bug. */
function documented(status: number, text: string): boolean {
  return status === 503 && text.includes('"mission_not_synced"');
}

async function run(server: FuzzServer, c: HttpCase, statuses: Record<string, number>): Promise<void> {
  const sent = requestOf(c, server.missions, server.tokens);
  const answer = await send(server.port, c, sent, DEADLINE_MS);
  const key = String(answer.status ?? 'none');
  statuses[key] = (statuses[key] ?? 0) + 1;
  const request = sent.head.slice(0, 300);
  if (!answer.closed) throw new Error(`the server held the connection past ${DEADLINE_MS} ms:\n${request}`);
  // Node closes a CONNECT at once when nothing listens for it (the server proxies nothing): no answer, no cost.
  if (answer.status === null && c.method !== 'CONNECT')
    throw new Error(`closed without an answer:\n${request}`);
  if (answer.status !== null && answer.status >= 500 && !documented(answer.status, answer.text))
    throw new Error(`answered ${answer.status}:\n${request}\n---\n${answer.text.slice(0, 500)}`);
  await server.healthz();
  if (!server.alive()) throw new Error('the server exited');
  // Checked after each request so that a kept seed can name the one request that logged it.
  if (server.errors.length > 0)
    throw new Error(`logged an internal error ${JSON.stringify(server.errors)}:\n${request}`);
}

async function campaign(seed: number, runs: number, path?: string): Promise<void> {
  const server = await startFuzzServer();
  const statuses: Record<string, number> = {};
  try {
    await writeMission(server);
    try {
      await fc.assert(
        fc.asyncProperty(httpCase, (c) => run(server, c, statuses)),
        { seed, endOnFailure: true, ...(path === undefined ? { numRuns: runs } : { path, numRuns: 1 }) },
      );
    } catch (error) {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n${keepAdvice('http', seed, runs, error)}`,
        { cause: error },
      );
    }
    await server.healthz();
    expect(server.errors).toEqual([]);
    expect(await server.stop()).toBe(0);
    const { names, problems } = await storedDocumentProblems(server.dataDir);
    expect(problems).toEqual([]);
    const ms = server.healthzMs;
    console.info(
      `http fuzz seed ${seed}, ${path === undefined ? `${runs} runs` : `run ${path}`}: statuses ${JSON.stringify(statuses)}; ${names.length} documents ` +
        `stored and loaded; /healthz p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms`,
    );
  } finally {
    await server.remove();
  }
}

describe('fuzz of the HTTP routes', () => {
  for (const kept of keptSeeds('http')) {
    it(
      `kept seed ${kept.seed}: ${kept.found}`,
      () => campaign(kept.seed, kept.runs, kept.path),
      fuzzTimeout(kept.runs, 400),
    );
  }

  it(
    `${FUZZ_RUNS} random runs (seed ${FUZZ_SEED})`,
    () => campaign(FUZZ_SEED, FUZZ_RUNS),
    fuzzTimeout(FUZZ_RUNS, 400),
  );
});
