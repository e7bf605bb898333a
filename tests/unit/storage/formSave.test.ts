// [M2] [M11] A form's save keeps a colleague's value written after the form opened beside the user's own, instead
// of replacing it unseen; a value the form started from, still stored, is replaced as before.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  readRecord,
  recordsRoot,
  settleField,
  updateRecord,
  type Stamp,
} from '../../../src/storage/missionDoc.ts';

const stamp = (name: string, now: string): Stamp => ({ actor: { name, device: `device-${name}` }, now });

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const base = {
  title: 'Tarqui',
  parish: 'Pedernales',
  sectors: [{ sector: 'wash' as const, severity: 3 as const, affected: 10, inNeed: 5, notes: 'Pozos' }],
  inspection: null,
};

function anAssessment() {
  const doc = new Y.Doc();
  createRecord(doc, 'assessment', 'a1', base, stamp('Anna', '2024-01-01T08:00:00.000Z'));
  return doc;
}

const read = (doc: Y.Doc) => readRecord('assessment', recordsRoot(doc, 'assessment').get('a1')!, 'a1');

describe('saving a form', () => {
  it('[M2] keeps a colleague’s value written after the form opened beside the user’s', () => {
    const doc = anAssessment();
    updateRecord(
      doc,
      'assessment',
      'a1',
      { title: 'Tarqui norte' },
      stamp('Jordi', '2024-01-01T09:00:00.000Z'),
    );
    updateRecord(
      doc,
      'assessment',
      'a1',
      { title: 'Barrio Tarqui' },
      stamp('Anna', '2024-01-01T10:00:00.000Z'),
      base,
    );
    const saved = read(doc);
    expect(saved.title).toBe('Barrio Tarqui');
    expect(saved.marks.conflicts.title).toMatchObject([
      { value: 'Barrio Tarqui', by: 'Anna', at: '2024-01-01T10:00:00.000Z' },
      { value: 'Tarqui norte', by: 'Jordi', at: '2024-01-01T09:00:00.000Z' },
    ]);
    // Kept on every device, and one write of either settles it.
    const other = new Y.Doc();
    sync(doc, other);
    expect(Object.keys(read(other).marks.conflicts)).toEqual(['title']);
    settleField(
      other,
      recordsRoot(other, 'assessment').get('a1')!,
      'assessment',
      'title',
      'Tarqui norte',
      stamp('Jordi', '2024-01-01T11:00:00.000Z'),
    );
    sync(doc, other);
    expect(read(doc)).toMatchObject({ title: 'Tarqui norte', marks: { conflicts: {} } });
  });

  it('[M2] a new value saved over a conflict the form showed settles it', () => {
    const a = anAssessment();
    const b = new Y.Doc();
    sync(a, b);
    updateRecord(a, 'assessment', 'a1', { parish: 'Cojimíes' }, stamp('Anna', '2024-01-01T09:00:00.000Z'));
    updateRecord(b, 'assessment', 'a1', { parish: 'Jama' }, stamp('Jordi', '2024-01-01T09:30:00.000Z'));
    sync(a, b);
    const opened = read(a);
    expect(opened.marks.conflicts.parish).toHaveLength(2);
    updateRecord(a, 'assessment', 'a1', { parish: 'Pedernales' }, stamp('Anna', '2024-01-01T10:00:00.000Z'), {
      parish: opened.parish,
    });
    expect(read(a)).toMatchObject({ parish: 'Pedernales', marks: { conflicts: {} } });
  });

  it('[M11] a field the colleague changed that the user did not is neither written nor marked', () => {
    const doc = anAssessment();
    updateRecord(doc, 'assessment', 'a1', { parish: 'Cojimíes' }, stamp('Jordi', '2024-01-01T09:00:00.000Z'));
    updateRecord(
      doc,
      'assessment',
      'a1',
      { title: 'Barrio Tarqui', parish: 'Pedernales' },
      stamp('Anna', '2024-01-01T10:00:00.000Z'),
      base,
    );
    expect(read(doc)).toMatchObject({ title: 'Barrio Tarqui', parish: 'Cojimíes', marks: { conflicts: {} } });
  });

  it('[M6] keeps both values of one field of a sector, and a concurrently added inspection field by field', () => {
    const doc = anAssessment();
    updateRecord(
      doc,
      'assessment',
      'a1',
      {
        sectors: [{ ...base.sectors[0]!, notes: 'Pozos secos', severity: 5 }],
        inspection: {
          placard: 'red',
          damageGrade: null,
          structureType: null,
          use: '',
          storeys: 2,
          occupants: null,
        },
      },
      stamp('Jordi', '2024-01-01T09:00:00.000Z'),
    );
    updateRecord(
      doc,
      'assessment',
      'a1',
      {
        sectors: [{ ...base.sectors[0]!, notes: 'Pozos contaminados' }],
        inspection: {
          placard: 'yellow',
          damageGrade: null,
          structureType: null,
          use: '',
          storeys: 2,
          occupants: null,
        },
      },
      stamp('Anna', '2024-01-01T10:00:00.000Z'),
      base,
    );
    const saved = read(doc);
    expect(saved.sectors[0]).toMatchObject({ severity: 5, notes: 'Pozos contaminados' });
    expect(Object.keys(saved.marks.conflicts).sort()).toEqual(['inspection.placard', 'sectors.wash.notes']);
    expect(saved.marks.conflicts['sectors.wash.notes']?.map((c) => c.value)).toEqual([
      'Pozos contaminados',
      'Pozos secos',
    ]);
  });
});
