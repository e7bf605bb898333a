// The pool of open documents: one copy per document at a time, even when reopened while it closes.
import { describe, expect, it } from 'vitest';
import { DocPool } from '../../../src/storage/docPool.ts';

interface FakeDoc {
  key: string;
  copy: number;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('DocPool', () => {
  it('loads a document reopened while it closes only once its old copy has been let go', async () => {
    const events: string[] = [];
    let copies = 0;
    const detach = deferred();
    const pool = new DocPool<string, FakeDoc>({
      load: async (key) => {
        events.push(`load ${key}#${copies + 1}`);
        return { key, copy: ++copies };
      },
      settle: async () => {},
      destroy: (doc) => events.push(`destroy #${doc.copy}`),
      lingerMs: 0,
    });
    pool.observe({
      opened: (doc) => events.push(`opened #${doc.copy}`),
      // The sync layer detaching its provider takes a while (it records what the server has).
      closing: async (doc) => {
        events.push(`closing #${doc.copy}`);
        if (doc.copy === 1) await detach.promise;
      },
    });

    await pool.acquire('m1');
    pool.release('m1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toContain('closing #1');

    const reopened = pool.acquire('m1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).not.toContain('load m1#2');
    detach.resolve();
    expect((await reopened).copy).toBe(2);
    expect(events).toEqual(['load m1#1', 'opened #1', 'closing #1', 'destroy #1', 'load m1#2', 'opened #2']);
  });

  it('a copy closed by closeAll and opened again is not closed by the old copy’s lingering timer', async () => {
    let loads = 0;
    const destroyed: number[] = [];
    const pool = new DocPool<string, FakeDoc>({
      load: async (key) => ({ key, copy: ++loads }),
      settle: async () => {},
      destroy: (doc) => destroyed.push(doc.copy),
      lingerMs: 20,
    });
    await pool.acquire('m1');
    pool.release('m1'); // lingers 20 ms
    await pool.closeAll();
    await pool.acquire('m1'); // copy 2, held
    await new Promise((resolve) => setTimeout(resolve, 40));
    // Still one copy: acquiring again loads nothing, and copy 1 was let go once.
    expect((await pool.acquire('m1')).copy).toBe(2);
    expect(destroyed).toEqual([1]);
    await pool.closeAll();
  });

  it('shares one copy between users and keeps it while any remains', async () => {
    let loads = 0;
    const pool = new DocPool<string, FakeDoc>({
      load: async (key) => ({ key, copy: ++loads }),
      settle: async () => {},
      destroy: () => {},
      lingerMs: 0,
    });
    const [a, b] = await Promise.all([pool.acquire('m1'), pool.acquire('m1')]);
    expect(a).toBe(b);
    pool.release('m1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await pool.acquire('m1')).toBe(a);
    expect(loads).toBe(1);
  });
});

describe('DocPool lingering', () => {
  it('keeps a document a screen let go, and closes one the background pass let go at once', async () => {
    const destroyed: string[] = [];
    const pool = new DocPool<string, FakeDoc>({
      load: async (key) => ({ key, copy: 1 }),
      settle: async () => {},
      destroy: (doc) => destroyed.push(doc.key),
      lingerMs: 60_000,
    });
    await pool.acquire('screen');
    await pool.acquire('pass');
    pool.release('screen');
    pool.release('pass', 0);
    await expect.poll(() => destroyed).toEqual(['pass']);
    // The screen's document is still open, a minute's linger ahead of it: only closeAll closes it now.
    await pool.closeAll();
    expect(destroyed.sort()).toEqual(['pass', 'screen']);
  });
});
