// Where replies live, against the real server: a technician's attempt to write a decision into the review document
// is refused and never reaches anyone, while their reply and "done" mark in the mission document are stored and
// reach the coordinator (docs/merge.md M14).
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MissionId } from '../../src/domain/ids.ts';
import { doneState } from '../../src/domain/replies.ts';
import { reviewDocName, type CommentId } from '../../src/domain/review.ts';
import type { OpenMission } from '../../src/storage/docStore.ts';
import { createMission } from '../../src/storage/missionDoc.ts';
import { addReply, readThreads } from '../../src/storage/replies.ts';
import { readDecision, writeComment, writeDecision } from '../../src/storage/reviewDoc.ts';
import {
  connect,
  removeDir,
  settled,
  startTestServer,
  waitFor,
  type Client,
  type TestServer,
} from './syncHarness.ts';

let t: TestServer;
const open: Client[] = [];
const stamp = (name: string) => ({
  actor: { name, device: `device-${name}` },
  now: new Date().toISOString(),
});

function client(token: string, name: string): Client {
  const c = connect(t.url, token, name);
  open.push(c);
  return c;
}

async function synced(token: string, name: string): Promise<Client> {
  const c = client(token, name);
  await settled(c);
  await waitFor(() => c.provider.synced, 5000, `sync of ${name}`);
  return c;
}

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await t?.stop();
  if (t) await removeDir(t.dataDir);
});

describe('replies in the mission document, decisions in the review document', () => {
  it('refuses a technician’s decision and stores their reply and done mark for the coordinator', async () => {
    const id = randomUUID() as MissionId;
    const mission = `mission:${id}`;
    const review = reviewDocName(id);
    const comment = randomUUID() as CommentId;
    const coordinator = t.token('coordinator').token;
    const technician = t.token('technician', [id]).token;

    // The coordinator's mission and review: changes requested, with a comment.
    const coordMission = await synced(coordinator, mission);
    createMission(coordMission.doc, { title: 'Jama' }, stamp('Laia'));
    await coordMission.acknowledged();
    const coordReview = await synced(coordinator, review);
    writeDecision(coordReview.doc, 'changesRequested', 'Fix the severity.', stamp('Laia'));
    writeComment(coordReview.doc, comment, { kind: 'mission', id }, 'Severity looks too low.', stamp('Laia'));
    await coordReview.acknowledged();

    // The technician's device tries to approve its own mission anyway.
    const techReview = await synced(technician, review);
    expect(techReview.scope).toBe('readonly');
    expect(readDecision(techReview.doc)?.decision).toBe('changesRequested');
    writeDecision(techReview.doc, 'approved', '', stamp('Anna'));
    await waitFor(
      () => t.logs.some((l) => l.refusal === 'read-only-write' && l.document === review),
      5000,
      'refusal of the technician’s decision',
    );

    // It replies and marks the comment done where it may write.
    const techMission = await synced(technician, mission);
    expect(techMission.scope).toBe('read-write');
    const asOpen = { id, doc: techMission.doc } as unknown as OpenMission;
    const anna = { name: 'Anna', deviceId: 'phone-anna' };
    addReply(asOpen, { commentId: comment, text: 'Raised to 4 after the second visit.', done: false }, anna);
    // A moment later, as a tap would be: the newest reply decides whether the change is done.
    await new Promise((resolve) => setTimeout(resolve, 5));
    addReply(asOpen, { commentId: comment, text: '', done: true }, anna, { markOnly: true });
    await techMission.acknowledged();

    // The coordinator's live copy receives the reply; the decision stays theirs, on the live copy and a fresh one.
    await waitFor(
      () => (readThreads(coordMission.doc).get(comment)?.length ?? 0) === 2,
      5000,
      'reply arrives',
    );
    const thread = readThreads(coordMission.doc).get(comment) ?? [];
    expect(thread.find((reply) => reply.text !== '')).toMatchObject({
      by: 'Anna',
      text: 'Raised to 4 after the second visit.',
    });
    expect(doneState(thread)).toMatchObject({ done: true, by: 'Anna' });
    expect(readDecision(coordReview.doc)?.decision).toBe('changesRequested');
    const fresh = await synced(coordinator, review);
    expect(readDecision(fresh.doc)).toMatchObject({ decision: 'changesRequested', by: 'Laia' });
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(coordReview.doc));
  });
});
