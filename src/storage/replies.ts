// Replies to review comments in the mission document (`reviewReplies`, see domain/replies.ts): their read model and
// the commands that write them. Every member who may edit the mission may reply; coordinators too.
import type * as Y from 'yjs';
import { MingaError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { DeviceProfile } from '../domain/model.ts';
import {
  REPLIES_ROOT,
  groupReplies,
  mayDeleteReply,
  newReply,
  readReply,
  validateReply,
  type ReplyId,
  type ReviewReply,
  type StoredReply,
} from '../domain/replies.ts';
import { normalizeReviewText, type CommentId } from '../domain/review.ts';
import { hasErrors } from '../domain/validation.ts';
import { stampFor } from './commands.ts';
import type { OpenMission } from './docStore.ts';
import { LOCAL_ORIGIN } from './missionDoc.ts';

export type Threads = ReadonlyMap<CommentId, ReviewReply[]>;

export function repliesRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(REPLIES_ROOT);
}

export function readThreads(doc: Y.Doc): Threads {
  return groupReplies(repliesRoot(doc).entries());
}

/** A reply, a done mark, or both (`text` may be empty when `done` changes). */
export function addReply(
  mission: OpenMission,
  input: { commentId: CommentId; text: string; done: boolean },
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
  options: { markOnly?: boolean } = {},
): ReplyId {
  const text = normalizeReviewText(input.text);
  if (!options.markOnly && hasErrors(validateReply(text))) throw new MingaError('invalid');
  if (options.markOnly && text !== '') throw new MingaError('invalid');
  const stamp = stampFor(profile);
  const id = newId<ReplyId>();
  const at = after(latestReplyAt(mission.doc, input.commentId), stamp.now);
  const value = newReply(input.commentId, text, input.done, stamp.actor.name, at);
  mission.doc.transact(() => repliesRoot(mission.doc).set(id, value), LOCAL_ORIGIN);
  return id;
}

/** The time of the newest reply to `commentId` this document holds ('' for none). */
function latestReplyAt(doc: Y.Doc, commentId: CommentId): string {
  let latest = '';
  for (const [id, value] of repliesRoot(doc).entries()) {
    const reply = readReply(id, value);
    if (reply?.commentId === commentId && reply.at > latest) latest = reply.at;
  }
  return latest;
}

/**
 * `now`, or a millisecond after `latest` when that is not earlier: a reply answers what is on screen, so it sorts
 * after it even when two are written within one millisecond (the newest reply decides whether a change is done).
 */
function after(latest: string, now: string): string {
  const last = Date.parse(latest);
  return Number.isFinite(last) && last >= Date.parse(now) ? new Date(last + 1).toISOString() : now;
}

/**
 * Soft delete of one's own reply: the entry stays, so an answer to it is never left pointing at nothing, and every
 * device shows "reply deleted" in its place. Another's reply is refused ('notYours'); deleting twice changes
 * nothing.
 */
export function deleteReply(
  mission: OpenMission,
  id: ReplyId,
  profile: Pick<DeviceProfile, 'name' | 'deviceId'>,
): void {
  const root = repliesRoot(mission.doc);
  const reply = readReply(id, root.get(id));
  if (!reply) throw new MingaError('notFound');
  if (reply.deletedAt !== null) return;
  if (!mayDeleteReply(reply, profile.name)) throw new MingaError('notYours');
  const stored: StoredReply = {
    commentId: reply.commentId,
    text: reply.text,
    by: reply.by,
    at: reply.at,
    done: reply.done,
    deletedAt: stampFor(profile).now,
  };
  mission.doc.transact(() => root.set(id, stored), LOCAL_ORIGIN);
}

/** Threads recomputed only after the replies changed. */
export class RepliesView {
  private readonly doc: Y.Doc;
  private current: Threads | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly undo: () => void;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    const root = repliesRoot(doc);
    const onChange = () => {
      this.current = null;
      this.listeners.forEach((listener) => listener());
    };
    root.observeDeep(onChange);
    this.undo = () => root.unobserveDeep(onChange);
  }

  threads(): Threads {
    this.current ??= readThreads(this.doc);
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.undo();
    this.listeners.clear();
  }
}
