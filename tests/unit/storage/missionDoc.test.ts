import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createMission,
  createRecord,
  readMission,
  readRecord,
  recordsRoot,
  setDeleted,
  updateMission,
  updateRecord,
  type Stamp,
} from '../../../src/storage/missionDoc.ts';
import type { MissionId, Sha256 } from '../../../src/domain/ids.ts';
import { MingaError } from '../../../src/domain/errors.ts';
import { SCHEMA_VERSION } from '../../../src/domain/model.ts';

const ID = '0b8f9c2e-3c1a-4c8e-9a51-2f0d8b1e4a11' as MissionId;
const stamp = (name: string, now = '2024-01-01T00:00:00.000Z'): Stamp => ({
  actor: { name, device: `device-${name}` },
  now,
});

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function twoPhones() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  createMission(a, { title: 'Pedernales', hostCanton: 'EC1317', objectives: 'Plan' }, stamp('Anna'));
  createRecord(a, 'note', 'n1', { text: 'Reunión con el GAD.' }, stamp('Anna'));
  createRecord(a, 'assessment', 'a1', { title: 'Tarqui', parish: '', method: 'kii' }, stamp('Anna'));
  sync(a, b);
  return { a, b };
}

describe('mission document', () => {
  it('keeps both people’s edits to the same note text (merged by character)', () => {
    const { a, b } = twoPhones();
    updateRecord(a, 'note', 'n1', { text: 'Reunión con el GAD. Falta agua.' }, stamp('Anna'));
    updateRecord(b, 'note', 'n1', { text: 'Primera reunión con el GAD.' }, stamp('Jordi'));
    sync(a, b);
    const text = readRecord('note', recordsRoot(a, 'note').get('n1')!, 'n1').text;
    expect(text).toBe('Primera reunión con el GAD. Falta agua.');
    expect(readRecord('note', recordsRoot(b, 'note').get('n1')!, 'n1').text).toBe(text);
  });

  it('keeps edits to different fields of the same assessment', () => {
    const { a, b } = twoPhones();
    updateRecord(a, 'assessment', 'a1', { parish: 'Pedernales' }, stamp('Anna'));
    updateRecord(b, 'assessment', 'a1', { method: 'fgd' }, stamp('Jordi'));
    sync(a, b);
    const merged = readRecord('assessment', recordsRoot(b, 'assessment').get('a1')!, 'a1');
    expect(merged).toMatchObject({ parish: 'Pedernales', method: 'fgd' });
  });

  it('does not lose an edit made concurrently to a deletion, and restores it', () => {
    const { a, b } = twoPhones();
    setDeleted(a, 'note', 'n1', true, stamp('Anna'));
    updateRecord(b, 'note', 'n1', { text: 'Reunión con el GAD. Acuerdos.' }, stamp('Jordi'));
    sync(a, b);
    const note = readRecord('note', recordsRoot(a, 'note').get('n1')!, 'n1');
    expect(note.text).toContain('Acuerdos');
    setDeleted(a, 'note', 'n1', false, stamp('Anna'));
    expect(readRecord('note', recordsRoot(a, 'note').get('n1')!, 'n1').deletedAt).toBeNull();
  });

  it('applying the same update twice changes nothing', () => {
    const { a } = twoPhones();
    const copy = new Y.Doc();
    const update = Y.encodeStateAsUpdate(a);
    Y.applyUpdate(copy, update);
    Y.applyUpdate(copy, update);
    expect(recordsRoot(copy, 'note').size).toBe(1);
    expect(readMission(copy, ID)?.title).toBe('Pedernales');
  });

  it('writes only changed fields and stamps who changed them', () => {
    const { a } = twoPhones();
    let updates = 0;
    a.on('update', () => updates++);
    updateMission(a, { title: 'Pedernales' }, stamp('Jordi', '2024-02-01T00:00:00.000Z'));
    expect(updates).toBe(0);
    updateMission(a, { title: 'Pedernales costa' }, stamp('Jordi', '2024-02-01T00:00:00.000Z'));
    expect(readMission(a, ID)).toMatchObject({
      title: 'Pedernales costa',
      updatedBy: 'Jordi',
      createdBy: 'Anna',
    });
  });

  it('refuses to rewrite a record written by a newer schema', () => {
    const { a } = twoPhones();
    recordsRoot(a, 'note').get('n1')!.set('schema', 99);
    expect(() => updateRecord(a, 'note', 'n1', { text: 'x' }, stamp('Anna'))).toThrow(MingaError);
    expect(readRecord('note', recordsRoot(a, 'note').get('n1')!, 'n1').text).toBe('Reunión con el GAD.');
  });

  it('reads garbage from another device as safe defaults', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    recordsRoot(doc, 'assessment').set('x', map);
    map.set('sectors', [{ sector: 'nope' }, { sector: 'wash', severity: 9, affected: 'many' }]);
    map.set('gps', { lat: 'a' });
    const read = readRecord('assessment', map, 'x');
    expect(read.sectors).toEqual([{ sector: 'wash', severity: 1, affected: null, inNeed: null, notes: '' }]);
    expect(read.gps).toBeNull();
    expect(read.marks.invalid).toMatchObject({ 'gps.lat': 'a', 'sectors.wash.severity': 9 });
  });

  it.each([[{}], [{ lat: -0.6 }], [{ lon: -80.4, accuracy: 5 }]])(
    '[M5][M10] reads a schema-1 GPS fix lacking a coordinate (%o) as missing, never as 0, 0',
    (gps) => {
      const doc = new Y.Doc();
      const map = new Y.Map<unknown>();
      recordsRoot(doc, 'note').set('x', map);
      map.set('schema', 1);
      map.set('gps', gps);
      const read = readRecord('note', map, 'x');
      expect(read.gps).toBeNull();
      expect(Object.keys(read.marks.invalid).some((path) => path.startsWith('gps.'))).toBe(true);
    },
  );

  it('[M9] a save marks with its schema version a record whose stored version is not a number (NaN)', () => {
    const { a } = twoPhones();
    recordsRoot(a, 'note').get('n1')!.set('schema', NaN);
    updateRecord(a, 'note', 'n1', { tags: ['roads'] }, stamp('Jordi'));
    expect(recordsRoot(a, 'note').get('n1')!.get('schema')).toBe(SCHEMA_VERSION);
  });

  it('[M10] reads a field holding two writes, one of them a BigInt (which JSON cannot spell)', () => {
    const { a } = twoPhones();
    const map = recordsRoot(a, 'assessment').get('a1')!;
    map.set('r:parish:z.1', { v: 1n, at: 1 });
    map.set('r:parish:y.2', { v: 'Tarqui', at: 2 });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a));
    const read = readRecord('assessment', recordsRoot(copy, 'assessment').get('a1')!, 'a1');
    expect(read.parish).toBe('Tarqui');
    expect(read.marks.conflicts.parish?.map((c) => c.value)).toEqual(['Tarqui', 1n]);
  });
});

describe('photos as a set', () => {
  const photo = (sha: string, takenAt: string) => ({
    sha256: sha.repeat(64).slice(0, 64) as Sha256,
    mime: 'image/jpeg',
    bytes: 1,
    width: 1,
    height: 1,
    takenAt,
    location: null,
  });

  it('keeps the photos both phones added to the same note offline, and a removal', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const first = photo('a', '2016-05-01T10:00:00.000Z');
    createRecord(a, 'note', 'n1', { text: '', photos: [first] }, stamp('Anna'));
    sync(a, b);
    const fromA = photo('b', '2016-05-02T10:00:00.000Z');
    const fromB = photo('c', '2016-05-02T11:00:00.000Z');
    updateRecord(a, 'note', 'n1', { photos: [first, fromA] }, stamp('Anna'));
    updateRecord(b, 'note', 'n1', { photos: [fromB] }, stamp('Jordi')); // Jordi removed the first one
    sync(a, b);
    for (const doc of [a, b]) {
      const photos = readRecord('note', recordsRoot(doc, 'note').get('n1')!, 'n1').photos;
      expect(photos.map((p) => p.sha256[0])).toEqual(['b', 'c']);
    }
  });
});
