// Photos: resized, oriented and stripped of metadata on the device, hashed, and kept as Blobs in Dexie (as
// ArrayBuffers where the browser's IndexedDB refuses Blobs).
import { MingaError, isQuotaError, toMingaError } from '../domain/errors.ts';
import { asSha256, type Sha256 } from '../domain/ids.ts';
import type { GeoPoint, PhotoRef } from '../domain/model.ts';
import type { BlobRow, MingaDb } from './db.ts';

/** Long side of a stored photo: enough to read a crack or a placard, small enough to sync over 3G. */
export const MAX_LONG_SIDE = 1600;
export const JPEG_QUALITY = 0.85;
const JPEG = 'image/jpeg';

export interface Size {
  width: number;
  height: number;
}

export interface PhotoOptions {
  /** The technician's explicit choice to keep where the photo was taken; null strips it. */
  keepLocation: GeoPoint | null;
  now?: () => Date;
}

export interface ProcessedPhoto {
  blob: Blob;
  ref: PhotoRef;
}

/** The largest size with the same aspect ratio whose long side is at most maxLongSide; never upscales. */
export function fitWithin(width: number, height: number, maxLongSide = MAX_LONG_SIDE): Size {
  if (!(width > 0 && height > 0 && maxLongSide > 0)) {
    throw new RangeError(`fitWithin: invalid size ${width}x${height} (max ${maxLongSide})`);
  }
  const scale = Math.min(1, maxLongSide / Math.max(width, height));
  // A 1-pixel-wide panorama must not round to zero: canvases of width 0 cannot be encoded.
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Lowercase hex SHA-256 of the bytes. */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<Sha256> {
  // SubtleCrypto refuses views over a SharedArrayBuffer; copy only in that rare case.
  const data = bytes instanceof Uint8Array && !(bytes.buffer instanceof ArrayBuffer) ? bytes.slice() : bytes;
  const digest = await crypto.subtle.digest('SHA-256', data as ArrayBuffer | Uint8Array<ArrayBuffer>);
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  const sha = asSha256(hex);
  if (!sha) throw new Error('sha256Hex: digest is not 32 bytes');
  return sha;
}

/**
 * Decodes (applying the EXIF orientation), shrinks to MAX_LONG_SIDE and re-encodes as JPEG. Re-encoding from
 * pixels is what strips metadata: the output carries no EXIF at all, GPS included. A kept location therefore
 * travels in the PhotoRef, never inside the file.
 */
export async function processPhoto(file: Blob, options: PhotoOptions): Promise<ProcessedPhoto> {
  const now = options.now ?? (() => new Date());
  const { blob, size } = await reencode(file);
  const sha256 = await sha256Hex(await blob.arrayBuffer());
  const ref: PhotoRef = {
    sha256,
    mime: blob.type || JPEG,
    bytes: blob.size,
    width: size.width,
    height: size.height,
    takenAt: now().toISOString(),
    location: options.keepLocation,
  };
  return { blob, ref };
}

/**
 * Stores an already processed photo. Content-addressed, so storing the same photo twice is harmless. `upload`
 * is 'uploaded' for bytes that came from the sync server, so the queue does not send them back.
 *
 * WebKit's IndexedDB refuses Blobs in a non-persistent session (Safari's Private Browsing, any browser on an
 * iPhone in a private tab): 'Error preparing Blob/File data to be stored in object store'. It accepts the same
 * bytes as an ArrayBuffer, so on that refusal the row is written again that way; photoBlob() reads both forms.
 */
export async function storePhoto(
  db: MingaDb,
  blob: Blob,
  ref: PhotoRef,
  upload: BlobRow['upload'] = 'local',
): Promise<void> {
  const row: BlobRow = {
    sha256: ref.sha256,
    blob,
    mime: ref.mime,
    bytes: ref.bytes,
    width: ref.width,
    height: ref.height,
    createdAt: ref.takenAt,
    upload,
  };
  if (refusesBlobs.has(db)) {
    await writeBytes(db, row, blob);
    return;
  }
  try {
    await writeRow(db, row);
  } catch (error) {
    if (!isBlobRefusal(error)) throw toMingaError(error);
    refusesBlobs.add(db);
    await writeBytes(db, row, blob);
  }
}

/** Databases that refused a Blob once: later photos go to them as bytes straight away. */
const refusesBlobs = new WeakSet<MingaDb>();

/** WebKit's refusal of Blob values (an UnknownError naming Blob/File), however Dexie wraps it. */
export function isBlobRefusal(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (
      (name === 'UnknownError' || name === 'DataCloneError') &&
      typeof message === 'string' &&
      /\bblob\b/i.test(message)
    )
      return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

async function writeBytes(db: MingaDb, row: BlobRow, blob: Blob): Promise<void> {
  let bytes: ArrayBuffer;
  try {
    bytes = await blob.arrayBuffer();
  } catch (error) {
    throw new MingaError('photoUnreadable', { cause: error });
  }
  try {
    await writeRow(db, { ...row, blob: bytes });
  } catch (error) {
    // Full is full; anything else means this browser keeps no photo at all here, which the user must be told.
    throw isQuotaError(error) ? toMingaError(error) : new MingaError('photoNotStored', { cause: error });
  }
}

async function writeRow(db: MingaDb, row: BlobRow): Promise<void> {
  // One transaction, at most one write. Bytes downloaded again leave an existing row alone. A photo the user
  // attaches again may now belong to another mission too: the server grants readers per mission reference,
  // so it must be sent once more, with that mission (PUT is idempotent; the bytes are not stored twice).
  await db.transaction('rw', db.blobs, async () => {
    const existing = await db.blobs.get(row.sha256);
    if (existing === undefined) await db.blobs.put(row);
    else if (row.upload === 'local' && existing.upload === 'uploaded')
      await db.blobs.update(row.sha256, { upload: 'local' });
  });
}

/** The photo of a stored row as a Blob, whether the row holds a Blob or, where Blobs were refused, bytes. */
export function photoBlob(row: Pick<BlobRow, 'blob' | 'mime'>): Blob {
  return row.blob instanceof ArrayBuffer ? new Blob([row.blob], { type: row.mime }) : row.blob;
}

/** Processes and stores a photo; returns the reference to put in the Y.Doc. */
export async function savePhoto(db: MingaDb, file: Blob, options: PhotoOptions): Promise<PhotoRef> {
  const { blob, ref } = await processPhoto(file, options);
  await storePhoto(db, blob, ref);
  return ref;
}

export async function getPhotoBlob(db: MingaDb, sha256: Sha256): Promise<Blob | undefined> {
  try {
    const row = await db.blobs.get(sha256);
    return row === undefined ? undefined : photoBlob(row);
  } catch (error) {
    throw toMingaError(error);
  }
}

async function reencode(file: Blob): Promise<{ blob: Blob; size: Size }> {
  let bitmap: ImageBitmap;
  try {
    // 'from-image' applies the EXIF orientation, so a portrait shot stored sideways comes out upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new MingaError('photoUnreadable', { cause: error });
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    return { blob: await encodeJpeg(bitmap, size), size };
  } catch (error) {
    // Canvas allocation or encoding failed (usually memory on a small phone): to the user, still unreadable.
    throw error instanceof MingaError ? error : new MingaError('photoUnreadable', { cause: error });
  } finally {
    bitmap.close();
  }
}

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function paint(context: Context2D | null, bitmap: ImageBitmap, size: Size): void {
  if (!context) throw new MingaError('photoUnreadable');
  // JPEG has no alpha: transparent areas of a PNG would otherwise come out black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
}

async function encodeJpeg(bitmap: ImageBitmap, size: Size): Promise<Blob> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    paint(canvas.getContext('2d'), bitmap, size);
    return canvas.convertToBlob({ type: JPEG, quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  try {
    paint(canvas.getContext('2d'), bitmap, size);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new MingaError('photoUnreadable'))),
        JPEG,
        JPEG_QUALITY,
      );
    });
  } finally {
    // iOS Safari caps total canvas memory; a zero-sized canvas gives its share back before GC does.
    canvas.width = 0;
    canvas.height = 0;
  }
}
