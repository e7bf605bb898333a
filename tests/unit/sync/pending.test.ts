// Counting what the server lacks as records a person recognises.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createRecord, setDeleted, updateRecord } from '../../../src/storage/missionDoc.ts';
import { countPending, pendingRecords } from '../../../src/sync/pending.ts';

function note(doc: Y.Doc, id: string, text: string): void {
  const map = new Y.Map<unknown>();
  doc.getMap('notes').set(id, map);
  map.set('text', new Y.Text(text));
  map.set('updatedAt', '2026-01-01');
}

describe('pending records', () => {
  it('counts nothing for an empty document and everything when the server never confirmed', () => {
    const doc = new Y.Doc();
    expect(countPending(doc, null)).toBe(0);
    note(doc, 'n1', 'hello');
    doc.getMap('mission').set('title', 'Portoviejo');
    expect([...pendingRecords(doc, null)].sort()).toEqual(['mission', 'notes/n1']);
  });

  it('counts a record once however many edits it took, and only what came after the acknowledgement', () => {
    const doc = new Y.Doc();
    note(doc, 'n1', 'hello');
    const acknowledged = Y.encodeStateVector(doc);
    expect(countPending(doc, acknowledged)).toBe(0);
    const text = (doc.getMap('notes').get('n1') as Y.Map<unknown>).get('text') as Y.Text;
    for (const ch of ' world') text.insert(text.length, ch);
    note(doc, 'n2', 'second');
    doc.getMap('mission').set('title', 'a');
    doc.getMap('mission').set('status', 2);
    expect([...pendingRecords(doc, acknowledged)].sort()).toEqual(['mission', 'notes/n1', 'notes/n2']);
  });

  it('counts changes from other devices the server lacks, and not those it has', () => {
    const server = new Y.Doc();
    const local = new Y.Doc();
    note(server, 'remote', 'from the coordinator');
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
    const acknowledged = Y.encodeStateVector(local);
    const peer = new Y.Doc();
    note(peer, 'bundle', 'from a colleague by file');
    Y.applyUpdate(local, Y.encodeStateAsUpdate(peer));
    expect([...pendingRecords(local, acknowledged)]).toEqual(['notes/bundle']);
  });
});

describe('pending records through the app commands', () => {
  const stamp = { actor: { name: 'Anna', device: 'device-Anna' }, now: '2026-11-22T08:00:00.000Z' };

  it('counts a deletion of text, because every command stamps updatedAt', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'note', 'n1', { text: 'Water supply is contaminated' }, stamp);
    const acknowledged = Y.encodeStateVector(doc);
    updateRecord(doc, 'note', 'n1', { text: 'Water supply' }, stamp);
    expect([...pendingRecords(doc, acknowledged)]).toEqual(['notes/n1']);
  });

  it('counts a soft delete as one change to that record', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'action', 'a1', { activity: 'Chlorinate the tank' }, stamp);
    createRecord(doc, 'assessment', 's1', { gaps: 'none' }, stamp);
    const acknowledged = Y.encodeStateVector(doc);
    setDeleted(doc, 'action', 'a1', true, stamp);
    expect([...pendingRecords(doc, acknowledged)]).toEqual(['actions/a1']);
  });
});
