import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createMission,
  createRecord,
  readMission,
  readRecord,
  recordsRoot,
  updateMission,
  updateRecord,
  type Stamp,
} from '../../../src/storage/missionDoc.ts';
import { RecordWriter } from '../../../src/domain/records/write.ts';
import { RECORD_FIELDS, type SchemaKind } from '../../../src/domain/schema/records.ts';
import type { MissionId } from '../../../src/domain/ids.ts';
import type { LinkTarget, SectorEntry } from '../../../src/domain/model.ts';
import { SCHEMA_VERSION } from '../../../src/domain/model.ts';

const ID = '5d1c0a7e-8f0b-4e7a-b1c2-3d4e5f60718a' as MissionId;
const stamp = (name: string, now = '2024-03-01T00:00:00.000Z'): Stamp => ({
  actor: { name, device: `device-${name}` },
  now,
});

type Edit = (doc: Y.Doc) => void;

/** Saves through the record writer directly; returns whether anything was written. */
const writeFields = (map: Y.Map<unknown>, kind: SchemaKind, patch: object, base?: object): boolean =>
  new RecordWriter(map.doc!, map, RECORD_FIELDS[kind], {
    now: '2024-03-02T00:00:00.000Z',
    by: 'Jordi',
    device: 'device-Jordi',
  }).save(patch as Record<string, unknown>, (base as Record<string, unknown>) ?? null);

/**
 * Two phones start from the same document, edit it offline, then exchange their updates. Returns both phones
 * and two fresh devices that received the three updates in either order.
 */
function editOfflineThenMerge(setUp: Edit, onA: Edit, onB: Edit): Y.Doc[] {
  const origin = new Y.Doc();
  setUp(origin);
  const base = Y.encodeStateAsUpdate(origin);
  const phone = (edit: Edit) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    const before = Y.encodeStateVector(doc);
    edit(doc);
    return { doc, update: Y.encodeStateAsUpdate(doc, before) };
  };
  const a = phone(onA);
  const b = phone(onB);
  Y.applyUpdate(a.doc, b.update);
  Y.applyUpdate(b.doc, a.update);
  const receiver = (updates: Uint8Array[]) => {
    const doc = new Y.Doc();
    for (const update of [base, ...updates]) Y.applyUpdate(doc, update);
    return doc;
  };
  return [a.doc, b.doc, receiver([a.update, b.update]), receiver([b.update, a.update])];
}

const note = (doc: Y.Doc, id = 'n1') => readRecord('note', recordsRoot(doc, 'note').get(id)!, id);
const assessment = (doc: Y.Doc) => readRecord('assessment', recordsRoot(doc, 'assessment').get('a1')!, 'a1');
const mission = (doc: Y.Doc) => readMission(doc, ID)!;

const sector = (code: SectorEntry['sector'], severity: SectorEntry['severity']): SectorEntry => ({
  sector: code,
  severity,
  affected: null,
  inNeed: null,
  notes: '',
});

