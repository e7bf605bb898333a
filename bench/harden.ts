// Costs of the server's refusals: a flood of updates whose dependencies never arrive, and the check itself.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { startMingaServer } from '../src/server/app.ts';
import { createToken, openDatabase } from '../src/server/db.ts';
import { unintegrableReason } from '../src/server/integrable.ts';
import { silentLogger } from '../src/server/log.ts';

export interface HardenFigures {
  flood: { frames: number; frameBytes: number; healthzMs: number; closedAfterMs: number };
  check: { items: number; updateBytes: number; medianMs: number };
}

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
const varBytes = (b: Uint8Array) => [...varUint(b.length), ...b];
const varString = (s: string) => varBytes(new TextEncoder().encode(s));

async function flood(frames: number): Promise<HardenFigures['flood']> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'minga-bench-harden-'));
  const server = await startMingaServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    distDir: path.join(dataDir, 'no-dist'),
    log: silentLogger,
    limits: { writesPerSecond: 1_000_000, writeBurst: 1_000_000 },
  });
  const admin = openDatabase(dataDir);
  try {
    const { token } = createToken(admin, { role: 'coordinator', name: 'bench' });
    const name = `mission:${crypto.randomUUID()}`;
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/sync`);
    ws.binaryType = 'arraybuffer';
    let closedAt = 0;
    ws.addEventListener('close', () => (closedAt = performance.now()));
    await new Promise((resolve) => ws.addEventListener('open', resolve));
    const authenticated = new Promise((resolve) => ws.addEventListener('message', resolve, { once: true }));
    ws.send(new Uint8Array([...varString(name), 2, 0, ...varString(token)]));
    await authenticated;
    // Each frame: one character whose predecessor (clock 0 of its client) is never sent.
    const frameList: Uint8Array<ArrayBuffer>[] = [];
    for (let i = 0; i < frames; i++) {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getText('text').insert(0, 'a');
      doc.getText('text').insert(1, 'b');
      frameList.push(new Uint8Array([...varString(name), 0, 2, ...varBytes(updates[1] as Uint8Array)]));
    }
    const start = performance.now();
    for (const frame of frameList) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
    const healthStart = performance.now();
    await fetch(`http://127.0.0.1:${server.port}/healthz`);
    const healthzMs = performance.now() - healthStart;
    while (closedAt === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    return {
      frames,
      frameBytes: frameList[0]?.length ?? 0,
      healthzMs,
      closedAfterMs: closedAt - start,
    };
  } finally {
    admin.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function check(items: number): HardenFigures['check'] {
  const source = new Y.Doc();
  const text = source.getText('text');
  // Many small edits at varied places: many structs and origins to look up.
  for (let i = 0; i < items; i++) text.insert(Math.floor((i * 7919) % (text.length + 1)), 'x');
  const update = Y.encodeStateAsUpdate(source);
  const target = new Y.Doc();
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const start = performance.now();
    if (unintegrableReason(target, update) !== null) throw new Error('a whole document must be integrable');
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { items, updateBytes: update.length, medianMs: times[Math.floor(times.length / 2)] ?? 0 };
}

export async function measureHarden(): Promise<HardenFigures> {
  return { flood: await flood(6000), check: check(20_000) };
}
