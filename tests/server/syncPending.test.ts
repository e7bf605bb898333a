// Updates that depend on changes nobody sent are refused before they reach the document, never acknowledged,
// never stored; an update that carries its own dependencies is applied.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../src/server/db.ts';
import { sqliteDocumentStore } from '../../src/server/documents.ts';
import { hasPending } from '../../src/server/pending.ts';
import { rawClient, varString, varUint } from './rawSync.ts';
import {
  connect,
  readBack,
  removeDir,
  settled,
  startTestServer,
  waitFor,
  type TestServer,
} from './syncHarness.ts';

let t: TestServer;
let coordinator: string;

beforeAll(async () => {
  // The same token goes on after each refusal: the wait imposed on it then is tested in syncAbuse.test.ts.
  t = await startTestServer({ limits: { offenceWaitMs: 0 } });
  coordinator = t.token('coordinator').token;
});

afterAll(async () => {
  await t?.stop();
  if (t) await removeDir(t.dataDir);
});

/** Two updates of one device, the second depending on the first. */
function twoSteps(first: (doc: Y.Doc) => void, second: (doc: Y.Doc) => void): [Uint8Array, Uint8Array] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  first(doc);
  second(doc);
  expect(updates).toHaveLength(2);
  return updates as [Uint8Array, Uint8Array];
}

/** Sends the update on a fresh socket and expects it refused: closed 1007, never acknowledged, logged. */
async function expectRefused(name: string, update: Uint8Array, problem: string): Promise<void> {
  const raw = await rawClient(t.url, coordinator, name);
  raw.sendUpdate(update);
  await waitFor(() => raw.closed() === 1007, 5000, 'close 1007');
  expect(raw.acknowledgements()).toBe(0);
  expect(
    t.logs.some((l) => l.refusal === 'unintegrable-update' && l.document === name && l.problem === problem),
  ).toBe(true);
}

/** Two items of two clients, each inserted after the other: no edit history can produce this. */
function cyclicUpdate(): Uint8Array {
  const item = (client: number, originClient: number, text: string) => [
    ...varUint(1), // one struct
    ...varUint(client),
    ...varUint(0), // first clock
    0x84, // an Item with a left origin, holding a string
    ...varUint(originClient),
    ...varUint(0),
    ...varString(text),
  ];
  return new Uint8Array([...varUint(2), ...item(1001, 1002, 'a'), ...item(1002, 1001, 'b'), ...varUint(0)]);
}

describe('updates that cannot be integrated', () => {
  it('refuses an update whose earlier structs were withheld, and keeps serving the document', async () => {
    const name = `mission:${randomUUID()}`;
    const [first, second] = twoSteps(
      (d) => d.getText('text').insert(0, 'a'),
      (d) => d.getText('text').insert(1, 'b'),
    );
    await expectRefused(name, second, 'missing-structs');
    // The same update with what it depends on is applied.
    const raw = await rawClient(t.url, coordinator, name);
    raw.sendUpdate(Y.mergeUpdates([first, second]));
    await waitFor(() => raw.acknowledgements() === 1, 5000, 'acknowledgement');
    expect(await readBack(t.url, coordinator, name)).toBe('ab');
    raw.ws.close();
  });

  it('refuses deletions of items the server does not have', async () => {
    const name = `mission:${randomUUID()}`;
    const [, deletion] = twoSteps(
      (d) => d.getText('text').insert(0, 'abc'),
      (d) => d.getText('text').delete(0, 2),
    );
    await expectRefused(name, deletion, 'deletes-unknown-items');
  });

  it("refuses an item placed after another device's text the server never received", async () => {
    const name = `mission:${randomUUID()}`;
    const a = new Y.Doc();
    a.getText('text').insert(0, 'hello');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const before = Y.encodeStateVector(b);
    b.getText('text').insert(5, '!');
    await expectRefused(name, Y.encodeStateAsUpdate(b, before), 'missing-dependency');
  });

  it('refuses items that depend on each other in a cycle', async () => {
    const name = `mission:${randomUUID()}`;
    // Yjs itself would keep both pending.
    const probe = new Y.Doc();
    Y.applyUpdate(probe, cyclicUpdate());
    expect(hasPending(probe)).toBe(true);
    await expectRefused(name, cyclicUpdate(), 'dependency-cycle');
  });

  it('stores only integrated state: an ordinary edit after a refused update leaves no pending part', async () => {
    const name = `mission:${randomUUID()}`;
    const [, second] = twoSteps(
      (d) => d.getText('text').insert(0, 'withheld '),
      (d) => d.getText('text').insert(9, 'dependent'),
    );
    await expectRefused(name, second, 'missing-structs');
    const editor = connect(t.url, coordinator, name);
    await settled(editor);
    editor.doc.getText('text').insert(0, 'ordinary');
    await editor.acknowledged();
    editor.destroy();
    const db = openDatabase(path.join(t.dataDir));
    try {
      const stored = await sqliteDocumentStore(db).fetch(name);
      expect(stored).not.toBeNull();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, stored as Uint8Array);
      expect(hasPending(doc)).toBe(false);
      expect(doc.getText('text').toString()).toBe('ordinary');
    } finally {
      db.close();
    }
  });
});
