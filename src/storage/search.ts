// Search across everything on this device: missions, assessments, notes and action items, offline, from the
// projection's rows (never by opening mission documents). Loaded when search is first used.
//
// The rows are read once and folded once, kept in memory, and re-read per mission only when its projection
// changed (its row's sourceKey), so a query is a scan of folded strings: no index to build or keep in step.
import { foldFields, matchRecord, type FieldMatch, type FoldedField } from '../domain/search/match.ts';
import { queryTerms } from '../domain/search/fold.ts';
import type { MingaDb, MissionRow, RecordRow } from './db.ts';

export type HitKind = 'mission' | RecordRow['kind'];

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

function indexRecord(row: RecordRow): IndexedRecord | null {
  if (row.deleted === 1) return null;
  return {
    kind: row.kind,
    id: row.id,
    label: row.label,
    updatedAt: row.updatedAt,
    fields: foldFields(row.searchFields ?? [{ field: 'text', text: row.searchText }]),
  };
}

function indexMission(row: MissionRow, records: RecordRow[]): IndexedMission {
  const own: IndexedRecord = {
    kind: 'mission',
    id: row.id,
    label: row.title,
    updatedAt: row.updatedAt,
    fields: foldFields(row.searchFields ?? [{ field: 'title', text: row.searchText }]),
  };
  const indexed = records.map(indexRecord).filter((r): r is IndexedRecord => r !== null);
  return { version: versionOf(row), records: [own, ...indexed] };
}

export class SearchIndex {
  private readonly missions = new Map<string, IndexedMission>();
  private readonly db: MingaDb;

  constructor(db: MingaDb) {
    this.db = db;
  }

  /** Brings the index in step with the mission rows given (the list's live rows): reads only what changed. */
  async refresh(rows: readonly MissionRow[]): Promise<void> {
    const known = new Set(rows.map((row) => row.id));
    for (const id of this.missions.keys()) if (!known.has(id)) this.missions.delete(id);
    const stale = rows.filter((row) => this.missions.get(row.id)?.version !== versionOf(row));
    if (stale.length === 0) return;
    // The first search reads every record row in one pass; later ones, the changed missions' rows.
    const records =
      stale.length > rows.length / 2
        ? await this.db.records.toArray()
        : await this.db.records
            .where('missionId')
            .anyOf(stale.map((row) => row.id))
            .toArray();
    const byMission = new Map<string, RecordRow[]>();
    for (const record of records) {
      const list = byMission.get(record.missionId);
      if (list) list.push(record);
      else byMission.set(record.missionId, [record]);
    }
    for (const row of stale) this.missions.set(row.id, indexMission(row, byMission.get(row.id) ?? []));
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
