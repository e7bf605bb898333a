// Writes a record's fields as a three-way merge from the values a form started with (M11): a field the user did not
// change is never written, a long text is merged against its starting text, lists write only additions and removals.
import * as v from 'valibot';
import * as Y from 'yjs';
import type {
  CollectionField,
  RankedField,
  RecordFields,
  RegisterField,
  SetField,
  StructField,
} from '../schema/fields.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';
import { mergeText, textEdits, type TextEdit } from '../textMerge.ts';
import {
  addedKey,
  childPath,
  nextWriteId,
  registerKey,
  removedKey,
  scanRecord,
  segment,
  type RecordScan,
  type RegisterWrite,
  type YRecord,
} from './layout.ts';
import { ORDER, RecordReader, UPDATED, legacyKeys, parseWrite } from './read.ts';

/** Who writes, and when by their device's clock: recorded with every value (M12). */
export interface WriteStamp {
  now: string;
  by: string;
  device: string;
}

/** Stands for "no value to compare with": a field that must be written whatever it holds now. */
const NEVER = Symbol('never');
/** The form started from nothing of what is stored now: every stored write came after it opened. */
const UNSEEN = Symbol('unseen');
type Compared = unknown;

const same = (a: unknown, b: unknown): boolean =>
  a === b || (a !== NEVER && b !== NEVER && JSON.stringify(a) === JSON.stringify(b));

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

export class RecordWriter {
  private readonly scan: RecordScan;
  /** What is stored now, read field by field as a save needs it: a note's keystroke reads only its text. */
  private readonly reader: RecordReader;
  private readonly at: number;
  private readonly doc: Y.Doc;
  private readonly map: YRecord;
  private readonly fields: RecordFields;
  private readonly stamp: WriteStamp;
  changed = false;

  constructor(doc: Y.Doc, map: YRecord, fields: RecordFields, stamp: WriteStamp) {
    this.doc = doc;
    this.map = map;
    this.fields = fields;
    this.stamp = stamp;
    this.scan = scanRecord(map);
    this.reader = new RecordReader(this.scan);
    this.at = Date.parse(stamp.now);
  }

  /**
   * Replaces the writes of `path` this device has seen with one of its own (M1). A save from a form supersedes
   * only the writes it was based on: when none of the stored writes holds the value the form started from, they
   * came after it opened (a colleague's change the user never saw) and stay beside the user's, as changed on two
   * devices (M2, M11). The record's "last changed" register, written on every keystroke in a note, rewrites this
   * device's own earlier write in place: no other device ever writes under that key, so overwriting it supersedes
   * only what this device saw, and typing adds no key per keystroke. Other fields get a key per write, so equal
   * clocks of one device still order its writes by when they were made.
   */
  writeRegister(path: string, value: unknown, startedFrom: Compared = NEVER): void {
    const writes = this.scan.writes.get(path) ?? [];
    const basedOnStored =
      startedFrom === NEVER ||
      path in this.reader.invalid ||
      writes.length === 0 ||
      (startedFrom !== UNSEEN && writes.some((write) => same(parseWrite(write).value, startedFrom)));
    const kept: RegisterWrite[] = [];
    let own: string | null = null;
    for (const write of writes) {
      const written = parseWrite(write);
      if (!basedOnStored && !same(written.value, value)) kept.push(write);
      else if (path === UPDATED && own === null && written.device === this.stamp.device) own = write.key;
      else this.map.delete(write.key);
    }
    const key = own ?? registerKey(path, nextWriteId(this.doc));
    const raw = { v: value, at: this.at, by: this.stamp.by, dev: this.stamp.device };
    this.map.set(key, raw);
    this.scan.writes.set(path, [...kept, { key, raw }]);
    this.changed = true;
  }

  private marked(path: string): boolean {
    return path in this.reader.conflicts || path in this.reader.invalid;
  }

  /**
   * Three-way: written only when the user changed it and it does not already hold that value cleanly.
   * `startedFrom`: what the form's value was based on, when that is not `from` (see writeRegister).
   */
  private register(path: string, mine: unknown, from: Compared, now: Compared, startedFrom = from): boolean {
    if (same(mine, from)) return false;
    if (same(mine, now) && !this.marked(path)) return false;
    this.writeRegister(path, mine, startedFrom);
    return true;
  }

  private text(name: string, mine: string, from: Compared, current: string): void {
    const stored = this.map.get(name);
    const base = typeof from === 'string' ? from : current;
    if (mine === base) return;
    const target = mergeText(base, mine, current);
    if (!(stored instanceof Y.Text)) {
      this.map.set(name, new Y.Text(target));
      this.changed = true;
      return;
    }
    for (const edit of textEdits(current, target)) {
      if (edit.remove > 0) stored.delete(edit.index, edit.remove);
      if (edit.insert !== '') stored.insert(edit.index, edit.insert);
      this.changed = true;
    }
  }

