// Receives a bundle file: a preview of what it holds and would change, and an all-or-nothing import. Everything is
// checked first (the file, every entry, every update against the device's own documents); only then are updates
// applied to the stored documents — the pooled Y.Docs, written to disk as any remote update — and photos stored.
import * as Y from 'yjs';
import { BundleError, MAX_BUNDLE_FILE_BYTES, type BundleDocKind } from '../domain/bundle/format.ts';
import { readBundle, type BundleContents } from '../domain/bundle/read.ts';
import { integrate } from '../domain/bundle/updates.ts';
import { asMissionId, missionDocName, type MissionId, type Sha256 } from '../domain/ids.ts';
import type { PhotoRef } from '../domain/model.ts';
import { reviewDocName } from '../domain/review.ts';
import { rememberExchange, unionStateVectors, type PeerExchange } from './bundlePeers.ts';
import { photoRefsOf } from './bundleExport.ts';
import { getDb } from './db.ts';
import { acquireMission, registerMission, releaseMission } from './docStore.ts';
import { MissionView } from './missionView.ts';
import { storePhoto } from './photos.ts';
import { flushProjection } from './projection.ts';
import { acquireReview, releaseReview } from './reviewStore.ts';

/** Marks updates that came from a bundle file, as a provider's origin marks those from the server. */
export const BUNDLE_ORIGIN = Symbol('minga-bundle');

export interface MissionPreview {
  id: MissionId;
  title: string;
  /** Not on this device before. */
  isNew: boolean;
  /** The bundle changes its records or its review here. */
  changes: boolean;
  counts: { assessments: number; notes: number; actions: number; photos: number };
}

export interface BundlePreview {
  sender: { name: string; device: string };
  createdAt: string;
  missions: MissionPreview[];
  photos: { total: number; new: number };
}

interface CheckedDoc {
  kind: BundleDocKind;
  mission: MissionId;
  update: Uint8Array;
  since: Uint8Array;
  /** The device's document merged with the bundle's update (a scratch copy). */
  merged: Y.Doc;
  changes: boolean;
}

interface Checked {
  contents: BundleContents;
  docs: CheckedDoc[];
  /** Missions this device did not hold. */
  newMissions: Set<MissionId>;
}

async function readFile(file: Blob | Uint8Array): Promise<Uint8Array> {
  if (file instanceof Uint8Array) return file;
  if (file.size > MAX_BUNDLE_FILE_BYTES) throw new BundleError('tooLarge', `${file.size} bytes`);
  return new Uint8Array(await file.arrayBuffer());
}

