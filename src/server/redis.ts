// Redis (REDIS_URL): the Hocuspocus extension through which several instances serve the same documents.
import { Redis } from '@hocuspocus/extension-redis';
import type { Document, Hocuspocus } from '@hocuspocus/server';
import { describeError, type Logger } from './log.ts';
import { createRedisRelay, type RedisRelay } from './redisRelay.ts';

export interface RedisLink {
  extension: Redis;
  /** Each change to the other instances in one message (see redisRelay.ts); after the store's extension. */
  relay: RedisRelay;
  /** Why Redis cannot serve now, or null. */
  problem(): string | null;
  /** Before a shutdown: while Redis is down its commands wait for it (see below); fail them instead. */
  releaseIfDown(): void;
}

function redisOptions(url: string): ConstructorParameters<typeof Redis>[0] {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, '') || '0');
  return {
    host: parsed.hostname,
    port: Number(parsed.port || '6379'),
    options: {
      username: parsed.username || undefined,
      password: decodeURIComponent(parsed.password) || undefined,
      db: Number.isInteger(db) ? db : 0,
      // Commands wait for Redis to come back instead of failing after a few reconnections: the extension
      // subscribes to its reply channel once, at start, and a subscription given up during an outage would
      // leave the instance unable to load any document afterwards. /sync is refused while Redis is down.
      maxRetriesPerRequest: null,
    },
  };
}

/**
 * Has the extension announce the document's state vector on its channel: the peers answer with what this instance
 * lacks and ask for what they lack. The relay carries each change; this is the repair, for what it missed.
 */
type Announce = (document: Document) => Promise<void>;

function announcer(extension: Redis, announceChange: Redis['onChange']): Announce {
  return async (document) => {
    // Set when Hocuspocus configures its extensions, which precedes any document.
    const instance: Hocuspocus | undefined = extension.instance;
    if (instance === undefined) return;
    await announceChange.call(extension, {
      instance,
      clientsCount: document.getConnectionsCount(),
      context: {},
      document,
      documentName: document.name,
      requestHeaders: new Headers(),
      requestParameters: new URLSearchParams(),
      update: new Uint8Array(),
      socketId: '',
      transactionOrigin: undefined,
    });
  };
}

/**
 * After an outage, the instances' copies of an open document may each lack what the others received
 * meanwhile (published to nobody): every open document is announced again.
 */
async function resync(extension: Redis, announce: Announce): Promise<void> {
  // ioredis writes its resubscriptions before the 'ready' event reaches us; a PING sent now is answered after
  // them, so the peers' answers cannot arrive on a channel not listened to yet.
  await extension.sub.ping();
  const instance: Hocuspocus | undefined = extension.instance;
  if (instance === undefined) return;
  for (const document of instance.documents.values()) await announce(document);
}

/** `relayPrefix` names the channels of the one-hop relay (one prefix per database schema). */
export function connectRedis(url: string, log: Logger, relayPrefix: string): RedisLink {
  const extension = new Redis(redisOptions(url));
  // The extension announces every change by the document's state vector, and each peer answers with a diff of the
  // whole document, three hops per change on busy instances. The relay sends the change itself in one; the
  // announcement is kept for repairs (a change the relay could not apply, an outage) and the load's first sync.
  const announce = announcer(extension, extension.onChange);
  extension.onChange = async () => {};
  const relay = createRedisRelay(extension.pub, relayPrefix, log, (name) => {
    // Still loading, the document is not listed yet: the extension's first exchange brings what it lacks.
    const document = (extension.instance as Hocuspocus | undefined)?.documents.get(name);
    if (document === undefined) return;
    announce(document).catch((error: unknown) =>
      log({ event: 'redis-resync-failed', message: describeError(error) }),
    );
  });
  // The extension locks a document in Redis while an instance stores it, and an instance that finds it locked
  // skips its store altogether. Our stores never overwrite: instances take turns in the database and each merges
  // into what the others stored (documents.ts). A skipped store would drop what only it carries: the writers of
  // this instance's changes, so a restore (or a device's edit) would never be listed in the history as theirs.
  extension.onStoreDocument = async () => {};
  const clients = [extension.pub, extension.sub, relay.sub];
  const problem = (): string | null => {
    for (const client of clients) if (client.status !== 'ready') return `redis: ${client.status}`;
    return null;
  };
  let lastError = '';
  let lost = false;
  for (const client of clients) {
    // ioredis retries by itself; without a listener it prints every failed attempt. Logged once per cause.
    client.on('error', (error: Error) => {
      if (error.message === lastError) return;
      lastError = error.message;
      log({ event: 'redis-error', message: error.message });
    });
    client.on('close', () => {
      lost = true;
    });
    client.on('ready', () => {
      lastError = '';
      if (!lost || problem() !== null) return;
      lost = false;
      log({ event: 'redis-available' });
      resync(extension, announce).catch((error: unknown) =>
        log({ event: 'redis-resync-failed', message: describeError(error) }),
      );
    });
  }
  return {
    extension,
    relay,
    problem,
    releaseIfDown() {
      if (problem() === null) return;
      for (const client of clients) client.disconnect();
    },
  };
}
