// A demo programme: N missions in Manabí, each a mission document (and sometimes a review document) with its
// photos, drawn from a seed so the same seed always gives the same programme.
import * as Y from 'yjs';
import { SENDAI_PRIORITIES, THEMES, type MissionStatus, type TeamRole } from '../../domain/codes.ts';
import type { CommentTarget, ReviewDecision } from '../../domain/review.ts';
import type { MissionFields, TeamMember } from '../../domain/model.ts';
import type { WriteStamp } from '../../domain/records/write.ts';
import { addDays, daysBetween, localTime } from './dates.ts';
import { writeComment, writeDecision, writeMission, writeRecord } from './docWrite.ts';
import { COORDINATOR, technicianPool, type Technician } from './people.ts';
import { seedPhoto, type SeedPhoto } from './photos.ts';
import { PLACES } from './places.ts';
import { Random } from './random.ts';
import { actions, assessments, attachPhotos, notes, type MissionFrame } from './records.ts';
import {
  COMMENTS,
  DECISION_NOTES,
  MISSION_SUBJECTS,
  objectivesText,
  subjectTitle,
  torText,
} from './texts.ts';

export interface SeedOptions {
  missions: number;
  /** Any text: the same seed gives the same programme. */
  seed: string;
  /** The first and last day a mission may start (ISO dates). */
  from: string;
  to: string;
  /** Photos per mission, spread over its notes and assessments. */
  photos: number;
  /** Notes per mission; unset, each mission has between 5 and 40. */
  notesPerMission?: number;
}

export interface SeededMission {
  id: string;
  title: string;
  status: MissionStatus;
  /** The mission document's state, as a Yjs update. */
  mission: Uint8Array;
  /** The review document's state, or null for a mission not reviewed yet. */
  review: Uint8Array | null;
  photos: SeedPhoto[];
  counts: { assessments: number; notes: number; actions: number; comments: number };
}

/** Technicians the missions draw their teams from: fixed for a seed, whatever the number of missions. */
const POOL_SIZE = 24;

/** The day after the earthquake: no mission of the programme was prepared before it. */
const FIRST_DAY = '2016-04-17';

/** When the lead created the mission, `before` days ahead of going: not before the programme began. */
function preparedOn(startDate: string, before: number): string {
  const day = addDays(startDate, -before);
  return day < FIRST_DAY && startDate >= FIRST_DAY ? FIRST_DAY : day;
}

/** Earlier missions are closed or being reported; the latest are in the field or still being identified. */
function statusAt(random: Random, progress: number): MissionStatus {
  if (progress < 0.55)
    return random.weighted<MissionStatus>([
      [4, 6],
      [3, 1],
      [5, 1.5],
      [6, 1],
    ]);
  if (progress < 0.8)
    return random.weighted<MissionStatus>([
      [3, 4],
      [2, 2],
      [4, 2],
    ]);
  return random.weighted<MissionStatus>([
    [2, 4],
    [1, 3],
    [6, 1],
  ]);
}

/** One mission of each status, oldest to newest, in a programme of six missions or more. */
const PINNED: readonly MissionStatus[] = [4, 5, 3, 6, 2, 1];

/**
 * A programme of six missions or more shows every status (the draws alone may leave the rarer ones out): one
 * mission of each sits at evenly spaced places in it; the others follow statusAt.
 */
function statusOf(random: Random, index: number, missions: number): MissionStatus {
  const drawn = statusAt(random, (index + 0.5) / missions);
  if (missions < PINNED.length) return drawn;
  const pin = PINNED.findIndex((_, k) => Math.round((k * (missions - 1)) / (PINNED.length - 1)) === index);
  return pin === -1 ? drawn : (PINNED[pin] as MissionStatus);
}

function team(random: Random, pool: readonly Technician[]): TeamMember[] {
  return random.sample(pool, random.int(1, 4)).map((person, i) => ({
    id: random.uuid(),
    name: person.name,
    institution: person.institution,
    role: (i === 0 ? 'lead' : random.chance(0.2) ? 'support' : 'technician') as TeamRole,
  }));
}

