// A model of the merge rules of docs/merge.md, independent of Yjs and of src/storage: it is told every write,
// addition, removal and text edit the devices made, with what the writing device had seen at the time, and predicts
// what every record shows once every device has everything. `planSave` is rule M11: which writes a save makes.
//
// Writes and additions are named by an id ("client.clock" in base 36, as the document names them), only so the
// harness can say which ones a device had seen; the model never looks inside one.
import type {
  CollectionField,
  Field,
  RankedField,
  RecordFields,
  SetField,
  StructField,
} from '../../../src/domain/schema/fields.ts';

/** A planned write whose value the rules leave to the implementation (the rank given to a new member). */
export const ANY: unique symbol = Symbol('any');
/** "No value to compare with": the field is written whatever it holds. */
export const NEVER: unique symbol = Symbol('never');
/** The form started from nothing of what is stored: every stored write of the path came after it opened. */
export const UNSEEN: unique symbol = Symbol('unseen');

export const ORDER = '_order';
export const UPDATED = '_updated';
export const DELETED = 'deletedAt';

/** Member keys in a path are escaped so that they never read as separators ("sectors.health.severity"). */
export function segment(key: string): string {
  return key.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/:/g, '%3A');
}

export const pathOf = (...names: string[]): string => names.join('.');

const json = (value: unknown): string => JSON.stringify(value) ?? 'undefined';
const equal = (a: unknown, b: unknown): boolean => a !== NEVER && b !== NEVER && json(a) === json(b);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

export interface Write {
  id: string;
  path: string;
  value: unknown;
  /** The writing device's clock, ms. */
  at: number;
  by: string;
  device: string;
  /** What the writing device had when it wrote. */
  seen?: (id: string) => boolean;
}

export interface ConflictValue {
  value: unknown;
  at: string;
  by: string;
  device: string;
}

/** What one save writes, by the rules: registers (M1, M5, M11), list members (M4, M6–M8) and texts (M3). */
export interface Plan {
  /**
   * `startedFrom` (M11): the value the form's own value was based on. A write replaces the writes of its path the
   * device holds when one of them holds that value (or it is NEVER); otherwise it replaces only those equal to it.
   */
  writes: { path: string; value: unknown; startedFrom?: unknown }[];
  adds: { path: string; member: string; value: unknown }[];
  removes: { path: string; member: string }[];
  /** Only texts that change: `deleted` holds the removed tokens still in the stored text. */
  texts: { name: string; inserted: string[]; deleted: string[] }[];
}

export const planChanges = (plan: Plan): boolean =>
  plan.writes.length + plan.adds.length + plan.removes.length + plan.texts.length > 0;

/**
 * M11: a save from a form that started from `base` (null: a new record, compared with what is stored). `now` is
 * what the device shows when saving, `marked` whether a path is in conflict or invalid there, `tokens` the tokens
 * of a long text.
 */
