// Camera to camera between two devices: A shows its missions (no photos) as frames, B scans them with a fifth
// lost, previews and imports them as a file; B answers with only what A lacks. What a scan recovers goes through
// the bundle checks: a refusal leaves the device exactly as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { QrReceiver, encodeQrFrames } from '../../../src/domain/bundle/qrFrames.ts';
import { BundleError } from '../../../src/domain/bundle/format.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import { exportBundle } from '../../../src/storage/bundleExport.ts';
import {
  importBundle,
  knownPeers,
  makeQrTransfer,
  previewBundle,
  type QrTransfer,
} from '../../../src/storage/qrExchange.ts';
import { deviceState } from './deviceState.ts';
import {
  addNotes,
  addPhoto,
  closeDevices,
  makeDevice,
  newMission,
  onMission,
  snapshotOf,
  stateOf,
  use,
  type Device,
} from './devices.ts';
import { createRecord } from '../../../src/storage/commands.ts';

let devices: Device[] = [];
function device(name: string): Device {
  const made = makeDevice(name);
  devices.push(made);
  return made;
}
afterEach(async () => {
  await closeDevices(...devices);
  devices = [];
});

/** What a camera reads of looping frames: a seeded fifth of them lost, until the transfer is complete. */
function scan(frames: readonly string[], seed: number): Uint8Array {
  let x = seed;
  const random = () => (x = (x * 48271) % 2147483647) / 2147483647;
  const receiver = new QrReceiver();
  for (let shown = 0; shown < frames.length * 10; shown++) {
    if (random() < 0.2) continue;
    if (receiver.receive(frames[shown % frames.length]!).done) return receiver.payload()!;
  }
  throw new Error('never complete');
}

function framesOf(transfer: QrTransfer): string[] {
  if (!transfer.fits) throw new Error(`does not fit: ${transfer.bytes} bytes`);
  return transfer.frames;
}

async function show(from: Device, ids: MissionId[], peer: Device | null): Promise<QrTransfer> {
  await use(from);
  return makeQrTransfer(ids, from.profile, peer?.profile.deviceId ?? null);
}

describe('a QR exchange between two devices', () => {
  it('A → B with frames lost, then B answers with a delta A merges', { timeout: 60_000 }, async () => {
    const a = device('Anna');
    const b = device('Berta');
    const id = await newMission(a);
    await addNotes(a, id, 5, 'Anna');
    const photo = await addPhoto(a, 1);
    await onMission(a, id, (open) =>
      createRecord(open, 'assessment', { title: 'Barrio Centro', photos: [photo] }, a.profile),
    );

    const full = framesOf(await show(a, [id], null));
    await use(b);
    const received = scan(full, 7);
    const preview = await previewBundle(received);
    expect(preview.sender).toEqual({ name: 'Anna', device: a.profile.deviceId });
    expect(preview.missions).toMatchObject([
      { id, isNew: true, counts: { notes: 5, assessments: 1, photos: 1 } },
    ]);
    // Photos never travel by camera: the record points to one the device will get by file or from the server.
    expect(preview.photos).toEqual({ total: 0, new: 0 });
    const result = await importBundle(received);
    expect(result.sender.name).toBe('Anna');
    expect(await knownPeers()).toEqual([{ device: a.profile.deviceId, name: 'Anna', missions: [id] }]);

    await addNotes(b, id, 2, 'Berta');
    const answer = await show(b, [id], a);
    const whole = await exportBundle([id], b.profile, { photos: false, remember: false });
    expect(answer.bytes).toBeLessThan(whole.bytes.length);
    await use(a);
    await importBundle(scan(framesOf(answer), 11));

    expect(await stateOf(a, id)).toEqual(await stateOf(b, id));
    const notes = (await snapshotOf(a, id)).notes.map((note) => note.text).sort();
    expect(notes.filter((text) => text.startsWith('Berta'))).toHaveLength(2);
    expect(notes).toHaveLength(7);
  });

  it(
    'a delta whose earlier changes never arrived is refused, the device unchanged',
    { timeout: 60_000 },
    async () => {
      const a = device('Anna');
      const b = device('Berta');
      const id = await newMission(a);
      await use(a);
      // B "received" A's mission as far as A knows (a file B never imported), so A shows only the new notes.
      const first = await exportBundle([id], a.profile, { peer: b.profile.deviceId });
      expect(first.bytes.length).toBeGreaterThan(0);
      await addNotes(a, id, 2, 'later');
      const delta = scan(framesOf(await show(a, [id], b)), 3);
      await use(b);
      const before = await deviceState(b);
      await expect(importBundle(delta)).rejects.toMatchObject({ code: 'missingHistory' });
      expect(await deviceState(b)).toEqual(before);
    },
  );

  it('frames that carry something other than a bundle are refused by the bundle checks', async () => {
    const b = device('Berta');
    await newMission(b);
    const before = await deviceState(b);
    const bytes = scan(encodeQrFrames(new TextEncoder().encode('{"format":"minga-bundle"}')), 5);
    await expect(importBundle(bytes)).rejects.toBeInstanceOf(BundleError);
    await expect(previewBundle(bytes)).rejects.toMatchObject({ code: 'notABundle' });
    expect(await deviceState(b)).toEqual(before);
  });

  it('a mission too large for a camera says so instead of making frames', { timeout: 120_000 }, async () => {
    const a = device('Anna');
    const id = await newMission(a);
    // Random text does not compress: a few hundred notes of it exceed what a QR transfer carries.
    const noise = () => Array.from({ length: 200 }, () => Math.random().toString(36).slice(2, 3)).join('');
    await onMission(a, id, (open) => {
      for (let i = 0; i < 400; i++) createRecord(open, 'note', { text: noise() }, a.profile);
    });
    const transfer = await show(a, [id], null);
    expect(transfer.fits).toBe(false);
    expect(transfer.bytes).toBeGreaterThan(48 * 1024);
  });
});
