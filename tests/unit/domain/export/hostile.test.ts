// A snapshot holding what no form writes (values a broken device or a hand-made object could hold) exports
// without throwing, and what the schema refuses never reaches a file.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildExport, EXPORT_FORMATS } from '../../../../src/domain/export/index.ts';
import { readMissionSnapshot, type MissionSnapshot } from '../../../../src/domain/records/snapshot.ts';
import { createMission, createRecord, recordsRoot } from '../../../../src/storage/missionDoc.ts';
import type { MissionId } from '../../../../src/domain/ids.ts';
import { programme, stamp } from './fixtures.ts';

const ID = '6f1c2a34-1111-4a2b-9c3d-00000000000f' as MissionId;

function hostileDocument(): MissionSnapshot {
  const doc = new Y.Doc();
  createMission(
    doc,
    { title: 'Jama', hostCanton: 'EC1320', startDate: 'yesterday' },
    stamp('2016-06-01T08:00:00Z'),
  );
  createRecord(doc, 'assessment', 'a1', { title: 'El Matal' }, stamp('2016-06-01T09:00:00.000Z'));
  createRecord(doc, 'note', 'n1', { text: 'Visita' }, stamp('2016-06-01T09:05:00.000Z'));
  const note = recordsRoot(doc, 'note').get('n1')!;
  doc.transact(() => {
    note.set('gps', { lat: 'a', lon: Infinity, accuracy: -5, capturedAt: 7 });
    recordsRoot(doc, 'assessment').get('a1')!.set('sectors', 'not a list');
    (recordsRoot(doc, 'action') as Y.Map<unknown>).set('x1', 42);
  });
  return readMissionSnapshot(doc, ID);
}

/** Values the types forbid, as a hand-built object could carry them. */
function oddSnapshot(): MissionSnapshot {
  const [good] = programme();
  const assessment = good!.assessments[0]!;
  return {
    mission: { ...good!.mission!, id: ID, title: '\u0000\r\n"', startDate: '', team: [] },
    assessments: [
      {
        ...assessment,
        date: '',
        gps: { lat: NaN, lon: 500, accuracy: Infinity, capturedAt: '' },
        sectors: [{ sector: 'health', severity: NaN, affected: -Infinity, inNeed: null, notes: '\t=1' }],
        priorities: [],
      } as unknown as MissionSnapshot['assessments'][number],
    ],
    notes: [],
    actions: [],
  };
}

describe('exports of odd data', () => {
  it.each(EXPORT_FORMATS)(
    '%s: a hostile document and a hand-built snapshot export without throwing',
    (format) => {
      const files = buildExport(
        [hostileDocument(), oddSnapshot(), { mission: null, assessments: [], notes: [], actions: [] }],
        {
          format,
          scope: { year: 2016 },
        },
      );
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        expect(file.text).not.toContain('NaN');
        expect(file.text).not.toContain('Infinity');
      }
    },
  );

  it('GeoJSON leaves out a point out of range', () => {
    const [file] = buildExport([oddSnapshot(), hostileDocument()], { format: 'geojson' });
    expect(JSON.parse(file!.text)).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