export function planSave(
  fields: RecordFields,
  mine: Readonly<Record<string, unknown>>,
  base: Readonly<Record<string, unknown>> | null,
  now: Readonly<Record<string, unknown>>,
  marked: (path: string) => boolean,
  tokens: (text: string) => string[],
): Plan {
  const plan: Plan = { writes: [], adds: [], removes: [], texts: [] };

  // M11: not written when the user did not change it, nor when it already holds the user's value cleanly.
  const register = (
    path: string,
    value: unknown,
    from: unknown,
    stored: unknown,
    startedFrom = from,
  ): boolean => {
    if (equal(value, from)) return false;
    if (equal(value, stored) && !marked(path)) return false;
    plan.writes.push({ path, value, startedFrom });
    return true;
  };

  const text = (name: string, value: string, from: unknown, stored: string) => {
    const started = typeof from === 'string' ? from : stored;
    if (value === started) return;
    const before = new Set(tokens(started));
    const after = new Set(tokens(value));
    const current = new Set(tokens(stored));
    const inserted = [...after].filter((t) => !before.has(t));
    const deleted = [...before].filter((t) => !after.has(t) && current.has(t));
    if (inserted.length + deleted.length > 0) plan.texts.push({ name, inserted, deleted });
  };

  // M4: the user's additions and removals since the form opened, nothing else.
  const set = (path: string, field: SetField, value: unknown[], from: unknown[], stored: unknown[]) => {
    const byKey = (items: unknown[]) => new Map(items.map((item) => [field.keyOf(item), item]));
    const [mineBy, fromBy, nowBy] = [byKey(value), byKey(from), byKey(stored)];
    for (const [member, item] of mineBy) {
      if (fromBy.has(member) && equal(fromBy.get(member), item)) continue;
      if (nowBy.has(member) && equal(nowBy.get(member), item)) continue;
      plan.adds.push({ path, member, value: item });
    }
    for (const member of fromBy.keys()) {
      if (!mineBy.has(member) && nowBy.has(member)) plan.removes.push({ path, member });
    }
  };

  // M5: field by field; a group switched on (or new) writes all its values.
  const struct = (path: string, field: StructField, value: unknown, from: unknown, stored: unknown) => {
    const mineObj = asObject(value);
    if (field.nullable) {
      register(
        path,
        mineObj !== null,
        from === NEVER ? NEVER : asObject(from) !== null,
        asObject(stored) !== null,
      );
      if (mineObj === null) return;
    }
    const fromObj = from === NEVER ? null : asObject(from);
    const nowObj = asObject(stored);
    // Switched on by a colleague after the form opened: their values were never seen by it (M2, M11).
    const colleagueSwitchedOn = from !== NEVER && fromObj === null && nowObj !== null;
    for (const name of Object.keys(field.fields)) {
      register(
        pathOf(path, name),
        mineObj?.[name],
        fromObj ? fromObj[name] : NEVER,
        nowObj ? nowObj[name] : NEVER,
        fromObj ? fromObj[name] : colleagueSwitchedOn ? UNSEEN : NEVER,
      );
    }
  };

  // M6, M7: members field by field; a new member writes every field and its place; an edit re-asserts membership.
  const collection = (
    path: string,
    field: CollectionField,
    value: unknown[],
    from: unknown[],
    stored: unknown[],
  ) => {
    const keyOf = (item: unknown) => String(asObject(item)?.[field.keyField] ?? '');
    const byKey = (items: unknown[]) => new Map(items.map((item) => [keyOf(item), asObject(item) ?? {}]));
    const [mineBy, fromBy, nowBy] = [byKey(value), byKey(from), byKey(stored)];
    for (const [member, item] of mineBy) {
      const at = pathOf(path, segment(member));
      const started = fromBy.get(member);
      const current = nowBy.get(member);
      let wrote = false;
      for (const name of Object.keys(field.fields)) {
        const written = register(
          pathOf(at, name),
          item[name],
          started ? started[name] : NEVER,
          current ? current[name] : NEVER,
          started ? started[name] : current ? UNSEEN : NEVER,
        );
        wrote = written || wrote;
      }
      // Added by the form while a colleague added it too: it keeps the place the colleague gave it.
      if (!started && !current) {
        plan.adds.push({ path, member, value: true });
        plan.writes.push({ path: pathOf(at, ORDER), value: ANY });
      } else if (wrote) {
        plan.adds.push({ path, member, value: true });
      }
    }
    for (const member of fromBy.keys()) {
      if (!mineBy.has(member) && nowBy.has(member)) plan.removes.push({ path, member });
    }
  };

  // M8: additions and removals; a new ranking is written whole.
  const ranked = (path: string, _field: RankedField, value: string[], from: string[], stored: string[]) => {
    const kept = (list: string[], other: string[]) => list.filter((item) => other.includes(item));
    const reordered =
      value.some((item) => !from.includes(item)) || !equal(kept(value, from), kept(from, value));
    for (const item of from) {
      if (!value.includes(item) && stored.includes(item)) plan.removes.push({ path, member: item });
    }
    value.forEach((item, index) => {
      if (!from.includes(item) && !stored.includes(item)) plan.adds.push({ path, member: item, value: true });
      if (reordered) plan.writes.push({ path: pathOf(path, segment(item), ORDER), value: index + 1 });
    });
  };

  for (const [name, value] of Object.entries(mine)) {
    const field = fields[name];
    if (value === undefined || !field) continue;
    const stored = now[name];
    const from = base && name in base ? base[name] : stored;
    switch (field.kind) {
      case 'register':
        register(name, value, from, stored);
        break;
      case 'text':
        text(name, String(value), from, typeof stored === 'string' ? stored : '');
        break;
      case 'set':
        set(name, field, asList(value), asList(from), asList(stored));
        break;
      case 'struct':
        struct(name, field, value, from, stored);
        break;
      case 'collection':
        collection(name, field, asList(value), asList(from), asList(stored));
        break;
      case 'ranked':
        ranked(name, field, asList(value) as string[], asList(from) as string[], asList(stored) as string[]);
        break;
    }
  }
  // M12: every save that changed something says who made it.
  if (planChanges(plan)) plan.writes.push({ path: UPDATED, value: null });
  return plan;
}

