// Severity-screen figures: how large the projection rows of a programme are, and how long the matrix and the
// map points take to compute from them (what the screen does on every change of a row).
import { CANTONS, SECTORS, type Severity } from '../src/domain/codes.ts';
import {
  mapPoints,
  missionSeverityFacts,
  severityMatrix,
  type MissionSeverityFacts,
} from '../src/domain/desk/severity.ts';
import { percentile } from './fieldApp.ts';

export interface SeverityFigures {
  missions: number;
  assessments: number;
  notes: number;
  /** JSON size of every projection row together: about what IndexedDB reads when the screen opens. */
  rowsBytes: number;
  matrixAndPointsMs: { p50: number; p95: number };
}

function programme(missions: number, assessmentsEach: number, notesEach: number): MissionSeverityFacts[] {
  const rows: MissionSeverityFacts[] = [];
  for (let m = 0; m < missions; m++) {
    const assessments = Array.from({ length: assessmentsEach }, (_, a) => ({
      id: `a${m}-${a}`,
      title: `Assessment ${a} of mission ${m}`,
      canton: CANTONS[(m + a) % CANTONS.length]!.pcode,
      parish: 'Parroquia',
      date: `20${16 + (a % 8)}-05-0${1 + (a % 9)}`,
      deletedAt: null,
      gps: { lat: -1 + (a % 100) / 100, lon: -80.5 + (m % 100) / 100, accuracy: 10 },
      sectors: [0, 1, 2].map((s) => ({
        sector: SECTORS[(a + s * 4) % SECTORS.length]!,
        severity: (1 + ((a + m + s) % 5)) as Severity,
        affected: 100 * a,
        inNeed: 50 * a,
      })),
    }));
    const notes = Array.from({ length: notesEach }, (_, n) => ({
      id: `n${m}-${n}`,
      text: `Field note ${n}: meeting with the parish board about water, shelter and the school roof.`,
      createdAt: '2016-05-02T10:00:00.000Z',
      deletedAt: null,
      gps: n % 2 ? null : { lat: -0.9, lon: -80.6, accuracy: 8 },
    }));
    const row = missionSeverityFacts(`m${m}`, {
      mission: { title: `Mission ${m}`, status: 1 + (m % 6), deletedAt: null },
      assessments,
      notes,
    });
    if (row) rows.push(row);
  }
  return rows;
}

export function measureSeverity(missions = 200, assessmentsEach = 50, notesEach = 100): SeverityFigures {
  const rows = programme(missions, assessmentsEach, notesEach);
  const runs: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    severityMatrix(rows);
    mapPoints(rows);
    runs.push(performance.now() - started);
  }
  return {
    missions,
    assessments: missions * assessmentsEach,
    notes: missions * notesEach,
    rowsBytes: rows.reduce((sum, row) => sum + JSON.stringify(row).length, 0),
    matrixAndPointsMs: { p50: percentile(runs, 50), p95: percentile(runs, 95) },
  };
}
