// Download on demand: a photo this device does not have, fetched from the server, checked and kept.
import type { Sha256 } from '../domain/ids.ts';
import type { PhotoRef } from '../domain/model.ts';
import { getDb, type MingaDb } from '../storage/db.ts';
import { photoBlob, sha256Hex, storePhoto } from '../storage/photos.ts';
import { currentEndpoint, type BlobEndpoint } from './blobEndpoint.ts';

type Fetch = typeof fetch;

export interface FetchPhotoOptions {
  db?: MingaDb;
  fetch?: Fetch;
  /** Default: the signed-in server and token from settings. */
  endpoint?: BlobEndpoint;
}

const inFlight = new Map<string, Promise<Blob | undefined>>();

/**
 * The photo's bytes, from this device or else from the server (checked against the hash and stored as
 * 'uploaded'); undefined when not signed in, offline, or the server does not have it or will not say.
 */
export function fetchMissingPhoto(
  photo: Sha256 | PhotoRef,
  options: FetchPhotoOptions = {},
): Promise<Blob | undefined> {
  const sha256 = typeof photo === 'string' ? photo : photo.sha256;
  // Several thumbnails of the same photo share one download.
  let request = inFlight.get(sha256);
  if (request === undefined) {
    request = download(photo, sha256, options).finally(() => inFlight.delete(sha256));
    inFlight.set(sha256, request);
  }
  return request;
}

async function download(
  photo: Sha256 | PhotoRef,
  sha256: Sha256,
  options: FetchPhotoOptions,
): Promise<Blob | undefined> {
  const db = options.db ?? getDb();
  const local = await db.blobs.get(sha256);
  if (local !== undefined) return photoBlob(local);
  const endpoint = options.endpoint ?? (await currentEndpoint(db));
  if (endpoint === null) return undefined;
  let bytes: ArrayBuffer;
  let type: string;
  try {
    const response = await (options.fetch ?? fetch)(`${endpoint.baseUrl}/api/blobs/${sha256}`, {
      headers: { Authorization: `Bearer ${endpoint.token}` },
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      return undefined;
    }
    type = response.headers.get('content-type') ?? '';
    bytes = await response.arrayBuffer();
  } catch {
    return undefined;
  }
  if ((await sha256Hex(bytes)) !== sha256) {
    console.warn('blobQueue: downloaded photo does not match its hash', sha256);
    return undefined;
  }
  const ref: PhotoRef =
    typeof photo === 'string'
      ? {
          sha256,
          mime: type || 'image/jpeg',
          bytes: bytes.byteLength,
          width: 0,
          height: 0,
          takenAt: new Date().toISOString(),
          location: null,
        }
      : photo;
  const blob = new Blob([bytes], { type: ref.mime });
  await storePhoto(db, blob, ref, 'uploaded');
  return blob;
}
