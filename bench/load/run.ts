// One load run against one kind of server: starts it (or its instances), runs the workload, measures it.
import type { Device } from './clients.ts';
import { hocuspocusDevice, yWebsocketDevice } from './clients.ts';
import { ProcessWatch } from './procStats.ts';
import {
  kill,
  postgresStore,
  sqliteStore,
  startMinga,
  startPlainHocuspocus,
  startYWebsocket,
  stop,
  type Instance,
  type MingaStore,
  type ServerKind,
} from './servers.ts';
import { missionIds, runWorkload, type PhaseFigures, type Workload } from './workload.ts';
import { removeDir, tempDir } from '../../tests/server/syncHarness.ts';

export interface RunOptions {
  /** Instances of our server (2 or more: PostgreSQL + Redis). The other servers run one. */
  instances: number;
  /** Kill one instance (SIGKILL) halfway through the live phase; its devices move to the others. */
  killOne: boolean;
}

export interface RunFigures extends PhaseFigures {
  server: string;
  /** Server CPU during the live phase and drain, in % of one core (all instances together). */
  serverCpuPercent: number;
  serverCpuSeconds: number;
  peakRssMb: number;
  generatorCpuPercent: number;
  serverErrors: number;
  errorSamples: string[];
}

export async function runAgainst(
  kind: ServerKind,
  workload: Workload,
  options: RunOptions,
): Promise<RunFigures> {
  const { missionOfDevice } = missionIds(workload);
  const instances: Instance[] = [];
  let store: MingaStore | null = null;
  let plainDir: string | null = null;
  const scaled = kind === 'minga' && options.instances > 1;
  const devices: Device[] = [];
  try {
    if (kind === 'minga') {
      store = scaled ? await postgresStore(missionOfDevice) : await sqliteStore(missionOfDevice);
      for (let n = 0; n < (scaled ? options.instances : 1); n += 1)
        instances.push(await startMinga(await store.instanceEnv()));
    } else if (kind === 'hocuspocus') {
      plainDir = await tempDir('plain-hocuspocus-');
      instances.push(await startPlainHocuspocus(plainDir));
    } else {
      instances.push(await startYWebsocket());
    }
    const urls = instances.map((instance) => instance.url);
    // Devices of a mission are i, i + missions, i + 2 × missions…: spread those over the instances, so
    // every mission has devices on each and its edits cross between them.
    const urlsOf = (i: number) => {
      const first = Math.floor(i / workload.missions);
      return urls.map((_, k) => urls[(first + k) % urls.length] ?? '');
    };
    const watch = new ProcessWatch(() =>
      instances
        .filter((x) => x.child.exitCode === null && x.child.signalCode === null)
        .map((x) => x.child.pid ?? 0),
    );
    const whole = new ProcessWatch(() =>
      instances
        .filter((x) => x.child.exitCode === null && x.child.signalCode === null)
        .map((x) => x.child.pid ?? 0),
    );
    whole.start();
    let liveStart = 0;
    const result = await runWorkload(workload, missionOfDevice, {
      open(i, doc) {
        const name = kind === 'minga' ? `mission:${missionOfDevice[i]}` : (missionOfDevice[i] ?? '');
        const device = { urls: urlsOf(i), name, token: store?.tokens[i] ?? 'no-auth', doc };
        const opened = kind === 'ywebsocket' ? yWebsocketDevice(device) : hocuspocusDevice(device);
        devices[i] = opened;
        return opened;
      },
      ...(scaled
        ? {
            instanceOf: (i: number) => {
              const url = devices[i]?.currentUrl();
              return url === undefined ? null : urls.indexOf(url);
            },
          }
        : {}),
      ...(scaled && options.killOne
        ? {
            async midway() {
              const victim = instances[instances.length - 1];
              if (victim === undefined) return;
              watch.sample();
              whole.sample();
              console.info(`killing instance ${victim.url} (SIGKILL)`);
              await kill(victim);
            },
          }
        : {}),
      phase(name) {
        if (name === 'live') {
          liveStart = performance.now();
          watch.start();
        }
      },
    });
    const live = watch.stop();
    const all = whole.stop();
    const liveSeconds = (performance.now() - liveStart) / 1000;
    const errors = instances.flatMap((instance) => instance.errors);
    return {
      server: scaled ? `minga ×${options.instances}${options.killOne ? ' (one killed)' : ''}` : kind,
      ...result.figures,
      serverCpuSeconds: live.cpuSeconds,
      serverCpuPercent: (live.cpuSeconds / liveSeconds) * 100,
      peakRssMb: all.peakRssBytes / 1024 / 1024,
      generatorCpuPercent: (result.figures.generatorCpuSeconds / result.figures.generatorWallSeconds) * 100,
      serverErrors: errors.length,
      errorSamples: errors.slice(0, 5),
    };
  } finally {
    for (const device of devices) device.destroy();
    for (const instance of instances) await stop(instance);
    await store?.cleanup();
    if (plainDir !== null) await removeDir(plainDir);
  }
}
