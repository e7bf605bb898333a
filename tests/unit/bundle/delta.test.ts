// A bundle for a known peer carries only what that peer lacks; an old bundle imported after newer edits loses none
// of them, and two devices' edits of one record merge by docs/merge.md (M1 different fields, M2 the same field).
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBundle } from '../../../src/domain/bundle/read.ts';
import { RECORD_ROOTS } from '../../../src/domain/records/mission.ts';
import { createRecord, updateRecord } from '../../../src/storage/commands.ts';
import { exportBundle } from '../../../src/storage/bundleExport.ts';
import { importBundle } from '../../../src/storage/bundleImport.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
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

async function send(from: Device, ids: MissionId[], to?: Device): Promise<Uint8Array> {
  await use(from);
  return (await exportBundle(ids, from.profile, to ? { peer: to.profile.deviceId } : {})).bytes;
}

async function receive(to: Device, bytes: Uint8Array) {
  await use(to);
  return importBundle(bytes);
}

/** The note ids a mission update adds (records set at the top of the notes map). */
function notesIn(update: Uint8Array): Set<string> {
  const ids = new Set<string>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && (struct.parent as unknown) === RECORD_ROOTS.note && struct.parentSub)
      ids.add(struct.parentSub);
  }
  return ids;
}

describe('a bundle for a known peer', () => {
  it('after 10 new notes holds those 10 notes and nothing it sent before', { timeout: 60_000 }, async () => {
    const a = device('Anna');
    const b = device('Berta');
    const id = await newMission(a);
    const photo = await addPhoto(a, 3);
    await onMission(a, id, (open) =>
      createRecord(open, 'note', { text: 'Con foto', photos: [photo] }, a.profile),
    );
    const first = await addNotes(a, id, 499);
    const full = await send(a, [id], b);
    await receive(b, full);
    const fullContents = await readBundle(full);
    expect(notesIn(fullContents.docs[0]!.update).size).toBe(500);
    expect(fullContents.photos).toHaveLength(1);

    const added = await addNotes(a, id, 10, 'nueva');
    const delta = await send(a, [id], b);
    const contents = await readBundle(delta);
    expect(contents.docs.map((doc) => doc.entry.since !== '')).toEqual([true]);
    expect(notesIn(contents.docs[0]!.update)).toEqual(new Set(added));
    expect(first.some((note) => notesIn(contents.docs[0]!.update).has(note))).toBe(false);
    // The photo went with the first bundle.
    expect(contents.photos).toEqual([]);

    await receive(b, delta);
    expect(await snapshotOf(b, id)).toEqual(await snapshotOf(a, id));
    expect((await snapshotOf(b, id)).notes).toHaveLength(510);
  });

  it('answering the sender carries only what the receiver added', async () => {
    const a = device('Anna');
    const b = device('Berta');
    const id = await newMission(a);
    await addNotes(a, id, 20);
    await receive(b, await send(a, [id], b));
    const added = await addNotes(b, id, 2, 'Berta');
    // B remembers what it received from A: its answer is a delta too.
    const answer = await send(b, [id], a);
    const contents = await readBundle(answer);
    expect(notesIn(contents.docs[0]!.update)).toEqual(new Set(added));
    await receive(a, answer);
    expect(await snapshotOf(a, id)).toEqual(await snapshotOf(b, id));
  });

  it('made against state the receiver never got is refused there, and a full bundle then goes through', async () => {
    const a = device('Anna');
    const b = device('Berta');
    const id = await newMission(a);
    await addNotes(a, id, 2);
    // A believes B has the mission (the file was sent) but B never imported it.
    await send(a, [id], b);
    const text = await onMission(a, id, (open) => createRecord(open, 'note', { text: 'Playa' }, a.profile));
    await onMission(a, id, (open) =>
      updateRecord(open, 'note', text, { text: 'Playa y malecón' }, a.profile, { text: 'Playa' }),
    );
    const delta = await send(a, [id], b);
    await use(b);
    await expect(importBundle(delta)).rejects.toMatchObject({ code: 'missingHistory' });
    await receive(b, await send(a, [id]));
    expect(await snapshotOf(b, id)).toEqual(await snapshotOf(a, id));
  });
});

describe('an old bundle imported after newer edits', () => {
  it('loses none of them; different fields both kept (M1), the same field kept as a conflict (M2)', async () => {
    const a = device('Anna');
    const b = device('Berta');
    const id = await newMission(a);
    const action = await onMission(a, id, (open) =>
      createRecord(open, 'action', { activity: 'Taller', status: 'planned' }, a.profile),
    );
    const old = await send(a, [id]);
    await receive(b, old);
    await onMission(a, id, (open) =>
      updateRecord(open, 'action', action, { responsible: 'GAD Pedernales', status: 'done' }, a.profile, {
        responsible: '',
        status: 'planned',
      }),
    );
    await onMission(b, id, (open) =>
      updateRecord(open, 'action', action, { dueDate: '2016-06-01', status: 'in_progress' }, b.profile, {
        dueDate: '',
        status: 'planned',
      }),
    );
    const fromA = await send(a, [id]);
    const fromB = await send(b, [id]);
    await receive(a, fromB);
    await receive(b, fromA);

    for (const holder of [a, b]) {
      const before = await stateOf(holder, id);
      const result = await receive(holder, old);
      expect(result.changedDocs).toBe(0);
      expect(await stateOf(holder, id)).toEqual(before);
      const [read] = (await snapshotOf(holder, id)).actions;
      expect(read).toMatchObject({ responsible: 'GAD Pedernales', dueDate: '2016-06-01' });
      const conflict = read!.marks.conflicts['status']!.map((value) => value.value);
      expect(new Set(conflict)).toEqual(new Set(['done', 'in_progress']));
    }
    expect(await snapshotOf(a, id)).toEqual(await snapshotOf(b, id));
  });
});
