// The coordinator's desk: one row per mission with what a coordinator follows (review, last sync, what is new
// since they last looked), sorted and filtered. Pure: every input comes from the projection's rows.
import { cantonByPcode } from '../codes.ts';
import type { ReviewDecision, ReviewSnapshot } from '../review.ts';
import { matchesQuery } from '../rules.ts';

/** One change someone made: a record's last write, a comment, a decision. */
export interface DeskChange {
  /** The record or comment it is about ('decision' for the review's decision). */
  id: string;
  /** ISO date-time of the write, by the writer's clock. */
  at: string;
  /** Who wrote it, as their device profile names them. */
  by: string;
  /**
   * When this device first held the write, by its own clock (ISO): what "new since I last looked" compares.
   * A week's work synced late, or another device's clock running behind, is still new when it arrives.
   */
  arrived?: string;
}

/** What the desk needs of one mission document beyond its list row, projected with it. */
export interface MissionDeskFacts {
  missionId: string;
  /** Team members' names, in the mission's order. */
  team: string[];
  /** The last write of each live assessment, note and action. */
  changes: DeskChange[];
}

/** What the desk needs of one mission's review document, projected when it changes. */
export interface ReviewFacts {
  missionId: string;
  decision: ReviewDecision | null;
  /** The decision's write; null when there is none. */
  decided: DeskChange | null;
  /** Every live comment. */
  comments: DeskChange[];
}

/** The list row fields the desk reads (a MissionRow has them all). */
export interface DeskMissionInput {
  id: string;
  title: string;
  status: number;
  hostCanton: string;
  themes: string[];
  startDate: string;
  endDate: string;
  deleted: 0 | 1;
  searchText: string;
}

export interface DeskRow {
  id: string;
  title: string;
  status: number;
  hostCanton: string;
  themes: string[];
  startDate: string;
  endDate: string;
  team: string[];
  review: ReviewDecision | null;
  /** When the server last confirmed this mission's document (ms since the epoch); null if never. */
  lastSync: number | null;
  /** Changes by others since this device's user last looked at the mission. */
  newCount: number;
  searchText: string;
}

const MAX_TEAM = 50;
const MAX_NAME = 200;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A record as the desk reads it; anything malformed counts as no change rather than breaking the desk. */
interface ChangeInput {
  id: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
}

export function deskFacts(
  missionId: string,
  snapshot: {
    mission: { team: readonly { name: string }[] } | null;
    assessments: readonly ChangeInput[];
    notes: readonly ChangeInput[];
    actions: readonly ChangeInput[];
  },
): MissionDeskFacts | null {
  const { mission } = snapshot;
  if (!mission) return null;
  const changes: DeskChange[] = [];
  for (const record of [...snapshot.assessments, ...snapshot.notes, ...snapshot.actions]) {
    if (record.deletedAt) continue;
    const at = text(record.updatedAt);
    if (at !== '') changes.push({ id: text(record.id), at, by: text(record.updatedBy).slice(0, MAX_NAME) });
  }
  const team = mission.team
    .map((member) => text(member.name).trim().slice(0, MAX_NAME))
    .filter((name) => name !== '')
    .slice(0, MAX_TEAM);
  return { missionId, team, changes };
}

/** A review's decision and live comments as desk changes. */
export function reviewFacts(missionId: string, review: ReviewSnapshot): ReviewFacts {
  const { decision } = review;
  return {
    missionId,
    decision: decision?.decision ?? null,
    decided:
      decision && decision.at !== ''
        ? { id: 'decision', at: decision.at, by: decision.by.slice(0, MAX_NAME) }
        : null,
    comments: review.comments
      .filter((comment) => !comment.deletedAt && comment.at !== '')
      .map((comment) => ({ id: comment.id, at: comment.at, by: comment.by.slice(0, MAX_NAME) })),
  };
}

