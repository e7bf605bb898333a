// The demo programme's content: what `npm run seed` writes holds to the domain's ranges, reads through the record
// schema without a mark, and is the same, record for record, for the same seed.
import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { MissionId } from '../../src/domain/ids.ts';
import { seedMission, type SeedOptions } from '../../src/server/seed/programme.ts';
import { PLACES } from '../../src/server/seed/places.ts';
import { MissionView, type MissionSnapshot } from '../../src/storage/missionView.ts';

const OPTIONS: SeedOptions = {
  missions: 8,
  seed: 'invariants',
  photos: 2,
  from: '2016-04-20',
  to: '2017-12-10',
};

function read(options: SeedOptions, index: number) {
  const seeded = seedMission(options, index);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seeded.mission);
  const view = new MissionView(doc, seeded.id as MissionId);
  const snapshot: MissionSnapshot = view.snapshot();
  view.destroy();
  return { seeded, snapshot };
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('the demo programme', () => {
  const missions = Array.from({ length: OPTIONS.missions }, (_, i) => read(OPTIONS, i));

  it('has a mission of every status, each in a canton of Manabí with its team and dates on site', () => {
    expect(new Set(missions.map((m) => m.snapshot.mission?.status))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    for (const { snapshot } of missions) {
      const mission = snapshot.mission!;
      expect(PLACES.map((p) => p.pcode)).toContain(mission.hostCanton);
      expect(mission.team.length).toBeGreaterThanOrEqual(1);
      expect(mission.team.length).toBeLessThanOrEqual(4);
      expect(mission.team[0]?.role).toBe('lead');
      expect(mission.team.every((t) => t.institution !== '')).toBe(true);
      expect(days(mission.startDate, mission.endDate) + 1).toBeGreaterThanOrEqual(7);
      expect(days(mission.startDate, mission.endDate) + 1).toBeLessThanOrEqual(21);
      expect(mission.sdgs).toContain('11');
      expect(mission.sdgs.some((s) => ['11.1', '11.3', '11.5', '11.b'].includes(s))).toBe(true);
      expect(mission.sendai.length).toBeGreaterThan(0);
    }
  });

  it('holds assessments near the town, field notes by the team and actions, all valid for the schema', () => {
    for (const { snapshot } of missions) {
      const mission = snapshot.mission!;
      const place = PLACES.find((p) => p.pcode === mission.hostCanton)!;
      expect(snapshot.assessments.length).toBeGreaterThanOrEqual(2);
      expect(snapshot.assessments.length).toBeLessThanOrEqual(8);
      for (const a of snapshot.assessments) {
        expect(a.canton).toBe(mission.hostCanton);
        expect(a.date >= mission.startDate && a.date <= mission.endDate).toBe(true);
        for (const s of a.sectors) expect(s.inNeed!).toBeLessThanOrEqual(s.affected!);
        if (a.gps) {
          expect(Math.abs(a.gps.lat - place.lat)).toBeLessThan(0.03);
          expect(Math.abs(a.gps.lon - place.lon)).toBeLessThan(0.03);
        }
      }
      expect(snapshot.notes.length).toBeGreaterThanOrEqual(5);
      expect(snapshot.notes.length).toBeLessThanOrEqual(40);
      const team = mission.team.map((t) => t.name);
      for (const n of snapshot.notes) {
        expect(team).toContain(n.createdBy);
        expect(n.tags.length).toBeGreaterThan(0);
      }
      expect(snapshot.actions.length).toBeGreaterThanOrEqual(3);
      expect(snapshot.actions.length).toBeLessThanOrEqual(10);
      const records = [mission, ...snapshot.assessments, ...snapshot.notes, ...snapshot.actions];
      expect(records.flatMap((r) => Object.keys(r.marks.invalid))).toEqual([]);
    }
  });

  it('describes each photo as its bytes are: hash, size and dimensions of a real JPEG', () => {
    for (const { seeded, snapshot } of missions) {
      const refs = [...snapshot.notes, ...snapshot.assessments].flatMap((r) => r.photos);
      expect(refs).toHaveLength(OPTIONS.photos);
      for (const ref of refs) {
        const photo = seeded.photos.find((p) => p.sha256 === ref.sha256)!;
        expect(createHash('sha256').update(photo.bytes).digest('hex')).toBe(ref.sha256);
        expect(photo.bytes.length).toBe(ref.bytes);
        const image = jpeg.decode(photo.bytes, { useTArray: true });
        expect([image.width, image.height]).toEqual([ref.width, ref.height]);
      }
    }
  });

  it('is the same, record for record, for the same seed, and another for another seed', () => {
    const again = read(OPTIONS, 3);
    expect(JSON.stringify(again.snapshot)).toBe(JSON.stringify(missions[3]!.snapshot));
    const other = read({ ...OPTIONS, seed: 'another' }, 3);
    expect(other.snapshot.mission?.title).not.toBe(missions[3]!.snapshot.mission?.title);
  });
});
