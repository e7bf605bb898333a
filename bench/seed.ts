// Builds a large mission document (as a Yjs update) to load into a browser for the benchmarks.
import * as Y from 'yjs';
import { createMission, createRecord, type Stamp } from '../src/storage/missionDoc.ts';
import { SECTORS } from '../src/domain/codes.ts';
import type { PhotoRef } from '../src/domain/model.ts';

const stamp: Stamp = { actor: { name: 'Bench', device: 'bench-device' }, now: '2016-05-01T12:00:00.000Z' };
const SENTENCE =
  'Reunión con el equipo técnico del GAD municipal sobre el plan de reconstrucción y la gestión del riesgo costero. ';

/** A mission of `notes` notes and `assessments` assessments; the first notes carry one of `photos` each. */
export function seedMission(
  notes: number,
  assessments: number,
  photos: readonly PhotoRef[] = [],
): Uint8Array {
  const doc = new Y.Doc();
  createMission(
    doc,
    {
      title: 'Pedernales — plan de reconstrucción',
      hostCanton: 'EC1317',
      startDate: '2016-05-01',
      status: 2,
    },
    stamp,
  );
  for (let i = 0; i < notes; i++) {
    const createdAt = new Date(Date.UTC(2016, 4, 1) + i * 60_000).toISOString();
    createRecord(
      doc,
      'note',
      crypto.randomUUID(),
      { text: `${i}. ${SENTENCE.repeat(3)}`, tags: ['reunión'], photos: photos[i] ? [photos[i]!] : [] },
      { ...stamp, now: createdAt },
    );
  }
  for (let i = 0; i < assessments; i++) {
    createRecord(
      doc,
      'assessment',
      crypto.randomUUID(),
      {
        title: `Barrio ${i}`,
        date: '2016-05-02',
        method: 'kii',
        canton: 'EC1317',
        sectors: SECTORS.slice(0, 3).map((sector, k) => ({
          sector,
          severity: (((i + k) % 5) + 1) as 1 | 2 | 3 | 4 | 5,
          affected: 100,
          inNeed: 50,
          notes: '',
        })),
        recommendations: SENTENCE,
      },
      stamp,
    );
  }
  return Y.encodeStateAsUpdate(doc);
}
