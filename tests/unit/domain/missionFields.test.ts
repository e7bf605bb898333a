// The mission fields the report and the year's accounts count: what the schema accepts from a form, and what it
// makes of anything another device could have written.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateMission, type MissionDraft } from '../../../src/domain/validation.ts';
import { SCHEMA_VERSION } from '../../../src/domain/model.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import {
  createMission,
  missionRoot,
  readMission,
  updateMission,
  type Stamp,
} from '../../../src/storage/missionDoc.ts';
import { toDraft } from '../../../src/ui/components/mission/missionValues.ts';

const ID = '0b7c9d2e-1f3a-4b5c-8d6e-7f8091a2b3c4' as MissionId;
const stamp: Stamp = { actor: { name: 'Anna', device: 'device-a' }, now: '2017-03-01T10:00:00.000Z' };

const product = (id: string, title = 'Diagnóstico urbano') => ({
  id,
  title,
  kind: 'diagnostic' as const,
  planned: true,
  deliveredOn: '',
});
const people = (id: string, role = 'Directora de planificación') => ({
  id,
  role,
  organisation: 'GAD municipal de Jama',
  count: 2,
});

const mission = (patch: Partial<MissionDraft> = {}): MissionDraft => ({
  title: 'Plan de ordenamiento costero',
  torReference: 'TdR-2017-04',
  torText: '',
  hostCanton: 'EC1320',
  themes: ['coastal_risk'],
  team: [{ id: 'm1', name: 'Anna Puig', institution: 'Ajuntament de Girona', role: 'lead' }],
  startDate: '2017-03-01',
  endDate: '2017-03-14',
  remoteSupportEnd: '',
  objectives: '',
  status: 2,
  sdgs: ['11', '11.3', '11.b'],
  sendai: ['sendai-2'],
  counterpartKind: 'municipality',
  requestingCounterpart: 'GAD municipal de Jama',
  focalPoint: 'Dirección de planificación, GAD Jama',
  plannedPersonDays: 12.5,
  remotePersonDays: 4,
  budgetPlannedEur: 18_250.5,
  budgetExecutedEur: 0,
  products: [
    product('p1'),
    { ...product('p2', 'Informe final'), kind: '', planned: false, deliveredOn: '2017-03-14' },
  ],
  peopleMet: [people('r1'), { id: 'r2', role: 'Técnicos de riesgos', organisation: '', count: null }],
  ...patch,
});

describe('the report fields of a mission, from a form', () => {
  it('accepts a complete mission, with every new field unrecorded too', () => {
    expect(validateMission(mission())).toEqual({});
    expect(
      validateMission(
        mission({
          counterpartKind: '',
          plannedPersonDays: null,
          remotePersonDays: null,
          budgetPlannedEur: null,
          budgetExecutedEur: null,
          products: [],
          peopleMet: [],
        }),
      ),
    ).toEqual({});
  });

  it.each([
    [{ counterpartKind: 'city' as never }, 'counterpartKind', 'unknownCode'],
    [{ requestingCounterpart: 'x'.repeat(201) }, 'requestingCounterpart', 'tooLong'],
    [{ plannedPersonDays: -1 }, 'plannedPersonDays', 'negative'],
    [{ plannedPersonDays: 12.3 }, 'plannedPersonDays', 'halfDays'],
    [{ remotePersonDays: Number.NaN }, 'remotePersonDays', 'notANumber'],
    [{ remotePersonDays: Number.POSITIVE_INFINITY }, 'remotePersonDays', 'tooLarge'],
    [{ budgetPlannedEur: -0.01 }, 'budgetPlannedEur', 'negative'],
    [{ budgetPlannedEur: 12.345 }, 'budgetPlannedEur', 'amountCents'],
    [{ budgetExecutedEur: Number.NaN }, 'budgetExecutedEur', 'notANumber'],
    [{ budgetExecutedEur: 1e308 }, 'budgetExecutedEur', 'tooLarge'],
    [{ budgetExecutedEur: '1200' as never }, 'budgetExecutedEur', 'notANumber'],
    [{ products: [product('p1', '  ')] }, 'products.0.title', 'required'],
    [{ products: [{ ...product('p1'), kind: 'map' as never }] }, 'products.0.kind', 'unknownCode'],
    [{ products: [{ ...product('p1'), planned: 'yes' as never }] }, 'products.0.planned', 'invalid'],
    [
      { products: [{ ...product('p1'), deliveredOn: '2017-02-30' }] },
      'products.0.deliveredOn',
      'invalidDate',
    ],
    [{ products: [product('p1'), product('p1')] }, 'products.1.id', 'duplicate'],
    [{ products: [product('bad id!')] }, 'products.0.id', 'invalid'],
    [{ peopleMet: [people('r1', '')] }, 'peopleMet.0.role', 'required'],
    [{ peopleMet: [{ ...people('r1'), count: 2.5 }] }, 'peopleMet.0.count', 'notInteger'],
    [{ peopleMet: [{ ...people('r1'), count: -3 }] }, 'peopleMet.0.count', 'negative'],
  ])('%o → %s is %s', (patch, path, code) => {
    expect(validateMission(mission(patch))[path]).toBe(code);
  });

  it('accepts amounts whose cents floating point cannot write exactly', () => {
    expect(
      validateMission(mission({ budgetPlannedEur: 0.1 + 0.2, budgetExecutedEur: 1_000_000_000 })),
    ).toEqual({});
  });

  it('saves no more products or people met than the schema allows', () => {
    const many = Array.from({ length: 101 }, (_x, i) => product(`p${i}`));
    const crowd = Array.from({ length: 201 }, (_x, i) => people(`r${i}`));
    expect(validateMission(mission({ products: many, peopleMet: crowd }))).toMatchObject({
      products: 'tooMany',
      peopleMet: 'tooMany',
    });
    expect(validateMission(mission({ products: many.slice(0, 100) }))).toEqual({});
    const team = Array.from({ length: 51 }, (_x, i) => ({
      id: `m${i}`,
      name: `Técnica ${i}`,
      institution: '',
      role: 'technician' as const,
    }));
    expect(validateMission(mission({ team })).team).toBe('tooMany');
  });
});

