// History figures: what keeping every stored version as a full state costs against keeping diffs, and how long
// describing a version and building a restore take on a field-sized mission.
import * as Y from 'yjs';
import { describeChange } from '../src/domain/history/describe.ts';
import { restoreVersion } from '../src/domain/history/restore.ts';
import { readMissionSnapshot } from '../src/domain/records/snapshot.ts';
import { CHECKPOINT_EVERY } from '../src/server/history.ts';
import { recordsRoot, setDeleted, updateRecord } from '../src/storage/missionDoc.ts';
import { seedMission } from './seed.ts';

export interface HistoryFigures {
  notes: number;
  assessments: number;
  versions: number;
  /** Bytes of every version as a full state, as diffs from the one before, and as the server keeps them
   * (a full state every CHECKPOINT_EVERY versions, diffs between). */
  fullStateBytes: number;
  diffBytes: number;
  keptBytes: number;
  /** Comparing two versions' snapshots (one row of the history list). */
  describeMs: number;
  /** Building the restore of a wiped mission and its update's size. */
  restoreMs: number;
  restoreUpdateBytes: number;
}

export function measureHistory(notes = 300, assessments = 60, versions = 40): HistoryFigures {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seedMission(notes, assessments));
  const ids = [...recordsRoot(doc, 'note').keys()];
  let fullStateBytes = 0;
  let diffBytes = 0;
  let vector: Uint8Array = new Uint8Array([0]);
  let keptBytes = 0;
  // A day of work: between two stores a device edits three notes.
  for (let v = 0; v < versions; v++) {
    const stamp = { actor: { name: 'Bench', device: 'bench-device' }, now: new Date().toISOString() };
    for (let i = 0; i < 3; i++) {
      const id = ids[(v * 3 + i) % ids.length]!;
      updateRecord(doc, 'note', id, { tags: [`v${v}`] }, stamp);
    }
    fullStateBytes += Y.encodeStateAsUpdate(doc).byteLength;
    const diff = Y.encodeStateAsUpdate(doc, vector).byteLength;
    diffBytes += diff;
    keptBytes += v % CHECKPOINT_EVERY === 0 ? Y.encodeStateAsUpdate(doc).byteLength : diff;
    vector = Y.encodeStateVector(doc);
  }
  const past = new Y.Doc();
  Y.applyUpdate(past, Y.encodeStateAsUpdate(doc));
  const stamp = { actor: { name: 'Wiper', device: 'wiper' }, now: new Date().toISOString() };
  for (const id of ids) setDeleted(doc, 'note', id, true, stamp);
  let started = performance.now();
  describeChange(readMissionSnapshot(past, 'bench'), readMissionSnapshot(doc, 'bench'));
  const describeMs = performance.now() - started;
  const before = Y.encodeStateVector(doc);
  started = performance.now();
  restoreVersion(doc, past, { now: new Date().toISOString(), by: 'Bench', device: 'server' });
  const restoreMs = performance.now() - started;
  return {
    notes,
    assessments,
    versions,
    fullStateBytes,
    diffBytes,
    keptBytes,
    describeMs,
    restoreMs,
    restoreUpdateBytes: Y.encodeStateAsUpdate(doc, before).byteLength,
  };
}

if (import.meta.main) console.info(JSON.stringify(measureHistory(), null, 2));
