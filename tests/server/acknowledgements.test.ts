// The server holds Hocuspocus's acknowledgements until durable (src/server/acknowledgements.ts) by recognising
// them on the wire: these fail if Hocuspocus changes how it writes them. That the hold works through a real
// server, with real providers, is tested in syncGroupCommit.test.ts.
import { Document, OutgoingMessage } from '@hocuspocus/server';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createAcknowledgements } from '../../src/server/acknowledgements.ts';
import { isSyncStatus } from '../../src/server/wire.ts';

describe('acknowledgements on the wire', () => {
  it("recognises Hocuspocus's acknowledgement, saved or not, with or without a session address", () => {
    expect(isSyncStatus(new OutgoingMessage('mission:x').writeSyncStatus(true).toUint8Array())).toBe(true);
    expect(isSyncStatus(new OutgoingMessage('mission:x\0s1').writeSyncStatus(false).toUint8Array())).toBe(
      true,
    );
  });

  it('lets every other message through', () => {
    const doc = new Document('mission:x');
    doc.getMap('m').set('k', 1);
    const update = Y.encodeStateAsUpdate(doc);
    expect(
      isSyncStatus(new OutgoingMessage('mission:x').createSyncMessage().writeUpdate(update).toUint8Array()),
    ).toBe(false);
    expect(
      isSyncStatus(
        new OutgoingMessage('mission:x').createSyncMessage().writeFirstSyncStepFor(doc).toUint8Array(),
      ),
    ).toBe(false);
    expect(isSyncStatus(new OutgoingMessage('mission:x').writeStateless('{}').toUint8Array())).toBe(false);
    expect(isSyncStatus(new Uint8Array([0xff]))).toBe(false);
  });
});

describe('acknowledgements held until durable', () => {
  const ack = new OutgoingMessage('d').writeSyncStatus(true).toUint8Array();
  const other = new OutgoingMessage('d').writeStateless('x').toUint8Array();

  function fakeConnection() {
    const sent: Uint8Array[] = [];
    return { sent, connection: { send: (m: Uint8Array) => void sent.push(m) } };
  }
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('sends an acknowledgement once every commit of the document before it is durable, others at once', async () => {
    const acks = createAcknowledgements();
    const a = fakeConnection();
    const b = fakeConnection();
    // Only `send` is used; the cast keeps the test about this unit's logic.
    acks.hold(a.connection as never, 'd');
    acks.hold(b.connection as never, 'd');
    let commit!: () => void;
    acks.committing('d', new Promise((resolve) => (commit = () => resolve(1))));
    a.connection.send(ack);
    a.connection.send(other);
    // Another connection's empty sync step on the same document waits for that commit too.
    b.connection.send(ack);
    await flush();
    expect(a.sent).toEqual([other]);
    expect(b.sent).toEqual([]);
    expect(acks.held(a.connection as never)).toBe(1);
    commit();
    await acks.flushed(a.connection as never);
    await acks.flushed(b.connection as never);
    expect(a.sent).toEqual([other, ack]);
    expect(b.sent).toEqual([ack]);
    expect(acks.held(a.connection as never)).toBe(0);
  });

  it('keeps acknowledgements in order and never sends one after a failed commit', async () => {
    const acks = createAcknowledgements();
    const a = fakeConnection();
    acks.hold(a.connection as never, 'd');
    let fail!: () => void;
    acks.committing('d', new Promise((_resolve, reject) => (fail = () => reject(new Error('disk full')))));
    a.connection.send(ack);
    acks.committing('d', Promise.resolve(2));
    a.connection.send(ack);
    fail();
    await acks.flushed(a.connection as never);
    expect(a.sent).toEqual([]);
  });
});
