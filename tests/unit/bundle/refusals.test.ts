// Every way a bundle is refused, from crafted files: each refusal names its problem with a code, and nothing on the
// device changes (its stored documents, photos and tables stay byte-identical).
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BundleError, MAX_ENTRIES, type BundleRefusal } from '../../../src/domain/bundle/format.ts';
import { DOC_ROOTS } from '../../../src/domain/bundle/updates.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import { createRecord, updateRecord } from '../../../src/storage/commands.ts';
import { exportBundle } from '../../../src/storage/bundleExport.ts';
import { importBundle, previewBundle } from '../../../src/storage/bundleImport.ts';
import { COMMENTS_ROOT, DECISION_ROOT } from '../../../src/storage/reviewDoc.ts';
import { declareSize, entriesOf, manifestOf, withDocUpdate, withManifest, zip } from './craft.ts';
import { deviceState } from './deviceState.ts';
import { addNotes, addPhoto, closeDevices, makeDevice, newMission, onMission, use } from './devices.ts';

const a = makeDevice('Anna');
const b = makeDevice('Berta');
let mission: MissionId;
/** A's mission after edits B has not seen: accepted, it would change B. */
let fresh: Uint8Array;
/** A second mission of A's, unknown to B. */
let other: MissionId;

beforeAll(async () => {
  mission = await newMission(a);
  const photo = await addPhoto(a, 7);
  await onMission(a, mission, (open) =>
    createRecord(open, 'note', { text: 'Puente', photos: [photo] }, a.profile),
  );
  await use(a);
  const base = (await exportBundle([mission], a.profile)).bytes;
  await use(b);
  await importBundle(base);
  await addNotes(a, mission, 2, 'después');
  other = await newMission(a, 'Jama');
  await use(a);
  fresh = (await exportBundle([mission], a.profile)).bytes;
});
afterAll(() => closeDevices(a, b));

async function refusal(file: Uint8Array): Promise<BundleRefusal> {
  // Opened first: y-indexeddb appends an (empty) update row whenever it loads a document, import or not.
  await onMission(b, mission, () => undefined);
  const before = await deviceState(b);
  const codes: string[] = [];
  for (const attempt of [previewBundle, importBundle]) {
    try {
      await attempt(file);
      codes.push('accepted');
    } catch (error) {
      if (!(error instanceof BundleError)) throw error;
      codes.push(error.code);
    }
  }
  expect(await deviceState(b)).toEqual(before);
  expect(codes[0]).toBe(codes[1]);
  return codes[0] as BundleRefusal;
}