  /**
   * Applies one edit, typed into a part of a long text, straight to its Y.Text (M3): the edit already is the
   * change the user made, so nothing reads or compares the whole text.
   */
  editText(name: string, edit: TextEdit): void {
    const stored = this.map.get(name);
    if (!(stored instanceof Y.Text)) throw new Error(`${name} is not a long text`);
    if (edit.remove > 0) stored.delete(edit.index, edit.remove);
    if (edit.insert !== '') stored.insert(edit.index, edit.insert);
    this.changed = true;
  }

  /** Deletes the additions of a member this device has seen; those it has not seen stay (M4, M7). */
  private forgetMember(path: string, member: string): void {
    for (const key of this.scan.additions.get(path)?.get(member) ?? []) this.map.delete(key);
    this.scan.additions.get(path)?.delete(member);
    this.scan.members.get(path)?.delete(member);
  }

  /** An addition of its own, never over another device's: a concurrent removal cannot delete it. */
  private addMember(path: string, member: string, value: unknown): void {
    this.map.delete(removedKey(path, member));
    this.forgetMember(path, member);
    const key = addedKey(path, nextWriteId(this.doc), member);
    this.map.set(key, value);
    if (!this.scan.additions.has(path)) this.scan.additions.set(path, new Map());
    if (!this.scan.members.has(path)) this.scan.members.set(path, new Map());
    this.scan.additions.get(path)!.set(member, [key]);
    this.scan.members.get(path)!.set(member, value);
    this.changed = true;
  }

  private removeMember(path: string, member: string, inLegacy: boolean): void {
    this.forgetMember(path, member);
    if (inLegacy) this.map.set(removedKey(path, member), true);
    this.changed = true;
  }

  private set(path: string, field: SetField, mine: unknown[], from: unknown[], now: unknown[]): void {
    const byKey = (items: unknown[]) => new Map(items.map((item) => [field.keyOf(item), item]));
    const [mineBy, fromBy, nowBy] = [byKey(mine), byKey(from), byKey(now)];
    for (const [key, item] of mineBy) {
      if (!v.is(field.item, item)) continue;
      if (fromBy.has(key) && same(fromBy.get(key), item)) continue;
      if (nowBy.has(key) && same(nowBy.get(key), item)) continue;
      this.addMember(path, key, JSON.parse(JSON.stringify(item)));
    }
    const legacy = legacyKeys(field, this.scan.plain.get(path));
    for (const key of fromBy.keys()) {
      if (!mineBy.has(key) && nowBy.has(key)) this.removeMember(path, key, legacy.has(key));
    }
  }

  private struct(path: string, field: StructField, mine: unknown, from: Compared, now: Compared): void {
    const mineObj = asObject(mine);
    let fromObj = asObject(from);
    if (field.nullable) {
      this.register(
        path,
        mineObj !== null,
        from === NEVER ? NEVER : fromObj !== null,
        asObject(now) !== null,
      );
      if (mineObj === null) return;
    }
    // Switched on (or created): every value is written, so none left from an earlier time shows through. Values
    // a colleague gave it after switching it on meanwhile were never seen here: kept beside the user's (M2).
    if (from === NEVER) fromObj = null;
    const nowObj = asObject(now);
    const colleagueSwitchedOn = from !== NEVER && fromObj === null && nowObj !== null;
    for (const name of Object.keys(field.fields)) {
      this.register(
        childPath(path, name),
        mineObj?.[name],
        fromObj ? fromObj[name] : NEVER,
        nowObj ? nowObj[name] : NEVER,
        fromObj ? fromObj[name] : colleagueSwitchedOn ? UNSEEN : NEVER,
      );
    }
  }

  /** The highest order any member of a list holds, so that an addition goes after everything seen (M6). */
  private maxOrder(path: string, members: number): number {
    let max = members;
    for (const [written, writes] of this.scan.writes) {
      if (!written.startsWith(`${path}.`) || !written.endsWith(`.${ORDER}`)) continue;
      for (const write of writes) {
        const value = parseWrite(write).value;
        if (typeof value === 'number' && Number.isFinite(value)) max = Math.max(max, value);
      }
    }
    return max;
  }

