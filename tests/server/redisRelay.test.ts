// The one-hop relay between instances, on this machine's Redis: a change crosses in one message and is not sent
// back; one that arrives ahead of a change the instance lacks, or garbage, changes nothing; a document let go
// hears nothing more.
import { randomUUID } from 'node:crypto';
import { Redis } from '@hocuspocus/extension-redis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRedisRelay, type RedisRelay } from '../../src/server/redisRelay.ts';
import { waitFor } from './syncHarness.ts';

const REDIS = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

/** One instance: the extension's connections (the relay publishes through its `pub`) and the relay. */
interface Instance {
  redis: Redis;
  relay: RedisRelay;
  logs: { event: string; message?: unknown }[];
  /** Documents for which the relay asked the extension's exchange to bring what it could not apply. */
  repairs: string[];
}

let prefix: string;
const instances: Instance[] = [];

function instance(): Instance {
  const redis = new Redis({ host: REDIS.hostname, port: Number(REDIS.port || '6379') });
  const logs: Instance['logs'] = [];
  const repairs: string[] = [];
  const relay = createRedisRelay(
    redis.pub,
    prefix,
    (entry) => logs.push(entry),
    (name) => repairs.push(name),
  );
  const made = { redis, relay, logs, repairs };
  instances.push(made);
  return made;
}

const text = (doc: Y.Doc) => doc.getText('t').toString();

beforeEach(() => {
  prefix = `minga-relay-test-${randomUUID()}`;
});
afterEach(async () => {
  for (const { redis, relay } of instances.splice(0)) {
    await relay.extension.onDestroy?.({} as never);
    redis.pub.disconnect();
    redis.sub.disconnect();
  }
});

describe('the one-hop relay between instances', () => {
  it('a change made on one instance is applied on the other from one message, and not sent back', async () => {
    const [a, b] = [instance(), instance()];
    const [onA, onB] = [new Y.Doc(), new Y.Doc()];
    await a.relay.watch('mission:x', onA);
    await b.relay.watch('mission:x', onB);

    onA.getText('t').insert(0, 'Jama');
    await waitFor(() => text(onB) === 'Jama', 5000, 'A → B');
    onB.getText('t').insert(4, ', Manabí');
    await waitFor(() => text(onA) === 'Jama, Manabí', 5000, 'B → A');
    // Each change published once, by the instance where it was made; applied once, by the other.
    expect(a.relay.counts()).toEqual({ published: 1, applied: 1, deferred: 0 });
    expect(b.relay.counts()).toEqual({ published: 1, applied: 1, deferred: 0 });
  });

  it('a change that depends on one the instance lacks is left alone and a repair asked for; nothing stays pending', async () => {
    const [a, b] = [instance(), instance()];
    const onB = new Y.Doc();
    await b.relay.watch('mission:x', onB);
    // Two changes from a third device; only the second is published, as if the first had been lost.
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    source.getText('t').insert(0, 'Jama');
    source.getText('t').insert(4, ', Manabí');
    const other = Buffer.alloc(16, 7);
    await a.redis.pub.publish(`${prefix}:mission:x`, Buffer.concat([other, updates[1]!]));
    await a.redis.pub.publish(`${prefix}:mission:x`, Buffer.concat([other, Buffer.from('not an update')]));
    await a.redis.pub.publish(`${prefix}:mission:x`, Buffer.concat([other, updates[0]!]));

    // The first arrives last and is applied; the second was left to the extension's exchange.
    await waitFor(() => text(onB) === 'Jama', 5000, 'the first change');
    expect(b.relay.counts()).toEqual({ published: 0, applied: 1, deferred: 1 });
    expect(b.repairs).toEqual(['mission:x']);
    expect(onB.store.pendingStructs).toBeNull();
    expect(b.logs.map((entry) => entry.event)).toEqual(['redis-relay-failed']);
  });

  it('a document let go on an instance hears nothing more there', async () => {
    const [a, b] = [instance(), instance()];
    const [onA, onB] = [new Y.Doc(), new Y.Doc()];
    await a.relay.watch('mission:x', onA);
    await b.relay.watch('mission:x', onB);
    b.relay.unwatch('mission:x');
    onA.getText('t').insert(0, 'Jama');
    // A later change on a document B still watches arrives: by then the first would have, had it been heard.
    const [laterOnA, laterOnB] = [new Y.Doc(), new Y.Doc()];
    await a.relay.watch('mission:y', laterOnA);
    await b.relay.watch('mission:y', laterOnB);
    laterOnA.getText('t').insert(0, 'Pedernales');
    await waitFor(() => text(laterOnB) === 'Pedernales', 5000, 'the later change');
    expect(text(onB)).toBe('');
    expect(b.relay.counts().applied).toBe(1);
  });
});
