// The crash loop: our server SIGKILLed at random moments while devices keep editing, restarted each time on
// the same data and port. Every update a device saw acknowledged (as the app counts it: synced, and no
// unsynced change left) must be on the server at the end.
import * as Y from 'yjs';
import { connect, waitFor } from '../../tests/server/syncHarness.ts';
import { hocuspocusDevice, type Device } from './clients.ts';
import {
  freePort,
  kill,
  sqliteStore,
  startMinga,
  startPlainHocuspocus,
  stop,
  type Instance,
} from './servers.ts';
import { missionIds, type Workload } from './workload.ts';

export interface CrashOptions {
  devices: number;
  missions: number;
  /** Updates per second, all devices together, kept up while the server is down (devices work offline). */
  rate: number;
  crashes: number;
  /** Each kill lands at a random moment between these after the server listens again. */
  minMs: number;
  maxMs: number;
  log?: (line: string) => void;
  /**
   * 'hocuspocus' runs the loop against the plain server instead (it acknowledges before its debounced store):
   * a check of the checker, which should then find acknowledged updates lost.
   */
  server?: 'minga' | 'hocuspocus';
}

export interface CrashFigures {
  crashes: number;
  written: number;
  acknowledged: number;
  /** Acknowledged before the last kill: acknowledged by a process that was then killed. */
  acknowledgedBeforeLastKill: number;
  lost: number;
  lostSamples: string[];
  /** Time from SIGKILL until the restarted server listens, median. */
  restartMsMedian: number;
  /** Devices that had every change acknowledged once the edits stopped. */
  settledAtEnd: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Restarts on the same port; a port still held for a moment by the killed process is tried again. */
async function restart(start: (port: number) => Promise<Instance>, port: number): Promise<Instance> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start(port);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(200);
    }
  }
}