describe('list fields merged as sets', () => {
  it('keeps a tag added on one phone and the add and removal made on the other', () => {
    const docs = editOfflineThenMerge(
      (doc) => createRecord(doc, 'note', 'n1', { text: '', tags: ['roads'] }, stamp('Anna')),
      (doc) => updateRecord(doc, 'note', 'n1', { tags: ['roads', 'water'] }, stamp('Anna')),
      (doc) => updateRecord(doc, 'note', 'n1', { tags: ['school'] }, stamp('Jordi')),
    );
    for (const doc of docs) expect(note(doc).tags).toEqual(['school', 'water']);
  });

  it('reads tags in the same order whatever order they were added in', () => {
    const docs = editOfflineThenMerge(
      (doc) => createRecord(doc, 'note', 'n1', { text: '', tags: [] }, stamp('Anna')),
      (doc) => updateRecord(doc, 'note', 'n1', { tags: ['Zona 2', 'água', 'Agua'] }, stamp('Anna')),
      (doc) => updateRecord(doc, 'note', 'n1', { tags: ['puente', 'Zona 10'] }, stamp('Jordi')),
    );
    for (const doc of docs) {
      expect(note(doc).tags).toEqual(['Agua', 'água', 'puente', 'Zona 2', 'Zona 10']);
    }
  });

  it('keeps links added on both phones, drops the one removed, and never duplicates a link', () => {
    const first = { kind: 'assessment', id: 'a1' } as LinkTarget;
    const action = { kind: 'action', id: 'x1' } as LinkTarget;
    const second = { kind: 'assessment', id: 'a2' } as LinkTarget;
    const docs = editOfflineThenMerge(
      (doc) => createRecord(doc, 'note', 'n1', { text: '', links: [first] }, stamp('Anna')),
      (doc) => updateRecord(doc, 'note', 'n1', { links: [first, action, second] }, stamp('Anna')),
      (doc) => updateRecord(doc, 'note', 'n1', { links: [second] }, stamp('Jordi')),
    );
    for (const doc of docs) expect(note(doc).links).toEqual([action, second]);
  });

  it('keeps the themes, SDGs and Sendai priorities both phones chose, in code-list order', () => {
    const docs = editOfflineThenMerge(
      (doc) =>
        createMission(
          doc,
          { title: 'Jama', themes: ['governance'], sdgs: ['13'], sendai: ['sendai-1'] },
          stamp('Anna'),
        ),
      (doc) =>
        updateMission(
          doc,
          { themes: ['governance', 'coastal_risk'], sdgs: ['13', '11.5'], sendai: ['sendai-1', 'sendai-4'] },
          stamp('Anna'),
        ),
      (doc) =>
        updateMission(
          doc,
          { themes: ['urban_planning', 'governance'], sdgs: ['2'], sendai: ['sendai-2', 'sendai-1'] },
          stamp('Jordi'),
        ),
    );
    for (const doc of docs) {
      expect(mission(doc)).toMatchObject({
        themes: ['urban_planning', 'coastal_risk', 'governance'],
        sdgs: ['2', '11.5'],
        sendai: ['sendai-1', 'sendai-2', 'sendai-4'],
      });
    }
  });

  it('keeps the sectors each phone rated, and one entry when both rated the same sector', () => {
    const setUp: Edit = (doc) =>
      createRecord(doc, 'assessment', 'a1', { title: 'Tarqui', sectors: [sector('wash', 2)] }, stamp('Anna'));
    const different = editOfflineThenMerge(
      setUp,
      (doc) =>
        updateRecord(
          doc,
          'assessment',
          'a1',
          { sectors: [sector('wash', 2), sector('shelter', 4)] },
          stamp('A'),
        ),
      (doc) =>
        updateRecord(
          doc,
          'assessment',
          'a1',
          { sectors: [sector('health', 3), sector('wash', 2)] },
          stamp('B'),
        ),
    );
    for (const doc of different) {
      // In the order they were entered; two added at once on different phones, by code.
      expect(assessment(doc).sectors).toEqual([sector('wash', 2), sector('health', 3), sector('shelter', 4)]);
    }

    const same = editOfflineThenMerge(
      setUp,
      (doc) => updateRecord(doc, 'assessment', 'a1', { sectors: [sector('wash', 4)] }, stamp('A')),
      (doc) => updateRecord(doc, 'assessment', 'a1', { sectors: [sector('wash', 5)] }, stamp('B')),
    );
    const merged = same.map((doc) => assessment(doc).sectors);
    expect(merged[0]).toHaveLength(1);
    expect([4, 5]).toContain(merged[0]![0]!.severity);
    for (const sectors of merged) expect(sectors).toEqual(merged[0]);
  });

  it('reads sectors in the order they were entered, not in the order of the code list', () => {
    const doc = new Y.Doc();
    createRecord(
      doc,
      'assessment',
      'a1',
      { sectors: [sector('wash', 3), sector('health', 2)] },
      stamp('Anna'),
    );
    updateRecord(
      doc,
      'assessment',
      'a1',
      { sectors: [sector('wash', 3), sector('health', 2), sector('cccm', 4)] },
      stamp('Anna'),
    );
    const entered = ['wash', 'health', 'cccm'];
    expect(assessment(doc).sectors.map((s) => s.sector)).toEqual(entered);
    // Another device reading the same updates sees the same order.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(assessment(other).sectors.map((s) => s.sector)).toEqual(entered);
    // Removing one keeps the others where they were; one added again goes last, as newly entered.
    updateRecord(
      doc,
      'assessment',
      'a1',
      { sectors: [sector('health', 2), sector('cccm', 4)] },
      stamp('Anna'),
    );
    updateRecord(
      doc,
      'assessment',
      'a1',
      { sectors: [sector('health', 2), sector('cccm', 4), sector('wash', 1)] },
      stamp('Anna'),
    );
    expect(assessment(doc).sectors.map((s) => s.sector)).toEqual(['health', 'cccm', 'wash']);
  });

  it('keeps priorities as a ranked list written whole', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'assessment', 'a1', { priorities: ['agua', 'techo'] }, stamp('Anna'));
    updateRecord(doc, 'assessment', 'a1', { priorities: ['techo', 'agua'] }, stamp('Anna'));
    expect(assessment(doc).priorities).toEqual(['techo', 'agua']);
  });
});

