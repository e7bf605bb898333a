// The records of one demo mission: assessments near the canton's town, field notes, actions, with their photos.
import {
  DAMAGE_GRADES,
  SECTORS,
  type ActionStatus,
  type DamageGrade,
  type Method,
  type MissionStatus,
  type Placard,
  type Severity,
  type StructureType,
} from '../../domain/codes.ts';
import type { ActionId, AssessmentId } from '../../domain/ids.ts';
import type {
  ActionFields,
  AssessmentFields,
  GeoPoint,
  NoteFields,
  PhotoRef,
  TeamMember,
} from '../../domain/model.ts';
import type { WriteStamp } from '../../domain/records/write.ts';
import type { SeedPlace } from './places.ts';
import { COUNTERPARTS, INFORMANTS, RESPONSIBLES } from './people.ts';
import type { SeedPhoto } from './photos.ts';
import type { Random } from './random.ts';
import {
  ACTIVITIES,
  ASSESSMENT_SITES,
  BUILDING_USES,
  CAPTIONS,
  GAPS,
  NOTE_TAGS,
  NOTE_TEXTS,
  PRIORITIES,
  PRODUCTS,
  RECOMMENDATIONS,
  SECTOR_NOTES,
  SITE_REASONS,
} from './texts.ts';
import { addDays, localTime } from './dates.ts';

/** What a mission's records are drawn against: where, when, in what state, and who is there. */
export interface MissionFrame {
  place: SeedPlace;
  status: MissionStatus;
  startDate: string;
  days: number;
  team: TeamMember[];
}

/** A record before it is written: its id, its fields, and who wrote it when. */
export interface Draft<F> {
  id: string;
  fields: Partial<F>;
  stamp: WriteStamp;
}

const stampOf = (member: TeamMember, now: string): WriteStamp => ({
  now,
  by: member.name,
  device: `demo-device-${member.id}`,
});

/** A moment on site: a day of the mission, in working hours (Ecuador time). */
function onSite(random: Random, frame: MissionFrame): string {
  const day = addDays(frame.startDate, random.int(0, frame.days - 1));
  return localTime(day, random.int(8, 18), random.int(0, 59));
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Where a technician stood: near the town, within a couple of kilometres. */
function gpsNear(random: Random, place: SeedPlace, capturedAt: string): GeoPoint {
  return {
    lat: round6(place.lat + (random.next() - 0.5) * 0.04),
    lon: round6(place.lon + (random.next() - 0.5) * 0.04),
    accuracy: random.int(4, 30),
    capturedAt,
  };
}

function sectors(random: Random): AssessmentFields['sectors'] {
  return random.sample(SECTORS, random.int(1, 4)).map((sector) => {
    const severity = random.weighted<Severity>([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 2],
      [5, 1],
    ]);
    const affected = random.int(2, 250) * 10;
    // People in need are counted at severity 3 and above.
    const share = severity >= 3 ? 0.4 + random.next() * 0.5 : random.next() * 0.3;
    return {
      sector,
      severity,
      affected,
      inNeed: Math.round(affected * share),
      notes: random.pick(SECTOR_NOTES),
    };
  });
}

function inspection(random: Random): AssessmentFields['inspection'] {
  const placard = random.weighted<Placard>([
    ['green', 2],
    ['yellow', 3],
    ['red', 2],
  ]);
  const grades: Record<Placard, readonly DamageGrade[]> = {
    green: [0, 1],
    yellow: [2, 3],
    red: DAMAGE_GRADES.slice(3),
  };
  return {
    placard,
    damageGrade: random.pick(grades[placard]),
    structureType: random.weighted<StructureType>([
      ['rc_frame', 4],
      ['confined_masonry', 2],
      ['unreinforced_masonry', 2],
      ['timber', 1],
      ['bahareque', 1],
    ]),
    use: random.pick(BUILDING_USES),
    storeys: random.int(1, 4),
    occupants: random.int(0, 12),
  };
}

