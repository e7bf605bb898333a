// How a record's fields are laid out in its Y.Map, so that every field merges by its own rule (docs/merge.md).
//
//   r:<path>:<writeId>            one write of a short value: { v, at, by, dev } (M1, M2)
//   m:<path>:<writeId>:<member>   one addition of a member of a set, a collection or a ranked list (M4, M6, M8)
//   s:<path>:<member>             a member as the first schema-2 builds stored it, read as an addition
//   x:<path>:<member>             a member of a schema-1 list that was removed (M9)
//   <field>                       the Y.Text of a long text (M3); schema, createdAt, createdBy, createdDevice;
//                                 and the values of schema-1 records, read beneath everything written since (M9)
//
// A path names a short value inside the record: "title", "gps.lat", "sectors.health.severity". Every write of a
// short value goes under a key of its own, never over another device's key, so concurrent writes all survive the
// merge and the reader decides, by the devices' clocks, which one to show. Likewise every addition of a member
// has a key of its own: a removal deletes the additions its device has seen, so an addition made at the same time
// on another device is never lost with them, even when two devices added the same member at once (M4, M7).
import * as Y from 'yjs';

export type YRecord = Y.Map<unknown>;

const REGISTER = 'r:';
const ADDED = 'm:';
const MEMBER = 's:';
const REMOVED = 'x:';

/** Member keys may hold any text (a tag, a priority): escaped so they never read as a path's separators. */
export function segment(key: string): string {
  return key.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/:/g, '%3A');
}

export function childPath(path: string, ...names: string[]): string {
  return [path, ...names].join('.');
}

export const registerKey = (path: string, writeId: string): string => `${REGISTER}${path}:${writeId}`;
export const addedKey = (path: string, writeId: string, member: string): string =>
  `${ADDED}${path}:${writeId}:${member}`;
export const removedKey = (path: string, member: string): string => `${REMOVED}${path}:${member}`;

export interface RegisterWrite {
  key: string;
  raw: unknown;
}

/** A record's keys sorted by what they hold; one pass over the map, then every field reads from it. */
export interface RecordScan {
  writes: Map<string, RegisterWrite[]>;
  /** path → member → its value (one of its additions, the same on every device). */
  members: Map<string, Map<string, unknown>>;
  /** path → member → the keys of its additions. */
  additions: Map<string, Map<string, string[]>>;
  removed: Map<string, Set<string>>;
  plain: Map<string, unknown>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addition(scan: RecordScan, path: string, member: string, key: string, raw: unknown): void {
  let members = scan.members.get(path);
  if (!members) scan.members.set(path, (members = new Map()));
  let additions = scan.additions.get(path);
  if (!additions) scan.additions.set(path, (additions = new Map()));
  const keys = additions.get(member) ?? [];
  // A member added at once on two devices has two additions: every device shows the value of the same one.
  if (keys.every((other) => other < key)) members.set(member, raw);
  additions.set(member, [...keys, key]);
}

export function scanRecord(map: YRecord): RecordScan {
  const scan: RecordScan = {
    writes: new Map(),
    members: new Map(),
    additions: new Map(),
    removed: new Map(),
    plain: new Map(),
  };
  map.forEach((raw, key) => {
    if (key.startsWith(REGISTER)) {
      const end = key.lastIndexOf(':');
      if (end > REGISTER.length) push(scan.writes, key.slice(REGISTER.length, end), { key, raw });
    } else if (key.startsWith(ADDED)) {
      const end = key.indexOf(':', ADDED.length);
      const idEnd = end < 0 ? -1 : key.indexOf(':', end + 1);
      if (end <= ADDED.length || idEnd <= end + 1) return;
      addition(scan, key.slice(ADDED.length, end), key.slice(idEnd + 1), key, raw);
    } else if (key.startsWith(MEMBER) || key.startsWith(REMOVED)) {
      const end = key.indexOf(':', MEMBER.length);
      if (end <= MEMBER.length) return;
      const path = key.slice(MEMBER.length, end);
      const member = key.slice(end + 1);
      if (key.startsWith(MEMBER)) {
        addition(scan, path, member, key, raw);
      } else {
        let removed = scan.removed.get(path);
        if (!removed) scan.removed.set(path, (removed = new Set()));
        removed.add(member);
      }
    } else {
      scan.plain.set(key, raw);
    }
  });
  return scan;
}

/**
 * A new write's id: the Yjs id its entry is about to get (this client, its next clock), unique across devices
 * and sessions by Yjs's own construction. Call it right before the write it names.
 */
export function nextWriteId(doc: Y.Doc): string {
  return `${doc.clientID.toString(36)}.${Y.getState(doc.store, doc.clientID).toString(36)}`;
}

/** A schema-1 list as it was stored: a plain array, or a Y.Map of entries (read in key order). */
export function legacyList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value instanceof Y.Map) {
    return [...(value as Y.Map<unknown>).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, item]) => item);
  }
  return [];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType)
  );
}
