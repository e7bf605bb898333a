// The workload: devices with a day of offline notes connect at once (the storm), then edit live at a paced
// aggregate rate; every other device of the mission measures when each edit reaches it.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { waitFor } from '../../tests/server/syncHarness.ts';
import type { Device } from './clients.ts';

export interface Workload {
  devices: number;
  missions: number;
  /** Live updates per second, all devices together. */
  rate: number;
  seconds: number;
  /** Notes each device wrote offline before connecting. */
  backlogNotes: number;
  /** After the live phase, how long deliveries may still arrive. */
  drainMs: number;
  /** The storm must have synced by then, or the run goes on with what connected (and says so). */
  stormTimeoutMs: number;
}

/** Mission of each device: devices are dealt round-robin, so missions have equal shares. */
export function missionIds(workload: Workload): { missions: string[]; missionOfDevice: string[] } {
  const missions = Array.from({ length: workload.missions }, () => randomUUID());
  const missionOfDevice = Array.from(
    { length: workload.devices },
    (_, i) => missions[i % workload.missions] ?? '',
  );
  return { missions, missionOfDevice };
}

/** A day of field notes written on the device while offline: one change per note, as typed. */
export function writeBacklog(doc: Y.Doc, device: number, notes: number): void {
  const map = doc.getMap<string>('notes');
  for (let n = 0; n < notes; n += 1) {
    doc.transact(() => {
      map.set(
        `${device}-${n}`,
        `Device ${device}, note ${n}: visited the site, pump station in working order, ` +
          `drainage channel partly blocked by debris after the rain, follow-up with the municipal team. `.repeat(
            2,
          ),
      );
    });
  }
}

export interface Sample {
  ms: number;
  cross: boolean;
}

export interface PhaseFigures {
  stormMs: number;
  stormSynced: number;
  sent: number;
  sentPerSecond: number;
  acceptedPerSecond: number | null;
  fannedOutPerSecond: number;
  expected: number;
  delivered: number;
  missing: number;
  latency: { p50: number; p95: number; p99: number };
  crossLatency: { p50: number; p95: number; p99: number; samples: number } | null;
  closes: number;
  generatorCpuSeconds: number;
  /** Wall time of the whole run (backlog, storm, live, drain), over which the generator's CPU is counted. */
  generatorWallSeconds: number;
}

