// Writes missions to a bundle file: each mission's document and its review, read through the document pool, and
// the photos its records reference. For a known peer, only what that peer lacks (see bundlePeers.ts).
import * as Y from 'yjs';
import { writeBundle, type BundleDocInput, type BundlePhotoInput } from '../domain/bundle/write.ts';
import { BUNDLE_EXTENSION } from '../domain/bundle/format.ts';
import { missionDocName, type MissionId } from '../domain/ids.ts';
import type { DeviceProfile, PhotoRef } from '../domain/model.ts';
import { reviewDocName } from '../domain/review.ts';
import { peerKnowledge, rememberExchange, type PeerExchange, type PeerKnowledge } from './bundlePeers.ts';
import { getDb } from './db.ts';
import { acquireMission, releaseMission } from './docStore.ts';
import type { MissionSnapshot } from './missionView.ts';
import { getPhotoBlob } from './photos.ts';
import { acquireReview, releaseReview } from './reviewStore.ts';

export interface ExportOptions {
  /** The device the bundle is for: only what it lacks is written, and what was sent is remembered. */
  peer?: string;
  /** Explicit state vectors per document name (as from the peer itself); they take precedence over memory. */
  since?: ReadonlyMap<string, Uint8Array>;
  now?: Date;
  /** False for a QR transfer: documents only (photos travel by file or through the server). */
  photos?: boolean;
  /**
   * False when nothing confirms the peer received it (a QR transfer): the peer's own reply then says what it
   * holds. A wrong memory would make the next delta unreadable there.
   */
  remember?: boolean;
}

export interface ExportedBundle {
  fileName: string;
  bytes: Uint8Array;
  missionCount: number;
  photoCount: number;
}

/** Every photo a mission's records reference, deleted records included (they can be restored). */
export function photoRefsOf(snapshot: MissionSnapshot): Map<string, PhotoRef> {
  const refs = new Map<string, PhotoRef>();
  for (const record of [...snapshot.assessments, ...snapshot.notes])
    for (const photo of record.photos) refs.set(photo.sha256, photo);
  return refs;
}

/** minga-YYYY-MM-DD-HHMM.minga.zip in the device's local time (the time the user sees). */
export function bundleFileName(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `minga-${day}-${pad(at.getHours())}${pad(at.getMinutes())}${BUNDLE_EXTENSION}`;
}

interface Collected {
  docs: BundleDocInput[];
  photos: Map<string, PhotoRef>;
  exchanges: PeerExchange[];
}

/** What the receiver is taken to hold of one document: nothing, unless told or remembered. */
async function knowledgeOf(name: string, options: ExportOptions): Promise<PeerKnowledge> {
  const remembered = options.peer ? await peerKnowledge(options.peer, name) : null;
  const explicit = options.since?.get(name);
  return {
    since: explicit ?? remembered?.since ?? null,
    photos: remembered?.photos ?? new Set(),
  };
}

async function collectMission(id: MissionId, options: ExportOptions, collected: Collected): Promise<void> {
  const name = missionDocName(id);
  const mission = await acquireMission(id);
  try {
    const { since, photos: known } = await knowledgeOf(name, options);
    const update = Y.encodeStateAsUpdate(mission.doc, since ?? undefined);
    collected.docs.push({ kind: 'mission', mission: id, since, update });
    const refs = photoRefsOf(mission.view.snapshot());
    for (const [sha256, ref] of refs) if (!known.has(sha256)) collected.photos.set(sha256, ref);
    collected.exchanges.push({
      doc: name,
      stateVector: Y.encodeStateVector(mission.doc),
      photos: [...refs.keys()],
    });
  } finally {
    releaseMission(id);
  }
  const reviewName = reviewDocName(id);
  const review = await acquireReview(id);
  try {
    // A mission never reviewed has an empty review document: nothing to send.
    if (review.doc.store.clients.size === 0) return;
    const { since } = await knowledgeOf(reviewName, options);
    const update = Y.encodeStateAsUpdate(review.doc, since ?? undefined);
    collected.docs.push({ kind: 'review', mission: id, since, update });
    collected.exchanges.push({ doc: reviewName, stateVector: Y.encodeStateVector(review.doc), photos: [] });
  } finally {
    releaseReview(id);
  }
}

/**
 * A bundle of the given missions. Photos not on this device (never downloaded) are left out: the receiver shows
 * their placeholder until it reaches the server.
 */
export async function exportBundle(
  missionIds: readonly MissionId[],
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
  options: ExportOptions = {},
): Promise<ExportedBundle> {
  const now = options.now ?? new Date();
  const collected: Collected = { docs: [], photos: new Map(), exchanges: [] };
  for (const id of missionIds) await collectMission(id, options, collected);
  const photos: BundlePhotoInput[] = [];
  for (const [sha256, ref] of options.photos === false ? [] : collected.photos) {
    const blob = await getPhotoBlob(getDb(), ref.sha256);
    if (blob)
      photos.push({ sha256, mime: blob.type || ref.mime, bytes: new Uint8Array(await blob.arrayBuffer()) });
  }
  const bytes = await writeBundle({
    createdAt: now,
    sender: { name: profile.name, device: profile.deviceId },
    docs: collected.docs,
    photos,
  });
  if (options.peer && options.remember !== false)
    await rememberExchange(options.peer, 'sent', collected.exchanges);
  return { fileName: bundleFileName(now), bytes, missionCount: missionIds.length, photoCount: photos.length };
}
