// Low-level helpers for records stored as Y.Maps: per-field last-writer-wins, long texts merged by character,
// list fields as keyed sets (listFields.ts).
import * as Y from 'yjs';
import { keyedSetField, type KeyedSetField, type SetEntry } from './listFields.ts';

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

/**
 * Writes only the fields that changed, so two people editing different fields both keep their edit. `base`, the
 * values a form started from, turns a list into the user's own additions and removals: entries a colleague
 * added or changed meanwhile (live, or merged from another device) are kept rather than overwritten.
 */
export function writeFields(
  map: YRecord,
  patch: Record<string, unknown>,
  longTextKeys: readonly string[],
  base?: object,
): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const keyedSet = keyedSetField(key);
    if (keyedSet && Array.isArray(value)) {
      const started = base === undefined ? undefined : (base as Record<string, unknown>)[key];
      const from = Array.isArray(started) ? started : null;
      if (writeKeyedSet(map, key, value, keyedSet, from)) changed = true;
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

/** The items of a list by their key; a later item with the same key replaces an earlier one. */
function entriesByKey(items: readonly unknown[], shape: KeyedSetField): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const item of items) {
    const key = shape.keyOf(item);
    if (key !== null) entries.set(key, structuredCloneJson(item));
  }
  return entries;
}

function sameEntries(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.has(key) && sameValue(b.get(key), value));
}

/**
 * Writes a list as a keyed set (see listFields.ts): only the entries added, changed or removed, so concurrent
 * edits of other entries survive. A field still holding a plain array (written before it became a set) is
 * converted here, keeping its values. Returns whether the values changed: converting alone changes nothing a
 * reader sees, so it does not count as an edit of the record.
 */
function writeKeyedSet(
  map: YRecord,
  key: string,
  items: readonly unknown[],
  shape: KeyedSetField,
  from: readonly unknown[] | null,
): boolean {
  const wanted = entriesByKey(items, shape);
  const started = from === null ? null : entriesByKey(from, shape);
  const current = map.get(key);
  if (!(current instanceof Y.Map)) {
    const set = new Y.Map<unknown>();
    map.set(key, set);
    for (const [id, value] of wanted) set.set(id, value);
    return !sameEntries(entriesByKey(Array.isArray(current) ? current : [], shape), wanted);
  }
  const entries = current as Y.Map<unknown>;
  let changed = false;
  for (const [id, value] of wanted) {
    // Untouched by this user since the form opened: whatever the set holds now is newer.
    if (started?.has(id) && sameValue(started.get(id), value)) continue;
    if (entries.has(id) && sameValue(entries.get(id), value)) continue;
    entries.set(id, value);
    changed = true;
  }
  // Without a base the list is the whole truth; with one, only what the user removed goes.
  const removable = started === null ? [...entries.keys()] : [...started.keys()];
  for (const id of removable) {
    if (wanted.has(id) || !entries.has(id)) continue;
    entries.delete(id);
    changed = true;
  }
  return changed;
}

/** A keyed set read back as a list, in the field's stable order (by key for a field this version does not know). */
function keyedSetToList(set: Y.Map<unknown>, shape: KeyedSetField | null): unknown[] {
  const entries: SetEntry[] = [...set.entries()];
  return entries
    .sort(shape ? shape.compare : ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
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
      value instanceof Y.Text
        ? value.toString()
        : value instanceof Y.Map
          ? keyedSetToList(value, keyedSetField(key))
          : value;
  });
  return plain;
}
