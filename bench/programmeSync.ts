// Sync at programme scale, in Chromium against the real server run as `npm start` runs it (a child process, so its
// memory is its own): a first sync of a seeded programme, a restart with nothing changed, edits reaching an idle
// list, a 5 s network cut in the middle of a first sync, and the server's memory with 1,000 idle feeds.
// `node bench/programmeSync.ts` (after a build) prints the figures alone; BENCH_PROGRAMME_MISSIONS,
// BENCH_PROGRAMME_NOTES (notes per mission, 100) and BENCH_IDLE_FEEDS set the sizes (200, 100 and 1,000).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { createToken, openDatabase, type Role } from '../src/server/db.ts';
import { REPO_ROOT } from '../src/server/static.ts';
import { seedMission, type SeedOptions } from '../src/server/seed/programme.ts';
import { openSeedTarget, storeMission } from '../src/server/seed/target.ts';
import { updateMission } from '../src/storage/missionDoc.ts';
import { launchChromium } from '../tests/e2e/support/browser.ts';
import { joinByInvite } from '../tests/e2e/support/join.ts';
import { startTcpProxy } from '../tests/server/tcpProxy.ts';
import { NODE, START_ARGS, waitFor } from '../tests/server/syncHarness.ts';
import { percentile } from './fieldApp.ts';

export interface ProgrammeSyncFigures {
  missions: number;
  notes: number;
  /** Mission and review documents the server holds. */
  documents: number;
  /** From the invite link opened until the chip says "Up to date" with every mission listed. */
  firstSyncMs: number;
  /** Progress texts the chip showed during the first sync, in order (deduplicated). */
  progressSeen: number;
  restart: { missionDocsResynced: number; reviewDocsResynced: number; serverRssGrowthMb: number; ms: number };
  editToIdleListMs: { p50: number; p95: number; samples: number };
  cut: { cutMs: number; reconnects: number; refusals: number; finishedAfterRestoreMs: number };
  idleFeeds: { connections: number; serverRssBeforeMb: number; serverRssAfterMb: number; growthMb: number };
}

type LogEntry = { event?: string } & Record<string, unknown>;

const MISSIONS = Number(process.env.BENCH_PROGRAMME_MISSIONS ?? 200);
const EDITS = 50;
const CUT_MS = 5000;
const IDLE_FEEDS = Number(process.env.BENCH_IDLE_FEEDS ?? 1000);
// The programme: 200 missions of 100 notes each (20,000 notes).
const NOTES_PER_MISSION = Number(process.env.BENCH_PROGRAMME_NOTES ?? 100);
const LONG = 600_000;

const OPTIONS: SeedOptions = {
  missions: MISSIONS,
  seed: 'bench-programme',
  photos: 0,
  notesPerMission: NOTES_PER_MISSION,
  from: '2016-04-20',
  to: '2017-12-10',
};

interface ServerChild {
  child: ChildProcess;
  port: number;
  logs: LogEntry[];
  rssMb(): number;
  stop(): Promise<void>;
}

