// Guards the one module that reads Yjs's private record of pending structs and deletions.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { discardPending, hasPending } from '../../src/server/pending.ts';

function withheld(): { deps: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const deps: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => deps.push(u));
  doc.getText('text').insert(0, 'abc');
  doc.getText('text').insert(3, 'def');
  doc.getText('text').delete(0, 1);
  return { deps, doc };
}

describe('pending structs and deletions', () => {
  it('sees structs Yjs keeps pending, and drops them from what the document writes out', () => {
    const { deps } = withheld();
    const doc = new Y.Doc();
    expect(hasPending(doc)).toBe(false);
    Y.applyUpdate(doc, deps[1] as Uint8Array);
    expect(hasPending(doc)).toBe(true);
    // Yjs writes pending structs out with the state: this is what must not be stored.
    expect(Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(2);
    discardPending(doc);
    expect(hasPending(doc)).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
  });

  it('sees deletions Yjs keeps pending', () => {
    const { deps } = withheld();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, deps[2] as Uint8Array);
    expect(hasPending(doc)).toBe(true);
    discardPending(doc);
    expect(hasPending(doc)).toBe(false);
  });
});
