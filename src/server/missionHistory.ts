// A mission's history for coordinators: its versions with who and what changed, a preview, and restore as a
// new change. Shared by the HTTP API and the admin CLI.
import * as Y from 'yjs';
import { describeChange, recordKeys, type ChangeSummary } from '../domain/history/describe.ts';
import { restoreVersion, type RecordRef } from '../domain/history/restore.ts';
import type { RecordKind } from '../domain/ids.ts';
import { readMissionSnapshot, type MissionSnapshot } from '../domain/records/snapshot.ts';
import type { DocumentStore } from './documents.ts';
import type { TokenStore } from './tokens.ts';

/** Versions listed at once, and records of each kind a preview carries. */
export const MAX_LISTED_VERSIONS = 100;
export const MAX_PREVIEW_RECORDS = 500;
const RECORD_KINDS: readonly RecordKind[] = ['assessment', 'note', 'action'];

export interface VersionEntry {
  version: number;
  at: string;
  /** The names of the tokens that wrote since the version before (an id when the token is gone). */
  by: string[];
  summary: ChangeSummary;
}

function snapshotOf(state: Uint8Array, missionId: string): MissionSnapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readMissionSnapshot(doc, missionId);
  } finally {
    doc.destroy();
  }
}

async function namesOf(tokens: TokenStore): Promise<Map<string, string>> {
  return new Map((await tokens.list()).map((row) => [row.id, row.name]));
}

/** Per store, the summaries already worked out: `name:version:previous` → summary (they never change). */
const summaries = new WeakMap<DocumentStore, Map<string, ChangeSummary>>();
const MAX_CACHED_SUMMARIES = 20_000;

export async function listVersions(
  store: DocumentStore,
  tokens: TokenStore,
  missionId: string,
): Promise<VersionEntry[]> {
  const name = `mission:${missionId}`;
  const metas = await store.history.list(name, MAX_LISTED_VERSIONS + 1);
  const cache = summaries.get(store) ?? new Map<string, ChangeSummary>();
  summaries.set(store, cache);
  const shown = metas.slice(0, MAX_LISTED_VERSIONS);
  // The oldest kept version is compared with nothing when nothing older is kept.
  const keyOf = (index: number) => `${name}:${shown[index]!.version}:${metas[index + 1]?.version ?? 'none'}`;
  if (shown.some((_, index) => !cache.has(keyOf(index)))) {
    // Every listed version, oldest first, each compared with the one before and knowing the records of all
    // older ones: a record a member removed from the document altogether and a restore brought back is
    // "restored", not "added". The replay yields between versions.
    const summaries = new Map<number, ChangeSummary>();
    const earlier = new Set<string>();
    let previous: MissionSnapshot | null = null;
    await store.history.replay(
      name,
      metas.map((meta) => meta.version),
      (meta, doc) => {
        const now = readMissionSnapshot(doc, missionId);
        summaries.set(meta.version, describeChange(previous, now, earlier));
        if (previous !== null) for (const key of recordKeys(previous)) earlier.add(key);
        previous = now;
      },
    );
    if (cache.size > MAX_CACHED_SUMMARIES) cache.clear();
    shown.forEach((meta, index) => {
      const summary = summaries.get(meta.version);
      if (!cache.has(keyOf(index)) && summary !== undefined) cache.set(keyOf(index), summary);
    });
  }
  const names = await namesOf(tokens);
  return shown.map((meta, index) => ({
    version: meta.version,
    at: meta.at,
    by: meta.writers.map((id) => names.get(id) ?? id),
    summary: cache.get(keyOf(index)) ?? describeChange(null, EMPTY),
  }));
}

const EMPTY: MissionSnapshot = { mission: null, assessments: [], notes: [], actions: [] };

/** One version read through the schema, at most MAX_PREVIEW_RECORDS records of each kind. */
export async function previewVersion(
  store: DocumentStore,
  missionId: string,
  version: number,
): Promise<(MissionSnapshot & { version: number; at: string; truncated: boolean }) | null> {
  const row = await store.history.get(`mission:${missionId}`, version);
  if (row === null) return null;
  const snapshot = snapshotOf(row.state, missionId);
  const truncated =
    snapshot.assessments.length > MAX_PREVIEW_RECORDS ||
    snapshot.notes.length > MAX_PREVIEW_RECORDS ||
    snapshot.actions.length > MAX_PREVIEW_RECORDS;
  return {
    version: row.version,
    at: row.at,
    truncated,
    mission: snapshot.mission,
    assessments: snapshot.assessments.slice(0, MAX_PREVIEW_RECORDS),
    notes: snapshot.notes.slice(0, MAX_PREVIEW_RECORDS),
    actions: snapshot.actions.slice(0, MAX_PREVIEW_RECORDS),
  };
}

/** `{kind, id}` from a request body or the CLI, or a message saying what is wrong. */
export function parseRecordRef(value: unknown): RecordRef | string {
  if (typeof value !== 'object' || value === null) return 'record must be {kind, id}';
  const { kind, id } = value as Record<string, unknown>;
  if (!RECORD_KINDS.includes(kind as RecordKind))
    return `record kind must be one of ${RECORD_KINDS.join(', ')}`;
  if (typeof id !== 'string' || id === '' || id.length > 200) return 'record id is required';
  return { kind: kind as RecordKind, id };
}

export interface Restorer {
  /** Applies `change` to the live document as the token (see SyncServer.changeDocument). */
  changeDocument(name: string, tokenId: string, change: (doc: Y.Doc) => void): Promise<void>;
}

/** Restores the mission (or one record) to `version` as a new change; null when that version is not kept. */
export async function restoreMission(
  store: DocumentStore,
  restorer: Restorer,
  missionId: string,
  version: number,
  who: { tokenId: string; name: string },
  only: RecordRef | null,
): Promise<{ written: number } | null> {
  const row = await store.history.get(`mission:${missionId}`, version);
  if (row === null) return null;
  const past = new Y.Doc();
  Y.applyUpdate(past, row.state);
  let written = 0;
  const stamp = { now: new Date().toISOString(), by: who.name, device: `server:${who.tokenId}` };
  await restorer.changeDocument(`mission:${missionId}`, who.tokenId, (doc) => {
    written = restoreVersion(doc, past, stamp, only);
  });
  past.destroy();
  return { written };
}