async function startServer(dataDir: string): Promise<ServerChild> {
  const child = spawn(NODE, [...START_ARGS], {
    cwd: REPO_ROOT,
    // Every device here shares one address, where in life each has its own: the per-address cap would refuse them.
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      MAX_CONNECTIONS_PER_IP: String(IDLE_FEEDS + 100),
      MAX_UNAUTHENTICATED_PER_IP: String(IDLE_FEEDS + 100),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: LogEntry[] = [];
  let rest = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as LogEntry);
  });
  const port = await waitFor(
    () => logs.find((entry) => entry.event === 'listening')?.port as number | undefined,
    60_000,
    'the server to listen',
  );
  return {
    child,
    port,
    logs,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

const upToDate = (page: Page) =>
  page.locator('.statusbar [data-sync-state="upToDate"]').waitFor({ timeout: LONG });

const chipText = (page: Page) =>
  page
    .locator('.statusbar [data-sync-state]')
    .first()
    .textContent({ timeout: 1000 })
    .catch(() => '');

/** "Sincronizando 12 de 31": the two numbers, or null for another state. */
const progressOf = (text: string | null): [number, number] | null => {
  const numbers = text?.match(/\d+/g);
  return numbers && numbers.length >= 2 ? [Number(numbers[0]), Number(numbers[1])] : null;
};

const feedTokenSince = (logs: LogEntry[], from: number) =>
  logs.slice(from).find((entry) => entry.event === 'authenticated' && entry.access === 'feed')?.tokenId;

const openedSince = (logs: LogEntry[], from: number, tokenId: unknown, prefix: string) =>
  logs
    .slice(from)
    .filter(
      (entry) =>
        entry.event === 'connected' &&
        entry.tokenId === tokenId &&
        typeof entry.document === 'string' &&
        entry.document.startsWith(prefix),
    ).length;

/** Where a long run is, on stderr (the figures go to stdout). */
const phase = (what: string) => process.stderr.write(`programme sync: ${what}\n`);

async function firstSyncAndRestart(browser: Browser, server: ServerChild, url: string, token: string) {
  const from = server.logs.length;
  const progress = new Set<string>();
  const started = performance.now();
  const desk = await joinByInvite(browser, url, token, 'Marta Soler');
  // The chip's progress while the programme arrives, sampled.
  let done = false;
  const sampling = (async () => {
    while (!done) {
      const text = await chipText(desk.page);
      if (progressOf(text)) progress.add(text ?? '');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  await upToDate(desk.page);
  await waitFor(
    async () => (await desk.page.locator('[data-mission-id]').count()) === MISSIONS,
    LONG,
    'every mission listed',
  );
  const firstSyncMs = performance.now() - started;
  done = true;
  await sampling;
  const tokenId = feedTokenSince(server.logs, from);

  // Restart with nothing changed, once the server's memory has settled after the first sync.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const rssBefore = server.rssMb();
  const restartAt = server.logs.length;
  const restartStarted = performance.now();
  await desk.page.reload();
  await upToDate(desk.page);
  const restartMs = performance.now() - restartStarted;
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const restart = {
    missionDocsResynced: openedSince(server.logs, restartAt, tokenId, 'mission:'),
    reviewDocsResynced: openedSince(server.logs, restartAt, tokenId, 'review:'),
    serverRssGrowthMb: server.rssMb() - rssBefore,
    ms: restartMs,
  };
  return { desk, firstSyncMs, progressSeen: progress.size, restart };
}

/** A colleague edits mission titles one at a time; each is timed until the idle list on `page` shows it. */
async function editsToIdleList(page: Page, port: number, token: string, ids: string[]) {
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}/sync` });
  const editing = ids.slice(0, 10).map((id) => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: `mission:${id}`,
      token,
      document: doc,
    });
    provider.attach();
    return { id, doc, provider };
  });
  try {
    await waitFor(() => editing.every((e) => e.provider.synced), LONG, 'the colleague’s documents');
    const samples: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const { id, doc } = editing[i % editing.length]!;
      const title = `Edición ${i} ${Date.now()}`;
      const started = performance.now();
      updateMission(
        doc,
        { title },
        { actor: { name: 'Laia', device: 'bench-laptop' }, now: new Date().toISOString() },
      );
      await page.waitForFunction(
        ([missionId, text]) =>
          document.querySelector(`[data-mission-id="${missionId}"]`)?.textContent?.includes(text) ?? false,
        [id, title] as const,
        { timeout: 60_000, polling: 50 },
      );
      samples.push(performance.now() - started);
    }
    return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
  } finally {
    editing.forEach((e) => e.provider.destroy());
    socket.destroy();
  }
}

/** A second coordinator's first sync through a TCP proxy that is stopped for 5 s once a tenth has arrived. */
async function cutDuringFirstSync(browser: Browser, server: ServerChild, token: string) {
  const proxy = await startTcpProxy(server.port);
  try {
    const from = server.logs.length;
    const desk = await joinByInvite(browser, `http://127.0.0.1:${proxy.port}`, token, 'Pau Vidal');
    await waitFor(
      async () => {
        const counts = progressOf(await chipText(desk.page));
        return counts !== null && counts[0] >= counts[1] / 10 && counts[0] < counts[1];
      },
      LONG,
      'the first sync under way',
    );
    const tokenId = feedTokenSince(server.logs, from);
    const cutAt = server.logs.length;
    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, CUT_MS));
    proxy.restore();
    const restored = performance.now();
    await upToDate(desk.page);
    const finishedAfterRestoreMs = performance.now() - restored;
    const after = server.logs.slice(cutAt);
    const sockets = new Set(
      after
        .filter(
          (entry) => entry.event === 'connected' && entry.document === 'feed' && entry.tokenId === tokenId,
        )
        .map((entry) => entry.socket),
    );
    await desk.context.close();
    return {
      cutMs: CUT_MS,
      reconnects: sockets.size,
      refusals: after.filter((entry) => entry.event === 'refused').length,
      finishedAfterRestoreMs,
    };
  } finally {
    await proxy.close();
  }
}

