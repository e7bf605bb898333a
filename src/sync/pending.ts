// How many changes the server lacks, counted as records a person recognises: "3 changes not yet on the server".
import * as Y from 'yjs';
import { kindOfRoot } from '../storage/missionDoc.ts';
import { COMMENTS_ROOT } from '../storage/reviewDoc.ts';

/**
 * The records changed locally since the server's acknowledged state vector: each assessment, note or action
 * item counts once however many keystrokes it took, and the mission's own fields count as one record; in a
 * review document, the decision counts as one and each comment as one.
 *
 * Every struct the server lacks (any client: our edits, and edits received from a bundle peer) is traced up to
 * the top-level entry of its root map. Deletions do not advance a state vector, so a pure deletion is not
 * counted; the app's commands stamp `updatedAt` on every edit, which is an insertion, so none goes unseen.
 */
export function pendingRecords(doc: Y.Doc, serverStateVector: Uint8Array | null): Set<string> {
  const server = serverStateVector ? Y.decodeStateVector(serverStateVector) : new Map<number, number>();
  const changed = new Set<string>();
  for (const [client, structs] of doc.store.clients) {
    const known = server.get(client) ?? 0;
    const last = structs[structs.length - 1];
    if (!last || last.id.clock + last.length <= known) continue;
    const start = known === 0 ? 0 : Y.findIndexSS(structs, known);
    for (let i = start; i < structs.length; i++) {
      const struct = structs[i];
      if (struct instanceof Y.Item) changed.add(recordKey(struct));
    }
  }
  return changed;
}

export function countPending(doc: Y.Doc, serverStateVector: Uint8Array | null): number {
  return pendingRecords(doc, serverStateVector).size;
}

/** Roots that hold one record per key: the mission's assessments, notes and actions, a review's comments. */
function isKeyedRoot(root: string): boolean {
  return kindOfRoot(root) !== null || root === COMMENTS_ROOT;
}

/** `notes/<id>` for a record, or the root's name for fields kept directly under it (the mission's own). */
function recordKey(item: Y.Item): string {
  let top = item;
  while (top.parent instanceof Y.AbstractType && top.parent._item) top = top.parent._item;
  const root = top.parent instanceof Y.AbstractType ? Y.findRootTypeKey(top.parent) : '?';
  return isKeyedRoot(root) && top.parentSub !== null ? `${root}/${top.parentSub}` : root;
}
