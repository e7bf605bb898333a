// Property: whatever is done to a valid bundle — bytes flipped, the file cut short, entries dropped, copied or
// renamed, manifest fields altered — importing it either refuses with a typed code and leaves the device's stored
// state byte-identical, or merges: every document then holds exactly the device's state merged with the original
// bundle's update for it (or is untouched), and every new photo has the original bytes. FUZZ_RUNS sets the number
// of runs (default below).
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BundleError } from '../../../src/domain/bundle/format.ts';
import { readBundle, type BundleContents } from '../../../src/domain/bundle/read.ts';
import { DOC_ROOTS } from '../../../src/domain/bundle/updates.ts';
import type { MissionId, Sha256 } from '../../../src/domain/ids.ts';
import { exportBundle } from '../../../src/storage/bundleExport.ts';
import { importBundle } from '../../../src/storage/bundleImport.ts';
import { createRecord } from '../../../src/storage/commands.ts';
import { acquireReview, releaseReview } from '../../../src/storage/reviewStore.ts';
import { setDecision } from '../../../src/storage/reviewCommands.ts';
import { deviceState } from '../bundle/deviceState.ts';
import {
  addNotes,
  addPhoto,
  closeDevices,
  makeDevice,
  newMission,
  onMission,
  photoBytes,
  stateOf,
  use,
  type Device,
} from '../bundle/devices.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** A run imports into a fresh device: tens of milliseconds. */
const TIMEOUT = Math.max(120_000, RUNS * 500);

type Mutation =
  | { t: 'flip'; at: number; bit: number }
  | { t: 'truncate'; at: number }
  | { t: 'drop'; entry: number }
  | { t: 'copy'; entry: number; name: number }
  | { t: 'rename'; entry: number; name: number }
  | { t: 'field'; path: number; value: number };

const ODD_NAMES = [
  'manifest.json',
  'MANIFEST.JSON',
  '../manifest.json',
  `photos/${'0'.repeat(64)}`,
  'docs/mission-00000000-0000-4000-8000-000000000000.bin',
  'docs/review-00000000-0000-4000-8000-000000000000.bin',
  'docs/other.bin',
];

/** Manifest fields and odd values for them; index `value` picks one. */
const FIELDS: ((manifest: Record<string, unknown>, value: number) => void)[] = [
  (m, value) => (m['version'] = [0, 2, 1.5, '1', null][value % 5]),
  (m, value) => (m['format'] = ['minga-backup', '', 7][value % 3]),
  (m, value) => (m['createdAt'] = ['2016-04-16T23:58:00.000Z', 'ayer', ''][value % 3]),
  (m, value) => (m['sender'] = [{ name: 'Otra', device: 'x' }, { name: 'Otra' }, 'Otra'][value % 3]),
  (m, value) => doc(m, value, 'bytes', [0, 1, -1, 1e12, 'many']),
  (m, value) => doc(m, value, 'sha256', ['0'.repeat(64), 'xyz', '']),
  (m, value) => doc(m, value, 'since', ['', 'AQID', '%%', 'AA==']),
  (m, value) => doc(m, value, 'kind', ['review', 'mission', 'photo']),
  (m, value) => doc(m, value, 'mission', ['00000000-0000-4000-8000-000000000000', 'x']),
  (m, value) => photo(m, value, 'mime', ['image/png', 'text/html', '']),
  (m, value) => photo(m, value, 'bytes', [0, 1, 5e9]),
  (m, value) => (m['docs'] = listIn(m, 'docs').filter((_, i) => i !== value % 2)),
  (m, value) => (m['photos'] = listIn(m, 'photos').filter((_, i) => i !== value % 2)),
  (m) => (m['extra'] = true),
];

/** The manifest's list under `key`; none when an earlier flip already broke it (then there is nothing to change). */
function listIn(m: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const list = m[key];
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
}

function doc(m: Record<string, unknown>, value: number, key: string, values: unknown[]): void {
  const docs = listIn(m, 'docs');
  const target = docs[value % docs.length];
  if (target && typeof target === 'object') target[key] = values[value % values.length];
}

function photo(m: Record<string, unknown>, value: number, key: string, values: unknown[]): void {
  const photos = listIn(m, 'photos');
  const target = photos[value % photos.length];
  if (target && typeof target === 'object') target[key] = values[value % values.length];
}

function mutate(bundle: Uint8Array, mutation: Mutation): Uint8Array {
  if (mutation.t === 'flip') {
    const out = bundle.slice();
    out[mutation.at % out.length]! ^= 1 << mutation.bit;
    return out;
  }
  if (mutation.t === 'truncate') return bundle.slice(0, mutation.at % bundle.length);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bundle);
  } catch {
    return bundle; // an earlier mutation already broke the zip: nothing to rearrange
  }
  const names = Object.keys(files).sort();
  switch (mutation.t) {
    case 'drop':
      delete files[names[mutation.entry % names.length]!];
      break;
    case 'copy':
      files[ODD_NAMES[mutation.name % ODD_NAMES.length]!] = files[names[mutation.entry % names.length]!]!;
      break;
    case 'rename': {
      const from = names[mutation.entry % names.length]!;
      files[ODD_NAMES[mutation.name % ODD_NAMES.length]!] = files[from]!;
      delete files[from];
      break;
    }
    case 'field': {
      const raw = files['manifest.json'];
      if (!raw) break;
      let manifest: Record<string, unknown>;
      try {
        manifest = JSON.parse(strFromU8(raw)) as Record<string, unknown>;
      } catch {
        break;
      }
      FIELDS[mutation.path % FIELDS.length]!(manifest, mutation.value);
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
      break;
    }
  }
  return zipSync(files);
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('flip'), at: fc.nat(), bit: fc.nat({ max: 7 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('truncate'), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('drop'), entry: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('copy'), entry: fc.nat(9), name: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('rename'), entry: fc.nat(9), name: fc.nat(9) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('field'), path: fc.nat(20), value: fc.nat(20) }) },
);

