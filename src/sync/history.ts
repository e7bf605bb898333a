// The server's history of a mission for coordinators: versions, a preview of one, and a restore (history API).
import type { ChangeSummary, KindChanges } from '../domain/history/describe.ts';
import type { RecordKind } from '../domain/ids.ts';
import { apiUrl, type Fetch, type Session } from './account.ts';

export interface HistoryVersion {
  version: number;
  at: string;
  by: string[];
  summary: ChangeSummary;
}

/** A record as the preview lists it: enough to recognise it. */
export interface PreviewRecord {
  kind: RecordKind;
  id: string;
  label: string;
  deleted: boolean;
}

export interface VersionPreview {
  version: number;
  at: string;
  missionTitle: string;
  records: PreviewRecord[];
  truncated: boolean;
}

export class HistoryError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`history request failed: ${status}`);
    this.status = status;
  }
}

const MAX_VERSIONS = 100;
const MAX_RECORDS = 1500;
const MAX_LABEL = 200;
const KINDS: readonly RecordKind[] = ['assessment', 'note', 'action'];

const str = (value: unknown): string => (typeof value === 'string' ? value.slice(0, MAX_LABEL) : '');
const count = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;

async function request(session: Session, path: string, init: RequestInit, fetcher: Fetch): Promise<unknown> {
  let res: Response;
  try {
    res = await fetcher(apiUrl(session.server, path), {
      ...init,
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
    });
  } catch {
    throw new HistoryError(0);
  }
  if (!res.ok) throw new HistoryError(res.status);
  try {
    return (await res.json()) as unknown;
  } catch {
    throw new HistoryError(0);
  }
}

/** The server's answer read field by field: a malformed entry is left out, never a broken screen. */
function readSummary(raw: unknown): ChangeSummary {
  const s = (raw ?? {}) as Record<string, unknown>;
  const mission = ['created', 'deleted', 'restored'].includes(s.mission as string)
    ? (s.mission as ChangeSummary['mission'])
    : null;
  const missionFields = Array.isArray(s.missionFields) ? s.missionFields.map(str).slice(0, 100) : [];
  const records: KindChanges[] = (Array.isArray(s.records) ? s.records : [])
    .map((c: unknown) => (c ?? {}) as Record<string, unknown>)
    .filter((c) => KINDS.includes(c.kind as RecordKind))
    .map((c) => ({
      kind: c.kind as RecordKind,
      added: count(c.added),
      changed: count(c.changed),
      deleted: count(c.deleted),
      restored: count(c.restored),
    }));
  return { mission, missionFields, records };
}

export async function fetchHistory(
  session: Session,
  missionId: string,
  fetcher: Fetch = fetch,
): Promise<HistoryVersion[]> {
  const body = (await request(session, `/api/missions/${missionId}/history`, {}, fetcher)) as {
    versions?: unknown;
  };
  const list = Array.isArray(body?.versions) ? body.versions.slice(0, MAX_VERSIONS) : [];
  return list
    .map((v: unknown) => (v ?? {}) as Record<string, unknown>)
    .filter((v) => typeof v.version === 'number' && typeof v.at === 'string')
    .map((v) => ({
      version: v.version as number,
      at: v.at as string,
      by: Array.isArray(v.by) ? v.by.map(str).slice(0, 20) : [],
      summary: readSummary(v.summary),
    }));
}

const labelOf = (kind: RecordKind, record: Record<string, unknown>): string =>
  str(kind === 'action' ? record.activity : kind === 'note' ? record.text : record.title).split('\n')[0] ??
  '';

export async function fetchVersion(
  session: Session,
  missionId: string,
  version: number,
  fetcher: Fetch = fetch,
): Promise<VersionPreview> {
  const body = ((await request(session, `/api/missions/${missionId}/history/${version}`, {}, fetcher)) ??
    {}) as Record<string, unknown>;
  const records: PreviewRecord[] = [];
  const lists: [RecordKind, unknown][] = [
    ['assessment', body.assessments],
    ['note', body.notes],
    ['action', body.actions],
  ];
  for (const [kind, list] of lists) {
    for (const raw of Array.isArray(list) ? list : []) {
      if (records.length >= MAX_RECORDS) break;
      const record = (raw ?? {}) as Record<string, unknown>;
      if (typeof record.id !== 'string') continue;
      records.push({
        kind,
        id: str(record.id),
        label: labelOf(kind, record),
        deleted: Boolean(record.deletedAt),
      });
    }
  }
  const mission = (body.mission ?? {}) as Record<string, unknown>;
  return {
    version,
    at: str(body.at),
    missionTitle: str(mission.title),
    records,
    truncated: body.truncated === true,
  };
}

/** POST …/restore: the mission (or one record) as it was at `version`, as a new change. */
export async function restoreHistoryVersion(
  session: Session,
  missionId: string,
  version: number,
  record: { kind: RecordKind; id: string } | null = null,
  fetcher: Fetch = fetch,
): Promise<number> {
  const body = (await request(
    session,
    `/api/missions/${missionId}/history/${version}/restore`,
    { method: 'POST', body: JSON.stringify(record === null ? {} : { record }) },
    fetcher,
  )) as { written?: unknown };
  return count(body?.written);
}
