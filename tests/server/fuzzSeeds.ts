// Kept seeds: every seed that once made a fuzz test fail is written in fuzzSeeds.json and replayed before the
// random runs, so a fixed bug stays fixed. FUZZ_RUNS sets the random runs, FUZZ_SEED replays one seed.
import { readFileSync } from 'node:fs';

export interface KeptSeed {
  seed: number;
  /** Runs of that campaign: the failure may need the server state the earlier runs left. */
  runs: number;
  /** fast-check's path of the failing run: when given, only that run is replayed (a bug of one request). */
  path?: string;
  /** What failed, and what fixed it. */
  found: string;
  fixed: string;
}

type Suite = 'sync' | 'http';

export function keptSeeds(suite: Suite): KeptSeed[] {
  const all = JSON.parse(readFileSync(new URL('./fuzzSeeds.json', import.meta.url), 'utf8')) as Record<
    Suite,
    KeptSeed[]
  >;
  return all[suite];
}

/** Random runs per campaign: small by default so the suite stays quick; `FUZZ_RUNS=2000` for a long run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/** A fresh seed each run unless FUZZ_SEED replays one (fast-check prints the seed of a failure). */
export const FUZZ_SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : Math.floor(Math.random() * 2 ** 31);

/** Test time for `runs` runs of about `msPerRun` each, with room for a loaded machine. */
export function fuzzTimeout(runs: number, msPerRun: number): number {
  return 120_000 + runs * msPerRun * 4;
}

/** The line to add to fuzzSeeds.json when a campaign fails. */
export function keepAdvice(suite: Suite, seed: number, runs: number, error: unknown): string {
  const path = /path: "([\d:]+)"/.exec(error instanceof Error ? error.message : '')?.[1];
  const kept = `"seed": ${seed}, "runs": ${runs}${path ? `, "path": "${path}"` : ''}`;
  return `keep it: add { ${kept}, "found": "…", "fixed": "…" } to "${suite}" in tests/server/fuzzSeeds.json`;
}
