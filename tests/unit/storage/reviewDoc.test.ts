// A mission's review document: concurrent coordinators converge, it survives a reload, and only coordinators write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MingaError } from '../../../src/domain/errors.ts';
import type { MissionId, NoteId } from '../../../src/domain/ids.ts';
import type { CommentId, CommentTarget } from '../../../src/domain/review.ts';
import { MingaDb, setDbForTests } from '../../../src/storage/db.ts';
import type { Stamp } from '../../../src/storage/missionDoc.ts';
import {
  addComment,
  deleteComment,
  restoreComment,
  setDecision,
} from '../../../src/storage/reviewCommands.ts';
import {
  commentsRoot,
  decisionRoot,
  readReview,
  writeComment,
  writeCommentDeleted,
  writeDecision,
} from '../../../src/storage/reviewDoc.ts';
import { acquireReview, closeAllReviews, releaseReview } from '../../../src/storage/reviewStore.ts';
import { countPending } from '../../../src/sync/pending.ts';

const MISSION = '0b8f9c2e-3c1a-4c8e-9a51-2f0d8b1e4a11' as MissionId;
const NOTE = '5d7e1f20-1b2c-4d3e-8f4a-5b6c7d8e9f00' as NoteId;
const onMission: CommentTarget = { kind: 'mission', id: MISSION };
const onNote: CommentTarget = { kind: 'note', id: NOTE };
const stamp = (name: string, now: string): Stamp => ({ actor: { name, device: `device-${name}` }, now });

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function devices(clientA: number, clientB: number): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.clientID = clientA;
  b.clientID = clientB;
  return [a, b];
}