describe('a bundle is refused, and nothing on the device changes, when', () => {
  it('the file is not a zip', async () => {
    expect(await refusal(strToU8('{"format":"minga-backup"}'))).toBe('notABundle');
    expect(await refusal(new Uint8Array(0))).toBe('notABundle');
  });

  it('the zip holds no manifest of ours', async () => {
    expect(await refusal(zipSync({}))).toBe('notABundle');
    expect(await refusal(zipSync({ 'manifest.json': strToU8('{"format":"other"}') }))).toBe('notABundle');
  });

  it('the zip is truncated', async () => {
    expect(await refusal(fresh.subarray(0, fresh.length - 10))).toBe('corrupt');
    expect(await refusal(fresh.subarray(0, Math.floor(fresh.length / 2)))).toBe('corrupt');
  });

  it('an entry declares a huge size (a zip bomb), before anything is decompressed', async () => {
    const doc = Object.keys(entriesOf(fresh)).find((name) => name.startsWith('docs/'))!;
    expect(await refusal(declareSize(fresh, doc, 0xfffffff0))).toBe('tooLarge');
    expect(await refusal(declareSize(fresh, 'manifest.json', 5 * 1024 * 1024))).toBe('tooLarge');
  });

  it('an entry inflates far past the size it declares, and only the declared size is ever held', async () => {
    const files = entriesOf(fresh);
    const photo = Object.keys(files).find((name) => name.startsWith('photos/'))!;
    const declared = files[photo]!.length;
    // 64 MiB of zeros deflate to about 64 KiB; the directory is made to say the photo's true size.
    const bomb = zipSync({ ...files, [photo]: new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(declareSize(bomb, photo, declared))).toBe('photoMismatch');
  });

  it('the zip holds 100,000 entries', { timeout: 60_000 }, async () => {
    const files: Record<string, Uint8Array> = {};
    const empty = new Uint8Array(0);
    for (let i = 0; i < 100_000; i++) files[`photos/${i.toString(16).padStart(64, '0')}`] = empty;
    const bomb = zipSync(files, { level: 0 });
    expect(100_000).toBeGreaterThan(MAX_ENTRIES);
    expect(await refusal(bomb)).toBe('tooLarge');
  });

  it('it was made by a newer version', async () => {
    const newer = withManifest(entriesOf(fresh), (manifest) => {
      manifest['version'] = 2;
      manifest['docs'] = 'a shape this version does not know';
    });
    expect(await refusal(zip(newer))).toBe('newerVersion');
  });

  it('the manifest does not follow the format', async () => {
    const files = entriesOf(fresh);
    expect(await refusal(zip(withManifest(files, (m) => delete m['sender'])))).toBe('badManifest');
    expect(await refusal(zip(withManifest(files, (m) => (m['createdAt'] = 'yesterday'))))).toBe(
      'badManifest',
    );
    const twice = withManifest(files, (m) => (m['docs'] = [...(m['docs'] as []), ...(m['docs'] as [])]));
    expect(await refusal(zip(twice))).toBe('badManifest');
  });

  it('an entry is not one of the format, or one listed is absent', async () => {
    const files = entriesOf(fresh);
    expect(await refusal(zip({ ...files, 'readme.txt': strToU8('hola') }))).toBe('unexpectedEntry');
    expect(await refusal(zip({ ...files, '../manifest.json': strToU8('{}') }))).toBe('unexpectedEntry');
    const photo = Object.keys(files).find((name) => name.startsWith('photos/'))!;
    const withoutPhoto = { ...files };
    delete withoutPhoto[photo];
    expect(await refusal(zip(withoutPhoto))).toBe('unexpectedEntry');
    const unlisted = { ...files, [`photos/${'a'.repeat(64)}`]: strToU8('x') };
    expect(await refusal(zip(unlisted))).toBe('unexpectedEntry');
  });

  it("a photo's bytes do not match its hash", async () => {
    const files = entriesOf(fresh);
    const photo = Object.keys(files).find((name) => name.startsWith('photos/'))!;
    const swapped = files[photo]!.map((byte) => byte ^ 1);
    expect(await refusal(zip({ ...files, [photo]: swapped }))).toBe('photoMismatch');
  });

  it("a document's bytes do not match its hash", async () => {
    const files = entriesOf(fresh);
    const doc = Object.keys(files).find((name) => name.startsWith('docs/'))!;
    const changed = files[doc]!.slice();
    changed[changed.length - 1]! ^= 1;
    expect(await refusal(zip({ ...files, [doc]: changed }))).toBe('docMismatch');
  });

  it('an update does not parse, or writes where a mission keeps nothing', async () => {
    const files = entriesOf(fresh);
    expect(await refusal(zip(await withDocUpdate(files, strToU8('not a yjs update'))))).toBe('badUpdate');
    const stray = new Y.Doc();
    stray.getMap('elsewhere').set('x', 1);
    expect(await refusal(zip(await withDocUpdate(files, Y.encodeStateAsUpdate(stray))))).toBe('badUpdate');
  });

  it("an update builds on another document's changes the device never had", async () => {
    // A's later changes to another mission, made against what A had: their clients are unknown here.
    await use(a);
    const otherDelta = await onMission(a, other, (open) => {
      const note = createRecord(open, 'note', { text: 'Jama' }, a.profile);
      const before = Y.encodeStateVector(open.doc);
      // Typed after existing text: the insertion names the character it follows, which B never received.
      updateRecord(open, 'note', note, { text: 'Jama, segunda visita' }, a.profile, { text: 'Jama' });
      return Y.encodeStateAsUpdate(open.doc, before);
    });
    expect(await refusal(zip(await withDocUpdate(entriesOf(fresh), otherDelta)))).toBe('missingHistory');
  });

  it('still accepts the untouched bundle (the crafted cases differ from it only where they say)', async () => {
    await use(b);
    expect(manifestOf(entriesOf(fresh)).docs).toHaveLength(1);
    expect((await previewBundle(fresh)).missions[0]).toMatchObject({ id: mission, changes: true });
  });
});

it("the review roots the format allows are the review document's own", () => {
  expect(DOC_ROOTS.review).toEqual([DECISION_ROOT, COMMENTS_ROOT]);
});