/**
 * Stamps each change with when this device first held it: a write already projected keeps its stamp, a write
 * new to this device gets `now`. With nothing projected before (a mission's first projection on this device),
 * a write's own time is the best guess there is.
 */
export function withArrivals(
  next: readonly DeskChange[],
  previous: readonly DeskChange[] | undefined,
  now: string,
): DeskChange[] {
  if (!previous) return next.map((change) => ({ ...change, arrived: change.at }));
  const known = new Map(previous.map((change) => [change.id, change]));
  return next.map((change) => {
    const before = known.get(change.id);
    const arrived = before && before.at === change.at ? (before.arrived ?? before.at) : now;
    return { ...change, arrived };
  });
}

/**
 * How many changes by someone other than `me` reached this device after `seenAt`; every one of them when the
 * mission was never looked at (null). ISO date-times of the same form compare as strings.
 */
export function countNew(changes: readonly DeskChange[], seenAt: string | null, me: string): number {
  let count = 0;
  for (const change of changes)
    if (change.by !== me && (seenAt === null || (change.arrived ?? change.at) > seenAt)) count++;
  return count;
}

/**
 * What the desk needs of one mission's desk facts, compact: per author, when each of their changes reached this
 * device (ms since the epoch, ascending). 24,000 changes across a programme are 200 small typed arrays to read,
 * not 24,000 objects (reading many small values is what IndexedDB is slow at).
 */
export interface MissionNews {
  missionId: string;
  team: string[];
  authors: { by: string; arrived: Float64Array }[];
}

/** A write time that does not parse sorts after every look: it is counted as new, as the strings compared did. */
const arrivalMs = (change: DeskChange): number => {
  const ms = Date.parse(change.arrived ?? change.at);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
};

export function newsOf(facts: MissionDeskFacts): MissionNews {
  const byAuthor = new Map<string, number[]>();
  for (const change of facts.changes) {
    const times = byAuthor.get(change.by) ?? [];
    times.push(arrivalMs(change));
    byAuthor.set(change.by, times);
  }
  return {
    missionId: facts.missionId,
    team: facts.team,
    authors: [...byAuthor].map(([by, times]) => ({ by, arrived: Float64Array.from(times).sort() })),
  };
}

/** countNew over compact news: per author other than `me`, the arrivals after `seenAt`, by binary search. */
export function countNewsSince(news: MissionNews, seenAt: string | null, me: string): number {
  const seen = seenAt === null ? Number.NEGATIVE_INFINITY : Date.parse(seenAt);
  let count = 0;
  for (const { by, arrived } of news.authors) {
    if (by === me) continue;
    if (Number.isNaN(seen)) {
      count += arrived.length;
      continue;
    }
    let low = 0;
    let high = arrived.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (arrived[mid]! > seen) high = mid;
      else low = mid + 1;
    }
    count += arrived.length - low;
  }
  return count;
}

export interface DeskSources {
  news: ReadonlyMap<string, MissionNews>;
  reviews: ReadonlyMap<string, ReviewFacts>;
  /** When this device's user last looked at each mission (ISO). */
  seen: ReadonlyMap<string, string>;
  /** When the server last confirmed each mission's document (ms). */
  synced: ReadonlyMap<string, number>;
  /** This device's user, as their writes name them: their own changes are not news to them. */
  me: string;
}

/** The desk's rows: live missions only, with what is new counted from records, comments and the decision. */
export function deskRows(missions: readonly DeskMissionInput[], sources: DeskSources): DeskRow[] {
  const rows: DeskRow[] = [];
  for (const mission of missions) {
    if (mission.deleted === 1) continue;
    const news = sources.news.get(mission.id);
    const review = sources.reviews.get(mission.id);
    const seenAt = sources.seen.get(mission.id) ?? null;
    const reviewChanges = review ? [...review.comments, ...(review.decided ? [review.decided] : [])] : [];
    rows.push({
      id: mission.id,
      title: mission.title,
      status: mission.status,
      hostCanton: mission.hostCanton,
      themes: mission.themes,
      startDate: mission.startDate,
      endDate: mission.endDate,
      team: news?.team ?? [],
      review: review?.decision ?? null,
      lastSync: sources.synced.get(mission.id) ?? null,
      newCount:
        (news ? countNewsSince(news, seenAt, sources.me) : 0) + countNew(reviewChanges, seenAt, sources.me),
      searchText: mission.searchText,
    });
  }
  return rows;
}