function percentiles(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const now = () => performance.timeOrigin + performance.now();

export interface RunHooks {
  /** Opens device i on its Y.Doc (the backlog already written in it). */
  open(i: number, doc: Y.Doc): Device;
  /** The instance a device is on now, to tell cross-instance deliveries apart (null: one instance). */
  instanceOf?(i: number): number | null;
  /** Called once, halfway through the live phase (kills an instance). */
  midway?(): Promise<void>;
  /** Before and after each phase, the servers' figures are sampled by the caller. */
  phase?(name: 'storm' | 'live' | 'end'): void;
}

/** Runs the storm and the live phase; resolves with the figures and the devices (the caller destroys them). */
export async function runWorkload(
  workload: Workload,
  missionOfDevice: readonly string[],
  hooks: RunHooks,
): Promise<{ figures: PhaseFigures; devices: Device[] }> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = now();
  const perMission = new Map<string, number[]>();
  for (const [i, mission] of missionOfDevice.entries())
    perMission.set(mission, [...(perMission.get(mission) ?? []), i]);

  const docs = missionOfDevice.map((_, i) => {
    const doc = new Y.Doc();
    writeBacklog(doc, i, workload.backlogNotes);
    return doc;
  });

  let delivered = 0;
  let deliveredLive = 0;
  let live = false;
  const samples: number[] = [];
  const crossSamples: number[] = [];
  for (const [i, doc] of docs.entries()) {
    doc.getMap<number>('live').observe((event, transaction) => {
      if (transaction.local) return;
      const at = now();
      for (const [key, change] of event.changes.keys) {
        if (change.action !== 'add') continue;
        const sentAt = event.target.get(key);
        if (typeof sentAt !== 'number') continue;
        delivered += 1;
        if (live) deliveredLive += 1;
        samples.push(at - sentAt);
        const writer = Number(key.slice(0, key.indexOf(':')));
        const mine = hooks.instanceOf?.(i) ?? null;
        if (mine !== null && mine !== hooks.instanceOf?.(writer)) crossSamples.push(at - sentAt);
      }
    });
  }

  // The storm: every device at once; synced once each has its backlog acknowledged and all its peers' notes.
  hooks.phase?.('storm');
  const stormStart = now();
  const devices = docs.map((doc, i) => hooks.open(i, doc));
  const notesPerMission = (i: number) =>
    (perMission.get(missionOfDevice[i] ?? '')?.length ?? 0) * workload.backlogNotes;
  const isSynced = (i: number) =>
    devices[i]?.settled() === true && (docs[i]?.getMap('notes').size ?? 0) === notesPerMission(i);
  const stormDone = await waitFor(
    () => devices.every((_, i) => isSynced(i)),
    workload.stormTimeoutMs,
    'the storm',
  ).catch(() => false);
  const stormMs = now() - stormStart;
  const stormSynced = devices.filter((_, i) => isSynced(i)).length;
  if (!stormDone) console.warn(`storm: ${stormSynced}/${devices.length} devices synced after ${stormMs} ms`);

  // Live editing, paced: each tick sends what is due by the clock, writers taken in turn.
  hooks.phase?.('live');
  const acksBefore = devices.reduce((sum, d) => sum + (d.acks() ?? 0), 0);
  const seq = new Array<number>(devices.length).fill(0);
  let expected = 0;
  let sent = 0;
  let writer = 0;
  live = true;
  const liveStart = now();
  const durationMs = workload.seconds * 1000;
  let midway: Promise<void> | null = null;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = now() - liveStart;
      if (midway === null && hooks.midway && elapsed >= durationMs / 2) midway = hooks.midway();
      const due = Math.floor((workload.rate * Math.min(elapsed, durationMs)) / 1000);
      while (sent < due) {
        const i = writer;
        writer = (writer + 1) % devices.length;
        const n = (seq[i] ?? 0) + 1;
        seq[i] = n;
        docs[i]?.getMap<number>('live').set(`${i}:${n}`, now());
        expected += (perMission.get(missionOfDevice[i] ?? '')?.length ?? 1) - 1;
        sent += 1;
      }
      if (elapsed >= durationMs) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  const liveMs = now() - liveStart;
  const fannedOutPerSecond = deliveredLive / (liveMs / 1000);
  const acksLive = devices.reduce((sum, d) => sum + (d.acks() ?? 0), 0) - acksBefore;
  live = false;
  await midway;
  // Drain: deliveries still on their way (or devices still reconnecting) may arrive until then.
  await waitFor(() => delivered >= expected, workload.drainMs, 'the drain').catch(() => undefined);
  hooks.phase?.('end');

  const cpu = process.cpuUsage(cpuBefore);
  const hasAcks = devices.some((d) => d.acks() !== null);
  return {
    devices,
    figures: {
      stormMs,
      stormSynced,
      sent,
      sentPerSecond: sent / (liveMs / 1000),
      acceptedPerSecond: hasAcks ? acksLive / (liveMs / 1000) : null,
      fannedOutPerSecond,
      expected,
      delivered,
      missing: Math.max(0, expected - delivered),
      latency: percentiles(samples),
      crossLatency:
        hooks.instanceOf === undefined
          ? null
          : { ...percentiles(crossSamples), samples: crossSamples.length },
      closes: devices.reduce((sum, d) => sum + d.closes.filter((code) => code !== 1000).length, 0),
      generatorCpuSeconds: (cpu.user + cpu.system) / 1e6,
      generatorWallSeconds: (now() - wallBefore) / 1000,
    },
  };
}
