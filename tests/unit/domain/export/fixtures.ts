// Mission documents to export: written through the real document commands, read back through the schema.
import * as Y from 'yjs';
import { readMissionSnapshot, type MissionSnapshot } from '../../../../src/domain/records/snapshot.ts';
import {
  createMission,
  createRecord,
  setDeleted,
  setMissionDeleted,
  type Stamp,
} from '../../../../src/storage/missionDoc.ts';

export const stamp = (now: string, name = 'Anna'): Stamp => ({
  actor: { name, device: `device-${name}` },
  now,
});

export const PEDERNALES = '6f1c2a34-1111-4a2b-9c3d-000000000001';
export const MANTA = '6f1c2a34-1111-4a2b-9c3d-000000000002';
export const GONE = '6f1c2a34-1111-4a2b-9c3d-000000000003';

/** Two live missions (2016 and 2017), one deleted; accents, formula-looking text, a deleted note, GPS fixes. */
export function programme(): MissionSnapshot[] {
  const a = new Y.Doc();
  createMission(
    a,
    {
      title: 'Pedernales — reconstrucción',
      hostCanton: 'EC1317',
      startDate: '2016-05-01',
      endDate: '2016-05-14',
      status: 2,
      themes: ['urban_planning', 'coastal_risk'],
      team: [
        { id: 't1', name: 'Núria Pàmies', institution: 'Ajuntament de Girona', role: 'lead' },
        { id: 't2', name: '=cmd|calc', institution: '', role: 'technician' },
      ],
      budgetPlannedEur: 12000.5,
      plannedPersonDays: 20,
      products: [
        {
          id: 'p1',
          title: 'Diagnóstico urbano',
          kind: 'diagnostic',
          planned: true,
          deliveredOn: '2016-05-14',
        },
        { id: 'p2', title: '+Plan de mejora', kind: 'plan', planned: true, deliveredOn: '' },
      ],
      peopleMet: [{ id: 'pm1', role: 'Técnicos de planificación', organisation: 'GAD Pedernales', count: 4 }],
    },
    stamp('2016-05-01T08:00:00.000Z'),
  );
  createRecord(
    a,
    'assessment',
    'a1',
    {
      title: 'Barrio Jesús del Gran Poder',
      date: '2016-05-03',
      method: 'kii',
      canton: 'EC1317',
      parish: 'Pedernales',
      gps: { lat: 0.0721234567, lon: -80.0531234567, accuracy: 12, capturedAt: '2016-05-03T10:00:00.000Z' },
      sectors: [
        { sector: 'shelter', severity: 4, affected: 1200, inNeed: 800, notes: '+34 casas sin techo' },
        { sector: 'wash', severity: 3, affected: 900, inNeed: null, notes: '' },
      ],
      breakdown: { women: 600, men: 500, children: 300, elderly: null },
      priorities: ['wash', 'Agua potable', 'shelter'],
    },
    stamp('2016-05-03T10:00:00.000Z'),
  );
  createRecord(
    a,
    'note',
    'n1',
    {
      text: '=HYPERLINK("http://x","clic")\nReunión con el GAD: señalética',
      tags: ['reunión'],
      gps: { lat: -0.5, lon: -80.4, accuracy: 5, capturedAt: '' },
    },
    stamp('2016-05-04T09:00:00.000Z'),
  );
  createRecord(a, 'note', 'n2', { text: 'Borrada' }, stamp('2016-05-04T09:10:00.000Z'));
  setDeleted(a, 'note', 'n2', true, stamp('2016-05-04T09:20:00.000Z'));
  createRecord(
    a,
    'action',
    'x1',
    { activity: '@Taller de planificación', responsible: 'GAD', dueDate: '2016-06-01', status: 'planned' },
    stamp('2016-05-05T09:00:00.000Z'),
  );

  const b = new Y.Doc();
  createMission(
    b,
    { title: 'Manta 2017', hostCanton: 'EC1308', startDate: '2017-02-01', status: 4 },
    stamp('2017-02-01T08:00:00.000Z'),
  );
  createRecord(
    b,
    'note',
    'n3',
    { text: '-Seguimiento remoto', gps: null },
    stamp('2017-03-01T09:00:00.000Z'),
  );

  const c = new Y.Doc();
  createMission(
    c,
    { title: 'Borrada', hostCanton: 'EC1301', startDate: '2016-01-01' },
    stamp('2016-01-01T00:00:00Z'),
  );
  createRecord(c, 'note', 'n4', { text: 'De una misión borrada' }, stamp('2016-01-01T10:00:00.000Z'));
  setMissionDeleted(c, true, stamp('2016-01-02T00:00:00.000Z'));
  return [readMissionSnapshot(a, PEDERNALES), readMissionSnapshot(b, MANTA), readMissionSnapshot(c, GONE)];
}
