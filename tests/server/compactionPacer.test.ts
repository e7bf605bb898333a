import { describe, expect, it } from 'vitest';
import { createCompactionPacer } from '../../src/server/compactionPacer.ts';

const turnOfLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('compaction pacer', () => {
  it('runs compactions in the order given, never more than allowed at once', async () => {
    const pacer = createCompactionPacer(2);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const runs = [0, 1, 2, 3, 4].map((i) =>
      pacer.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((release) => releases.push(release));
        running--;
        return i * 10;
      }),
    );
    while (started.length < 2) await turnOfLoop();
    for (let turn = 0; turn < 5; turn++) await turnOfLoop();
    expect(started).toEqual([0, 1]);
    expect(pacer.waiting()).toBe(3);
    while (started.length < 5 || releases.length > 0) {
      releases.shift()?.();
      await turnOfLoop();
    }
    expect(await Promise.all(runs)).toEqual([0, 10, 20, 30, 40]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('lets what arrived meanwhile run between two compactions due at the same time', async () => {
    const pacer = createCompactionPacer(4);
    const order: string[] = [];
    const runs = ['a', 'b', 'c'].map((name) =>
      pacer.run(async () => {
        order.push(`compact ${name}`);
        // What a socket read queued while this compaction held the event loop.
        setImmediate(() => order.push(`message after ${name}`));
      }),
    );
    await Promise.all(runs);
    await turnOfLoop();
    expect(order).toEqual([
      'compact a',
      'message after a',
      'compact b',
      'message after b',
      'compact c',
      'message after c',
    ]);
  });

  it('hands a failed compaction its error and goes on with the next', async () => {
    const pacer = createCompactionPacer(1);
    const thrown = pacer.run(() => {
      throw new Error('store down');
    });
    const rejected = pacer.run(() => Promise.reject(new Error('commit failed')));
    const next = pacer.run(async () => 'stored');
    await expect(thrown).rejects.toThrow('store down');
    await expect(rejected).rejects.toThrow('commit failed');
    expect(await next).toBe('stored');
    expect(pacer.waiting()).toBe(0);
  });
});
