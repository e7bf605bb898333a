import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeChange, recordKeys, summaryInEnglish } from '../../../../src/domain/history/describe.ts';
import { restoreVersion } from '../../../../src/domain/history/restore.ts';
import { readMissionSnapshot } from '../../../../src/domain/records/snapshot.ts';
import {
  createMission,
  createRecord,
  recordsRoot,
  setDeleted,
  updateMission,
  updateRecord,
  type Stamp,
} from '../../../../src/storage/missionDoc.ts';

const MISSION = '7a1c9a52-8d3e-4f43-9d2b-1f7b1b6f0a11';
const stamp = (name: string, now = '2026-12-01T10:00:00.000Z'): Stamp => ({
  actor: { name, device: `${name}-phone` },
  now,
});
const serverStamp = { now: '2026-12-02T10:00:00.000Z', by: 'Coordinator', device: 'server' };

function copy(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

function missionWithRecords(): Y.Doc {
  const doc = new Y.Doc();
  createMission(doc, { title: 'Floods in Andorra' }, stamp('Ana'));
  createRecord(doc, 'assessment', 'a1', { title: 'Canillo bridge', canton: 'canillo' }, stamp('Ana'));
  createRecord(doc, 'note', 'n1', { text: 'Road closed', tags: ['road'] }, stamp('Ana'));
  createRecord(doc, 'action', 'x1', { activity: 'Order sandbags' }, stamp('Ana'));
  return doc;
}

const live = (doc: Y.Doc) => {
  const s = readMissionSnapshot(doc, MISSION);
  return [...s.assessments, ...s.notes, ...s.actions]
    .filter((r) => !r.deletedAt)
    .map((r) => r.id)
    .sort();
};

describe('describeChange', () => {
  it('counts records added, changed, deleted and restored per kind, and mission fields changed', () => {
    const first = missionWithRecords();
    const before = readMissionSnapshot(first, MISSION);
    const doc = copy(first);
    updateRecord(doc, 'assessment', 'a1', { title: 'Canillo bridge (north)' }, stamp('Ben'));
    setDeleted(doc, 'note', 'n1', true, stamp('Ben'));
    createRecord(doc, 'action', 'x2', { activity: 'Call the mayor' }, stamp('Ben'));
    const after = readMissionSnapshot(doc, MISSION);
    const summary = describeChange(before, after);
    expect(summary.mission).toBeNull();
    expect(summary.records).toEqual([
      { kind: 'assessment', added: 0, changed: 1, deleted: 0, restored: 0 },
      { kind: 'note', added: 0, changed: 0, deleted: 1, restored: 0 },
      { kind: 'action', added: 1, changed: 0, deleted: 0, restored: 0 },
    ]);
    expect(summaryInEnglish(summary)).toBe('assessments: 1 changed; notes: 1 deleted; actions: 1 added');
    const back = describeChange(after, readMissionSnapshot(first, MISSION));
    expect(back.records.find((c) => c.kind === 'note')?.restored).toBe(1);
  });

  it('says the mission was created on the first version, and which mission fields changed', () => {
    const doc = missionWithRecords();
    const first = describeChange(null, readMissionSnapshot(doc, MISSION));
    expect(first.mission).toBe('created');
    expect(first.records.map((c) => c.added)).toEqual([1, 1, 1]);
    const before = readMissionSnapshot(doc, MISSION);
    const changed = copy(doc);
    expect(describeChange(before, readMissionSnapshot(changed, MISSION))).toEqual({
      mission: null,
      missionFields: [],
      records: [],
    });
    updateMission(changed, { title: 'Floods in Andorra (north)' }, stamp('Ben'));
    const summary = describeChange(before, readMissionSnapshot(changed, MISSION));
    expect(summary.missionFields).toEqual(['title']);
    expect(summaryInEnglish(summary)).toBe('mission fields changed: title');
  });
});

describe('describeChange after records were removed from the document', () => {
  it('counts a record coming back as restored when an older version had it, as added when none did', () => {
    const doc = missionWithRecords();
    const first = readMissionSnapshot(doc, MISSION);
    const past = copy(doc);
    // A member removes every record's key; then a coordinator restores the first version, and a new note comes.
    for (const kind of ['assessment', 'note', 'action'] as const) {
      const root = recordsRoot(doc, kind);
      for (const id of [...root.keys()]) root.delete(id);
    }
    const wiped = readMissionSnapshot(doc, MISSION);
    expect(describeChange(first, wiped).records.map((c) => c.deleted)).toEqual([1, 1, 1]);
    restoreVersion(doc, past, serverStamp);
    createRecord(doc, 'note', 'n2', { text: 'Bridge reopened' }, stamp('Ben'));
    const restored = readMissionSnapshot(doc, MISSION);
    const summary = describeChange(wiped, restored, new Set(recordKeys(first)));
    expect(summary.records).toEqual([
      { kind: 'assessment', added: 0, changed: 0, deleted: 0, restored: 1 },
      { kind: 'note', added: 1, changed: 0, deleted: 0, restored: 1 },
      { kind: 'action', added: 0, changed: 0, deleted: 0, restored: 1 },
    ]);
    expect(summaryInEnglish(summary)).toBe(
      'assessments: 1 restored; notes: 1 added, 1 restored; actions: 1 restored',
    );
    // Without the older versions' records, the same change reads as records added.
    expect(describeChange(wiped, restored).records.map((c) => [c.added, c.restored])).toEqual([
      [1, 0],
      [2, 0],
      [1, 0],
    ]);
  });
});

describe('restoreVersion', () => {
  it('brings back every record of a wiped mission as a new change', () => {
    const doc = missionWithRecords();
    const past = copy(doc);
    for (const [kind, id] of [
      ['assessment', 'a1'],
      ['note', 'n1'],
      ['action', 'x1'],
    ] as const)
      setDeleted(doc, kind, id, true, stamp('Ben'));
    expect(live(doc)).toEqual([]);
    const other = copy(doc);
    const before = Y.encodeStateVector(doc);
    const written = restoreVersion(doc, past, serverStamp);
    expect(written).toBe(3);
    expect(live(doc)).toEqual(['a1', 'n1', 'x1']);
    // A device that saw the wipe receives the restore as an ordinary update.
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, before));
    expect(live(other)).toEqual(['a1', 'n1', 'x1']);
    const note = readMissionSnapshot(other, MISSION).notes[0];
    expect(note?.text).toBe('Road closed');
    expect(note?.tags).toEqual(['road']);
  });

  it('recreates records removed from the document altogether, and deletes those the version did not have', () => {
    const doc = missionWithRecords();
    const past = copy(doc);
    recordsRoot(doc, 'note').delete('n1');
    createRecord(doc, 'action', 'x2', { activity: 'Later action' }, stamp('Ben'));
    restoreVersion(doc, past, serverStamp);
    expect(live(doc)).toEqual(['a1', 'n1', 'x1']);
    const note = readMissionSnapshot(doc, MISSION).notes[0];
    expect(note?.text).toBe('Road closed');
    expect(note?.createdBy).toBe('Ana');
  });

  it('restores one record and leaves the others alone', () => {
    const doc = missionWithRecords();
    const past = copy(doc);
    updateRecord(doc, 'assessment', 'a1', { title: 'Renamed' }, stamp('Ben'));
    setDeleted(doc, 'note', 'n1', true, stamp('Ben'));
    createRecord(doc, 'action', 'x2', { activity: 'Later action' }, stamp('Ben'));
    const written = restoreVersion(doc, past, serverStamp, { kind: 'note', id: 'n1' });
    expect(written).toBe(1);
    const s = readMissionSnapshot(doc, MISSION);
    expect(s.assessments[0]?.title).toBe('Renamed');
    expect(live(doc)).toEqual(['a1', 'n1', 'x1', 'x2']);
  });

  it('writes nothing when the document already holds the version', () => {
    const doc = missionWithRecords();
    const before = Y.encodeStateVector(doc);
    expect(restoreVersion(doc, copy(doc), serverStamp)).toBe(0);
    expect(Y.encodeStateAsUpdate(doc, before).length).toBeLessThanOrEqual(2);
  });
});
