// The device's side of the change feed: the versions heard from the server, each document's cursor, and the
// background passes that bring exactly the documents that lag.
import { asMissionId, missionDocName } from '../domain/ids.ts';
import { getDb } from '../storage/db.ts';
import { registerMission } from '../storage/docStore.ts';
import { parseFeedMessage } from './feedMessage.ts';
import { setFeedProgress } from './status.ts';
import { allServerStates } from './syncState.ts';

/** Documents changed here and not yet confirmed by the server, kept across reloads. */
export const UNSYNCED_KEY = 'unsyncedDocs';

/** A document still behind after a pass (timed out, refused for now) is tried again, less often each time. */
const RETRY_MIN_MS = 30_000;
const RETRY_MAX_MS = 5 * 60_000;

export interface FeedOptions {
  /** The key stored acknowledgements carry (see session.ts). */
  server: string;
  /**
   * Syncs these documents (mission and review names, in this order) in the background; resolves when the pass
   * is over, or soon after `signal` aborts it (the socket closed: the next list of versions starts a new one).
   */
  sync(names: string[], signal: AbortSignal): Promise<void>;
  /** A document open and in step takes a version announced live without a new sync (connection.advance). */
  advance?(name: string, version: number): boolean;
  now?: () => Date;
  /** A number in [0, 1), for the retries' jitter. */
  random?: () => number;
}

export class ChangeFeed {
  private readonly options: FeedOptions;
  /** The newest version the server announced per document, this session. */
  private readonly heard = new Map<string, number>();
  /** Per document, the version it was at when last confirmed in step with the server. */
  private readonly cursors = new Map<string, number>();
  /** Documents the server confirmed at some time, with or without a cursor (before the feed there was none). */
  private readonly acknowledged = new Set<string>();
  /** Documents with local changes the server has not confirmed (persisted under UNSYNCED_KEY). */
  private readonly unsynced = new Set<string>();
  private held = new Set<string>();
  /** The whole list of versions arrived on the current connection. */
  private ready = false;
  private loaded: Promise<void>;
  private readonly queue = new Set<string>();
  private running = false;
  private stopped = false;
  /** The server sent no versions (it has no feed): the status goes by the open documents, as before it. */
  private absent = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_MIN_MS;
  /** Aborts the pass under way when the socket closes, so it never holds back the one after the network returns. */
  private pass: AbortController | null = null;

  constructor(options: FeedOptions) {
    this.options = options;
    this.loaded = this.load()
      .then(() => this.publish())
      .catch((error: unknown) => console.warn('sync: could not read cursors', error));
    // Until the server's list of versions arrives nothing is known to be in step: never "Up to date" before it.
    this.publish();
  }

  /** The version heard of, to remember when a document attaches (never a later one). */
  heardVersion(name: string): number | undefined {
    return this.heard.get(name);
  }

  isReady(): boolean {
    return this.ready;
  }

  /** A stateless message from the server on the feed. */
  async receive(payload: string): Promise<void> {
    const message = parseFeedMessage(payload);
    if (message === null || this.stopped) return;
    await this.loaded;
    const names = Object.keys(message.docs);
    for (const [name, version] of Object.entries(message.docs))
      this.heard.set(name, Math.max(version, this.heard.get(name) ?? 0));
    await this.registerNewMissions(names);
    if (message.type === 'versions' && message.complete) {
      this.ready = true;
      this.absent = false;
      // Everything that lags, changed here, or was never confirmed: the catch-up of this connection.
      this.schedule([...this.held].filter((name) => this.lags(name)));
    } else if (this.ready) {
      if (message.type === 'changed')
        for (const [name, version] of Object.entries(message.docs)) this.options.advance?.(name, version);
      this.schedule(names.filter((name) => this.held.has(name) && this.lags(name)));
    }
    this.publish();
  }

  /** The socket closed: what was heard may be stale until the next list of versions. */
  lost(): void {
    this.ready = false;
    this.cancelRetry();
    // What the pass had not reached still lags, and is in the next connection's catch-up: it resumes there.
    this.queue.clear();
    this.pass?.abort();
    this.publish();
  }

  /** The server confirmed the document, in step with version `cursor`. */
  confirmed(name: string, cursor: number): void {
    this.cursors.set(name, Math.max(cursor, this.cursors.get(name) ?? 0));
    this.held.add(name);
    if (this.unsynced.delete(name)) this.saveUnsynced();
    this.publish();
  }

  /** A local change the server does not have yet. */
  changedHere(name: string): void {
    this.held.add(name);
    if (this.unsynced.has(name)) return;
    this.unsynced.add(name);
    this.saveUnsynced();
    this.publish();
  }

  /** No list of versions came after the socket opened: the full background pass takes over. */
  markAbsent(): void {
    if (this.ready) return;
    this.absent = true;
    setFeedProgress(null);
  }