describe('review document merges', () => {
  it('keeps both comments two coordinators wrote offline, newest first on both devices', () => {
    const [a, b] = devices(1, 2);
    writeComment(
      a,
      'c-laia' as CommentId,
      onMission,
      'Falta el presupuesto.',
      stamp('Laia', '2024-05-02T09:00:00.000Z'),
    );
    writeComment(
      b,
      'c-pere' as CommentId,
      onNote,
      'Aclarar la fuente.',
      stamp('Pere', '2024-05-02T10:00:00.000Z'),
    );
    sync(a, b);
    const texts = (doc: Y.Doc) => readReview(doc).comments.map((c) => `${c.by}: ${c.text}`);
    expect(texts(a)).toEqual(['Pere: Aclarar la fuente.', 'Laia: Falta el presupuesto.']);
    expect(texts(b)).toEqual(texts(a));
    expect(readReview(a).comments[0]?.target).toEqual(onNote);
  });

  it.each([
    [1, 2],
    [2, 1],
  ])(
    '[M2] keeps both decisions two coordinators made at once, showing the later one whole (clients %i, %i)',
    (clientA, clientB) => {
      const [a, b] = devices(clientA, clientB);
      // Both had seen an earlier decision, as happens once a review has been synced.
      writeDecision(a, 'changesRequested', 'Primera nota.', stamp('Laia', '2024-05-01T08:00:00.000Z'));
      sync(a, b);
      writeDecision(a, 'approved', 'Todo correcto.', stamp('Laia', '2024-05-02T09:00:00.000Z'));
      writeDecision(b, 'changesRequested', '', stamp('Pere', '2024-05-02T09:00:01.000Z'));
      sync(a, b);
      const decision = readReview(a).decision;
      expect(readReview(b).decision).toEqual(decision);
      // Pere decided later by the clocks: his whole decision shows, never Laia's verdict with his missing note.
      expect(decision).toMatchObject({
        decision: 'changesRequested',
        by: 'Pere',
        at: '2024-05-02T09:00:01.000Z',
      });
      expect(decision?.note).toBeUndefined();
      expect(decision?.marks.conflicts.decision?.map((c) => [c.value, c.by])).toEqual([
        ['changesRequested', 'Pere'],
        ['approved', 'Laia'],
      ]);
      expect(decision?.marks.conflicts.note?.map((c) => c.value)).toEqual(['', 'Todo correcto.']);
      // The next decision settles it.
      writeDecision(b, 'approved', '', stamp('Pere', '2024-05-02T10:00:00.000Z'));
      sync(a, b);
      expect(readReview(a).decision).toMatchObject({ decision: 'approved', marks: { conflicts: {} } });
    },
  );

  it('[M9] reads a decision and comments written by the first version of reviews', () => {
    const doc = new Y.Doc();
    const decision = decisionRoot(doc);
    decision.set('schema', 1);
    decision.set('decision', 'approved');
    decision.set('by', 'Laia');
    decision.set('at', '2024-05-02T09:00:00.000Z');
    decision.set('note', null);
    const comment = new Y.Map<unknown>();
    commentsRoot(doc).set('c1', comment);
    for (const [key, value] of Object.entries({
      schema: 1,
      target: { kind: 'note', id: NOTE },
      text: 'Aclarar la fuente.',
      by: 'Pere',
      at: '2024-05-02T10:00:00.000Z',
      updatedAt: '2024-05-02T10:00:00.000Z',
      updatedBy: 'Pere',
      deletedAt: null,
    })) {
      comment.set(key, value);
    }
    const review = readReview(doc);
    expect(review.decision).toMatchObject({
      decision: 'approved',
      by: 'Laia',
      at: '2024-05-02T09:00:00.000Z',
    });
    expect(review.decision?.note).toBeUndefined();
    expect(review.comments).toEqual([
      expect.objectContaining({
        id: 'c1',
        target: onNote,
        text: 'Aclarar la fuente.',
        by: 'Pere',
        deletedAt: null,
      }),
    ]);
    writeCommentDeleted(doc, 'c1' as CommentId, true, stamp('Laia', '2024-05-03T09:00:00.000Z'));
    expect(readReview(doc).comments[0]).toMatchObject({ by: 'Pere', deletedAt: '2024-05-03T09:00:00.000Z' });
  });

  it('keeps a comment deleted on one device deleted after merging with a device that never saw it deleted', () => {
    const [a, b] = devices(1, 2);
    writeComment(a, 'c1' as CommentId, onMission, 'Revisar.', stamp('Laia', '2024-05-02T09:00:00.000Z'));
    sync(a, b);
    const review = { doc: a } as Parameters<typeof deleteComment>[0];
    deleteComment(review, 'c1' as CommentId, { name: 'Laia', deviceId: 'device-1' }, 'coordinator');
    writeComment(b, 'c2' as CommentId, onMission, 'Otro.', stamp('Pere', '2024-05-02T09:30:00.000Z'));
    sync(a, b);
    const live = (doc: Y.Doc) =>
      readReview(doc)
        .comments.filter((c) => c.deletedAt === null)
        .map((c) => c.id);
    expect(live(a)).toEqual(['c2']);
    expect(live(b)).toEqual(['c2']);
  });
});

describe('reading what another device or version wrote', () => {
  it('skips a comment it cannot show and a decision it does not know, without failing', () => {
    const doc = new Y.Doc();
    const broken = new Y.Map<unknown>();
    commentsRoot(doc).set('broken', broken);
    broken.set('text', 'sin destino');
    decisionRoot(doc).set('decision', 'maybe');
    expect(readReview(doc)).toEqual({ decision: null, comments: [] });
  });

  it('shows a comment of a newer version but refuses to rewrite it', () => {
    const doc = new Y.Doc();
    writeComment(
      doc,
      'c1' as CommentId,
      onMission,
      'De una versión nueva.',
      stamp('Laia', '2024-05-02T09:00:00.000Z'),
    );
    commentsRoot(doc).get('c1')!.set('schema', 99);
    expect(readReview(doc).comments[0]).toMatchObject({ text: 'De una versión nueva.', schema: 99 });
    const review = { doc } as Parameters<typeof deleteComment>[0];
    expect(() =>
      deleteComment(review, 'c1' as CommentId, { name: 'Pere', deviceId: 'device-1' }, 'coordinator'),
    ).toThrow(new MingaError('newerSchema'));
    expect(readReview(doc).comments[0]?.deletedAt).toBeNull();
  });

  it('counts each comment and the decision once among the changes not yet on the server', () => {
    const doc = new Y.Doc();
    writeDecision(doc, 'approved', 'Bien.', stamp('Laia', '2024-05-02T09:00:00.000Z'));
    writeComment(doc, 'c1' as CommentId, onMission, 'Uno.', stamp('Laia', '2024-05-02T09:00:00.000Z'));
    writeComment(doc, 'c2' as CommentId, onNote, 'Dos.', stamp('Laia', '2024-05-02T09:00:00.000Z'));
    expect(countPending(doc, null)).toBe(3);
    const acknowledged = Y.encodeStateVector(doc);
    writeComment(doc, 'c3' as CommentId, onMission, 'Tres.', stamp('Laia', '2024-05-02T09:05:00.000Z'));
    expect(countPending(doc, acknowledged)).toBe(1);
  });
});

