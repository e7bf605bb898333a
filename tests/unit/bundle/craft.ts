// Crafting bad bundles from good ones: entries replaced, added or dropped, the manifest edited, hashes kept true
// (so that the check under test is the one that refuses) or left stale.
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { sha256Of } from '../../../src/domain/bundle/bytes.ts';
import type { BundleManifest } from '../../../src/domain/bundle/manifest.ts';

export type Files = Unzipped;

export const entriesOf = (bundle: Uint8Array): Files => unzipSync(bundle);
export const zip = (files: Files): Uint8Array => zipSync(files);

export function manifestOf(files: Files): BundleManifest {
  return JSON.parse(strFromU8(files['manifest.json']!)) as BundleManifest;
}

export function withManifest(files: Files, edit: (manifest: Record<string, unknown>) => void): Files {
  const manifest = manifestOf(files) as unknown as Record<string, unknown>;
  edit(manifest);
  return { ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) };
}

/** The first document's update replaced, with the manifest's size and hash made to match it. */
export async function withDocUpdate(files: Files, update: Uint8Array): Promise<Files> {
  const doc = manifestOf(files).docs[0]!;
  const name = `docs/${doc.kind}-${doc.mission}.bin`;
  const sha256 = await sha256Of(update);
  return withManifest({ ...files, [name]: update as Uint8Array<ArrayBuffer> }, (manifest) => {
    const docs = manifest['docs'] as BundleManifest['docs'];
    docs[0] = { ...docs[0]!, bytes: update.length, sha256 };
  });
}

/** Sets the uncompressed size every central-directory header declares for `entry`. */
export function declareSize(bundle: Uint8Array, entry: string, size: number): Uint8Array {
  const out = bundle.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(out.subarray(at + 46, at + 46 + nameLength));
    if (name === entry) view.setUint32(at + 24, size, true);
  }
  return out;
}
