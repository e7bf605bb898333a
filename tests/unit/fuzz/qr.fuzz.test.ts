// Property: whatever happens to a QR transfer's frames on the way — frames lost, repeated, reordered, characters
// changed or cut, frames of another transfer or other QR codes seen in between — the scan either refuses with a
// typed code, or stays incomplete, or recovers exactly the bundle that was shown; and a recovered bundle imported
// into a device that lacks the mission merges it whole (the sender's content), never part of it. FUZZ_RUNS sets
// the number of runs (default below); FUZZ_SEED replays one.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QR_REFUSALS, QrError, QrReceiver, encodeQrFrames } from '../../../src/domain/bundle/qrFrames.ts';
import { DOC_ROOTS } from '../../../src/domain/bundle/updates.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import { exportBundle } from '../../../src/storage/bundleExport.ts';
import { importBundle } from '../../../src/storage/bundleImport.ts';
import { addNotes, closeDevices, makeDevice, newMission, stateOf, use } from '../bundle/devices.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const TIMEOUT = Math.max(120_000, RUNS * 400);

type Mutation =
  | { t: 'drop'; at: number }
  | { t: 'repeat'; at: number }
  | { t: 'swap'; at: number; with: number }
  | { t: 'char'; at: number; pos: number; code: number }
  | { t: 'cut'; at: number; pos: number }
  | { t: 'foreign'; at: number; from: number }
  | { t: 'other'; at: number; text: string }
  | { t: 'stop'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('drop'), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('repeat'), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('swap'), at: fc.nat(), with: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('char'), at: fc.nat(), pos: fc.nat(), code: fc.nat(127) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('cut'), at: fc.nat(), pos: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('foreign'), at: fc.nat(), from: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('other'), at: fc.nat(), text: fc.string({ maxLength: 80 }) }),
  },
);

const sender = makeDevice('Anna');
let mission: MissionId;
let bundle: Uint8Array;
/** What the camera sees when nothing goes wrong: the looping frames, twice round. */
let seen: string[];
/** Frames of another transfer (another phone beside the first). */
let foreign: string[];
let merged: unknown;

function content(update: Uint8Array): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return Object.fromEntries(DOC_ROOTS.mission.map((root) => [root, doc.getMap(root).toJSON()]));
}

beforeAll(async () => {
  mission = await newMission(sender);
  await addNotes(sender, mission, 12);
  await use(sender);
  bundle = (await exportBundle([mission], sender.profile, { photos: false, remember: false })).bytes;
  const frames = encodeQrFrames(bundle, 'FUZZAAAA');
  seen = [...frames, ...frames];
  foreign = encodeQrFrames(bundle.slice(0, 900), 'FUZZBBBB');
  merged = content(await stateOf(sender, mission));
});
afterAll(() => closeDevices(sender));

function mutate(frames: string[], m: Mutation): string[] {
  const next = [...frames];
  const at = m.at % Math.max(1, next.length);
  if (m.t === 'drop') next.splice(at, 1);
  else if (m.t === 'repeat') next.splice(at, 0, next[at]!);
  else if (m.t === 'swap') [next[at], next[m.with % next.length]] = [next[m.with % next.length]!, next[at]!];
  else if (m.t === 'char') {
    const frame = next[at]!;
    const pos = m.pos % frame.length;
    next[at] = frame.slice(0, pos) + String.fromCharCode(m.code) + frame.slice(pos + 1);
  } else if (m.t === 'cut') next[at] = next[at]!.slice(0, m.pos % next[at]!.length);
  else if (m.t === 'foreign') next.splice(at, 0, foreign[m.from % foreign.length]!);
  else if (m.t === 'other') next.splice(at, 0, m.text);
  // The user stops scanning (or the sender its codes) partway.
  else next.splice(at);
  return next;
}

type Outcome = 'refused' | 'incomplete' | 'merged';

async function check(mutations: Mutation[]): Promise<Outcome> {
  const frames = mutations.reduce(mutate, seen);
  const receiver = new QrReceiver();
  try {
    for (const frame of frames) if (receiver.receive(frame).done) break;
  } catch (error) {
    if (!(error instanceof QrError)) throw error;
    expect(QR_REFUSALS).toContain(error.code);
    expect(receiver.payload()).toBeNull();
    return 'refused';
  }
  const payload = receiver.payload();
  if (!payload) return 'incomplete';
  // A checksum guards the data: what is recovered is the very bundle shown, byte for byte.
  expect(payload).toEqual(bundle);
  const device = makeDevice('Berta');
  try {
    await use(device);
    await importBundle(payload);
    expect(content(await stateOf(device, mission))).toEqual(merged);
  } finally {
    await use(sender);
    device.db.close();
  }
  return 'merged';
}

describe('QR frame fuzz', () => {
  it(
    'mutated frame sequences are refused, stay incomplete, or give back the exact bundle that merges whole',
    async () => {
      const outcomes: Record<Outcome, number> = { refused: 0, incomplete: 0, merged: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
          outcomes[await check(mutations)]++;
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      if (process.env.FUZZ_STATS) console.info(`${RUNS} runs:`, outcomes);
    },
    TIMEOUT,
  );

  it('every branch runs: untouched frames merge, a foreign frame and a flipped character are refused', async () => {
    expect(await check([])).toBe('merged');
    expect(
      await check([
        { t: 'drop', at: 0 },
        { t: 'drop', at: 5 },
      ]),
    ).toBe('merged');
    expect(await check([{ t: 'foreign', at: 3, from: 0 }])).toBe('refused');
    expect(await check([{ t: 'other', at: 0, text: 'WIFI:S:casa;;' }])).toBe('refused');
    expect(await check([{ t: 'char', at: 2, pos: 30, code: 33 }])).toBe('refused');
    expect(await check([{ t: 'stop', at: 3 }])).toBe('incomplete');
  });
});
