// Object URLs for stored photos, shared and reference-counted so a photo shown twice is decoded once.
import type { Sha256 } from '../domain/ids.ts';
import type { MingaDb } from './db.ts';
import { getPhotoBlob } from './photos.ts';

interface Entry {
  url: Promise<string | undefined>;
  users: number;
}

// Keyed by hash alone: content-addressed, so the same key means the same bytes in any database.
const entries = new Map<Sha256, Entry>();

/**
 * An object URL for the photo, or undefined when this device does not have its bytes (yet). Every call must
 * be paired with releasePhotoUrl once the image is no longer shown, or the Blob stays in memory. A miss or a
 * failed read is shared by the current users too; it is retried once they have all released it.
 */
export function photoUrl(db: MingaDb, sha256: Sha256): Promise<string | undefined> {
  let entry = entries.get(sha256);
  if (!entry) {
    const url = getPhotoBlob(db, sha256).then((blob) => (blob ? URL.createObjectURL(blob) : undefined));
    entry = { url, users: 0 };
    entries.set(sha256, entry);
  }
  entry.users += 1;
  return entry.url;
}

export function releasePhotoUrl(sha256: Sha256): void {
  const entry = entries.get(sha256);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  entries.delete(sha256);
  entry.url.then(
    (url) => url && URL.revokeObjectURL(url),
    () => undefined,
  );
}