describe('review storage', () => {
  let db: MingaDb;
  beforeEach(() => {
    db = new MingaDb(`test-${crypto.randomUUID()}`);
    setDbForTests(db);
  });
  afterEach(async () => {
    await closeAllReviews();
    db.close();
    setDbForTests(null);
  });

  const coordinator = { name: 'Laia Ferrer', deviceId: 'device-1' };

  it('a reopened review holds the decision and the comments written before it was closed', async () => {
    const id = crypto.randomUUID() as MissionId;
    const review = await acquireReview(id);
    setDecision(review, { decision: 'approved', note: '  Buen trabajo.\n' }, coordinator, 'coordinator');
    const kept = addComment(
      review,
      { target: onNote, text: 'Añadir la foto del muro.' },
      coordinator,
      'coordinator',
    );
    const gone = addComment(review, { target: onMission, text: 'Borrador.' }, coordinator, 'coordinator');
    deleteComment(review, gone, coordinator, 'coordinator');
    const before = review.view.snapshot();
    await review.writer.whenIdle();
    releaseReview(id);
    await closeAllReviews();

    const reopened = await acquireReview(id);
    const after = reopened.view.snapshot();
    expect(after).toEqual(before);
    expect(after.decision).toMatchObject({ decision: 'approved', by: 'Laia Ferrer', note: 'Buen trabajo.' });
    expect(after.comments.find((c) => c.id === kept)).toMatchObject({
      target: onNote,
      text: 'Añadir la foto del muro.',
      deletedAt: null,
    });
    expect(after.comments.find((c) => c.id === gone)?.deletedAt).not.toBeNull();
    restoreComment(reopened, gone, coordinator, 'coordinator');
    expect(reopened.view.snapshot().comments.every((c) => c.deletedAt === null)).toBe(true);
    releaseReview(id);
  });

  it('a technician, an observer or a device signed out never writes to a review', async () => {
    const id = crypto.randomUUID() as MissionId;
    const review = await acquireReview(id);
    const empty = Y.encodeStateVector(new Y.Doc());
    for (const role of ['technician', 'observer', null] as const) {
      expect(() => setDecision(review, { decision: 'approved', note: '' }, coordinator, role)).toThrow();
      expect(() => addComment(review, { target: onMission, text: 'No.' }, coordinator, role)).toThrow();
    }
    expect(Y.encodeStateVector(review.doc)).toEqual(empty);
    expect(review.writer.pending).toBe(0);
    releaseReview(id);
  });

  it('refuses an empty or too long comment and writes nothing', async () => {
    const id = crypto.randomUUID() as MissionId;
    const review = await acquireReview(id);
    const empty = Y.encodeStateVector(review.doc);
    for (const text of ['   ', 'x'.repeat(4001)]) {
      expect(() => addComment(review, { target: onMission, text }, coordinator, 'coordinator')).toThrow(
        new MingaError('invalid'),
      );
    }
    expect(() =>
      setDecision(review, { decision: 'approved', note: 'x'.repeat(4001) }, coordinator, 'coordinator'),
    ).toThrow(new MingaError('invalid'));
    expect(Y.encodeStateVector(review.doc)).toEqual(empty);
    expect(review.view.snapshot()).toEqual({ decision: null, comments: [] });
    releaseReview(id);
  });
});
