// What changed between two stored versions of a mission, in codes the app puts into words (history screen, CLI).
import type { RecordKind } from '../ids.ts';
import type { MissionSnapshot } from '../records/snapshot.ts';

export const HISTORY_KINDS: readonly RecordKind[] = ['assessment', 'note', 'action'];

export interface KindChanges {
  kind: RecordKind;
  added: number;
  changed: number;
  deleted: number;
  /** Deleted before, or gone from an earlier version's document, and live again. */
  restored: number;
}

export interface ChangeSummary {
  /** The mission record: created, deleted, restored, or the names of its fields that changed. */
  mission: 'created' | 'deleted' | 'restored' | null;
  missionFields: string[];
  /** Only the kinds with something to say, in HISTORY_KINDS order. */
  records: KindChanges[];
}

type Row = { id: string; deletedAt?: string | null } & Record<string, unknown>;

/** Metadata that moves on every save without saying anything about the content. */
const IGNORED = new Set(['id', 'updatedAt', 'updatedBy', 'deletedBy', 'marks', 'schema']);

const live = (row: Row | undefined): boolean => row !== undefined && !row.deletedAt;

function changedFields(before: Row, after: Row): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => !IGNORED.has(name) && name !== 'deletedAt')
    .filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
    .sort();
}

function rowsOf(snapshot: MissionSnapshot | null, kind: RecordKind): Map<string, Row> {
  const list =
    snapshot === null
      ? []
      : kind === 'assessment'
        ? snapshot.assessments
        : kind === 'note'
          ? snapshot.notes
          : snapshot.actions;
  return new Map((list as unknown as Row[]).map((row) => [row.id, row]));
}

/** `kind:id` of every record a snapshot holds, live or deleted. */
export function recordKeys(snapshot: MissionSnapshot): string[] {
  return HISTORY_KINDS.flatMap((kind) => [...rowsOf(snapshot, kind).keys()].map((id) => `${kind}:${id}`));
}

function kindChanges(
  kind: RecordKind,
  before: MissionSnapshot | null,
  after: MissionSnapshot,
  earlier: ReadonlySet<string>,
): KindChanges {
  const old = rowsOf(before, kind);
  const now = rowsOf(after, kind);
  const result: KindChanges = { kind, added: 0, changed: 0, deleted: 0, restored: 0 };
  for (const [id, row] of now) {
    const was = old.get(id);
    if (was === undefined) {
      // Back after a member removed it from the document altogether: a restore, not a new record.
      if (live(row)) result[earlier.has(`${kind}:${id}`) ? 'restored' : 'added'] += 1;
    } else if (live(was) && !live(row)) result.deleted += 1;
    else if (!live(was) && live(row)) result.restored += 1;
    else if (live(row) && changedFields(was, row).length > 0) result.changed += 1;
  }
  // A record gone from the document altogether (written by a broken device) counts as deleted.
  for (const [id, was] of old) if (!now.has(id) && live(was)) result.deleted += 1;
  return result;
}

/**
 * Compares two snapshots read through the schema; `before` null means the first version. `earlier`: the records
 * (`recordKeys`) of the versions older than `before`, so that one coming back is told from one created.
 */
export function describeChange(
  before: MissionSnapshot | null,
  after: MissionSnapshot,
  earlier: ReadonlySet<string> = new Set(),
): ChangeSummary {
  const was = (before?.mission ?? null) as Row | null;
  const now = (after.mission ?? null) as Row | null;
  let mission: ChangeSummary['mission'] = null;
  let missionFields: string[] = [];
  if (now !== null && was === null) mission = 'created';
  else if (now !== null && was !== null) {
    if (live(was) && !live(now)) mission = 'deleted';
    else if (!live(was) && live(now)) mission = 'restored';
    missionFields = changedFields(was, now);
  }
  const records = HISTORY_KINDS.map((kind) => kindChanges(kind, before, after, earlier)).filter(
    (c) => c.added + c.changed + c.deleted + c.restored > 0,
  );
  return { mission, missionFields, records };
}

/** The summary in plain English, for the admin CLI and logs (the app translates the codes itself). */
export function summaryInEnglish(summary: ChangeSummary): string {
  const parts: string[] = [];
  if (summary.mission !== null) parts.push(`mission ${summary.mission}`);
  if (summary.missionFields.length > 0)
    parts.push(`mission fields changed: ${summary.missionFields.join(', ')}`);
  for (const c of summary.records) {
    const counts = (['added', 'changed', 'deleted', 'restored'] as const)
      .filter((what) => c[what] > 0)
      .map((what) => `${c[what]} ${what}`);
    parts.push(`${c.kind}s: ${counts.join(', ')}`);
  }
  return parts.length === 0 ? 'no visible change' : parts.join('; ');
}