  private collection(
    path: string,
    field: CollectionField,
    mine: unknown[],
    from: unknown[],
    now: unknown[],
  ): void {
    const keyOf = (item: unknown) => String(asObject(item)?.[field.keyField] ?? '');
    const byKey = (items: unknown[]) => new Map(items.map((item) => [keyOf(item), asObject(item) ?? {}]));
    const [mineBy, fromBy, nowBy] = [byKey(mine), byKey(from), byKey(now)];
    let order = this.maxOrder(path, nowBy.size);
    for (const [key, item] of mineBy) {
      // A member without a valid key (a row from an older draft) cannot be told apart from others: not written.
      if (!v.is(field.key, key)) continue;
      const at = childPath(path, segment(key));
      const started = fromBy.get(key);
      const stored = nowBy.get(key);
      let wrote = false;
      const valueIn = (record: Record<string, unknown> | undefined, name: string) =>
        record ? record[name] : NEVER;
      // Added here while a colleague added it too: their values were never seen by this form (M2).
      const startedFrom = (name: string) => (started ? started[name] : stored ? UNSEEN : NEVER);
      for (const name of Object.keys(field.fields)) {
        const fieldPath = childPath(at, name);
        const from = valueIn(started, name);
        wrote = this.register(fieldPath, item[name], from, valueIn(stored, name), startedFrom(name)) || wrote;
      }
      if (!started && !stored) {
        this.addMember(path, key, true);
        this.writeRegister(childPath(at, ORDER), ++order);
      } else if (wrote) {
        // An edit of a member outlives a concurrent removal of it: the membership is written anew (M7).
        this.addMember(path, key, true);
      }
    }
    const legacy = legacyKeys(field, this.scan.plain.get(path));
    for (const key of fromBy.keys()) {
      if (!mineBy.has(key) && nowBy.has(key)) this.removeMember(path, key, legacy.has(key));
    }
  }

  private ranked(path: string, field: RankedField, mine: string[], from: string[], now: string[]): void {
    const kept = (list: string[], other: string[]) => list.filter((item) => other.includes(item));
    const reordered = mine.some((item) => !from.includes(item)) || !same(kept(mine, from), kept(from, mine));
    const legacy = legacyKeys(field, this.scan.plain.get(path));
    for (const item of from) {
      if (!mine.includes(item) && now.includes(item)) this.removeMember(path, item, legacy.has(item));
    }
    mine.forEach((item, index) => {
      if (!v.is(field.item, item)) return;
      if (!from.includes(item) && !now.includes(item)) this.addMember(path, item, true);
      // A new ranking is written whole: each member's rank is a register of its own (M8).
      if (reordered) this.register(childPath(path, segment(item), ORDER), index + 1, NEVER, NEVER);
    });
  }

  /** Saves `mine` against `base` (the values the form started from), or against what is stored when none. */
  save(mine: Readonly<Record<string, unknown>>, base: Readonly<Record<string, unknown>> | null): boolean {
    for (const [name, value] of Object.entries(mine)) {
      const field = this.fields[name];
      if (value === undefined || !field) continue;
      const now = this.reader.field(name, field);
      const from = base && name in base ? base[name] : now;
      switch (field.kind) {
        case 'register':
          this.register(name, value, from, now);
          break;
        case 'text':
          this.text(name, String(value), from, String(now));
          break;
        case 'set':
          this.set(name, field, asList(value), asList(from), asList(now));
          break;
        case 'struct':
          this.struct(name, field, value, from, now);
          break;
        case 'collection':
          this.collection(name, field, asList(value), asList(from), asList(now));
          break;
        case 'ranked':
          this.ranked(
            name,
            field,
            asList(value) as string[],
            asList(from) as string[],
            asList(now) as string[],
          );
          break;
      }
    }
    return this.changed;
  }

  /** Records who changed the record and when, and that it is now in this version's layout. */
  touch(version = SCHEMA_VERSION): void {
    this.writeRegister(UPDATED, null);
    const schema = this.map.get('schema');
    // Not `schema < version`: a broken NaN would stay, and the earlier version would rewrite the record.
    if (typeof schema !== 'number' || !(schema >= version)) this.map.set('schema', version);
  }
}

/**
 * A new record's fixed facts, and the Y.Text of every long text it declares: created with the record, so two
 * devices never create the same one concurrently (M3). The map must already be in its document.
 */
export function initialiseRecord(
  map: YRecord,
  fields: RecordFields,
  stamp: WriteStamp,
  version: number,
): void {
  map.set('schema', version);
  map.set('createdAt', stamp.now);
  map.set('createdBy', stamp.by);
  map.set('createdDevice', stamp.device);
  for (const [name, field] of Object.entries(fields)) {
    if (field.kind === 'text') map.set(name, new Y.Text());
  }
}

export type { RegisterField };
