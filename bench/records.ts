// Record-layout figures: how large a mission document is, what one form save sends, how long reading it takes.
import * as Y from 'yjs';
import { seedMission } from './seed.ts';
import { MissionView } from '../src/storage/missionView.ts';
import { readRecord, recordsRoot, updateRecord } from '../src/storage/missionDoc.ts';
import type { MissionId } from '../src/domain/ids.ts';
import { percentile } from './fieldApp.ts';

export interface RecordFigures {
  documentBytes: number;
  notes: number;
  assessments: number;
  /** Bytes of the update one assessment form save produces (severity of one sector and a title). */
  assessmentSaveBytes: number;
  /** Reading every record of the mission through the schema, warm. */
  readAllMs: { p50: number; p95: number };
}

export function measureRecords(notes = 1000, assessments = 200): RecordFigures {
  const update = seedMission(notes, assessments);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const runs: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    const view = new MissionView(doc, 'bench' as MissionId);
    view.snapshot();
    runs.push(performance.now() - started);
    view.destroy();
  }
  const [id, map] = [...recordsRoot(doc, 'assessment').entries()][0]!;
  const base = readRecord('assessment', map, id);
  const before = Y.encodeStateVector(doc);
  const sectors = base.sectors.map((s, i) => (i === 0 ? { ...s, severity: 5 as const } : s));
  const stamp = { actor: { name: 'Bench', device: 'bench-device' }, now: new Date().toISOString() };
  updateRecord(doc, 'assessment', id, { title: `${base.title} (2)`, sectors }, stamp, base);
  return {
    documentBytes: update.byteLength,
    notes,
    assessments,
    assessmentSaveBytes: Y.encodeStateAsUpdate(doc, before).byteLength,
    readAllMs: { p50: percentile(runs, 50), p95: percentile(runs, 95) },
  };
}