describe('a member added on two phones at once', () => {
  /**
   * Both phones add the same member offline; then the first removes it before it has seen the second's addition.
   * The second's addition is concurrent with that removal, so it wins (M4, M7), whichever phone Yjs orders first.
   */
  function addTwiceThenRemoveOnOne(setUp: Edit, add: Edit, remove: Edit): Y.Doc[] {
    return [
      [1, 2],
      [2, 1],
    ].flatMap(([first, second]) => {
      const a = new Y.Doc();
      a.clientID = first!;
      const b = new Y.Doc();
      b.clientID = second!;
      setUp(a);
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      add(a);
      add(b);
      remove(a);
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      return [a, b];
    });
  }

  it('[M4] keeps a tag the other phone added, when one phone removes it before seeing that', () => {
    const docs = addTwiceThenRemoveOnOne(
      (doc) => createRecord(doc, 'note', 'n1', { text: '', tags: ['roads'] }, stamp('Anna')),
      (doc) =>
        updateRecord(doc, 'note', 'n1', { tags: ['roads', 'water'] }, stamp('Anna'), { tags: ['roads'] }),
      (doc) =>
        updateRecord(doc, 'note', 'n1', { tags: ['roads'] }, stamp('Anna'), { tags: ['roads', 'water'] }),
    );
    for (const doc of docs) expect(note(doc).tags).toEqual(['roads', 'water']);
  });

  it('[M7] keeps a sector the other phone edited, when one phone removes it before seeing that edit', () => {
    const started = [sector('wash', 2)];
    const docs = addTwiceThenRemoveOnOne(
      (doc) => createRecord(doc, 'assessment', 'a1', { sectors: started }, stamp('Anna')),
      (doc) =>
        updateRecord(doc, 'assessment', 'a1', { sectors: [sector('wash', 4)] }, stamp('Anna'), {
          sectors: started,
        }),
      (doc) =>
        updateRecord(doc, 'assessment', 'a1', { sectors: [] }, stamp('Anna'), {
          sectors: [sector('wash', 4)],
        }),
    );
    for (const doc of docs) expect(assessment(doc).sectors).toEqual([sector('wash', 4)]);
  });
  it('reads a member stored as the first schema-2 builds stored it, and removes it', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'note', 'n1', { text: '', tags: ['roads'] }, stamp('Anna'));
    recordsRoot(doc, 'note').get('n1')!.set('s:tags:water', 'water');
    expect(note(doc).tags).toEqual(['roads', 'water']);
    updateRecord(doc, 'note', 'n1', { tags: ['roads'] }, stamp('Jordi'), { tags: ['roads', 'water'] });
    expect(note(doc).tags).toEqual(['roads']);
    expect(recordsRoot(doc, 'note').get('n1')!.has('s:tags:water')).toBe(false);
  });
});

