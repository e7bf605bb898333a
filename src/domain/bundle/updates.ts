// Checks on the Yjs updates a bundle carries: each parses, writes only where its kind of document keeps data,
// and integrates completely with what the device already holds — no change left waiting for one it lacks.
import * as Y from 'yjs';
import { MISSION_ROOT, RECORD_ROOTS } from '../records/mission.ts';
import { REPLIES_ROOT } from '../replies.ts';
import { BundleError, type BundleDocKind } from './format.ts';

/**
 * The top-level maps of each kind of document. A review's are declared by its layout in storage (reviewDoc.ts),
 * which this layer may not import; a unit test keeps both lists equal.
 */
export const DOC_ROOTS: Readonly<Record<BundleDocKind, readonly string[]>> = {
  mission: [MISSION_ROOT, ...Object.values(RECORD_ROOTS), REPLIES_ROOT],
  review: ['decision', 'comments'],
};

/** Refuses an update that does not decode, or that adds to a top-level type its document never has. */
export function assertRoots(kind: BundleDocKind, update: Uint8Array): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new BundleError('badUpdate', `${kind}: does not decode`, { cause: error });
  }
  const roots = DOC_ROOTS[kind];
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent: unknown = struct.parent;
    if (typeof parent === 'string' && !roots.includes(parent))
      throw new BundleError('badUpdate', `${kind}: writes to "${parent.slice(0, 40)}"`);
    if (struct.content instanceof Y.ContentDoc)
      throw new BundleError('badUpdate', `${kind}: holds a subdocument`);
  }
}

export function assertStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector);
  } catch (error) {
    throw new BundleError('badManifest', 'state vector', { cause: error });
  }
}

const isPending = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/**
 * A scratch document holding the device's state (`current`, a whole-document update, or null when the device
 * lacks the document) merged with the bundle's update. Refused when the update does not apply, or leaves changes
 * waiting for earlier ones neither side has (a delta made against state this device never received).
 */
export function integrate(kind: BundleDocKind, current: Uint8Array | null, update: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  if (current) Y.applyUpdate(doc, current);
  // The device's own document may already wait for something; the bundle must not add to the wait.
  const pendingBefore = isPending(doc);
  try {
    Y.applyUpdate(doc, update);
  } catch (error) {
    doc.destroy();
    throw new BundleError('badUpdate', `${kind}: does not apply`, { cause: error });
  }
  if (isPending(doc) && !pendingBefore) {
    doc.destroy();
    throw new BundleError('missingHistory', kind);
  }
  return doc;
}