describe('[M10] the report fields of a mission, as another device wrote them', () => {
  it('reads values of the wrong type or range as unrecorded, each marked invalid with what was stored', () => {
    const doc = new Y.Doc();
    createMission(doc, mission(), stamp);
    // Another device, or a broken one, writes whatever it likes: the writer below the form checks nothing.
    updateMission(
      doc,
      {
        counterpartKind: 'ministry',
        requestingCounterpart: 42,
        plannedPersonDays: Number.NaN,
        remotePersonDays: -2,
        budgetPlannedEur: '18.250,50',
        budgetExecutedEur: 1e308,
        products: [{ id: 'p1', title: 7, kind: 'diagnostic', planned: 'yes', deliveredOn: 'mañana' }],
        peopleMet: [{ id: 'r1', role: null, organisation: ['x'], count: Number.NaN }],
      } as never,
      { ...stamp, now: '2017-03-02T10:00:00.000Z' },
    );
    const read = readMission(doc, ID)!;
    expect(read).toMatchObject({
      counterpartKind: '',
      requestingCounterpart: '',
      plannedPersonDays: null,
      remotePersonDays: null,
      budgetPlannedEur: null,
      budgetExecutedEur: null,
      // The rows the other device's list did not name are gone: its save removed them.
      products: [{ id: 'p1', title: '', kind: 'diagnostic', planned: false, deliveredOn: '' }],
      peopleMet: [{ id: 'r1', role: '', organisation: '', count: null }],
    });
    expect(Object.keys(read.marks.invalid).sort()).toEqual(
      [
        'budgetExecutedEur',
        'budgetPlannedEur',
        'counterpartKind',
        'peopleMet.r1.count',
        'peopleMet.r1.organisation',
        'peopleMet.r1.role',
        'plannedPersonDays',
        'products.p1.deliveredOn',
        'products.p1.planned',
        'products.p1.title',
        'remotePersonDays',
        'requestingCounterpart',
      ].sort(),
    );
    expect(read.marks.invalid.budgetPlannedEur).toBe('18.250,50');
  });

  it('leaves out members whose key is not an id, and reads a huge list without failing, refusing to save it whole', () => {
    const doc = new Y.Doc();
    createMission(doc, mission({ products: [], peopleMet: [] }), stamp);
    const flood = Array.from({ length: 5000 }, (_x, i) => product(`p${i}`, `Producto ${i}`));
    updateMission(doc, { products: [...flood, product('not an id!')] } as never, stamp);
    const read = readMission(doc, ID)!;
    expect(read.products).toHaveLength(5000);
    expect(read.products[4999]).toEqual(product('p4999', 'Producto 4999'));
    // A form opened on it asks to trim the list before its next save (M6).
    expect(validateMission(toDraft(read)).products).toBe('tooMany');
  });

  it('[M13] opens a mission written before these fields with their defaults, and keeps everything else', () => {
    const doc = new Y.Doc();
    const { counterpartKind, products, peopleMet, ...older } = mission();
    void [counterpartKind, products, peopleMet];
    const earlier: Partial<MissionDraft> = { ...older };
    for (const key of [
      'requestingCounterpart',
      'focalPoint',
      'plannedPersonDays',
      'remotePersonDays',
      'budgetPlannedEur',
      'budgetExecutedEur',
    ] as const) {
      delete earlier[key];
    }
    createMission(doc, earlier, stamp);
    const read = readMission(doc, ID)!;
    expect(read).toMatchObject({
      ...earlier,
      counterpartKind: '',
      requestingCounterpart: '',
      focalPoint: '',
      plannedPersonDays: null,
      remotePersonDays: null,
      budgetPlannedEur: null,
      budgetExecutedEur: null,
      products: [],
      peopleMet: [],
    });
    expect(read.marks.invalid).toEqual({});
    // The stored layout did not change: records keep the schema version every device of schema 2 edits.
    expect(missionRoot(doc).get('schema')).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(2);
  });
});
