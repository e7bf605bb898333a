// With several instances, each change a device makes crosses to the other instances in one Redis message. The
// Hocuspocus Redis extension alone announces a change by the document's state vector; the change itself crosses
// only after two more messages (the peer's answer, and the reply to it), each a diff computed over the whole
// document: three hops, on busy instances, per edit. That exchange stays for repairs (see redis.ts): when a
// change arrives ahead of one this instance lacks, and after a Redis outage. A document is watched from its load,
// after the stored state and before the extension's first exchange with the peers, so that no change published
// meanwhile falls between the two.
import { randomBytes } from 'node:crypto';
import type { Extension, RedisTransactionOrigin } from '@hocuspocus/server';
import type { Redis } from '@hocuspocus/extension-redis';
import * as Y from 'yjs';
import { unintegrableReason } from './integrable.ts';
import { describeError, type Logger } from './log.ts';

type RedisClient = Redis['pub'];

/**
 * Changes applied from another instance carry the extension's own origin: Hocuspocus then runs no store hook for
 * them (the instance that received them from a device has them in its log), and the extension does not announce
 * them again.
 */
const FROM_ANOTHER_INSTANCE: RedisTransactionOrigin = { source: 'redis' };
const ID_BYTES = 16;

export interface RelayCounts {
  published: number;
  applied: number;
  /** Arrived ahead of a change this instance lacks: the extension's exchange is asked for, which brings both. */
  deferred: number;
}

export interface RedisRelay {
  /**
   * Calls `watch` for each document Hocuspocus loads (placed after the store's extension: once the stored state
   * is in) and `unwatch` once it is gone; closes at the end.
   */
  extension: Extension;
  /** Publishes the document's changes made here, and applies those published by the others; resolves subscribed. */
  watch(name: string, document: Y.Doc): Promise<void>;
  unwatch(name: string): void;
  /** The subscriber connection, to report its health beside the extension's. */
  sub: RedisClient;
  counts(): RelayCounts;
}

const fromAnotherInstance = (origin: unknown): boolean =>
  origin === FROM_ANOTHER_INSTANCE ||
  (typeof origin === 'object' && origin !== null && (origin as { source?: unknown }).source === 'redis');

/**
 * `pub` publishes (shared with the extension); a connection of its own subscribes, one channel per loaded
 * document under `prefix`.
 */
export function createRedisRelay(
  pub: RedisClient,
  prefix: string,
  log: Logger,
  /** Asks the others for what this instance lacks of document `name`. */
  repair: (name: string) => void,
): RedisRelay {
  const sub = pub.duplicate();
  const id = randomBytes(ID_BYTES);
  const channelOf = (name: string) => `${prefix}:${name}`;
  const watched = new Map<
    string,
    { document: Y.Doc; publish: (update: Uint8Array, origin: unknown) => void }
  >();
  const counts: RelayCounts = { published: 0, applied: 0, deferred: 0 };
  let lastError = '';
  const warn = (event: string, error: unknown) => {
    const message = describeError(error);
    if (message === lastError) return;
    lastError = message;
    log({ event, message });
  };

  const unwatch = (name: string) => {
    const entry = watched.get(name);
    if (entry === undefined) return;
    entry.document.off('update', entry.publish);
    watched.delete(name);
    sub.unsubscribe(channelOf(name)).catch((error: unknown) => warn('redis-relay-failed', error));
  };

  sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    if (message.length <= ID_BYTES || message.subarray(0, ID_BYTES).equals(id)) return;
    const name = channel.toString('utf8').slice(prefix.length + 1);
    const entry = watched.get(name);
    if (entry === undefined) return;
    const update = new Uint8Array(message.subarray(ID_BYTES));
    try {
      // Applied only whole: an update ahead of one this instance lacks would stay pending in the document.
      if (unintegrableReason(entry.document, update) !== null) {
        counts.deferred += 1;
        repair(name);
        return;
      }
      Y.applyUpdate(entry.document, update, FROM_ANOTHER_INSTANCE);
      counts.applied += 1;
    } catch (error) {
      warn('redis-relay-failed', error);
    }
  });

  const watch = async (name: string, document: Y.Doc) => {
    unwatch(name);
    const publish = (update: Uint8Array, origin: unknown) => {
      if (fromAnotherInstance(origin)) return;
      counts.published += 1;
      pub
        .publish(channelOf(name), Buffer.concat([id, update]))
        .catch((error: unknown) => warn('redis-relay-failed', error));
    };
    document.on('update', publish);
    watched.set(name, { document, publish });
    await sub.subscribe(channelOf(name));
  };

  const extension: Extension = {
    extensionName: 'minga-redis-relay',
    async onLoadDocument({ document, documentName }) {
      await watch(documentName, document);
    },
    async afterUnloadDocument({ instance, documentName }) {
      // Loaded again meanwhile (a fast reconnect): the new copy is the one watched now.
      if (instance.documents.has(documentName)) return;
      unwatch(documentName);
    },
    async onDestroy() {
      for (const name of [...watched.keys()]) unwatch(name);
      sub.disconnect();
    },
  };
  return { extension, watch, unwatch, sub, counts: () => ({ ...counts }) };
}
