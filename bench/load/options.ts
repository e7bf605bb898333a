// Command-line flags of `npm run bench:load` and `npm run bench:crash`.
import { parseArgs } from 'node:util';
import { SERVER_KINDS, type ServerKind } from './servers.ts';
import type { Workload } from './workload.ts';

export interface LoadCommand {
  workload: Workload;
  servers: ServerKind[];
  instances: number;
  killOne: boolean;
  crashes: number;
  /** Crash loop: a kill lands at a random moment between these, after the server listens again. */
  crashMinMs: number;
  crashMaxMs: number;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return number;
}

export function parseCommand(args: string[], defaults: Partial<Workload> = {}): LoadCommand {
  const { values } = parseArgs({
    args,
    options: {
      devices: { type: 'string' },
      missions: { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      notes: { type: 'string' },
      drain: { type: 'string' },
      'storm-timeout': { type: 'string' },
      servers: { type: 'string' },
      instances: { type: 'string' },
      'kill-one': { type: 'boolean' },
      crashes: { type: 'string' },
      'crash-min-ms': { type: 'string' },
      'crash-max-ms': { type: 'string' },
    },
  });
  const servers = (values.servers ?? SERVER_KINDS.join(',')).split(',').map((s) => s.trim());
  for (const server of servers)
    if (!SERVER_KINDS.includes(server as ServerKind))
      throw new Error(`--servers: unknown ${server} (known: ${SERVER_KINDS.join(', ')})`);
  const instances = positive('instances', values.instances, 1);
  if (!Number.isInteger(instances) || instances < 1) throw new Error('--instances must be 1, 2, 3…');
  return {
    workload: {
      devices: positive('devices', values.devices, defaults.devices ?? 500),
      missions: positive('missions', values.missions, defaults.missions ?? 100),
      rate: positive('rate', values.rate, defaults.rate ?? 1000),
      seconds: positive('seconds', values.seconds, defaults.seconds ?? 20),
      backlogNotes: positive('notes', values.notes, defaults.backlogNotes ?? 24),
      drainMs: positive('drain', values.drain, defaults.drainMs ?? 5000),
      stormTimeoutMs: positive('storm-timeout', values['storm-timeout'], defaults.stormTimeoutMs ?? 120_000),
    },
    servers: servers as ServerKind[],
    instances,
    killOne: values['kill-one'] === true,
    crashes: positive('crashes', values.crashes, 50),
    crashMinMs: positive('crash-min-ms', values['crash-min-ms'], 1000),
    crashMaxMs: positive('crash-max-ms', values['crash-max-ms'], 4000),
  };
}
