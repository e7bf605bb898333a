// The crash loop: our server SIGKILLed at random moments while devices keep editing, restarted each time on
// the same data and port. Every update a device saw acknowledged (as the app counts it: synced, and no
// unsynced change left) must be on the server at the end.
import * as Y from 'yjs';
import { connect, waitFor } from '../../tests/server/syncHarness.ts';
import { hocuspocusDevice, type Device } from './clients.ts';
import { freePort, kill, sqliteStore, startMinga, stop, type Instance } from './servers.ts';
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
async function restart(env: Record<string, string>, port: number): Promise<Instance> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startMinga(env, port);
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
  let instance = await startMinga(store.env, port);
  const url = instance.url;
  const written: string[][] = missionOfDevice.map(() => []);
  const acked = missionOfDevice.map(() => 0);
  const devices: Device[] = [];
  let writer: ReturnType<typeof setInterval> | null = null;
  const restarts: number[] = [];
  let acknowledgedBeforeLastKill = 0;
  try {
    for (const [i, mission] of missionOfDevice.entries()) {
      const device = hocuspocusDevice({
        urls: [url],
        name: `mission:${mission}`,
        token: store.tokens[i] ?? '',
        doc: new Y.Doc(),
      });
      // Everything written before this moment is in the document the server has acknowledged.
      device.onAcknowledged(() => {
        acked[i] = written[i]?.length ?? 0;
      });
      devices.push(device);
    }

    let sent = 0;
    let next = 0;
    const start = performance.now();
    writer = setInterval(() => {
      const due = Math.floor((options.rate * (performance.now() - start)) / 1000);
      while (sent < due) {
        const i = next;
        next = (next + 1) % devices.length;
        const list = written[i] ?? [];
        const key = `${i}:${list.length + 1}`;
        list.push(key);
        devices[i]?.doc.getMap<number>('live').set(key, Date.now());
        sent += 1;
      }
    }, 5);

    for (let k = 1; k <= options.crashes; k += 1) {
      await sleep(options.minMs + Math.random() * (options.maxMs - options.minMs));
      const killedAt = performance.now();
      acknowledgedBeforeLastKill = acked.reduce((a, b) => a + b, 0);
      await kill(instance);
      instance = await restart(store.env, port);
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
              if (lostSamples.length < 10) lostSamples.push(`${mission} ${key}`);
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
      written: sent,
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