function sdgs(random: Random): string[] {
  const targets = random.sample(['11.1', '11.3', '11.5', '11.b'], random.int(1, 3));
  const goals = random.sample(['6', '8', '13', '16', '17'], random.int(0, 2));
  return ['11', ...targets, ...goals];
}

function missionFields(random: Random, index: number, options: SeedOptions, pool: readonly Technician[]) {
  const place = random.weighted(PLACES.map((p) => [p, p.weight] as const));
  const themes = random.sample(THEMES, random.int(1, 2));
  const theme = random.pick(themes);
  const subject = random.pick(MISSION_SUBJECTS[theme]);
  const span = daysBetween(options.from, options.to);
  const startDate = addDays(options.from, Math.floor(((index + random.next()) / options.missions) * span));
  const days = random.int(7, 21);
  const frame: MissionFrame = {
    place,
    status: statusOf(random, index, options.missions),
    startDate,
    days,
    team: team(random, pool),
  };
  const fields: Partial<MissionFields> = {
    title: `${place.name} — ${subjectTitle(subject)}`,
    torReference: `TdR-${startDate.slice(0, 4)}-${String(index + 1).padStart(3, '0')}`,
    torText: torText(place.name, subject),
    hostCanton: place.pcode,
    themes,
    team: frame.team,
    startDate,
    endDate: addDays(startDate, days - 1),
    remoteSupportEnd: addDays(startDate, days - 1 + random.int(30, 120)),
    objectives: objectivesText(place.name, subject),
    status: frame.status,
    sdgs: sdgs(random),
    sendai: random.sample(SENDAI_PRIORITIES, random.int(1, 2)),
  };
  return { frame, fields };
}

const PRODUCTS = [
  ['Diagnóstico urbano participativo', 'diagnostic'],
  ['Plan de mejora de barrios', 'plan'],
  ['Talleres con el personal técnico municipal', 'workshop'],
  ['Informe final de la misión', 'report'],
  ['Ordenanza de gestión del riesgo (borrador)', 'other'],
] as const;

const PEOPLE_MET = [
  ['Técnicos de planificación', 'GAD municipal'],
  ['Presidencia del barrio', 'Comité barrial'],
  ['Dirección de gestión de riesgos', 'GAD municipal'],
  ['Técnica de vivienda', 'MIDUVI'],
  ['Coordinación territorial', 'AME'],
  ['Oficial de programa', 'PNUD'],
] as const;

/**
 * What the report and the year's accounts count: the ToR's counterpart, person-days, budget, products and people
 * met. Drawn from a stream of their own, so the rest of a seed's programme is the same with or without them.
 */
function reportFields(random: Random, frame: MissionFrame, place: { name: string }): Partial<MissionFields> {
  const finished = frame.status === 3 || frame.status === 4;
  const planned = random.int(5_000, 30_000);
  const products = random.sample(PRODUCTS, random.int(1, 3)).map(([title, kind]) => ({
    id: random.uuid(),
    title,
    kind,
    planned: true,
    deliveredOn: finished && random.chance(0.8) ? addDays(frame.startDate, frame.days - 1) : '',
  }));
  return {
    counterpartKind: random.chance(0.8) ? 'municipality' : 'ame',
    requestingCounterpart: `GAD municipal de ${place.name}`,
    focalPoint: `Dirección de planificación, GAD ${place.name}`,
    plannedPersonDays: frame.team.length * frame.days,
    remotePersonDays: random.chance(0.7) ? random.int(2, 20) / 2 : null,
    budgetPlannedEur: planned,
    // A budget is only known executed once the mission is back; a few never say.
    budgetExecutedEur:
      finished && random.chance(0.9) ? Math.round(planned * (0.75 + random.next() * 0.3)) : null,
    products,
    peopleMet: random.sample(PEOPLE_MET, random.int(2, 4)).map(([role, organisation]) => ({
      id: random.uuid(),
      role,
      organisation,
      count: random.chance(0.85) ? random.int(1, 12) : null,
    })),
  };
}

