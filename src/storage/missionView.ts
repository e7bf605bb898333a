// A read model over one mission's Y.Doc: plain snapshots for the UI, recomputed only for records that changed.
import type * as Y from 'yjs';
import type { MissionId, RecordKind } from '../domain/ids.ts';
import type { ActionItem, Assessment, Note } from '../domain/model.ts';
import { readEntry, readMission, recordsRoot, missionRoot } from './missionDoc.ts';
import type { YRecord } from '../domain/records/layout.ts';
import type { MissionSnapshot } from '../domain/records/snapshot.ts';

// The type lives in the domain, so the server's exports read missions the same way without storage.
export type { MissionSnapshot };

type RecordOf<K extends RecordKind> = K extends 'assessment'
  ? Assessment
  : K extends 'note'
    ? Note
    : ActionItem;

const KINDS: readonly RecordKind[] = ['assessment', 'note', 'action'];

export class MissionView {
  readonly doc: Y.Doc;
  readonly id: MissionId;
  private readonly cache = new Map<RecordKind, Map<string, Assessment | Note | ActionItem>>();
  private stale = new Map<RecordKind, Set<string> | 'all'>();
  private current: MissionSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly detach: (() => void)[] = [];

  constructor(doc: Y.Doc, id: MissionId) {
    this.doc = doc;
    this.id = id;
    for (const kind of KINDS) {
      this.cache.set(kind, new Map());
      this.stale.set(kind, 'all');
      const root = recordsRoot(doc, kind);
      const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.invalidate(kind, root, events);
      root.observeDeep(onChange);
      this.detach.push(() => root.unobserveDeep(onChange));
    }
    const mission = missionRoot(doc);
    const onMission = () => this.changed();
    mission.observeDeep(onMission);
    this.detach.push(() => mission.unobserveDeep(onMission));
  }

  private invalidate(kind: RecordKind, root: Y.Map<YRecord>, events: Y.YEvent<Y.AbstractType<unknown>>[]) {
    let ids = this.stale.get(kind);
    if (ids !== 'all') {
      ids ??= new Set();
      for (const event of events) {
        if (event.target === root)
          event.changes.keys.forEach((_change, key) => (ids as Set<string>).add(key));
        else if (typeof event.path[0] === 'string') ids.add(event.path[0]);
      }
      this.stale.set(kind, ids);
    }
    this.changed();
  }

  private changed() {
    this.current = null;
    this.listeners.forEach((listener) => listener());
  }

  private records<K extends RecordKind>(kind: K): RecordOf<K>[] {
    const cache = this.cache.get(kind)!;
    const stale = this.stale.get(kind);
    const root = recordsRoot(this.doc, kind);
    if (stale === 'all') {
      cache.clear();
      root.forEach((entry, id) => {
        const record = readEntry(kind, entry, id);
        if (record) cache.set(id, record);
      });
    } else if (stale) {
      for (const id of stale) {
        // An entry that is not a record (a broken device wrote it) is left out, never shown as a crash.
        const record = readEntry(kind, root.get(id), id);
        if (record) cache.set(id, record);
        else cache.delete(id);
      }
    }
    this.stale.set(kind, new Set());
    return [...cache.values()] as RecordOf<K>[];
  }

  snapshot(): MissionSnapshot {
    this.current ??= {
      mission: readMission(this.doc, this.id),
      assessments: this.records('assessment'),
      notes: this.records('note'),
      actions: this.records('action'),
    };
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.detach.forEach((undo) => undo());
    this.listeners.clear();
  }
}