/** The device's whole document as an update, read through the pool; null when the device lacks it. */
async function currentState(kind: BundleDocKind, id: MissionId, known: boolean): Promise<Uint8Array | null> {
  if (!known) return null;
  if (kind === 'mission') {
    const open = await acquireMission(id);
    try {
      return Y.encodeStateAsUpdate(open.doc);
    } finally {
      releaseMission(id);
    }
  }
  const open = await acquireReview(id);
  try {
    return Y.encodeStateAsUpdate(open.doc);
  } finally {
    releaseReview(id);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Reads and checks the whole bundle against this device; changes nothing. */
async function check(file: Blob | Uint8Array): Promise<Checked> {
  const contents = await readBundle(await readFile(file));
  const known = new Set((await getDb().docs.toArray()).map((entry) => entry.missionId));
  const docs: CheckedDoc[] = [];
  const newMissions = new Set<MissionId>();
  try {
    for (const { entry, update, since } of contents.docs) {
      const mission = asMissionId(entry.mission)!;
      if (!known.has(mission)) newMissions.add(mission);
      const current = await currentState(entry.kind, mission, known.has(mission));
      const merged = integrate(entry.kind, current, update);
      // The device's document as it is, pending changes and all: only what the bundle adds counts as a change.
      const before = new Y.Doc();
      if (current) Y.applyUpdate(before, current);
      const changes = !sameBytes(Y.encodeStateAsUpdate(before), Y.encodeStateAsUpdate(merged));
      before.destroy();
      docs.push({ kind: entry.kind, mission, update, since, merged, changes });
    }
  } catch (error) {
    docs.forEach((doc) => doc.merged.destroy());
    throw error;
  }
  return { contents, docs, newMissions };
}

function release(checked: Checked): void {
  checked.docs.forEach((doc) => doc.merged.destroy());
}

/** What the bundle holds and what importing it would change, read on scratch copies. */
export async function previewBundle(file: Blob | Uint8Array): Promise<BundlePreview> {
  const checked = await check(file);
  try {
    const stored = new Set(
      (await getDb().blobs.bulkGet(checked.contents.photos.map((photo) => photo.entry.sha256 as Sha256)))
        .filter((row) => row !== undefined)
        .map((row) => row.sha256),
    );
    const byMission = new Map<MissionId, MissionPreview>();
    for (const doc of checked.docs) {
      const preview = byMission.get(doc.mission) ?? {
        id: doc.mission,
        title: '',
        isNew: checked.newMissions.has(doc.mission),
        changes: false,
        counts: { assessments: 0, notes: 0, actions: 0, photos: 0 },
      };
      preview.changes ||= doc.changes;
      if (doc.kind === 'mission') {
        const view = new MissionView(doc.merged, doc.mission);
        const snapshot = view.snapshot();
        view.destroy();
        const live = <T extends { deletedAt: string | null }>(records: T[]) =>
          records.filter((record) => !record.deletedAt).length;
        preview.title = snapshot.mission?.title ?? '';
        preview.counts = {
          assessments: live(snapshot.assessments),
          notes: live(snapshot.notes),
          actions: live(snapshot.actions),
          photos: photoRefsOf(snapshot).size,
        };
      }
      byMission.set(doc.mission, preview);
    }
    const { manifest } = checked.contents;
    return {
      sender: { ...manifest.sender },
      createdAt: manifest.createdAt,
      missions: [...byMission.values()],
      photos: { total: checked.contents.photos.length, new: checked.contents.photos.length - stored.size },
    };
  } finally {
    release(checked);
  }
}

export interface ImportResult {
  missions: MissionId[];
  /** The device that made the bundle: the peer to answer. */
  sender: { name: string; device: string };
  changedDocs: number;
  photosStored: number;
}

async function applyMission(doc: CheckedDoc, now: string, isNew: boolean): Promise<void> {
  if (isNew) await registerMission(doc.mission, now);
  const open = await acquireMission(doc.mission);
  try {
    Y.applyUpdate(open.doc, doc.update, BUNDLE_ORIGIN);
    await open.writer.whenIdle();
    await flushProjection(doc.mission, open);
  } finally {
    releaseMission(doc.mission);
  }
}

async function applyReview(doc: CheckedDoc): Promise<void> {
  const open = await acquireReview(doc.mission);
  try {
    Y.applyUpdate(open.doc, doc.update, BUNDLE_ORIGIN);
    await open.writer.whenIdle();
  } finally {
    releaseReview(doc.mission);
  }
}

/** Photo sizes and dates come from the records that reference them, as the sender stored them. */
function refsOf(docs: readonly CheckedDoc[]): Map<string, PhotoRef> {
  const refs = new Map<string, PhotoRef>();
  for (const doc of docs) {
    if (doc.kind !== 'mission') continue;
    const view = new MissionView(doc.merged, doc.mission);
    for (const [sha256, ref] of photoRefsOf(view.snapshot())) refs.set(sha256, ref);
    view.destroy();
  }
  return refs;
}

/**
 * Imports a bundle, all or nothing: a refusal (BundleError) comes before anything is written. Importing the same
 * bundle again, or an older one, changes nothing: Yjs updates merge, and only changes new to the device are written.
 */
export async function importBundle(
  file: Blob | Uint8Array,
  options: { now?: Date } = {},
): Promise<ImportResult> {
  const checked = await check(file);
  const now = (options.now ?? new Date()).toISOString();
  try {
    const refs = refsOf(checked.docs);
    const db = getDb();
    let photosStored = 0;
    // Photos first: a record never points to a photo the device lacks because an import stopped halfway.
    for (const { entry, bytes } of checked.contents.photos) {
      if (await db.blobs.get(entry.sha256 as Sha256)) continue;
      const ref = refs.get(entry.sha256);
      await storePhoto(db, new Blob([bytes.slice()], { type: entry.mime }), {
        sha256: entry.sha256 as Sha256,
        mime: entry.mime,
        bytes: entry.bytes,
        width: ref?.width ?? 0,
        height: ref?.height ?? 0,
        takenAt: ref?.takenAt ?? now,
        location: null,
      });
      photosStored++;
    }
    let changedDocs = 0;
    for (const doc of checked.docs) {
      if (!doc.changes) continue;
      changedDocs++;
      if (doc.kind === 'mission') await applyMission(doc, now, checked.newMissions.has(doc.mission));
      else await applyReview(doc);
    }
    const { sender } = checked.contents.manifest;
    await rememberExchange(sender.device, 'received', exchanges(checked), sender.name);
    return {
      missions: [...new Set(checked.docs.map((doc) => doc.mission))],
      sender: { ...sender },
      changedDocs,
      photosStored,
    };
  } finally {
    release(checked);
  }
}

/** What the sender held when it made the bundle: the state it was made against plus what it carries. */
function exchanges(checked: Checked): PeerExchange[] {
  const photos = checked.contents.photos.map((photo) => photo.entry.sha256);
  return checked.docs.map((doc) => ({
    doc: doc.kind === 'mission' ? missionDocName(doc.mission) : reviewDocName(doc.mission),
    stateVector: unionStateVectors(doc.since, Y.encodeStateVectorFromUpdate(doc.update))!,
    photos: doc.kind === 'mission' ? photos : [],
  }));
}
