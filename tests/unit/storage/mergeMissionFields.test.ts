// Two phones fill the report's fields of one mission offline, then merge: products and people met are members
// keyed by id and merge member by member, field by field (docs/merge.md M6, M7, M13).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MissionId } from '../../../src/domain/ids.ts';
import type { Mission } from '../../../src/domain/model.ts';
import { createMission, readMission, updateMission, type Stamp } from '../../../src/storage/missionDoc.ts';
import { toDraft } from '../../../src/ui/components/mission/missionValues.ts';

const ID = '6a2f4c1d-3b5e-4f70-9a81-b2c3d4e5f607' as MissionId;
const stamp = (name: string, now: string): Stamp => ({ actor: { name, device: `device-${name}` }, now });

type Product = Mission['products'][number];
type PersonMet = Mission['peopleMet'][number];

const diagnostic: Product = { id: 'p1', title: 'Diagnóstico', kind: '', planned: true, deliveredOn: '' };
const mayor: PersonMet = { id: 'r1', role: 'Alcaldía', organisation: 'GAD Jama', count: 1 };

function origin(): Y.Doc {
  const doc = new Y.Doc();
  createMission(
    doc,
    {
      title: 'Jama',
      hostCanton: 'EC1320',
      startDate: '2017-03-01',
      products: [diagnostic],
      peopleMet: [mayor],
      budgetPlannedEur: 12_000,
    },
    stamp('Anna', '2017-03-01T08:00:00.000Z'),
  );
  return doc;
}

/** Each phone saves from a form that opened on the shared mission, as the mission form does (M11). */
function saveOn(doc: Y.Doc, name: string, now: string, change: (m: Mission) => Partial<Mission>): void {
  const opened = toDraft(readMission(doc, ID)!);
  const values = { ...opened, ...change(readMission(doc, ID)!) };
  updateMission(doc, values, stamp(name, now), opened);
}

/** Both phones start from one document, edit offline, then each receives the other's changes; plus a third device. */
function offlineThenMerge(onA: (doc: Y.Doc) => void, onB: (doc: Y.Doc) => void): Y.Doc[] {
  const base = Y.encodeStateAsUpdate(origin());
  const phone = (edit: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    const before = Y.encodeStateVector(doc);
    edit(doc);
    return { doc, update: Y.encodeStateAsUpdate(doc, before) };
  };
  const [a, b] = [phone(onA), phone(onB)];
  Y.applyUpdate(a.doc, b.update);
  Y.applyUpdate(b.doc, a.update);
  const third = new Y.Doc();
  for (const update of [base, b.update, a.update]) Y.applyUpdate(third, update);
  return [a.doc, b.doc, third];
}

describe('[M6] two phones filling the report fields offline', () => {
  it('keep every product and person met either added, and both changes to different fields of one product', () => {
    const devices = offlineThenMerge(
      (doc) =>
        saveOn(doc, 'Anna', '2017-03-05T10:00:00.000Z', (m) => ({
          products: [
            ...m.products.map((p) => ({ ...p, deliveredOn: '2017-03-05' })),
            { id: 'p2', title: 'Taller de riesgos', kind: 'workshop', planned: true, deliveredOn: '' },
          ],
          peopleMet: [
            ...m.peopleMet,
            { id: 'r2', role: 'Técnicos de planificación', organisation: 'GAD Jama', count: 4 },
          ],
          budgetExecutedEur: 3_400.75,
        })),
      (doc) =>
        saveOn(doc, 'Jordi', '2017-03-05T11:00:00.000Z', (m) => ({
          products: [
            ...m.products.map((p) => ({ ...p, kind: 'diagnostic' as const })),
            { id: 'p3', title: 'Informe final', kind: 'report', planned: false, deliveredOn: '' },
          ],
          peopleMet: [
            ...m.peopleMet,
            { id: 'r3', role: 'Presidencia barrial', organisation: 'Barrio Norte', count: null },
          ],
          plannedPersonDays: 12.5,
        })),
    );
    const reads = devices.map((doc) => readMission(doc, ID)!);
    for (const read of reads) {
      expect(read.products).toEqual([
        { ...diagnostic, kind: 'diagnostic', deliveredOn: '2017-03-05' },
        // Added at once on two phones: the same order everywhere.
        ...[
          { id: 'p2', title: 'Taller de riesgos', kind: 'workshop', planned: true, deliveredOn: '' },
          { id: 'p3', title: 'Informe final', kind: 'report', planned: false, deliveredOn: '' },
        ],
      ]);
      expect(read.peopleMet.map((p) => p.id)).toEqual(['r1', 'r2', 'r3']);
      expect(read.peopleMet[2]).toEqual({
        id: 'r3',
        role: 'Presidencia barrial',
        organisation: 'Barrio Norte',
        count: null,
      });
      expect(read).toMatchObject({
        budgetPlannedEur: 12_000,
        budgetExecutedEur: 3_400.75,
        plannedPersonDays: 12.5,
      });
      expect(read.marks.conflicts).toEqual({});
    }
    expect(JSON.stringify(reads[0])).toBe(JSON.stringify(reads[1]));
    expect(JSON.stringify(reads[0])).toBe(JSON.stringify(reads[2]));
  });

  it('[M7] keeps a product one phone removed while the other marked it delivered', () => {
    const devices = offlineThenMerge(
      (doc) => saveOn(doc, 'Anna', '2017-03-05T10:00:00.000Z', () => ({ products: [] })),
      (doc) =>
        saveOn(doc, 'Jordi', '2017-03-05T11:00:00.000Z', (m) => ({
          products: m.products.map((p) => ({ ...p, deliveredOn: '2017-03-06' })),
        })),
    );
    for (const doc of devices) {
      expect(readMission(doc, ID)!.products).toEqual([{ ...diagnostic, deliveredOn: '2017-03-06' }]);
    }
  });

  it('[M2] keeps both amounts when the two phones changed the same budget, the later one shown', () => {
    const devices = offlineThenMerge(
      (doc) => saveOn(doc, 'Anna', '2017-03-05T10:00:00.000Z', () => ({ budgetPlannedEur: 12_500 })),
      (doc) => saveOn(doc, 'Jordi', '2017-03-05T11:00:00.000Z', () => ({ budgetPlannedEur: 13_000.5 })),
    );
    for (const doc of devices) {
      const read = readMission(doc, ID)!;
      expect(read.budgetPlannedEur).toBe(13_000.5);
      expect(read.marks.conflicts.budgetPlannedEur?.map((c) => c.value)).toEqual([13_000.5, 12_500]);
    }
  });
});
