// Writes a bundle: the manifest, each document's Yjs update and each photo's bytes, as one zip (fflate).
import { zipSync, type Zippable } from 'fflate';
import { sha256Of, toBase64 } from './bytes.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, MANIFEST_ENTRY, docEntryName, photoEntryName } from './format.ts';
import type { BundleDocKind } from './format.ts';
import type { BundleManifest } from './manifest.ts';

export interface BundleDocInput {
  kind: BundleDocKind;
  mission: string;
  /** The state vector the update was computed against; null for the whole document. */
  since: Uint8Array | null;
  update: Uint8Array;
}

export interface BundlePhotoInput {
  sha256: string;
  mime: string;
  bytes: Uint8Array;
}

export interface BundleInput {
  createdAt: Date;
  sender: { name: string; device: string };
  docs: readonly BundleDocInput[];
  photos: readonly BundlePhotoInput[];
}

export async function writeBundle(input: BundleInput): Promise<Uint8Array> {
  const files: Zippable = {};
  const docs: BundleManifest['docs'] = [];
  for (const doc of input.docs) {
    docs.push({
      kind: doc.kind,
      mission: doc.mission,
      since: doc.since ? toBase64(doc.since) : '',
      bytes: doc.update.length,
      sha256: await sha256Of(doc.update),
    });
    files[docEntryName(doc.kind, doc.mission)] = doc.update;
  }
  for (const photo of input.photos) {
    // Photos are JPEGs already: deflating them again costs time on the phone and saves nothing.
    files[photoEntryName(photo.sha256)] = [photo.bytes, { level: 0 }];
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: input.createdAt.toISOString(),
    sender: { ...input.sender },
    docs,
    photos: input.photos.map(({ sha256, mime, bytes }) => ({ sha256, mime, bytes: bytes.length })),
  };
  files[MANIFEST_ENTRY] = new TextEncoder().encode(JSON.stringify(manifest));
  // The zip's clock is the bundle's, so the same content written twice gives the same bytes.
  return zipSync(files, { level: 6, mtime: input.createdAt });
}