/** M2: the shown write first: the latest by the devices' clocks; equal clocks, a fixed order by device id. */
export function laterFirst(a: Write, b: Write): number {
  return b.at - a.at || (a.device < b.device ? 1 : a.device > b.device ? -1 : 0) || (a.id < b.id ? 1 : -1);
}

const isoOf = (at: number): string => new Date(at).toISOString();

interface MemberLog {
  /** Every addition of the member: id → value. */
  adds: Map<string, unknown>;
  /** The additions some removal had seen. */
  observed: Set<string>;
}

export interface Prediction {
  /** Field values; long texts as their sorted tokens, collections sorted by key, ranked lists sorted. */
  values: Record<string, unknown>;
  conflicts: Record<string, ConflictValue[]>;
  deletedAt: string | null;
  deletedBy: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** One record as the rules see it. */
export class RecordModel {
  readonly kind: string;
  readonly id: string;
  readonly fields: RecordFields;
  private readonly writes = new Map<string, Write[]>();
  private readonly superseded = new Set<string>();
  /** Which writes replaced each write, to know what a device still holds. */
  private readonly replacedBy = new Map<string, string[]>();
  private readonly members = new Map<string, Map<string, MemberLog>>();
  private readonly inserted = new Map<string, Set<string>>();
  private readonly deleted = new Map<string, Set<string>>();

  constructor(kind: string, id: string, fields: RecordFields) {
    this.kind = kind;
    this.id = id;
    this.fields = fields;
  }

  /**
   * M1: a write replaces the writes of its path its device holds (had seen, and had not seen replaced), and nothing
   * else. M11: a save from a form replaces them only when one of them holds the value the form started from;
   * otherwise they came after the form opened and only those equal to the new value go.
   */
  write(
    write: Write,
    seen: (id: string) => boolean,
    startedFrom: unknown = NEVER,
    /**
     * The writes the device holds, as its document says: Yjs applies the deletions an update carries even while
     * the update's own writes wait for one that was lost, so a device can hold less than it has seen replaced.
     */
    holds?: ReadonlySet<string>,
  ): void {
    const list = this.writes.get(write.path) ?? [];
    const held = holds
      ? list.filter((old) => holds.has(old.id))
      : list.filter((old) => seen(old.id) && !(this.replacedBy.get(old.id) ?? []).some(seen));
    const basedOnHeld =
      startedFrom === NEVER ||
      held.length === 0 ||
      (startedFrom !== UNSEEN && held.some((old) => equal(old.value, startedFrom)));
    for (const old of held) {
      if (!basedOnHeld && !equal(old.value, write.value)) continue;
      this.superseded.add(old.id);
      this.replacedBy.set(old.id, [...(this.replacedBy.get(old.id) ?? []), write.id]);
    }
    list.push({ ...write, seen });
    this.writes.set(write.path, list);
  }

  /** For each value of the writes a device holds, whether a write of `value` keeps it beside itself (M2, M11). */
  keeps(held: readonly unknown[], value: unknown, startedFrom: unknown): boolean[] {
    const basedOnHeld =
      startedFrom === NEVER ||
      held.length === 0 ||
      (startedFrom !== UNSEEN && held.some((old) => equal(old, startedFrom)));
    return held.map((old) => !basedOnHeld && !equal(old, value));
  }

  private log(path: string, member: string): MemberLog {
    let byMember = this.members.get(path);
    if (!byMember) this.members.set(path, (byMember = new Map()));
    let log = byMember.get(member);
    if (!log) byMember.set(member, (log = { adds: new Map(), observed: new Set() }));
    return log;
  }

  /** An addition replaces the additions of the member its device had seen (it may be their re-assertion, M7). */
  add(path: string, member: string, id: string, value: unknown, seen: (id: string) => boolean): void {
    const log = this.log(path, member);
    for (const old of log.adds.keys()) if (seen(old)) log.observed.add(old);
    log.adds.set(id, value);
  }

  /** M4, M7: a removal removes the additions its device had seen; one it had not seen wins over it. */
  remove(path: string, member: string, seen: (id: string) => boolean): void {
    const log = this.log(path, member);
    for (const id of log.adds.keys()) if (seen(id)) log.observed.add(id);
  }

