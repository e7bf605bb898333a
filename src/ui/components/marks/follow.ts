// An open form follows the stored record: a field the user has not changed (its value, in the saved shape, still
// equals the one the form started from) takes a colleague's new value as it arrives, and the form's base moves
// with it; a field the user changed keeps the user's value and its base, so the colleague's change is shown beside
// it and, when saved, kept beside the user's (docs/merge.md M2, M11). Lists merge both sides' changes at once.
import type { ColleagueChange } from './FieldNotes.tsx';

/** A step into a value: a property, or the member of a list whose `by` property is `key`. */
export type Step = string | { readonly by: string; readonly key: string };

/** The parts of a form that follow the stored record, each compared on its own. */
export type Unit<V, S> =
  /** A short value, or a long text (merged with the user's edits on save, so only said to have changed). */
  | { type: 'value' | 'text'; path: string; saved: Step[]; form: Step[] }
  /** A set: the colleague's additions and removals are applied to the user's list at once (M4). */
  | { type: 'set'; path: string; saved: Step[]; form: Step[]; keyOf: (item: unknown) => string }
  /** Members keyed by `by` (sectors, team rows): which members there are; their fields are units of their own. */
  | { type: 'members'; path: string; saved: Step[]; form: Step[]; by: string }
  /** Anything else (an optional group switched on or off), applied by the form's own rule. */
  | {
      type: 'custom';
      path: string;
      apply: (draft: Draft<V, S>, stored: S, fresh: V, mine: S) => Draft<V, S>;
    };

export interface Draft<V, S> {
  values: V;
  base: S | null;
}

