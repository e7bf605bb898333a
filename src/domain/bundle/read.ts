// Reads a bundle file without trusting it: the zip's central directory is checked (entry count, names, declared
// sizes) before a byte is decompressed, then every entry is checked against the manifest (size, SHA-256) and every
// update is parsed. Each refusal is a BundleError with a code; nothing here touches the device.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import * as Y from 'yjs';
import { fromBase64, sha256Of } from './bytes.ts';
import {
  BundleError,
  MANIFEST_ENTRY,
  MAX_BUNDLE_FILE_BYTES,
  MAX_ENTRIES,
  MAX_TOTAL_BYTES,
  docEntryName,
  entryKind,
  entryLimit,
  photoEntryName,
} from './format.ts';
import { parseManifest, type BundleManifest, type ManifestDoc, type ManifestPhoto } from './manifest.ts';
import { assertRoots, assertStateVector } from './updates.ts';

export interface BundleDoc {
  entry: ManifestDoc;
  /** The state vector the update was made against (empty for the whole document). */
  since: Uint8Array;
  update: Uint8Array;
}

export interface BundlePhoto {
  entry: ManifestPhoto;
  bytes: Uint8Array;
}

export interface BundleContents {
  manifest: BundleManifest;
  docs: BundleDoc[];
  photos: BundlePhoto[];
}

const STORED = 0;
const DEFLATED = 8;
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/** Every entry's name and declared size, read from the central directory only; throws on any bound crossed. */
export function scanDirectory(file: Uint8Array): Map<string, UnzipFileInfo> {
  if (file.length > MAX_BUNDLE_FILE_BYTES) throw new BundleError('tooLarge', `${file.length} bytes`);
  // Local file header or, for an empty zip, the end of central directory.
  const zip = file[0] === 0x50 && file[1] === 0x4b && (file[2] === 3 || file[2] === 5);
  if (!zip) throw new BundleError('notABundle', 'not a zip');
  const entries = new Map<string, UnzipFileInfo>();
  let total = 0;
  try {
    unzipSync(file, {
      filter: (info) => {
        if (entries.size >= MAX_ENTRIES) throw new BundleError('tooLarge', 'entries');
        const kind = entryKind(info.name);
        if (kind === null || entries.has(info.name)) throw new BundleError('unexpectedEntry', info.name);
        if (info.compression !== STORED && info.compression !== DEFLATED)
          throw new BundleError('corrupt', `${info.name}: compression ${info.compression}`);
        const limit = entryLimit(kind);
        if (!(info.originalSize <= limit && info.size <= file.length))
          throw new BundleError('tooLarge', info.name);
        if (info.compression === STORED && info.size !== info.originalSize)
          throw new BundleError('corrupt', info.name);
        total += info.originalSize;
        if (total > MAX_TOTAL_BYTES) throw new BundleError('tooLarge', 'total');
        entries.set(info.name, info);
        return false; // nothing is decompressed until every entry has been seen
      },
    });
  } catch (error) {
    throw error instanceof BundleError
      ? error
      : new BundleError('corrupt', 'zip structure', { cause: error });
  }
  if (!entries.has(MANIFEST_ENTRY)) throw new BundleError('notABundle', 'no manifest');
  return entries;
}

function decompress(file: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(file);
  } catch (error) {
    throw new BundleError('corrupt', 'compressed data', { cause: error });
  }
}

/** The entries the manifest lists are exactly the entries the zip holds. */
function assertListed(manifest: BundleManifest, entries: Map<string, UnzipFileInfo>): void {
  const listed = new Set([
    MANIFEST_ENTRY,
    ...manifest.docs.map((doc) => docEntryName(doc.kind, doc.mission)),
    ...manifest.photos.map((photo) => photoEntryName(photo.sha256)),
  ]);
  for (const name of entries.keys()) if (!listed.has(name)) throw new BundleError('unexpectedEntry', name);
  for (const name of listed)
    if (!entries.has(name)) throw new BundleError('unexpectedEntry', `missing ${name}`);
}

async function matches(bytes: Uint8Array, size: number, sha256: string): Promise<boolean> {
  return bytes.length === size && (await sha256Of(bytes)) === sha256;
}

/** The bundle's checked contents. Integration with the device's documents is checked by `integrate`. */
export async function readBundle(file: Uint8Array): Promise<BundleContents> {
  const entries = scanDirectory(file);
  const files = decompress(file);
  const manifest = parseManifest(files[MANIFEST_ENTRY]!);
  assertListed(manifest, entries);
  const docs: BundleDoc[] = [];
  for (const entry of manifest.docs) {
    const update = files[docEntryName(entry.kind, entry.mission)]!;
    if (!(await matches(update, entry.bytes, entry.sha256)))
      throw new BundleError('docMismatch', docEntryName(entry.kind, entry.mission));
    assertRoots(entry.kind, update);
    const since = entry.since === '' ? EMPTY_STATE_VECTOR : fromBase64(entry.since)!;
    assertStateVector(since);
    docs.push({ entry, since, update });
  }
  const photos: BundlePhoto[] = [];
  for (const entry of manifest.photos) {
    const bytes = files[photoEntryName(entry.sha256)]!;
    if (!(await matches(bytes, entry.bytes, entry.sha256)))
      throw new BundleError('photoMismatch', photoEntryName(entry.sha256));
    photos.push({ entry, bytes });
  }
  return { manifest, docs, photos };
}
