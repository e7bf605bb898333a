// The change feed: each device keeps the document `feed` attached and hears which of its documents changed.
import type { Redis } from '@hocuspocus/extension-redis';
import { parseDocumentName } from './access.ts';
import type { Role } from './db.ts';
import type { DocumentStore } from './documents.ts';
import { describeError, type Logger } from './log.ts';
import type { TokenStore } from './tokens.ts';

/** The one name every signed-in device attaches for the feed; never stored, it holds nothing. */
export const FEED_DOCUMENT = 'feed';

/** Documents named in one message: a coordinator's thousands go out in several. */
export const FEED_CHUNK = 500;

export interface FeedOptions {
  store: DocumentStore;
  tokens: TokenStore;
  log: Logger;
  /** Changes are gathered this long per connection before they are sent. */
  flushMs?: number;
  /** Memberships are read again at most this often (each feed of a technician or observer costs a query). */
  membershipRefreshMs?: number;
  /** Scale-out: version changes are published here and heard from the other instances. */
  redis?: { pub: Redis['pub']; channel: string };
}

interface Member {
  tokenId: string;
  /** The missions the token may open; null for a coordinator, who may open every document. */
  missions: Set<string> | null;
  send(payload: string): void;
  queue: Map<string, number>;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface Feed {
  /** A feed connection authenticated: it gets the versions of every document its token may open. */
  add(key: object, who: { tokenId: string; role: Role }, send: (payload: string) => void): Promise<void>;
  remove(key: object): void;
  /** This instance stored a document at `version`. */
  stored(name: string, version: number): void;
  /** The token became a member of the mission (it synced one it created offline). */
  joined(tokenId: string, mission: string): void;
  /** Memberships changed on the server: every feed learns of the missions its token may open now. */
  refreshMemberships(): Promise<void>;
  stop(): Promise<void>;
}

function missionOf(name: string): string | null {
  const doc = parseDocumentName(name);
  return doc === null || doc.kind === 'programme' ? null : doc.id;
}

function mayOpen(member: Member, name: string): boolean {
  if (member.missions === null) return parseDocumentName(name) !== null;
  const mission = missionOf(name);
  return mission !== null && member.missions.has(mission);
}

const namesOf = (missions: Iterable<string>) =>
  [...missions].flatMap((id) => [`mission:${id}`, `review:${id}`]);

/** `{"type":…,"docs":{name:version}}` messages of at most FEED_CHUNK documents each. */
export function feedMessages(type: 'versions' | 'changed', docs: ReadonlyMap<string, number>): string[] {
  const entries = [...docs];
  const messages: string[] = [];
  for (let start = 0; start < entries.length || start === 0; start += FEED_CHUNK) {
    const chunk = Object.fromEntries(entries.slice(start, start + FEED_CHUNK));
    const last = start + FEED_CHUNK >= entries.length;
    messages.push(
      JSON.stringify(type === 'versions' ? { type, docs: chunk, complete: last } : { type, docs: chunk }),
    );
    if (last) break;
  }
  return messages;
}

export function createFeed(options: FeedOptions): Feed {
  const { store, tokens, log, flushMs = 250, membershipRefreshMs = 10_000 } = options;
  let refreshedAt = 0;
  /** The newest version heard of per document, on this instance or published by another. */
  const latest = new Map<string, number>();
  const members = new Map<object, Member>();

  const flush = (member: Member) => {
    member.timer = null;
    if (member.queue.size === 0) return;
    const docs = member.queue;
    member.queue = new Map();
    for (const message of feedMessages('changed', docs)) member.send(message);
  };

  const enqueue = (member: Member, name: string, version: number) => {
    member.queue.set(name, Math.max(version, member.queue.get(name) ?? 0));
    member.timer ??= setTimeout(() => flush(member), flushMs);
  };

  const heard = (name: string, version: number) => {
    if (version <= (latest.get(name) ?? -1)) return;
    latest.set(name, version);
    for (const member of members.values()) if (mayOpen(member, name)) enqueue(member, name, version);
  };

  const redis = options.redis;
  const sub = redis?.pub.duplicate() ?? null;
  if (redis && sub) {
    sub.on('error', () => {}); // the Redis link logs the outage; the feed only misses what it cannot hear
    sub
      .subscribe(redis.channel)
      .catch((error: unknown) => log({ event: 'feed-subscribe-failed', message: describeError(error) }));
    sub.on('message', (channel: string, message: string) => {
      if (channel !== redis.channel || message.length > 200) return;
      try {
        const { name, version } = JSON.parse(message) as { name?: unknown; version?: unknown };
        if (typeof name !== 'string' || parseDocumentName(name) === null) return;
        if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return;
        heard(name, version);
      } catch {
        // not ours
      }
    });
  }

  /** The stored versions of these documents (all of them for null), never older than one already heard. */
  const versionsOf = async (names: readonly string[] | null): Promise<Map<string, number>> => {
    const stored = await store.versions(names ?? undefined);
    const result = new Map<string, number>();
    for (const [name, version] of stored) {
      if (parseDocumentName(name) === null) continue;
      result.set(name, Math.max(version, latest.get(name) ?? 0));
    }
    return result;
  };

  return {
    async add(key, { tokenId, role }, send) {
      const missions = role === 'coordinator' ? null : new Set(await tokens.missionsOf(tokenId));
      const member: Member = { tokenId, missions, send, queue: new Map(), timer: null };
      members.set(key, member);
      const versions = await versionsOf(missions === null ? null : namesOf(missions));
      if (members.get(key) !== member) return;
      for (const message of feedMessages('versions', versions)) send(message);
    },
    remove(key) {
      const member = members.get(key);
      if (member?.timer) clearTimeout(member.timer);
      members.delete(key);
    },
    stored(name, version) {
      heard(name, version);
      if (redis) {
        redis.pub
          .publish(redis.channel, JSON.stringify({ name, version }))
          .catch((error: unknown) => log({ event: 'feed-publish-failed', message: describeError(error) }));
      }
    },
    joined(tokenId, mission) {
      for (const member of members.values()) {
        if (member.tokenId === tokenId && member.missions !== null) member.missions.add(mission);
      }
    },
    async refreshMemberships() {
      if (Date.now() - refreshedAt < membershipRefreshMs) return;
      refreshedAt = Date.now();
      const byToken = new Map<string, Promise<string[]>>();
      for (const [key, member] of members) {
        if (member.missions === null) continue;
        let listed = byToken.get(member.tokenId);
        if (listed === undefined) {
          listed = tokens.missionsOf(member.tokenId);
          byToken.set(member.tokenId, listed);
        }
        const now = new Set(await listed);
        const added = [...now].filter((id) => !member.missions?.has(id));
        member.missions = now;
        if (added.length === 0) continue;
        const versions = await versionsOf(namesOf(added));
        if (members.get(key) !== member) continue;
        for (const [name, version] of versions) enqueue(member, name, version);
      }
    },
    async stop() {
      for (const key of [...members.keys()]) this.remove(key);
      sub?.disconnect();
    },
  };
}