  stop(): void {
    this.stopped = true;
    this.queue.clear();
    this.pass?.abort();
    this.cancelRetry();
    setFeedProgress(null);
  }

  private lags(name: string): boolean {
    if (this.unsynced.has(name)) return true;
    const cursor = this.cursors.get(name);
    const heard = this.heard.get(name);
    // A review exists on the server only once written: one never heard of and never held costs nothing.
    if (name.startsWith('review:') && heard === undefined) return false;
    return cursor === undefined || (heard ?? 0) > cursor;
  }

  private async load(): Promise<void> {
    const [rows, unsynced] = await Promise.all([
      allServerStates(this.options.server),
      getDb().settings.get(UNSYNCED_KEY),
    ]);
    for (const [name, row] of rows) {
      this.acknowledged.add(name);
      if (typeof row.cursor === 'number') this.cursors.set(name, row.cursor);
    }
    if (Array.isArray(unsynced?.value))
      for (const name of unsynced.value) if (typeof name === 'string') this.unsynced.add(name);
    await this.refreshHeld();
  }

  /** Held: every mission on the device, and the reviews of those the server has or this device wrote. */
  private async refreshHeld(): Promise<void> {
    const held = new Set<string>();
    for (const entry of await getDb().docs.toArray()) {
      held.add(entry.name);
      const review = `review:${entry.missionId}`;
      if (this.heard.has(review) || this.cursors.has(review) || this.unsynced.has(review)) held.add(review);
    }
    this.held = held;
  }

  /** Missions the token may open that this device does not hold yet join it, as discovery does. */
  private async registerNewMissions(names: readonly string[]): Promise<void> {
    const now = (this.options.now ?? (() => new Date()))().toISOString();
    const known = new Set((await getDb().docs.toArray()).map((entry) => entry.name));
    for (const name of names) {
      if (!name.startsWith('mission:') || known.has(name)) continue;
      const id = asMissionId(name.slice('mission:'.length));
      if (id === null || missionDocName(id) !== name) continue;
      await registerMission(id, now);
    }
    await this.refreshHeld();
  }

  private schedule(names: readonly string[]): void {
    for (const name of names) this.queue.add(name);
    if (this.running || this.queue.size === 0 || this.stopped) return;
    this.running = true;
    void (async () => {
      try {
        while (this.queue.size > 0 && !this.stopped) {
          const batch = this.changedHereFirst([...this.queue]);
          this.queue.clear();
          const pass = new AbortController();
          this.pass = pass;
          await this.options.sync(batch, pass.signal);
          if (this.pass === pass) this.pass = null;
        }
        // Announced while it was attaching: open and in step now, it has that change too.
        for (const name of this.held)
          if (this.lags(name) && !this.unsynced.has(name))
            this.options.advance?.(name, this.heard.get(name) ?? 0);
        this.retryLagging();
      } catch (error) {
        console.warn('sync: background pass failed', error);
      } finally {
        this.running = false;
      }
    })();
  }

  /**
   * Documents changed on this device (visited offline) go first: they hold work only here. Then missions before
   * reviews, each in the order held.
   */
  private changedHereFirst(names: string[]): string[] {
    const rank = (name: string): number =>
      (this.unsynced.has(name) ? 0 : 2) + (name.startsWith('review:') ? 1 : 0);
    return names.sort((a, b) => rank(a) - rank(b));
  }

  private retryLagging(): void {
    const lagging = [...this.held].filter((name) => this.lags(name));
    if (lagging.length === 0) {
      this.retryMs = RETRY_MIN_MS;
      return;
    }
    if (this.retry !== null || !this.ready || this.stopped) return;
    // Jittered, so that devices that failed together do not all retry together.
    const delay = Math.round(this.retryMs * (0.5 + (this.options.random ?? Math.random)() / 2));
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.ready) this.schedule([...this.held].filter((name) => this.lags(name)));
    }, delay);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private cancelRetry(): void {
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
  }

  private saveUnsynced(): void {
    void getDb()
      .settings.put({ key: UNSYNCED_KEY, value: [...this.unsynced] })
      .catch((error: unknown) => console.warn('sync: could not record unsynced documents', error));
  }

  private isHere(name: string): boolean {
    return this.cursors.has(name) || this.acknowledged.has(name) || this.unsynced.has(name);
  }

  private publish(): void {
    if (this.stopped || this.absent) return;
    let inStep = 0;
    const notHere: string[] = [];
    for (const name of this.held) {
      if (!this.lags(name)) inStep += 1;
      // Never confirmed and nothing written here: the mission's content is not on this device yet.
      if (name.startsWith('mission:') && !this.isHere(name)) notHere.push(name.slice('mission:'.length));
    }
    setFeedProgress({ ready: this.ready, inStep, held: this.held.size, notHere });
  }
}
