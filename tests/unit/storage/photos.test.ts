import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MingaDb } from '../../../src/storage/db.ts';
import {
  MAX_LONG_SIDE,
  fitWithin,
  getPhotoBlob,
  isBlobRefusal,
  sha256Hex,
  storePhoto,
} from '../../../src/storage/photos.ts';
import { asSha256, type Sha256 } from '../../../src/domain/ids.ts';
import type { PhotoRef } from '../../../src/domain/model.ts';
import { MingaError } from '../../../src/domain/errors.ts';
import { photoUrl, releasePhotoUrl } from '../../../src/storage/thumbnails.ts';

describe('fitWithin', () => {
  it.each([
    { case: 'landscape', width: 4000, height: 3000, expected: { width: 1600, height: 1200 } },
    { case: 'portrait', width: 3000, height: 4000, expected: { width: 1200, height: 1600 } },
    { case: 'square', width: 2500, height: 2500, expected: { width: 1600, height: 1600 } },
    { case: 'small, not upscaled', width: 640, height: 480, expected: { width: 640, height: 480 } },
    { case: 'exactly 1600', width: 1600, height: 900, expected: { width: 1600, height: 900 } },
    { case: 'rounded', width: 4032, height: 3024, expected: { width: 1600, height: 1200 } },
    { case: 'odd ratio rounded', width: 3001, height: 2000, expected: { width: 1600, height: 1066 } },
    { case: 'thin strip keeps 1 px', width: 10000, height: 2, expected: { width: 1600, height: 1 } },
  ])('$case: $width×$height', ({ width, height, expected }) => {
    expect(fitWithin(width, height)).toEqual(expected);
  });

  it('takes another limit', () => {
    expect(fitWithin(1000, 500, 200)).toEqual({ width: 200, height: 100 });
  });

  it('defaults to the architecture limit', () => {
    expect(MAX_LONG_SIDE).toBe(1600);
  });

  it('refuses sizes no image has', () => {
    expect(() => fitWithin(0, 100)).toThrow(RangeError);
    expect(() => fitWithin(Number.NaN, 100)).toThrow(RangeError);
  });
});

describe('sha256Hex', () => {
  const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

  it('hashes a Uint8Array (FIPS 180-2 vector "abc")', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(ABC);
  });

  it('hashes an ArrayBuffer and the empty input', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc').buffer)).toBe(ABC);
    expect(await sha256Hex(new Uint8Array(0))).toBe(EMPTY);
  });

  it('hashes only the bytes a view shows', async () => {
    const bytes = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(bytes.subarray(2, 5))).toBe(ABC);
  });
});

