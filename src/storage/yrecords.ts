// Low-level helpers for records stored as Y.Maps: per-field last-writer-wins, long texts merged by character.
import * as Y from 'yjs';

export type YRecord = Y.Map<unknown>;

/** Rewrites a Y.Text to `next` with one delete and one insert around the changed middle, so that
 * concurrent edits elsewhere in the text survive the merge. */
export function applyTextDiff(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  const minLength = Math.min(prev.length, next.length);
  while (start < minLength && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (
    endPrev > start &&
    endNext > start &&
    prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)
  ) {
    endPrev--;
    endNext--;
  }
  // Never split a surrogate pair: widen the change to whole code points.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
    endPrev++;
    endNext++;
  }
  if (endPrev > start) text.delete(start, endPrev - start);
  if (endNext > start) text.insert(start, next.slice(start, endNext));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function setLongText(map: YRecord, key: string, value: string): void {
  const current = map.get(key);
  if (current instanceof Y.Text) {
    applyTextDiff(current, value);
  } else {
    map.set(key, new Y.Text(value));
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Writes only the fields that changed, so two people editing different fields both keep their edit. */
export function writeFields(
  map: YRecord,
  patch: Record<string, unknown>,
  longTextKeys: readonly string[],
): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const idKey = KEYED_SETS[key];
    if (idKey && Array.isArray(value)) {
      if (writeKeyedSet(map, key, value as Record<string, unknown>[], idKey)) changed = true;
    } else if (longTextKeys.includes(key)) {
      const before = map.get(key);
      const prev = before instanceof Y.Text ? before.toString() : undefined;
      if (prev === value) continue;
      setLongText(map, key, String(value));
      changed = true;
    } else if (!sameValue(map.get(key), value)) {
      map.set(key, structuredCloneJson(value));
      changed = true;
    }
  }
  return changed;
}

/**
 * Fields holding a set of objects, each stored under its own key (photos by hash): two devices adding photos to
 * the same note offline both keep theirs, where a plain array would keep only the last writer's.
 */
const KEYED_SETS: Record<string, string> = { photos: 'sha256' };

function writeKeyedSet(map: YRecord, key: string, items: Record<string, unknown>[], idKey: string): boolean {
  let set = map.get(key);
  let changed = false;
  if (!(set instanceof Y.Map)) {
    set = new Y.Map<unknown>();
    map.set(key, set);
    changed = true;
  }
  const entries = set as Y.Map<unknown>;
  const wanted = new Set<string>();
  for (const item of items) {
    const id = item[idKey];
    if (typeof id !== 'string') continue;
    wanted.add(id);
    if (!sameValue(entries.get(id), item)) {
      entries.set(id, structuredCloneJson(item));
      changed = true;
    }
  }
  for (const id of [...entries.keys()]) {
    if (wanted.has(id)) continue;
    entries.delete(id);
    changed = true;
  }
  return changed;
}

function keyedSetToList(set: Y.Map<unknown>): unknown[] {
  // A stable order for every device: when taken, then by key.
  return [...set.entries()]
    .sort(([a, x], [b, y]) => {
      const at = (v: unknown) => String((v as { takenAt?: unknown } | null)?.takenAt ?? '');
      return at(x).localeCompare(at(y)) || a.localeCompare(b);
    })
    .map(([, value]) => value);
}

/** Y.Map values must be JSON-like; dropping prototypes here keeps foreign objects out of the document. */
function structuredCloneJson(value: unknown): unknown {
  return value === null || typeof value !== 'object' ? value : JSON.parse(JSON.stringify(value));
}

export function toPlain(map: YRecord): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  map.forEach((value, key) => {
    plain[key] =
      value instanceof Y.Text ? value.toString() : value instanceof Y.Map ? keyedSetToList(value) : value;
  });
  return plain;
}
