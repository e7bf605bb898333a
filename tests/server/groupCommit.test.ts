// The group-commit queue alone, over a commit function the test resolves by hand: when batches start, what goes
// in each, their order, and what a failure does. The real stores are in storeContract.test.ts.
import { describe, expect, it } from 'vitest';
import { createGroupCommit, type QueuedUpdate } from '../../src/server/groupCommit.ts';

/** A commit the test completes: each call is kept with its batch until `finish` or `fail`. */
function heldCommits() {
  let seq = 0;
  const calls: { batch: string[]; finish(): void; fail(error: Error): void }[] = [];
  const commit = (batch: readonly QueuedUpdate[]) =>
    new Promise<number[]>((resolve, reject) => {
      calls.push({
        batch: batch.map((item) => new TextDecoder().decode(item.update)),
        finish: () => resolve(batch.map(() => ++seq)),
        fail: reject,
      });
    });
  return { calls, commit };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('group commit queue', () => {
  it('waits the window, commits what arrived in one batch, and queues later arrivals for the next', async () => {
    const { calls, commit } = heldCommits();
    const queue = createGroupCommit(commit, { windowMs: 10 });
    const first = [queue.append('d', bytes('a')), queue.append('d', bytes('b'))];
    expect(calls).toHaveLength(0);
    await tick(30);
    expect(calls.map((c) => c.batch)).toEqual([['a', 'b']]);
    // Arrives while the first transaction is committing: never a second transaction at the same time.
    const later = [queue.append('e', bytes('c')), queue.append('d', bytes('d'))];
    await tick(30);
    expect(calls).toHaveLength(1);
    calls[0]?.finish();
    expect(await Promise.all(first)).toEqual([1, 2]);
    await tick();
    expect(calls.map((c) => c.batch)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    calls[1]?.finish();
    expect(await Promise.all(later)).toEqual([3, 4]);
    expect(queue.counts()).toEqual({ commits: 2, updates: 4 });
  });

  it('rejects every update of a failed batch and none of the next', async () => {
    const { calls, commit } = heldCommits();
    const queue = createGroupCommit(commit, { windowMs: 1 });
    const failed = [queue.append('d', bytes('a')), queue.append('d', bytes('b'))];
    await tick(20);
    const next = queue.append('d', bytes('c'));
    calls[0]?.fail(new Error('disk full'));
    expect((await Promise.allSettled(failed)).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await tick(20);
    calls[1]?.finish();
    expect(await next).toBe(1);
    expect(queue.counts()).toEqual({ commits: 1, updates: 1 });
  });

  it('with retries, tries a failed batch again before anything queued after it, and gives up once stopped', async () => {
    const { calls, commit } = heldCommits();
    const failures: string[][] = [];
    const queue = createGroupCommit(commit, {
      windowMs: 1,
      retry: { firstDelayMs: 5, maxDelayMs: 10 },
      onFailure: (_error, names) => failures.push([...names]),
    });
    const first = queue.append('d', bytes('a'));
    await tick(20);
    const next = queue.append('e', bytes('b'));
    calls[0]?.fail(new Error('disk full'));
    await tick(30);
    // The same batch again, alone: the later update waits behind it.
    expect(calls.map((c) => c.batch)).toEqual([['a'], ['a']]);
    expect(failures).toEqual([['d']]);
    calls[1]?.finish();
    expect(await first).toBe(1);
    await tick(20);
    expect(calls.map((c) => c.batch)).toEqual([['a'], ['a'], ['b']]);
    calls[2]?.fail(new Error('disk full'));
    await tick(30);
    const stopping = queue.stop();
    calls[3]?.fail(new Error('still full'));
    await stopping;
    await expect(next).rejects.toThrow('still full');
    expect(queue.counts()).toEqual({ commits: 1, updates: 1 });
  });

  it('commits at once when a batch is full by count or by bytes, never over the byte bound', async () => {
    const { calls, commit } = heldCommits();
    const queue = createGroupCommit(commit, { windowMs: 60_000, maxBatch: 3, maxBatchBytes: 4 });
    const all = ['a', 'b', 'c'].map((v) => queue.append('d', bytes(v)));
    await tick();
    expect(calls.map((c) => c.batch)).toEqual([['a', 'b', 'c']]);
    calls[0]?.finish();
    await Promise.all(all);
    const big = [
      queue.append('d', bytes('xyz')),
      queue.append('d', bytes('uv')),
      queue.append('d', bytes('abcdef')),
    ];
    await tick();
    expect(calls[1]?.batch).toEqual(['xyz']);
    calls[1]?.finish();
    await tick();
    expect(calls[2]?.batch).toEqual(['uv']);
    calls[2]?.finish();
    await tick();
    // Larger than the bound alone: it still goes, by itself.
    expect(calls[3]?.batch).toEqual(['abcdef']);
    calls[3]?.finish();
    expect(await Promise.all(big)).toEqual([4, 5, 6]);
  });

  it('with a window of 0 commits each update by itself, at once, and drain waits for all of them', async () => {
    const { calls, commit } = heldCommits();
    const queue = createGroupCommit(commit, { windowMs: 0 });
    const both = [queue.append('d', bytes('a')), queue.append('d', bytes('b'))];
    expect(calls.map((c) => c.batch)).toEqual([['a'], ['b']]);
    let drained = false;
    const draining = queue.drain().then(() => {
      drained = true;
    });
    await tick();
    expect(drained).toBe(false);
    for (const call of calls) call.finish();
    await draining;
    expect(await Promise.all(both)).toEqual([1, 2]);
  });
});