/** Reviewed missions are those sent back from the field; the coordinator decided on most of them. */
function review(
  random: Random,
  frame: MissionFrame,
  targets: readonly CommentTarget[],
): { doc: Y.Doc; comments: number } | null {
  const reviewed = frame.status === 3 || frame.status === 4 || (frame.status === 2 && random.chance(0.3));
  if (!reviewed) return null;
  const doc = new Y.Doc();
  const after = addDays(frame.startDate, frame.days - 1);
  const stamp = (days: number): WriteStamp => ({
    now: localTime(addDays(after, days), random.int(9, 17), random.int(0, 59)),
    by: COORDINATOR,
    device: 'demo-device-coordination',
  });
  // A reviewer does not write the same remark twice on one mission.
  const remarks = targets.flatMap((target) => COMMENTS[target.kind].map((text) => ({ target, text })));
  const picked = new Set<string>();
  let comments = 0;
  for (let i = random.int(1, 4); i > 0; i--) {
    const { target, text } = random.pick(remarks);
    if (picked.has(text)) continue;
    picked.add(text);
    writeComment(doc, random.uuid(), target, text, stamp(random.int(3, 20)));
    comments += 1;
  }
  if (frame.status !== 2) {
    const decision: ReviewDecision =
      frame.status === 4 || random.chance(0.4) ? 'approved' : 'changesRequested';
    writeDecision(doc, decision, random.pick(DECISION_NOTES[decision]), stamp(random.int(21, 40)));
  }
  return { doc, comments };
}

/** Mission `index` (0-based) of the programme: its title and records depend only on the seed and the index. */
export function seedMission(options: SeedOptions, index: number): SeededMission {
  const pool = technicianPool(new Random(`${options.seed}:people`), POOL_SIZE);
  const random = new Random(`${options.seed}:mission:${index}`);
  const { frame, fields } = missionFields(random, index, options, pool);
  Object.assign(fields, reportFields(new Random(`${options.seed}:report:${index}`), frame, frame.place));
  const id = random.uuid();
  // A client id of Yjs's own drawing, never one from the seed: two programmes of one seed but other options would
  // otherwise write different content under the same ids, which Yjs cannot tell apart when they meet.
  const doc = new Y.Doc();
  const lead = frame.team[0] as TeamMember;
  const created = localTime(preparedOn(frame.startDate, random.int(10, 45)), 10, 0);
  writeMission(doc, fields, { now: created, by: lead.name, device: `demo-device-${lead.id}` });

  const records = new Random(`${options.seed}:records:${index}`);
  const assessmentDrafts = assessments(records, frame);
  const actionDrafts = actions(records, frame);
  const noteDrafts = notes(
    records,
    frame,
    {
      assessments: assessmentDrafts.map((a) => a.id),
      actions: actionDrafts.map((a) => a.id),
    },
    options.notesPerMission,
  );
  const pictures = new Random(`${options.seed}:photos:${index}`);
  const photos = Array.from({ length: options.photos }, () => seedPhoto(pictures));
  attachPhotos(pictures, photos, [...noteDrafts, ...noteDrafts, ...assessmentDrafts]);
  for (const a of assessmentDrafts) writeRecord(doc, 'assessment', a.id, a.fields, a.stamp);
  for (const a of actionDrafts) writeRecord(doc, 'action', a.id, a.fields, a.stamp);
  for (const n of noteDrafts) writeRecord(doc, 'note', n.id, n.fields, n.stamp);

  const targets: CommentTarget[] = [
    { kind: 'mission', id } as CommentTarget,
    ...assessmentDrafts.map((a) => ({ kind: 'assessment', id: a.id }) as CommentTarget),
    ...noteDrafts.map((n) => ({ kind: 'note', id: n.id }) as CommentTarget),
    ...actionDrafts.map((a) => ({ kind: 'action', id: a.id }) as CommentTarget),
  ];
  const reviewed = review(new Random(`${options.seed}:review:${index}`), frame, targets);
  return {
    id,
    title: fields.title as string,
    status: frame.status,
    mission: Y.encodeStateAsUpdate(doc),
    review: reviewed ? Y.encodeStateAsUpdate(reviewed.doc) : null,
    photos,
    counts: {
      assessments: assessmentDrafts.length,
      notes: noteDrafts.length,
      actions: actionDrafts.length,
      comments: reviewed?.comments ?? 0,
    },
  };
}