export interface FollowPlan<V, S> {
  /** The user's values in the saved shape, as a save would write them. */
  mine: (values: V) => S;
  /** The units to compare, given the draft and the stored record. */
  units: (draft: { values: V; base: S }, stored: S, mine: S) => Unit<V, S>[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

const memberIs = (step: { by: string; key: string }) => (item: unknown) =>
  isRecord(item) && String(item[step.by]) === step.key;

export function getIn(value: unknown, path: readonly Step[]): unknown {
  let at = value;
  for (const step of path) {
    if (typeof step === 'string') at = isRecord(at) ? at[step] : undefined;
    else at = Array.isArray(at) ? at.find(memberIs(step)) : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

/** `target` with the value at `path` replaced; unchanged when a step on the way is missing (an absent group). */
export function setIn<T>(target: T, path: readonly Step[], value: unknown): T {
  const [step, ...rest] = path;
  if (step === undefined) return value as T;
  if (typeof step === 'string') {
    if (!isRecord(target)) return target;
    if (rest.length > 0 && !(isRecord(target[step]) || Array.isArray(target[step]))) return target;
    return { ...target, [step]: setIn(target[step], rest, value) } as T;
  }
  if (!Array.isArray(target)) return target;
  const index = target.findIndex(memberIs(step));
  if (index < 0) return target;
  const copy = [...(target as unknown[])];
  copy[index] = setIn(copy[index], rest, value);
  return copy as T;
}

const listAt = (value: unknown, path: readonly Step[]): unknown[] => {
  const list = getIn(value, path);
  return Array.isArray(list) ? list : [];
};

function mergeSet(mine: unknown[], base: unknown[], stored: unknown[], keyOf: (item: unknown) => string) {
  const baseKeys = new Set(base.map(keyOf));
  const storedKeys = new Set(stored.map(keyOf));
  const kept = mine.filter((item) => !(baseKeys.has(keyOf(item)) && !storedKeys.has(keyOf(item))));
  const keptKeys = new Set(kept.map(keyOf));
  const added = stored.filter((item) => !baseKeys.has(keyOf(item)) && !keptKeys.has(keyOf(item)));
  return [...kept, ...added];
}

function followMembers<V, S>(
  unit: Extract<Unit<V, S>, { type: 'members' }>,
  draft: { values: V; base: S },
  stored: S,
  fresh: V,
  mine: S,
): { values: V; base: S } {
  let { values, base } = draft;
  const keyOf = (item: unknown) => (isRecord(item) ? String(item[unit.by]) : '');
  const baseList = listAt(base, unit.saved);
  const storedList = listAt(stored, unit.saved);
  const mineList = listAt(mine, unit.saved);
  const inBase = new Map(baseList.map((item) => [keyOf(item), item]));
  const inStored = new Set(storedList.map(keyOf));
  const inMine = new Map(mineList.map((item) => [keyOf(item), item]));
  for (const member of storedList) {
    const key = keyOf(member);
    // Added by a colleague: shown at once, unless the user added the same one (its fields then compare).
    if (inBase.has(key) || inMine.has(key)) continue;
    const added = getIn(fresh, [...unit.form, { by: unit.by, key }]);
    if (added === undefined) continue;
    values = setIn(values, unit.form, [...listAt(values, unit.form), added]);
    base = setIn(base, unit.saved, [...listAt(base, unit.saved), member]);
  }
  for (const [key, started] of inBase) {
    if (inStored.has(key)) continue;
    const edited = inMine.has(key) && !same(inMine.get(key), started);
    // Removed by a colleague: gone here too, unless the user changed it, which then outlives the removal (M7).
    if (edited) continue;
    const gone = (list: unknown[]) => list.filter((item) => keyOf(item) !== key);
    values = setIn(values, unit.form, gone(listAt(values, unit.form)));
    base = setIn(base, unit.saved, gone(listAt(base, unit.saved)));
  }
  return { values, base };
}

/**
 * The draft following `stored`, or null when nothing changes. `fresh` is the stored record as form values, from
 * which fields the user has not changed are taken as they are shown.
 */
export function follow<V, S>(
  draft: Draft<V, S>,
  stored: S,
  fresh: V,
  plan: FollowPlan<V, S>,
): Draft<V, S> | null {
  if (draft.base === null) return null;
  let current: { values: V; base: S } = { values: draft.values, base: draft.base };
  let mineOf = { values: current.values, saved: plan.mine(current.values) };
  const mine = () => {
    if (mineOf.values !== current.values)
      mineOf = { values: current.values, saved: plan.mine(current.values) };
    return mineOf.saved;
  };
  for (const unit of plan.units(current, stored, mine())) {
    if (unit.type === 'custom') {
      current = unit.apply(current, stored, fresh, mine()) as { values: V; base: S };
      continue;
    }
    if (unit.type === 'members') {
      current = followMembers(unit, current, stored, fresh, mine());
      continue;
    }
    const started = getIn(current.base, unit.saved);
    const now = getIn(stored, unit.saved);
    if (same(started, now)) continue;
    const theirs = getIn(mine(), unit.saved);
    if (same(theirs, started)) {
      const shown = getIn(fresh, unit.form);
      if (shown !== undefined) current = { ...current, values: setIn(current.values, unit.form, shown) };
      current = { ...current, base: setIn(current.base, unit.saved, now) };
    } else if (same(theirs, now)) {
      current = { ...current, base: setIn(current.base, unit.saved, now) };
    } else if (unit.type === 'set') {
      const merged = mergeSet(
        Array.isArray(theirs) ? theirs : [],
        Array.isArray(started) ? started : [],
        Array.isArray(now) ? now : [],
        unit.keyOf,
      );
      current = {
        values: setIn(current.values, unit.form, merged),
        base: setIn(current.base, unit.saved, now),
      };
    }
  }
  const changed = current.values !== draft.values || !same(current.base, draft.base);
  return changed ? current : null;
}

/** Fields the user changed that a colleague changed too since the form's base, by path: their value. */
export function colleagueChanges<V, S>(
  draft: Draft<V, S>,
  stored: S,
  plan: FollowPlan<V, S>,
): Record<string, ColleagueChange> {
  const changes: Record<string, ColleagueChange> = {};
  if (draft.base === null) return changes;
  const current = { values: draft.values, base: draft.base };
  const mine = plan.mine(draft.values);
  for (const unit of plan.units(current, stored, mine)) {
    if (unit.type === 'value' || unit.type === 'text') {
      const started = getIn(draft.base, unit.saved);
      const now = getIn(stored, unit.saved);
      const theirs = getIn(mine, unit.saved);
      if (!same(started, now) && !same(theirs, started) && !same(theirs, now)) {
        changes[unit.path] = { kind: unit.type, value: now };
      }
    } else if (unit.type === 'members') {
      const keyOf = (item: unknown) => (isRecord(item) ? String(item[unit.by]) : '');
      const storedKeys = new Set(listAt(stored, unit.saved).map(keyOf));
      const mineBy = new Map(listAt(mine, unit.saved).map((item) => [keyOf(item), item]));
      for (const started of listAt(draft.base, unit.saved)) {
        const key = keyOf(started);
        if (!storedKeys.has(key) && mineBy.has(key) && !same(mineBy.get(key), started)) {
          changes[`${unit.path}.${key}`] = { kind: 'removed', value: null };
        }
      }
    }
  }
  return changes;
}

/** Helpers for plans: a unit whose path in the saved record and in the form are the same. */
export const unit = {
  value: <V, S>(path: string, steps: Step[] = path.split('.')): Unit<V, S> => ({
    type: 'value',
    path,
    saved: steps,
    form: steps,
  }),
  text: <V, S>(path: string): Unit<V, S> => ({ type: 'text', path, saved: [path], form: [path] }),
  set: <V, S>(path: string, keyOf: (item: unknown) => string = String): Unit<V, S> => ({
    type: 'set',
    path,
    saved: [path],
    form: [path],
    keyOf,
  }),
  members: <V, S>(path: string, by: string): Unit<V, S> => ({
    type: 'members',
    path,
    saved: [path],
    form: [path],
    by,
  }),
  /** One field of each member the user and the stored record both have: "sectors.health.severity". */
  memberFields: <V, S>(
    path: string,
    by: string,
    fields: readonly string[],
    mine: S,
    stored: S,
  ): Unit<V, S>[] => {
    const keyOf = (item: unknown) => (isRecord(item) ? String(item[by]) : '');
    const storedKeys = new Set(listAt(stored, [path]).map(keyOf));
    const keys = listAt(mine, [path])
      .map(keyOf)
      .filter((key) => storedKeys.has(key));
    return keys.flatMap((key) =>
      fields.map((field) => unit.value<V, S>(`${path}.${key}.${field}`, [path, { by, key }, field])),
    );
  },
};
