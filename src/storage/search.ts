// Search across everything on this device: missions, assessments, notes and action items, offline, from the
// projection's rows (never by opening mission documents). Loaded when search is first used.
//
// The rows are read once and folded once, kept in memory, and re-read per mission only when its projection
// changed (its row's sourceKey), so a query is a scan of folded strings: no index to build or keep in step.
import type { SearchEntry } from '../domain/search/fields.ts';
import { foldFields, matchRecord, type FieldMatch, type FoldedField } from '../domain/search/match.ts';
import { queryTerms } from '../domain/search/fold.ts';
import type { MingaDb, MissionRow, SearchRow } from './db.ts';

export type HitKind = SearchEntry['kind'];

export interface SearchHit {
  missionId: string;
  kind: HitKind;
  id: string;
  label: string;
  updatedAt: string;
  match: FieldMatch;
  /** The text of the matching field, for the snippet. */
  text: string;
}

interface IndexedRecord {
  kind: HitKind;
  id: string;
  label: string;
  updatedAt: string;
  fields: FoldedField[];
}

interface IndexedMission {
  version: string;
  records: IndexedRecord[];
}

/** At most this many hits are kept per mission; the rest are counted. */
export const HITS_PER_MISSION = 5;

export interface MissionHits {
  hits: SearchHit[];
  total: number;
}

const versionOf = (row: MissionRow): string => `${row.projection ?? 0}/${row.sourceKey}/${row.updatedAt}`;

function indexMission(row: MissionRow, search: SearchRow | undefined): IndexedMission {
  // A row of an earlier projection has no search entry yet (ensureProjections is rebuilding it): its title.
  const entries = search?.entries ?? [
    {
      kind: 'mission',
      id: row.id,
      label: row.title,
      updatedAt: row.updatedAt,
      fields: [{ field: 'title', text: row.searchText }],
    },
  ];
  return {
    version: versionOf(row),
    records: entries.map((entry) => ({ ...entry, fields: foldFields(entry.fields) })),
  };
}

export class SearchIndex {
  private readonly missions = new Map<string, IndexedMission>();
  private readonly db: MingaDb;

  constructor(db: MingaDb) {
    this.db = db;
  }

  /** The refresh in progress: refreshes run one after another, so an older read never lands over a newer one. */
  private refreshing: Promise<void> = Promise.resolve();

  /** Brings the index in step with the mission rows given (the list's live rows): reads only what changed. */
  refresh(rows: readonly MissionRow[]): Promise<void> {
    const run = this.refreshing.then(() => this.readChanged(rows));
    this.refreshing = run.catch(() => undefined);
    return run;
  }

  private async readChanged(rows: readonly MissionRow[]): Promise<void> {
    const known = new Set(rows.map((row) => row.id));
    for (const id of this.missions.keys()) if (!known.has(id)) this.missions.delete(id);
    const stale = rows.filter((row) => this.missions.get(row.id)?.version !== versionOf(row));
    if (stale.length === 0) return;
    const found = await this.db.search.bulkGet(stale.map((row) => row.id));
    stale.forEach((row, i) => this.missions.set(row.id, indexMission(row, found[i])));
  }

  /** Every mission with a match, its hits newest first (at most HITS_PER_MISSION, with the total). */
  query(query: string): Map<string, MissionHits> {
    const terms = queryTerms(query);
    const out = new Map<string, MissionHits>();
    if (terms.length === 0) return out;
    for (const [missionId, mission] of this.missions) {
      const hits: SearchHit[] = [];
      for (const record of mission.records) {
        const match = matchRecord(record.fields, terms);
        if (!match) continue;
        const text = record.fields.find((f) => f.field === match.field)?.text ?? '';
        hits.push({
          missionId,
          kind: record.kind,
          id: record.id,
          label: record.label,
          updatedAt: record.updatedAt,
          match,
          text,
        });
      }
      if (hits.length === 0) continue;
      hits.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
      out.set(missionId, { hits: hits.slice(0, HITS_PER_MISSION), total: hits.length });
    }
    return out;
  }
}
