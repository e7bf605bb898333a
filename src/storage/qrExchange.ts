// A QR transfer's two ends on this device: the bundle to show (documents only, a delta against what the chosen
// peer is known to hold) cut into frames, and the bytes a scan recovered, previewed and imported as a file is.
import { MAX_QR_PAYLOAD_BYTES, encodeQrFrames } from '../domain/bundle/qrFrames.ts';
import type { MissionId } from '../domain/ids.ts';
import type { DeviceProfile } from '../domain/model.ts';
import { exportBundle } from './bundleExport.ts';

export type QrTransfer =
  | { fits: true; frames: string[]; bytes: number }
  /** Too much for a camera: the user is offered the file instead. */
  | { fits: false; bytes: number };

/**
 * The frames that carry `missions` to `peer` (a device id from knownPeers), or everything but photos when the
 * peer is new (null). Nothing is remembered as sent: no camera confirms it was read.
 */
export async function makeQrTransfer(
  missions: readonly MissionId[],
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
  peer: string | null,
  options: { now?: Date } = {},
): Promise<QrTransfer> {
  const bundle = await exportBundle(missions, profile, {
    ...(peer ? { peer } : {}),
    ...(options.now ? { now: options.now } : {}),
    photos: false,
    remember: false,
  });
  if (bundle.bytes.length > MAX_QR_PAYLOAD_BYTES) return { fits: false, bytes: bundle.bytes.length };
  return { fits: true, frames: encodeQrFrames(bundle.bytes), bytes: bundle.bytes.length };
}

export { previewBundle, importBundle } from './bundleImport.ts';
export { knownPeers, type KnownPeer } from './bundlePeers.ts';
