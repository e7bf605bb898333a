// Sending missions from phone to phone as files: what arrives reads as it was sent, with its photos; importing
// merges (twice changes nothing, any order gives one result, an old bundle loses no newer edit) and a bundle for a
// known peer carries only what that peer lacks.
import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, updateMission } from '../../../src/storage/commands.ts';
import { exportBundle } from '../../../src/storage/bundleExport.ts';
import { importBundle, previewBundle } from '../../../src/storage/bundleImport.ts';
import { missionDocName } from '../../../src/domain/ids.ts';
import { setDecision } from '../../../src/storage/reviewCommands.ts';
import { acquireReview, releaseReview } from '../../../src/storage/reviewStore.ts';
import {
  addNotes,
  addPhoto,
  closeDevices,
  makeDevice,
  newMission,
  onMission,
  photoBytes,
  snapshotOf,
  stateOf,
  use,
  type Device,
} from './devices.ts';

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

async function send(from: Device, ids: Parameters<typeof exportBundle>[0], peer?: Device) {
  await use(from);
  return (await exportBundle(ids, from.profile, peer ? { peer: peer.profile.deviceId } : {})).bytes;
}

async function receive(to: Device, bytes: Uint8Array) {
  await use(to);
  return importBundle(bytes);
}

/** A mission with an assessment, notes and an action, two photos referenced by records. */
async function fieldMission(a: Device) {
  const id = await newMission(a);
  const photo1 = await addPhoto(a, 1);
  const photo2 = await addPhoto(a, 2);
  await onMission(a, id, (open) => {
    createRecord(open, 'assessment', { informantRole: 'presidente barrial', photos: [photo1] }, a.profile);
    createRecord(open, 'note', { text: 'Grietas en la escuela', photos: [photo2] }, a.profile);
    createRecord(open, 'action', { activity: 'Taller de catastro', responsible: 'GAD' }, a.profile);
  });
  await addNotes(a, id, 3);
  return { id, photos: [photo1, photo2] };
}

describe('a bundle from one device to another', () => {
  it('arrives as it was sent: the mission reads equal by the record reader, and its photos are equal', async () => {
    const a = device('Anna');
    const b = device('Berta');
    const { id, photos } = await fieldMission(a);
    const bundle = await send(a, [id]);

    await use(b);
    const preview = await previewBundle(new Blob([bundle.slice()]));
    expect(preview.sender).toEqual({ name: 'Anna', device: a.profile.deviceId });
    expect(preview.missions).toEqual([
      {
        id,
        title: 'Pedernales',
        isNew: true,
        changes: true,
        counts: { assessments: 1, notes: 4, actions: 1, photos: 2 },
      },
    ]);
    expect(preview.photos).toEqual({ total: 2, new: 2 });
    // A preview changes nothing: the mission is still unknown here.
    expect(await b.db.docs.count()).toBe(0);

    const result = await receive(b, bundle);
    expect(result.missions).toEqual([id]);
    expect(await snapshotOf(b, id)).toEqual(await snapshotOf(a, id));
    for (const photo of photos) {
      expect(await photoBytes(b, photo.sha256)).toEqual(await photoBytes(a, photo.sha256));
    }
    await use(b);
    expect((await b.db.missions.get(id))?.title).toBe('Pedernales');
    expect((await b.db.docs.get(missionDocName(id)))?.missionId).toBe(id);
  });

  it('carries the review document with the mission', async () => {
    const a = device('Anna');
    const b = device('Berta');
    const { id } = await fieldMission(a);
    await use(a);
    const review = await acquireReview(id);
    setDecision(review, { decision: 'approved', note: 'Bien documentado' }, a.profile, 'coordinator');
    await review.writer.whenIdle();
    releaseReview(id);

    await receive(b, await send(a, [id]));
    const onB = await acquireReview(id);
    expect(onB.view.snapshot().decision?.decision).toBe('approved');
    releaseReview(id);
  });

  it('imported twice changes nothing the second time', async () => {
    const a = device('Anna');
    const b = device('Berta');
    const { id } = await fieldMission(a);
    const bundle = await send(a, [id]);
    await receive(b, bundle);
    const once = await stateOf(b, id);
    const blobs = await b.db.blobs.count();

    await use(b);
    expect((await previewBundle(bundle)).missions[0]).toMatchObject({ isNew: false, changes: false });
    const again = await receive(b, bundle);
    expect(again).toMatchObject({ changedDocs: 0, photosStored: 0 });
    expect(await stateOf(b, id)).toEqual(once);
    expect(await b.db.blobs.count()).toBe(blobs);
  });

  it('three bundles imported in every order give the same mission', async () => {
    const origin = device('Origen');
    const id = await newMission(origin);
    const base = await send(origin, [id]);
    const editors = [device('Anna'), device('Berta'), device('Carles')];
    const bundles: Uint8Array[] = [];
    for (const editor of editors) {
      await receive(editor, base);
      await addNotes(editor, id, 2, editor.profile.name);
      // The same field on three devices: all three values are kept, the same one shown everywhere (M2).
      await onMission(editor, id, (open) =>
        updateMission(open, { title: `Pedernales (${editor.profile.name})` }, editor.profile),
      );
      bundles.push(await send(editor, [id]));
    }
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    const results = [];
    for (const order of orders) {
      const target = device(`T${order.join('')}`);
      await receive(target, base);
      for (const i of order) await receive(target, bundles[i]!);
      results.push(await snapshotOf(target, id));
    }
    expect(results[0]!.notes).toHaveLength(6);
    expect(results[0]!.mission?.marks.conflicts['title']).toHaveLength(3);
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);
  });
});