export async function runCrashLoop(options: CrashOptions): Promise<CrashFigures> {
  const log = options.log ?? (() => {});
  const workload = { devices: options.devices, missions: options.missions } as Workload;
  const { missions, missionOfDevice } = missionIds(workload);
  const store = await sqliteStore(missionOfDevice);
  const port = await freePort();
  const launch = (at: number) =>
    options.server === 'hocuspocus'
      ? startPlainHocuspocus(store.env.DATA_DIR ?? '', at)
      : startMinga(store.env, at);
  let instance = await launch(port);
  const url = instance.url;
  const written: string[][] = missionOfDevice.map(() => []);
  const acked = missionOfDevice.map(() => 0);
  const devices: Device[] = [];
  let writer: ReturnType<typeof setInterval> | null = null;
  const restarts: number[] = [];
  let acknowledgedBeforeLastKill = 0;
  // For a lost update's report: when it was written and acknowledged, whether its device was online, the kills.
  const t0 = performance.now();
  const at = () => Math.round(performance.now() - t0);
  const history = new Map<string, { writtenAt: number; online: boolean; ackedAt?: number }>();
  const kills: number[] = [];
  try {
    const open = (i: number) => {
      const device = hocuspocusDevice({
        urls: [url],
        name: `mission:${missionOfDevice[i]}`,
        token: store.tokens[i] ?? '',
        doc: new Y.Doc(),
      });
      // Everything written before this moment is in the document the server has acknowledged.
      device.onAcknowledged(() => {
        if (devices[i] !== device) return;
        for (const key of written[i]?.slice(acked[i]) ?? []) {
          const entry = history.get(key);
          if (entry !== undefined) entry.ackedAt = at();
        }
        acked[i] = written[i]?.length ?? 0;
      });
      devices[i] = device;
    };
    for (let i = 0; i < missionOfDevice.length; i += 1) open(i);
    /**
     * Devices that keep their documents send again whatever a restarted server lacks, which would hide a loss.
     * So at each kill every device of half the missions goes away with its document (as a phone reset after its
     * changes were confirmed), and a fresh one takes its place: acknowledged updates of those missions then
     * exist only on the server. What they wrote unacknowledged is forgotten, and not checked.
     */
    const paused = new Set<number>();
    const replaceHalf = (k: number) => {
      const gone = new Set(missions.filter((_, m) => m % 2 === k % 2));
      for (const [i, mission] of missionOfDevice.entries()) {
        if (!gone.has(mission)) continue;
        devices[i]?.destroy();
        paused.add(i);
        written[i]?.splice(acked[i] ?? 0);
      }
      return () => {
        for (const [i, mission] of missionOfDevice.entries()) {
          if (!gone.has(mission)) continue;
          open(i);
          paused.delete(i);
        }
      };
    };

    let sent = 0;
    let next = 0;
    let writes = 0;
    const seq = missionOfDevice.map(() => 0);
    const start = performance.now();
    writer = setInterval(() => {
      const due = Math.floor((options.rate * (performance.now() - start)) / 1000);
      while (sent < due) {
        const i = next;
        next = (next + 1) % devices.length;
        sent += 1;
        // A device gone with its document writes nothing until its fresh replacement is there.
        if (paused.has(i)) continue;
        writes += 1;
        const list = written[i] ?? [];
        const n = (seq[i] ?? 0) + 1;
        seq[i] = n;
        const key = `${i}:${n}`;
        list.push(key);
        history.set(key, { writtenAt: at(), online: devices[i]?.online() ?? false });
        devices[i]?.doc.getMap<number>('live').set(key, Date.now());
      }
    }, 5);

    for (let k = 1; k <= options.crashes; k += 1) {
      await sleep(options.minMs + Math.random() * (options.maxMs - options.minMs));
      const killedAt = performance.now();
      acknowledgedBeforeLastKill = acked.reduce((a, b) => a + b, 0);
      kills.push(at());
      await kill(instance);
      const reopen = replaceHalf(k);
      instance = await restart(launch, port);
      reopen();
      restarts.push(performance.now() - killedAt);
      const ackedNow = acked.reduce((a, b) => a + b, 0);
      log(
        `crash ${k}/${options.crashes}: restarted in ${restarts.at(-1)?.toFixed(0)} ms; ${ackedNow} acknowledged`,
      );
    }

    clearInterval(writer);
    writer = null;
    // Let the devices catch up after the last restart, so their last acknowledgements count too.
    await waitFor(() => devices.every((d) => d.settled()), 60_000, 'devices to settle').catch(
      () => undefined,
    );
    const settledAtEnd = devices.filter((d) => d.settled()).length;
    for (const device of devices) device.destroy();
    devices.length = 0;

    // Read every mission back through a fresh connection and look for each acknowledged update.
    let acknowledged = 0;
    let lost = 0;
    const lostSamples: string[] = [];
    for (const mission of missions) {
      const reader = connect(url, store.coordinator, `mission:${mission}`);
      try {
        await waitFor(() => reader.provider.synced, 30_000, `read-back of ${mission}`);
        const live = reader.doc.getMap('live');
        for (const [i, of] of missionOfDevice.entries()) {
          if (of !== mission) continue;
          for (const key of written[i]?.slice(0, acked[i]) ?? []) {
            acknowledged += 1;
            if (!live.has(key)) {
              lost += 1;
              const entry = history.get(key);
              const killed = kills.filter((k) => k >= (entry?.writtenAt ?? 0)).slice(0, 2);
              if (lostSamples.length < 10)
                lostSamples.push(
                  `${mission} ${key}: written at ${entry?.writtenAt} ms (${entry?.online ? 'online' : 'offline'}), ` +
                    `acknowledged at ${entry?.ackedAt} ms, next kills at ${killed.join(', ')} ms`,
                );
            }
          }
        }
      } finally {
        reader.destroy();
      }
    }
    const sorted = [...restarts].sort((a, b) => a - b);
    return {
      crashes: options.crashes,
      written: writes,
      acknowledged,
      acknowledgedBeforeLastKill,
      lost,
      lostSamples,
      restartMsMedian: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      settledAtEnd,
    };
  } finally {
    if (writer !== null) clearInterval(writer);
    for (const device of devices) device.destroy();
    await stop(instance);
    await store.cleanup();
  }
}