/** 1,000 technicians' devices, each with one mission, idle with their feeds attached (node clients). */
async function idleFeeds(server: ServerChild, dataDir: string, ids: string[]) {
  const admin = openDatabase(dataDir);
  const tokens = Array.from(
    { length: IDLE_FEEDS },
    (_, i) =>
      createToken(admin, { role: 'technician', name: `Técnica ${i}`, missions: [ids[i % ids.length]!] })
        .token,
  );
  admin.close();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const before = server.rssMb();
  const devices: { socket: HocuspocusProviderWebsocket; provider: HocuspocusProvider }[] = [];
  try {
    // In groups, as devices come back over minutes in life, not all in one instant.
    for (let i = 0; i < tokens.length; i += 50) {
      for (const token of tokens.slice(i, i + 50)) {
        const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${server.port}/sync` });
        const provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: 'feed',
          token,
          document: new Y.Doc(),
        });
        provider.attach();
        devices.push({ socket, provider });
      }
      await waitFor(
        () => devices.every((device) => device.provider.isAuthenticated),
        LONG,
        'feeds authenticated',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    // Every one still connected after idling: none was closed yet counted as if it were there.
    const connected = devices.filter((device) => device.provider.isAuthenticated).length;
    const after = server.rssMb();
    return {
      connections: connected,
      serverRssBeforeMb: before,
      serverRssAfterMb: after,
      growthMb: after - before,
    };
  } finally {
    for (const device of devices) {
      device.provider.destroy();
      device.socket.destroy();
    }
  }
}

export async function measureProgrammeSync(): Promise<ProgrammeSyncFigures> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'minga-bench-programme-'));
  const target = await openSeedTarget({ dataDir });
  const ids: string[] = [];
  let notes = 0;
  let documents = 0;
  try {
    for (let i = 0; i < MISSIONS; i++) {
      const mission = seedMission(OPTIONS, i);
      await storeMission(target, mission);
      ids.push(mission.id);
      notes += mission.counts.notes;
      documents += mission.review ? 2 : 1;
    }
  } finally {
    await target.close();
  }
  phase(`${MISSIONS} missions seeded`);
  const server = await startServer(dataDir);
  let browser: Browser | null = null;
  try {
    const admin = openDatabase(dataDir);
    const token = (role: Role, name: string) => createToken(admin, { role, name, missions: [] }).token;
    const [marta, laia, pau] = [
      token('coordinator', 'Marta'),
      token('coordinator', 'Laia'),
      token('coordinator', 'Pau'),
    ];
    admin.close();
    browser = await launchChromium();
    const url = `http://127.0.0.1:${server.port}`;
    const first = await firstSyncAndRestart(browser, server, url, marta);
    phase('first sync and restart measured');
    await first.desk.page.goto(url);
    await upToDate(first.desk.page);
    const editToIdleListMs = await editsToIdleList(first.desk.page, server.port, laia, ids);
    await first.desk.context.close();
    phase('edits to the idle list measured');
    const cut = await cutDuringFirstSync(browser, server, pau);
    await browser.close();
    browser = null;
    phase('network cut measured');
    const feeds = await idleFeeds(server, dataDir, ids);
    return {
      missions: MISSIONS,
      notes,
      documents,
      firstSyncMs: first.firstSyncMs,
      progressSeen: first.progressSeen,
      restart: first.restart,
      editToIdleListMs,
      cut,
      idleFeeds: feeds,
    };
  } finally {
    await browser?.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** One line for `npm run bench`'s summary. */
export function describeProgrammeSync(f: ProgrammeSyncFigures): string {
  return (
    `programme sync: ${f.missions} missions (${f.notes} notes, ${f.documents} documents) · first sync ` +
    `${(f.firstSyncMs / 1000).toFixed(1)} s with ${f.progressSeen} progress counts shown (target ≤ 20 s) · restart: ` +
    `${f.restart.missionDocsResynced} mission and ${f.restart.reviewDocsResynced} review documents re-synced ` +
    `(target 0), server RSS ${f.restart.serverRssGrowthMb.toFixed(1)} MB more (target ≤ 20) · edit→idle list ` +
    `p50 ${f.editToIdleListMs.p50.toFixed(0)} ms, p95 ${f.editToIdleListMs.p95.toFixed(0)} ms over ` +
    `${f.editToIdleListMs.samples} edits (target p95 ≤ 2000) · ${f.cut.cutMs / 1000} s cut mid first sync: ` +
    `${f.cut.reconnects} reconnects (target ≤ 3), ${f.cut.refusals} refusals, finished ` +
    `${(f.cut.finishedAfterRestoreMs / 1000).toFixed(1)} s after the network returned · ${f.idleFeeds.connections} ` +
    `idle feeds: server RSS ${f.idleFeeds.serverRssBeforeMb.toFixed(0)} → ${f.idleFeeds.serverRssAfterMb.toFixed(0)} MB ` +
    `(+${f.idleFeeds.growthMb.toFixed(0)}, target ≤ 100)`
  );
}

if (import.meta.main) {
  const figures = await measureProgrammeSync();
  console.info(JSON.stringify(figures, null, 2));
  console.info(describeProgrammeSync(figures));
}