  /** M3: text typed stays (once), text deleted by anyone goes. */
  text(name: string, inserted: readonly string[], deleted: readonly string[]): void {
    const add = (map: Map<string, Set<string>>, tokens: readonly string[]) => {
      let set = map.get(name);
      if (!set) map.set(name, (set = new Set()));
      for (const token of tokens) set.add(token);
    };
    add(this.inserted, inserted);
    add(this.deleted, deleted);
  }

  /** The writes of a path no write replaced, the shown one first. */
  survivors(path: string): Write[] {
    return (this.writes.get(path) ?? []).filter((w) => !this.superseded.has(w.id)).sort(laterFirst);
  }

  /** The members present: each with the value of one of its live additions. */
  present(path: string): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const [member, log] of this.members.get(path) ?? []) {
      const live = [...log.adds].filter(([id]) => !log.observed.has(id));
      if (live.length > 0) out.set(member, live[0]![1]);
    }
    return out;
  }

  predict(): Prediction {
    const conflicts: Record<string, ConflictValue[]> = {};
    const register = (path: string, fallback: unknown, shown = true): unknown => {
      const writes = this.survivors(path);
      if (writes.length === 0) return fallback;
      if (shown) {
        const seen = new Set<string>();
        const values: ConflictValue[] = [];
        for (const w of writes) {
          if (seen.has(json(w.value))) continue;
          seen.add(json(w.value));
          values.push({ value: w.value, at: isoOf(w.at), by: w.by, device: w.device });
        }
        if (values.length > 1) conflicts[path] = values;
      }
      return writes[0]!.value;
    };
    const values: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(this.fields)) values[name] = this.field(name, field, register);
    const deletedAt = register(DELETED, null) as string | null;
    const updated = this.survivors(UPDATED)[0];
    return {
      values,
      conflicts,
      deletedAt,
      deletedBy: deletedAt === null ? null : this.survivors(DELETED)[0]!.by,
      updatedAt: updated ? isoOf(updated.at) : '',
      updatedBy: updated ? updated.by : '',
    };
  }

  private field(name: string, field: Field, register: (path: string, fallback: unknown) => unknown): unknown {
    switch (field.kind) {
      case 'register':
        return register(name, field.default);
      case 'text': {
        const deleted = this.deleted.get(name) ?? new Set();
        return [...(this.inserted.get(name) ?? [])].filter((t) => !deleted.has(t)).sort();
      }
      case 'set':
        return [...this.present(name).values()].sort((a, b) => field.compare(a, b));
      case 'struct': {
        if (field.nullable && register(name, false) !== true) return null;
        const out: Record<string, unknown> = {};
        for (const [inner, f] of Object.entries(field.fields))
          out[inner] = register(pathOf(name, inner), f.default);
        return out;
      }
      case 'collection':
        return this.ranked(name).map((member) => {
          const row: Record<string, unknown> = { [field.keyField]: member };
          for (const [inner, f] of Object.entries(field.fields)) {
            row[inner] = register(pathOf(name, segment(member), inner), f.default);
          }
          return row;
        });
      case 'ranked':
        return this.ranked(name);
    }
  }

  /**
   * M6, M8: the members present, by the place each holds (a register of its own: the rank a ranked list's save
   * gave it, or the place a collection gave it when it was added), equal places by key.
   */
  private ranked(path: string): string[] {
    const place = (member: string) => {
      const shown = this.survivors(pathOf(path, segment(member), ORDER))[0]?.value;
      return typeof shown === 'number' ? shown : Number.MAX_SAFE_INTEGER;
    };
    return [...this.present(path).keys()]
      .map((member) => ({ member, place: place(member) }))
      .sort((a, b) => a.place - b.place || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0))
      .map((row) => row.member);
  }

  /**
   * M6: pairs [x, y] of a collection's members where y must come after x: y was added (its place written) on a
   * device that already had x's place.
   */
  addedAfter(path: string): [string, string][] {
    const placeOf = (member: string) => this.survivors(pathOf(path, segment(member), ORDER))[0];
    const members = [...this.present(path).keys()];
    const pairs: [string, string][] = [];
    for (const x of members) {
      for (const y of members) {
        const [wx, wy] = [placeOf(x), placeOf(y)];
        if (x !== y && wx && wy?.seen?.(wx.id)) pairs.push([x, y]);
      }
    }
    return pairs;
  }
}