describe('lists written by an earlier version', () => {
  /** A note as the previous version wrote it: its lists are plain arrays. */
  function legacyNote(doc: Y.Doc): void {
    createRecord(doc, 'note', 'n1', { text: 'Visita' }, stamp('Anna'));
    const map = recordsRoot(doc, 'note').get('n1')!;
    map.set('schema', 1);
    map.set('tags', ['water', 'roads']);
    map.set('links', [{ kind: 'action', id: 'x1' }]);
  }

  it('reads a plain array as before, and converts it on the first write without losing values', () => {
    const doc = new Y.Doc();
    legacyNote(doc);
    expect(note(doc).tags).toEqual(['roads', 'water']);
    expect(note(doc).links).toEqual([{ kind: 'action', id: 'x1' }]);

    updateRecord(
      doc,
      'note',
      'n1',
      { tags: ['water', 'roads', 'school'] },
      stamp('Jordi', '2024-04-01T00:00:00.000Z'),
    );
    expect(note(doc)).toMatchObject({ tags: ['roads', 'school', 'water'], updatedBy: 'Jordi' });
    expect(note(doc).links).toEqual([{ kind: 'action', id: 'x1' }]);
  });

  it('converts a legacy sectors array keeping every entry', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'assessment', 'a1', { title: 'Tarqui' }, stamp('Anna'));
    const legacy = [sector('wash', 3), sector('education', 2)];
    recordsRoot(doc, 'assessment').get('a1')!.set('sectors', legacy);
    updateRecord(doc, 'assessment', 'a1', { sectors: [...legacy, sector('cccm', 1)] }, stamp('Anna'));
    // In the order they were entered: the earlier version's first, then the new one.
    expect(assessment(doc).sectors).toEqual([sector('wash', 3), sector('education', 2), sector('cccm', 1)]);
  });

  it('converting alone is not an edit: the record keeps who changed it last', () => {
    const doc = new Y.Doc();
    legacyNote(doc);
    updateRecord(doc, 'note', 'n1', { tags: ['roads', 'water'] }, stamp('Jordi', '2024-04-01T00:00:00.000Z'));
    expect(note(doc)).toMatchObject({ tags: ['roads', 'water'], updatedBy: 'Anna' });
  });

  it('merges concurrent edits once converted', () => {
    const docs = editOfflineThenMerge(
      (doc) => {
        legacyNote(doc);
        updateRecord(doc, 'note', 'n1', { tags: ['water', 'roads'] }, stamp('Anna'));
      },
      (doc) => updateRecord(doc, 'note', 'n1', { tags: ['roads', 'water', 'bridge'] }, stamp('Anna')),
      (doc) => updateRecord(doc, 'note', 'n1', { tags: ['water'] }, stamp('Jordi')),
    );
    for (const doc of docs) expect(note(doc).tags).toEqual(['bridge', 'water']);
  });

  it('marks what it writes with its schema version, so the earlier version shows it read-only', () => {
    const doc = new Y.Doc();
    legacyNote(doc);
    updateRecord(doc, 'note', 'n1', { tags: ['water', 'roads', 'school'] }, stamp('Jordi'));
    expect(recordsRoot(doc, 'note').get('n1')!.get('schema')).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
  });
});

