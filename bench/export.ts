// Export figures: a programme of 200 missions, 20,000 notes and 4,000 assessments written as the full CSV export
// (six files, zipped), from missions already read; and how long reading them through the schema takes.
import * as Y from 'yjs';
import { buildExport, zipFiles } from '../src/domain/export/index.ts';
import { readMissionSnapshot, type MissionSnapshot } from '../src/domain/records/snapshot.ts';
import { percentile } from './fieldApp.ts';
import { seedMission } from './seed.ts';

export interface ExportFigures {
  missions: number;
  notes: number;
  assessments: number;
  /** Reading every mission document through the record schema, once. */
  readMs: number;
  /** The CSV files built and zipped (target ≤ 2000). */
  csvMs: { p50: number; max: number };
  /** Processor time of the same, median: on a shared machine, wall time also counts other people's work. */
  csvCpuMs: number;
  zipBytes: number;
}

export function measureExport(missions = 200, notesEach = 100, assessmentsEach = 20): ExportFigures {
  const updates = Array.from({ length: missions }, () => seedMission(notesEach, assessmentsEach));
  const started = performance.now();
  const snapshots: MissionSnapshot[] = updates.map((update, i) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const snapshot = readMissionSnapshot(doc, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    doc.destroy();
    return snapshot;
  });
  const readMs = performance.now() - started;
  const runs: number[] = [];
  const cpu: number[] = [];
  let zipBytes = 0;
  for (let i = 0; i < 5; i++) {
    const begin = performance.now();
    const cpuBegin = process.cpuUsage();
    const zip = zipFiles(
      buildExport(snapshots, { format: 'csv', labels: (list, code) => `${list}.${code}` }),
    );
    const used = process.cpuUsage(cpuBegin);
    runs.push(performance.now() - begin);
    cpu.push((used.user + used.system) / 1000);
    zipBytes = zip.byteLength;
  }
  return {
    missions,
    notes: missions * notesEach,
    assessments: missions * assessmentsEach,
    readMs,
    csvMs: { p50: percentile(runs, 50), max: Math.max(...runs) },
    csvCpuMs: percentile(cpu, 50),
    zipBytes,
  };
}