const sender = makeDevice('Anna');
let mission: MissionId;
let base: Uint8Array;
let bundle: Uint8Array;
let original: BundleContents;
const receivers: Device[] = [];

beforeAll(async () => {
  mission = await newMission(sender);
  await addNotes(sender, mission, 3);
  await use(sender);
  base = (await exportBundle([mission], sender.profile)).bytes;
  const photos = [await addPhoto(sender, 1), await addPhoto(sender, 2)];
  await onMission(sender, mission, (open) =>
    createRecord(open, 'note', { text: 'Escuela con grietas', photos }, sender.profile),
  );
  await addNotes(sender, mission, 2, 'después');
  await use(sender);
  const review = await acquireReview(mission);
  setDecision(review, { decision: 'changesRequested', note: 'Faltan fotos' }, sender.profile, 'coordinator');
  await review.writer.whenIdle();
  releaseReview(mission);
  bundle = (await exportBundle([mission], sender.profile)).bytes;
  original = await readBundle(bundle);
});
afterAll(() => closeDevices(sender, ...receivers));

/** A device that already holds the mission's first bundle, its documents open (see deviceState). */
async function receiver(): Promise<Device> {
  const device = makeDevice('Berta');
  receivers.push(device);
  await use(device);
  await importBundle(base);
  await onMission(device, mission, () => undefined);
  await acquireReview(mission);
  releaseReview(mission);
  return device;
}

function content(update: Uint8Array, kind: 'mission' | 'review') {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const roots = Object.fromEntries(DOC_ROOTS[kind].map((root) => [root, doc.getMap(root).toJSON()]));
  return { roots, stateVector: [...Y.encodeStateVector(doc)] };
}

async function reviewState(device: Device): Promise<Uint8Array> {
  await use(device);
  const review = await acquireReview(mission);
  try {
    return Y.encodeStateAsUpdate(review.doc);
  } finally {
    releaseReview(mission);
  }
}

async function check(mutations: Mutation[]): Promise<'refused' | 'merged'> {
  const file = mutations.reduce(mutate, bundle);
  const device = await receiver();
  const stored = await deviceState(device);
  const before = { mission: await stateOf(device, mission), review: await reviewState(device) };
  let refused: BundleError | null = null;
  await use(device);
  try {
    await importBundle(file);
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    refused = error;
  }
  if (refused) {
    expect(await deviceState(device)).toEqual(stored);
    return 'refused';
  }
  // Accepted: each document is untouched, or is the device's state merged with the original update.
  const after = { mission: await stateOf(device, mission), review: await reviewState(device) };
  for (const kind of ['mission', 'review'] as const) {
    const update = original.docs.find((doc) => doc.entry.kind === kind)!.update;
    const merged = content(Y.mergeUpdates([before[kind], update]), kind);
    const result = content(after[kind], kind);
    if (JSON.stringify(result) !== JSON.stringify(content(before[kind], kind)))
      expect(result).toEqual(merged);
  }
  for (const { entry, bytes } of original.photos) {
    const held = await photoBytes(device, entry.sha256 as Sha256);
    if (held) expect(held).toEqual(bytes);
  }
  await use(device);
  expect(await device.db.blobs.count()).toBeLessThanOrEqual(original.photos.length);
  return 'merged';
}

describe('bundle fuzz', () => {
  it(
    'a mutated bundle is refused with nothing changed, or merges correctly',
    async () => {
      const outcomes = { refused: 0, merged: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          try {
            outcomes[await check(mutations)]++;
          } finally {
            const device = receivers.pop();
            if (device) {
              await use(sender);
              device.db.close();
            }
          }
        }),
        { numRuns: RUNS },
      );
      if (process.env.FUZZ_STATS) console.info(`${RUNS} runs:`, outcomes);
    },
    TIMEOUT,
  );

  // Seed 1483575392 failed here after 30 s of runs: a document's lingering close timer, left over from a pool
  // closed meanwhile, closed the next copy of the same document, which then reloaded (an extra update row). Fixed in
  // src/storage/docPool.ts, with its own test in tests/unit/storage/docPool.test.ts.
  it('regression seed 1483575392: the review entry dropped', async () => {
    expect(await check([{ t: 'drop', entry: 1 }])).toBe('refused');
  });

  // Seed -1180730132 failed in the mutation itself, not in the reader: a flip left the manifest parsable but without
  // its list of documents, and the next mutation read that list. Whatever the flip did, the bundle is refused or
  // merges.
  it('regression seed -1180730132: a manifest flipped out of shape, then one of its documents changed', async () => {
    expect(['refused', 'merged']).toContain(
      await check([
        { t: 'flip', at: 1828329984, bit: 0 },
        { t: 'field', path: 4, value: 0 },
      ]),
    );
  });

  it('the untouched bundle merges, and so does one flipped where the reader need not look (both branches run)', async () => {
    expect(await check([])).toBe('merged');
    // Byte 10 of the first local header is its modification time; nothing reads it.
    expect(await check([{ t: 'flip', at: 10, bit: 0 }])).toBe('merged');
  });
});