describe('writing a list that did not change', () => {
  it('emits no update and reports no change, whatever the order of the items', () => {
    const doc = new Y.Doc();
    const links = [
      { kind: 'assessment', id: 'a1' },
      { kind: 'action', id: 'x1' },
    ] as LinkTarget[];
    createRecord(doc, 'note', 'n1', { text: '', tags: ['water', 'school'], links }, stamp('Anna'));
    createMission(doc, { title: 'Jama', themes: ['governance'], sdgs: ['11'], sendai: [] }, stamp('Anna'));
    createRecord(doc, 'assessment', 'a1', { sectors: [sector('wash', 2)] }, stamp('Anna'));
    let updates = 0;
    doc.on('update', () => updates++);
    const noteMap = recordsRoot(doc, 'note').get('n1')!;
    expect(writeFields(noteMap, 'note', { tags: ['school', 'water'], links: [...links].reverse() })).toBe(
      false,
    );
    expect(
      writeFields(doc.getMap('mission'), 'mission', { themes: ['governance'], sdgs: ['11'], sendai: [] }),
    ).toBe(false);
    const assessmentMap = recordsRoot(doc, 'assessment').get('a1')!;
    expect(writeFields(assessmentMap, 'assessment', { sectors: [sector('wash', 2)] })).toBe(false);
    updateRecord(doc, 'note', 'n1', { tags: note(doc).tags }, stamp('Jordi'));
    expect(updates).toBe(0);
    expect(note(doc).updatedBy).toBe('Anna');
  });
});

describe('list fields written from a form that opened before a colleague’s edit', () => {
  it('keeps a tag a colleague added while the form was open, and applies the user’s own removal', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'note', 'n1', { text: '', tags: ['roads', 'water'] }, stamp('Anna'));
    const startedFrom = note(doc).tags;
    updateRecord(doc, 'note', 'n1', { tags: ['roads', 'water', 'school'] }, stamp('Jordi'));
    updateRecord(doc, 'note', 'n1', { tags: ['roads'] }, stamp('Anna'), { tags: startedFrom });
    expect(note(doc).tags).toEqual(['roads', 'school']);
  });

  it('without the starting values the form’s list is the whole truth (the colleague’s tag goes)', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'note', 'n1', { text: '', tags: ['roads', 'water'] }, stamp('Anna'));
    updateRecord(doc, 'note', 'n1', { tags: ['roads', 'water', 'school'] }, stamp('Jordi'));
    updateRecord(doc, 'note', 'n1', { tags: ['roads'] }, stamp('Anna'));
    expect(note(doc).tags).toEqual(['roads']);
  });

  it('keeps a colleague’s change to a sector the user did not touch, and the user’s own sector edit', () => {
    const doc = new Y.Doc();
    const started = [sector('wash', 2), sector('health', 3)];
    createRecord(doc, 'assessment', 'a1', { title: 'Barrio', sectors: started }, stamp('Anna'));
    updateRecord(
      doc,
      'assessment',
      'a1',
      { sectors: [sector('wash', 5), sector('health', 3)] },
      stamp('Jordi'),
    );
    updateRecord(
      doc,
      'assessment',
      'a1',
      { sectors: [sector('wash', 2), sector('health', 4), sector('education', 1)] },
      stamp('Anna'),
      { sectors: started },
    );
    const bySector = Object.fromEntries(
      assessment(doc).sectors.map((entry) => [entry.sector, entry.severity]),
    );
    expect(bySector).toEqual({ wash: 5, health: 4, education: 1 });
  });

  it('keeps a theme a colleague added to the mission while its form was open', () => {
    const doc = new Y.Doc();
    createMission(doc, { title: 'Jama', themes: ['governance'] }, stamp('Anna'));
    const startedFrom = { themes: mission(doc).themes };
    updateMission(doc, { themes: ['governance', 'coastal_risk'] }, stamp('Jordi'));
    updateMission(doc, { themes: ['governance', 'urban_planning'] }, stamp('Anna'), startedFrom);
    expect([...mission(doc).themes].sort()).toEqual(['coastal_risk', 'governance', 'urban_planning']);
  });

  it('writes nothing when the user changed nothing since the form opened', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'note', 'n1', { text: '', tags: ['roads'] }, stamp('Anna'));
    updateRecord(doc, 'note', 'n1', { tags: ['roads', 'school'] }, stamp('Jordi'));
    const map = recordsRoot(doc, 'note').get('n1')!;
    expect(writeFields(map, 'note', { tags: ['roads'] }, { tags: ['roads'] })).toBe(false);
    expect(note(doc).tags).toEqual(['roads', 'school']);
  });
});