let db: MingaDb;
beforeEach(() => {
  db = new MingaDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

async function photo(text: string): Promise<{ blob: Blob; ref: PhotoRef }> {
  const bytes = new TextEncoder().encode(text);
  const ref: PhotoRef = {
    sha256: await sha256Hex(bytes),
    mime: 'image/jpeg',
    bytes: bytes.length,
    width: 1600,
    height: 1200,
    takenAt: '2024-05-01T10:00:00.000Z',
    location: null,
  };
  // Node's Blob, not happy-dom's: fake-indexeddb stores through Node's structuredClone, which can clone only
  // its own Blob (as a browser's IndexedDB clones a browser Blob).
  return { blob: new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob, ref };
}

describe('storePhoto', () => {
  it('stores the blob under its hash, waiting for upload', async () => {
    const { blob, ref } = await photo('jpeg bytes');
    await storePhoto(db, blob, ref);
    const row = await db.blobs.get(ref.sha256);
    expect(row).toMatchObject({
      sha256: ref.sha256,
      mime: 'image/jpeg',
      bytes: 10,
      width: 1600,
      height: 1200,
    });
    expect(row?.upload).toBe('local');
    expect(row?.createdAt).toBe(ref.takenAt);
    const stored = await getPhotoBlob(db, ref.sha256);
    expect(stored?.size).toBe(10);
    expect(await sha256Hex(await stored!.arrayBuffer())).toBe(ref.sha256);
  });

  it('is idempotent: the same photo twice is one row; bytes downloaded again stay uploaded', async () => {
    const { blob, ref } = await photo('same bytes');
    await storePhoto(db, blob, ref);
    await db.blobs.update(ref.sha256, { upload: 'uploaded' });
    await storePhoto(db, blob, { ...ref, takenAt: '2024-06-01T00:00:00.000Z' }, 'uploaded');
    expect(await db.blobs.count()).toBe(1);
    const row = await db.blobs.get(ref.sha256);
    expect(row?.upload).toBe('uploaded');
    expect(row?.createdAt).toBe(ref.takenAt);
  });

  it('sends an uploaded photo again when the user attaches it again (it may be for another mission)', async () => {
    const { blob, ref } = await photo('reused bytes');
    await storePhoto(db, blob, ref);
    await db.blobs.update(ref.sha256, { upload: 'uploaded' });
    await storePhoto(db, blob, ref);
    expect(await db.blobs.count()).toBe(1);
    expect((await db.blobs.get(ref.sha256))?.upload).toBe('local');
  });

  it('keeps different photos apart', async () => {
    const a = await photo('a');
    const b = await photo('b');
    await storePhoto(db, a.blob, a.ref);
    await storePhoto(db, b.blob, b.ref);
    expect(await db.blobs.count()).toBe(2);
  });

  it('returns undefined for a photo this device does not have', async () => {
    const missing = asSha256('0'.repeat(64)) as Sha256;
    expect(await getPhotoBlob(db, missing)).toBeUndefined();
  });

  it('reports a full disk as quotaExceeded and leaves nothing behind', async () => {
    const { blob, ref } = await photo('too big');
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    db.blobs.hook('creating', () => {
      throw quota;
    });
    const error = await storePhoto(db, blob, ref).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MingaError);
    expect((error as MingaError).reason).toBe('quotaExceeded');
    expect(await db.blobs.count()).toBe(0);
  });
});

describe('storePhoto where IndexedDB refuses Blobs (WebKit private sessions)', () => {
  // What WebKitGTK 2.50 and Safari's Private Browsing raise when a Blob is put into an object store.
  const webkitRefusal = () =>
    new DOMException('Error preparing Blob/File data to be stored in object store', 'UnknownError');

  /** Refuses Blob values as WebKit does; counts the refusals. Other values pass unless `alsoRefuse` says. */
  function refuseBlobs(alsoRefuse?: () => Error): { refusals: number } {
    const seen = { refusals: 0 };
    db.blobs.hook('creating', (_key, row) => {
      if (!(row.blob instanceof ArrayBuffer)) {
        seen.refusals += 1;
        throw webkitRefusal();
      }
      if (alsoRefuse) throw alsoRefuse();
    });
    return seen;
  }

  it('stores the bytes as an ArrayBuffer and reads them back as a Blob of the photo type', async () => {
    const seen = refuseBlobs();
    const { blob, ref } = await photo('private window');
    await storePhoto(db, blob, ref);
    const row = await db.blobs.get(ref.sha256);
    expect(row?.blob).toBeInstanceOf(ArrayBuffer);
    expect(row).toMatchObject({ mime: 'image/jpeg', bytes: 14, width: 1600, upload: 'local' });
    const read = await getPhotoBlob(db, ref.sha256);
    expect(read?.type).toBe('image/jpeg');
    expect(await sha256Hex(await read!.arrayBuffer())).toBe(ref.sha256);
    expect(seen.refusals).toBe(1);
  });

  it('sends later photos as bytes at once, without another refused write', async () => {
    const seen = refuseBlobs();
    const first = await photo('first');
    const second = await photo('second');
    await storePhoto(db, first.blob, first.ref);
    await storePhoto(db, second.blob, second.ref);
    expect(await db.blobs.count()).toBe(2);
    expect((await db.blobs.get(second.ref.sha256))?.blob).toBeInstanceOf(ArrayBuffer);
    expect(seen.refusals).toBe(1);
  });

  it('keeps an attached-again photo one row, and marks it to be sent again', async () => {
    refuseBlobs();
    const { blob, ref } = await photo('again');
    await storePhoto(db, blob, ref);
    await db.blobs.update(ref.sha256, { upload: 'uploaded' });
    await storePhoto(db, blob, ref);
    expect(await db.blobs.count()).toBe(1);
    expect((await db.blobs.get(ref.sha256))?.upload).toBe('local');
  });

  it('says the browser would not keep the photo when the bytes are refused too, and stores nothing', async () => {
    refuseBlobs(() => new DOMException('Operation failed', 'UnknownError'));
    const { blob, ref } = await photo('nowhere to go');
    const error = await storePhoto(db, blob, ref).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MingaError);
    expect((error as MingaError).reason).toBe('photoNotStored');
    expect(await db.blobs.count()).toBe(0);
  });

  it('still reports a full disk as quotaExceeded when the bytes do not fit', async () => {
    refuseBlobs(() => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const { blob, ref } = await photo('full');
    const error = await storePhoto(db, blob, ref).catch((e: unknown) => e);
    expect((error as MingaError).reason).toBe('quotaExceeded');
    expect(await db.blobs.count()).toBe(0);
  });

  it('does not retry other failures as bytes', async () => {
    let attempts = 0;
    db.blobs.hook('creating', () => {
      attempts += 1;
      throw new DOMException('The transaction was aborted.', 'AbortError');
    });
    const { blob, ref } = await photo('other failure');
    const error = await storePhoto(db, blob, ref).catch((e: unknown) => e);
    expect((error as MingaError).reason).toBe('storageFailed');
    expect(attempts).toBe(1);
  });
});

describe('isBlobRefusal', () => {
  it('recognises the refusal directly, inside a Dexie error and as a cause', () => {
    const refusal = new DOMException(
      'Error preparing Blob/File data to be stored in object store',
      'UnknownError',
    );
    expect(isBlobRefusal(refusal)).toBe(true);
    expect(isBlobRefusal({ name: 'UnknownError', message: 'wrapped', inner: refusal })).toBe(true);
    expect(isBlobRefusal(new Error('write failed', { cause: refusal }))).toBe(true);
    expect(isBlobRefusal(new DOMException('Blob could not be cloned', 'DataCloneError'))).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isBlobRefusal(new DOMException('Operation failed', 'UnknownError'))).toBe(false);
    expect(isBlobRefusal(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(false);
    expect(isBlobRefusal(new TypeError('Blob is not defined'))).toBe(false);
    expect(isBlobRefusal(undefined)).toBe(false);
  });
});

describe('photoUrl', () => {
  it('shares one object URL between users and revokes it after the last release', async () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:photo-1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { blob, ref } = await photo('shown twice');
    await storePhoto(db, blob, ref);

    expect(await photoUrl(db, ref.sha256)).toBe('blob:photo-1');
    expect(await photoUrl(db, ref.sha256)).toBe('blob:photo-1');
    expect(create).toHaveBeenCalledTimes(1);
    releasePhotoUrl(ref.sha256);
    await Promise.resolve();
    expect(revoke).not.toHaveBeenCalled();
    releasePhotoUrl(ref.sha256);
    await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:photo-1'));
  });

  it('gives undefined for a photo not on this device', async () => {
    const missing = asSha256('1'.repeat(64)) as Sha256;
    expect(await photoUrl(db, missing)).toBeUndefined();
    releasePhotoUrl(missing);
  });
});