export type DeskSortKey =
  'title' | 'status' | 'dates' | 'canton' | 'themes' | 'team' | 'review' | 'lastSync' | 'new';

/** The table's columns, in order: what a coordinator acts on (news, review) before what describes the mission. */
export const DESK_SORT_KEYS: readonly DeskSortKey[] = [
  'title',
  'new',
  'review',
  'status',
  'dates',
  'canton',
  'themes',
  'team',
  'lastSync',
];

export interface DeskSort {
  key: DeskSortKey;
  direction: 'ascending' | 'descending';
}

/** What a coordinator most often wants first: the missions with the most that is new. */
export const DEFAULT_DESK_SORT: DeskSort = { key: 'new', direction: 'descending' };

/** Not reviewed first: what needs a decision comes before what has one. */
const REVIEW_ORDER: Record<ReviewDecision | 'none', number> = {
  none: 0,
  pending: 1,
  changesRequested: 2,
  approved: 3,
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The value a column sorts by; null sorts last whichever the direction (an empty cell is no information). */
function sortValue(row: DeskRow, key: DeskSortKey): string | number | null {
  switch (key) {
    case 'title':
      return row.title;
    case 'status':
      return row.status;
    case 'dates':
      return row.startDate || null;
    case 'canton':
      return cantonByPcode(row.hostCanton)?.name ?? (row.hostCanton || null);
    case 'themes':
      return row.themes.length ? [...row.themes].sort().join(' ') : null;
    case 'team':
      return row.team.length ? row.team.join(', ') : null;
    case 'review':
      return REVIEW_ORDER[row.review ?? 'none'];
    case 'lastSync':
      return row.lastSync;
    case 'new':
      return row.newCount;
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Sorted by one column; ties by title then id, so every device shows one order. */
export function sortDesk(rows: readonly DeskRow[], sort: DeskSort): DeskRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const tie = (a: DeskRow, b: DeskRow) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1);
  return rows
    .map((row) => ({ row, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1;
        return tie(a.row, b.row);
      }
      return sign * compareValues(a.value, b.value) || tie(a.row, b.row);
    })
    .map(({ row }) => row);
}

/** The header's next sort: the same column reverses, another starts ascending (numbers of news descending). */
export function nextSort(current: DeskSort, key: DeskSortKey): DeskSort {
  if (current.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'new' || key === 'lastSync' ? 'descending' : 'ascending' };
}

export interface DeskFilter {
  query: string;
  status: string;
  canton: string;
  theme: string;
  /** '' any, 'none' not reviewed, or a decision. */
  review: string;
  onlyNew: boolean;
}

export const NO_DESK_FILTER: DeskFilter = {
  query: '',
  status: '',
  canton: '',
  theme: '',
  review: '',
  onlyNew: false,
};

/** Rows matching every filter set; the query matches a mission's own text or, once answered, its records. */
export function filterDesk(
  rows: readonly DeskRow[],
  filter: DeskFilter,
  found: ReadonlySet<string> | null = null,
): DeskRow[] {
  return rows.filter(
    (row) =>
      (matchesQuery(row.searchText, filter.query) || found?.has(row.id) === true) &&
      (filter.status === '' || String(row.status) === filter.status) &&
      (filter.canton === '' || row.hostCanton === filter.canton) &&
      (filter.theme === '' || row.themes.includes(filter.theme)) &&
      (filter.review === '' || (row.review ?? 'none') === filter.review) &&
      (!filter.onlyNew || row.newCount > 0),
  );
}
