// Documents written by the schema-1 app open in this version with nothing lost, and merge field by field after.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA1_MISSION_ID, SCHEMA1_READ, SCHEMA1_UPDATE_BASE64 } from '../../fixtures/schema1Mission.ts';
import {
  readMission,
  readRecord,
  recordsRoot,
  updateMission,
  updateRecord,
  type Stamp,
} from '../../../src/storage/missionDoc.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import { NO_MARKS, SCHEMA_VERSION } from '../../../src/domain/model.ts';

const ID = SCHEMA1_MISSION_ID as MissionId;
const stamp = (name: string, now: string): Stamp => ({ actor: { name, device: `device-${name}` }, now });

function openSchema1(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    Uint8Array.from(atob(SCHEMA1_UPDATE_BASE64), (c) => c.charCodeAt(0)),
  );
  return doc;
}

const read = (doc: Y.Doc) => ({
  mission: readMission(doc, ID)!,
  assessment: readRecord('assessment', recordsRoot(doc, 'assessment').get('a1')!, 'a1'),
  note: readRecord('note', recordsRoot(doc, 'note').get('n1')!, 'n1'),
  deletedNote: readRecord('note', recordsRoot(doc, 'note').get('n2')!, 'n2'),
  action: readRecord('action', recordsRoot(doc, 'action').get('x1')!, 'x1'),
});

/** Two devices open the same schema-1 document, edit offline, and exchange what they did. */
function twoDevices(onA: (doc: Y.Doc) => void, onB: (doc: Y.Doc) => void): Y.Doc[] {
  const [a, b] = [openSchema1(), openSchema1()];
  const [fromA, fromB] = [a, b].map((doc, i) => {
    const before = Y.encodeStateVector(doc);
    (i === 0 ? onA : onB)(doc);
    return Y.encodeStateAsUpdate(doc, before);
  });
  Y.applyUpdate(a, fromB!);
  Y.applyUpdate(b, fromA!);
  return [a, b];
}

describe('[M9] a schema-1 document', () => {
  it('reads every value the schema-1 app showed, with no conflict and nothing invalid', () => {
    const now = read(openSchema1());
    const { team, themes, ...mission } = SCHEMA1_READ.mission;
    expect(now.mission).toMatchObject(mission);
    // Rows that had no id are keyed by their position, the same on every device.
    expect(now.mission.team).toEqual(team.map((row, index) => ({ id: `L${index}`, ...row })));
    // Sets are read in one fixed order now (code-list order for themes).
    expect([...now.mission.themes].sort()).toEqual([...themes].sort());
    expect(now.assessment).toMatchObject(SCHEMA1_READ.assessment);
    expect(now.note).toMatchObject({ ...SCHEMA1_READ.note, tags: [...SCHEMA1_READ.note.tags] });
    expect(now.action).toMatchObject(SCHEMA1_READ.action);
    expect(now.deletedNote).toMatchObject({ ...SCHEMA1_READ.deletedNote, deletedBy: 'Anna Puig' });
    for (const record of Object.values(now)) expect(record.marks).toBe(NO_MARKS);
  });

  it('keeps two devices’ changes to different fields of the same old sector and breakdown', () => {
    const [a, b] = twoDevices(
      (doc) => {
        const started = read(doc).assessment;
        const sectors = started.sectors.map((s) =>
          s.sector === 'shelter' ? { ...s, severity: 5 as const } : s,
        );
        updateRecord(
          doc,
          'assessment',
          'a1',
          { sectors },
          stamp('Anna', '2016-05-06T10:00:00.000Z'),
          started,
        );
      },
      (doc) => {
        const started = read(doc).assessment;
        const sectors = started.sectors.map((s) => (s.sector === 'shelter' ? { ...s, affected: 1500 } : s));
        const breakdown = { ...started.breakdown, elderly: 90 };
        const patch = { sectors, breakdown };
        updateRecord(doc, 'assessment', 'a1', patch, stamp('Jordi', '2016-05-06T11:00:00.000Z'), started);
      },
    );
    for (const doc of [a!, b!]) {
      const assessment = read(doc).assessment;
      expect(assessment.sectors.find((s) => s.sector === 'shelter')).toMatchObject({
        severity: 5,
        affected: 1500,
        inNeed: 800,
        notes: 'Viviendas colapsadas',
      });
      expect(assessment.breakdown).toEqual({ women: 620, men: 580, children: 300, elderly: 90 });
      expect(assessment.schema).toBe(SCHEMA_VERSION);
      expect(assessment.marks).toBe(NO_MARKS);
    }
  });

  it('removes an old tag on one device while another adds one, and edits one old team row on both', () => {
    const [a, b] = twoDevices(
      (doc) => {
        const note = read(doc).note;
        updateRecord(
          doc,
          'note',
          'n1',
          { tags: ['malecón'] },
          stamp('Anna', '2016-05-06T10:00:00.000Z'),
          note,
        );
        const mission = read(doc).mission;
        const team = mission.team.map((row) =>
          row.id === 'L1' ? { ...row, name: 'Jordi Vila i Pons' } : row,
        );
        updateMission(doc, { team }, stamp('Anna', '2016-05-06T10:00:00.000Z'), mission);
      },
      (doc) => {
        const note = read(doc).note;
        const tags = [...note.tags, 'agua'];
        updateRecord(doc, 'note', 'n1', { tags }, stamp('Jordi', '2016-05-06T11:00:00.000Z'), note);
        const mission = read(doc).mission;
        const team = mission.team.map((row) =>
          row.id === 'L1' ? { ...row, role: 'support' as const } : row,
        );
        updateMission(doc, { team }, stamp('Jordi', '2016-05-06T11:00:00.000Z'), mission);
      },
    );
    for (const doc of [a!, b!]) {
      expect(read(doc).note.tags).toEqual(['agua', 'malecón']);
      expect(read(doc).mission.team[1]).toEqual({
        id: 'L1',
        name: 'Jordi Vila i Pons',
        institution: 'AMB',
        role: 'support',
      });
    }
  });
});
