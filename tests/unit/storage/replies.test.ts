// Replies in the mission document: two devices replying offline both keep theirs, done marks converge, a bundle
// may carry them, and the list's "changes requested" follows the review document without opening it again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { MissionId } from '../../../src/domain/ids.ts';
import { assertRoots } from '../../../src/domain/bundle/updates.ts';
import { doneState, REPLIES_ROOT } from '../../../src/domain/replies.ts';
import type { CommentId } from '../../../src/domain/review.ts';
import { MingaDb, getDb, setDbForTests } from '../../../src/storage/db.ts';
import type { OpenMission } from '../../../src/storage/docStore.ts';
import { addReply, deleteReply, readThreads, RepliesView } from '../../../src/storage/replies.ts';
import { setDecision } from '../../../src/storage/reviewCommands.ts';
import { acquireReview, closeAllReviews, releaseReview } from '../../../src/storage/reviewStore.ts';

const MISSION = '0b8f9c2e-3c1a-4c8e-9a51-2f0d8b1e4a11' as MissionId;
const COMMENT = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' as CommentId;
const anna = { name: 'Anna', deviceId: 'phone-anna' };
const laia = { name: 'Laia', deviceId: 'laptop-laia' };

/** Only the document is used by the reply commands. */
const open = (doc: Y.Doc) => ({ id: MISSION, doc }) as unknown as OpenMission;

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('[M14] replies merge member by member', () => {
  it('two devices replying offline both keep their replies, in one order on both', () => {
    const [phone, laptop] = [new Y.Doc(), new Y.Doc()];
    addReply(open(phone), { commentId: COMMENT, text: 'Photo added.', done: false }, anna);
    addReply(open(laptop), { commentId: COMMENT, text: 'Thanks, and the GPS?', done: false }, laia);
    sync(phone, laptop);
    const onPhone = readThreads(phone)
      .get(COMMENT)
      ?.map((r) => `${r.by}: ${r.text}`);
    expect(onPhone).toHaveLength(2);
    expect(onPhone).toEqual(expect.arrayContaining(['Anna: Photo added.', 'Laia: Thanks, and the GPS?']));
    expect(
      readThreads(laptop)
        .get(COMMENT)
        ?.map((r) => `${r.by}: ${r.text}`),
    ).toEqual(onPhone);
  });

  it('a done mark and a later reply keep the comment done; marking not done undoes it', () => {
    const doc = new Y.Doc();
    addReply(open(doc), { commentId: COMMENT, text: '', done: true }, anna, { markOnly: true });
    expect(doneState(readThreads(doc).get(COMMENT) ?? [])).toMatchObject({ done: true, by: 'Anna' });
    addReply(open(doc), { commentId: COMMENT, text: 'Fixed the severity.', done: true }, anna);
    expect(doneState(readThreads(doc).get(COMMENT) ?? [])).toMatchObject({ by: 'Anna' });
    addReply(open(doc), { commentId: COMMENT, text: '', done: false }, laia, { markOnly: true });
    expect(doneState(readThreads(doc).get(COMMENT) ?? [])).toBeNull();
  });

  it('regression: a mark and an undo written within one millisecond keep their order', () => {
    // The newest reply decides whether a change is done; with the clock standing still, two replies once sorted
    // by their random ids, so an undo written in the same millisecond could lose to the mark it undid.
    vi.useFakeTimers({ now: new Date('2016-05-02T10:00:00.000Z'), toFake: ['Date'] });
    try {
      for (let i = 0; i < 20; i++) {
        const doc = new Y.Doc();
        addReply(open(doc), { commentId: COMMENT, text: '', done: true }, anna, { markOnly: true });
        addReply(open(doc), { commentId: COMMENT, text: '', done: false }, laia, { markOnly: true });
        expect(doneState(readThreads(doc).get(COMMENT) ?? [])).toBeNull();
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses an empty reply and text with a mark-only write; a deleted reply stays but is marked', () => {
    const doc = new Y.Doc();
    expect(() => addReply(open(doc), { commentId: COMMENT, text: '  ', done: false }, anna)).toThrow();
    expect(() =>
      addReply(open(doc), { commentId: COMMENT, text: 'x', done: true }, anna, { markOnly: true }),
    ).toThrow();
    const id = addReply(open(doc), { commentId: COMMENT, text: 'Oops', done: false }, anna);
    deleteReply(open(doc), id, anna);
    expect(readThreads(doc).get(COMMENT)?.[0]?.deletedAt).not.toBeNull();
  });

  it('only the author deletes a reply; another’s is refused and left as it was; twice changes nothing', () => {
    const [phone, laptop] = [new Y.Doc(), new Y.Doc()];
    const id = addReply(open(phone), { commentId: COMMENT, text: 'Foto añadida.', done: false }, anna);
    const mark = addReply(open(phone), { commentId: COMMENT, text: '', done: true }, anna, {
      markOnly: true,
    });
    sync(phone, laptop);
    const before = Y.encodeStateVector(laptop);
    expect(() => deleteReply(open(laptop), id, laia)).toThrow(
      expect.objectContaining({ reason: 'notYours' }),
    );
    // A done mark is undone by another mark, never deleted, even by its author.
    expect(() => deleteReply(open(phone), mark, anna)).toThrow(
      expect.objectContaining({ reason: 'notYours' }),
    );
    expect(Y.encodeStateVector(laptop)).toEqual(before);
    expect(readThreads(laptop).get(COMMENT)?.[0]?.deletedAt).toBeNull();

    deleteReply(open(phone), id, anna);
    const once = Y.encodeStateVector(phone);
    deleteReply(open(phone), id, anna);
    expect(Y.encodeStateVector(phone)).toEqual(once);
    sync(phone, laptop);
    const [deleted] = readThreads(laptop).get(COMMENT) ?? [];
    expect(deleted?.deletedAt).not.toBeNull();
    // The thread still knows it was written, by whom and when, and the done mark after it still counts.
    expect([deleted?.by, deleted?.text]).toEqual(['Anna', 'Foto añadida.']);
    expect(doneState(readThreads(laptop).get(COMMENT) ?? [])?.done).toBe(true);
  });

  it('a hostile entry another device wrote is ignored, and the view recomputes on change', () => {
    const doc = new Y.Doc();
    const view = new RepliesView(doc);
    let calls = 0;
    view.subscribe(() => calls++);
    doc.getMap(REPLIES_ROOT).set('not-a-reply', { commentId: COMMENT, text: 5 });
    doc.getMap(REPLIES_ROOT).set('also-not', new Y.Map());
    expect(view.threads().size).toBe(0);
    addReply(open(doc), { commentId: COMMENT, text: 'Real.', done: false }, anna);
    expect(
      view
        .threads()
        .get(COMMENT)
        ?.map((r) => r.text),
    ).toEqual(['Real.']);
    expect(calls).toBe(3);
    view.destroy();
  });

  it('a bundle may carry replies in the mission document', () => {
    const doc = new Y.Doc();
    addReply(open(doc), { commentId: COMMENT, text: 'Carried by file.', done: false }, anna);
    expect(() => assertRoots('mission', Y.encodeStateAsUpdate(doc))).not.toThrow();
  });
});

describe('the list’s review state', () => {
  beforeEach(() => setDbForTests(new MingaDb(`replies-${crypto.randomUUID()}`)));
  afterEach(async () => {
    await closeAllReviews();
    setDbForTests(null);
  });

  const stored = async () => (await getDb().reviews.get(MISSION))?.decision;
  const eventually = async (expected: unknown) => {
    for (let i = 0; i < 50 && (await stored()) !== expected; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await stored()).toBe(expected);
  };

  it('follows the review document’s decision while it is open', async () => {
    const review = await acquireReview(MISSION);
    await eventually(null);
    setDecision(review, { decision: 'changesRequested', note: '' }, laia, 'coordinator');
    await eventually('changesRequested');
    setDecision(review, { decision: 'approved', note: '' }, laia, 'coordinator');
    await eventually('approved');
    releaseReview(MISSION);
  });
});
