// Replies to review comments as stored in the mission document: read through the schema, hostile values ignored,
// threads bounded, and the done state decided by the newest reply (docs/merge.md M14).
import { describe, expect, it } from 'vitest';
import {
  MAX_REPLIES_PER_COMMENT,
  MAX_REPLY_TEXT,
  doneState,
  groupReplies,
  newReply,
  readReply,
  validateReply,
  type ReviewReply,
} from '../../../src/domain/replies.ts';
import type { CommentId } from '../../../src/domain/review.ts';

const COMMENT = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' as CommentId;
const OTHER = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' as CommentId;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 10, minute)).toISOString();
const reply = (n: number, fields: Partial<ReturnType<typeof newReply>> = {}) =>
  [id(n), { ...newReply(COMMENT, `reply ${n}`, false, 'Anna', at(n)), ...fields }] as [string, unknown];

describe('[M14] reading replies', () => {
  it('reads a stored reply with every field', () => {
    const [key, value] = reply(1, { done: true });
    expect(readReply(key, value)).toEqual({
      id: id(1),
      commentId: COMMENT,
      text: 'reply 1',
      by: 'Anna',
      at: at(1),
      done: true,
      deletedAt: null,
    });
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['an array', [1, 2]],
    ['a bad comment id', { ...newReply(COMMENT, 'x', false, 'A', at(1)), commentId: '<script>' }],
    ['text too long', { ...newReply(COMMENT, 'x'.repeat(MAX_REPLY_TEXT + 1), false, 'A', at(1)) }],
    ['text not a string', { ...newReply(COMMENT, 'x', false, 'A', at(1)), text: 42 }],
    ['done not a boolean', { ...newReply(COMMENT, 'x', false, 'A', at(1)), done: 'yes' }],
    ['a date that is no date', { ...newReply(COMMENT, 'x', false, 'A', at(1)), at: 'yesterday' }],
    ['a deletedAt that is no date', { ...newReply(COMMENT, 'x', false, 'A', at(1)), deletedAt: 7 }],
    ['a name too long', { ...newReply(COMMENT, 'x', false, 'A', at(1)), by: 'n'.repeat(500) }],
  ])('ignores an entry with %s', (_what, value) => {
    expect(readReply(id(1), value)).toBeNull();
  });

  it('ignores an entry whose key is no id', () => {
    expect(readReply('../../etc', reply(1)[1])).toBeNull();
  });

  it('groups by comment, oldest first, hostile entries left out', () => {
    const threads = groupReplies([
      reply(3),
      reply(1),
      [id(9), { ...newReply(OTHER, 'elsewhere', false, 'Laia', at(9)) }],
      [id(5), 'garbage'],
      reply(2),
    ]);
    expect(threads.get(COMMENT)?.map((r) => r.text)).toEqual(['reply 1', 'reply 2', 'reply 3']);
    expect(threads.get(OTHER)?.map((r) => r.text)).toEqual(['elsewhere']);
  });

  it('keeps at most the newest replies of a flooded thread', () => {
    const many = Array.from({ length: MAX_REPLIES_PER_COMMENT + 50 }, (_, n) => reply(n));
    const thread = groupReplies(many).get(COMMENT) ?? [];
    expect(thread).toHaveLength(MAX_REPLIES_PER_COMMENT);
    expect(thread.at(-1)?.text).toBe(`reply ${MAX_REPLIES_PER_COMMENT + 49}`);
    expect(thread[0]?.text).toBe('reply 50');
  });
});

describe('[M14] done state', () => {
  const thread = (...entries: [string, unknown][]): ReviewReply[] => groupReplies(entries).get(COMMENT) ?? [];

  it('is not done with no reply, or when the newest says not done', () => {
    expect(doneState([])).toBeNull();
    expect(doneState(thread(reply(1, { done: true }), reply(2, { done: false, text: '' })))).toBeNull();
  });

  it('is done when the newest reply says so, marked by whoever started the run of done replies', () => {
    const state = doneState(
      thread(
        reply(1),
        reply(2, { done: true, text: '', by: 'Anna' }),
        reply(3, { done: true, text: 'Photo added.', by: 'Laia' }),
      ),
    );
    expect(state).toEqual({ done: true, by: 'Anna', at: at(2) });
  });
});

describe('validating a reply', () => {
  it('needs text within the bound', () => {
    expect(validateReply('   ')).toEqual({ text: 'required' });
    expect(validateReply('x'.repeat(MAX_REPLY_TEXT + 1))).toEqual({ text: 'tooLong' });
    expect(validateReply(' Done. ')).toEqual({});
  });
});