export function assessments(random: Random, frame: MissionFrame): Draft<AssessmentFields>[] {
  return Array.from({ length: random.int(2, 8) }, () => {
    const now = onSite(random, frame);
    const parish = random.pick(frame.place.parishes);
    const method: Method =
      frame.status === 1
        ? 'sdr'
        : random.weighted<Method>([
            ['kii', 4],
            ['obs', 3],
            ['fgd', 2],
            ['sdr', 1],
          ]);
    const entries = sectors(random);
    const most = Math.max(...entries.map((s) => s.affected ?? 0));
    const fields: Partial<AssessmentFields> = {
      title: `${random.pick(ASSESSMENT_SITES)} ${parish}`,
      date: now.slice(0, 10),
      method,
      informantRole: method === 'kii' || method === 'fgd' ? random.pick(INFORMANTS) : '',
      siteReason: random.pick(SITE_REASONS),
      canton: frame.place.pcode,
      parish,
      gps: random.chance(0.85) ? gpsNear(random, frame.place, now) : null,
      sectors: entries,
      priorities: random.sample(PRIORITIES, random.int(1, 3)),
      gaps: random.chance(0.5) ? random.pick(GAPS) : '',
      recommendations: random.sample(RECOMMENDATIONS, random.int(1, 2)).join('\n'),
      inspection: random.chance(0.35) ? inspection(random) : null,
    };
    if (random.chance(0.6)) {
      fields.breakdown = {
        women: Math.round(most * 0.51),
        men: most - Math.round(most * 0.51),
        children: Math.round(most * 0.35),
        elderly: Math.round(most * 0.1),
      };
    }
    return { id: random.uuid(), fields, stamp: stampOf(random.pick(frame.team), now) };
  });
}

export function actions(random: Random, frame: MissionFrame): Draft<ActionFields>[] {
  const endDate = addDays(frame.startDate, frame.days - 1);
  const byStatus: Record<MissionStatus, readonly (readonly [ActionStatus, number])[]> = {
    1: [['planned', 1]],
    2: [
      ['planned', 3],
      ['in_progress', 3],
      ['done', 1],
    ],
    3: [
      ['planned', 1],
      ['in_progress', 2],
      ['done', 4],
      ['dropped', 0.5],
    ],
    4: [
      ['done', 6],
      ['dropped', 1],
    ],
    5: [
      ['dropped', 3],
      ['planned', 1],
    ],
    6: [
      ['planned', 2],
      ['in_progress', 2],
    ],
  };
  return random.sample(ACTIVITIES, random.int(3, 10)).map((activity) => ({
    id: random.uuid(),
    fields: {
      activity,
      responsible: random.pick(RESPONSIBLES),
      dueDate: addDays(endDate, random.int(-5, 90)),
      status: random.weighted(byStatus[frame.status]),
      torProduct: random.chance(0.6) ? random.pick(PRODUCTS) : '',
    },
    stamp: stampOf(random.pick(frame.team), onSite(random, frame)),
  }));
}

export function notes(
  random: Random,
  frame: MissionFrame,
  links: { assessments: readonly string[]; actions: readonly string[] },
  count?: number,
): Draft<NoteFields>[] {
  return Array.from({ length: count ?? random.int(5, 40) }, () => {
    const now = onSite(random, frame);
    const language = random.chance(0.7) ? 'es' : 'ca';
    const { openings, bodies } = NOTE_TEXTS[language];
    const text = [
      random.pick(openings).replace('{who}', random.pick(COUNTERPARTS[language])),
      random.sample(bodies, random.int(1, 3)).join(' '),
    ].join('\n\n');
    const linked: NoteFields['links'] = [];
    if (links.assessments.length > 0 && random.chance(0.25))
      linked.push({ kind: 'assessment', id: random.pick(links.assessments) as AssessmentId });
    if (links.actions.length > 0 && random.chance(0.1))
      linked.push({ kind: 'action', id: random.pick(links.actions) as ActionId });
    return {
      id: random.uuid(),
      fields: {
        text,
        tags: random.sample(NOTE_TAGS, random.int(1, 3)),
        gps: random.chance(0.5) ? gpsNear(random, frame.place, now) : null,
        links: linked,
      },
      stamp: stampOf(random.pick(frame.team), now),
    };
  });
}

/**
 * Gives `photos` to records drawn at random (notes more often than assessments), as the app records a photo it
 * took: its hash, type, size, dimensions, when it was taken and, sometimes, where; a caption now and then.
 */
export function attachPhotos(
  random: Random,
  photos: readonly SeedPhoto[],
  records: readonly Draft<AssessmentFields | NoteFields>[],
): void {
  if (records.length === 0) return;
  for (const photo of photos) {
    const record = random.pick(records);
    const fields = record.fields as Partial<AssessmentFields & NoteFields>;
    const ref: PhotoRef = {
      sha256: photo.sha256 as PhotoRef['sha256'],
      mime: photo.mime,
      bytes: photo.bytes.length,
      width: photo.width,
      height: photo.height,
      takenAt: record.stamp.now,
      location: fields.gps && random.chance(0.5) ? fields.gps : null,
    };
    fields.photos = [...(fields.photos ?? []), ref];
    if (random.chance(0.5))
      fields.captions = [...(fields.captions ?? []), { photo: ref.sha256, text: random.pick(CAPTIONS) }];
  }
}
