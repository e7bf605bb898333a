// How each list field of a record is stored, so that two devices editing the same list offline both keep theirs.
import { SECTORS, SENDAI_PRIORITIES, THEMES } from '../domain/codes.ts';

/** One stored entry of a keyed set: the key it is stored under and its value. */
export type SetEntry = readonly [key: string, value: unknown];

/**
 * A list stored as a Y.Map with one entry per item. Adding or removing an item writes only that entry, so a
 * concurrent edit of another item on another device survives the merge; two edits of the same item keep the
 * last writer's.
 */
export interface KeyedSetField {
  /** Derived from the item itself, so two devices adding the same item meet on one key (no duplicate). Null
   * leaves out an item that cannot be told apart from others. */
  keyOf(item: unknown): string | null;
  /** The order lists are read back in: the same on every device, whatever order the additions arrived in. */
  compare(a: SetEntry, b: SetEntry): number;
}

// A fixed locale, so every device sorts alike; numeric, so SDG "2" comes before "11" and "11" before "11.5".
const collator = new Intl.Collator('en', { numeric: true });
const byText = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const byKey = ([a]: SetEntry, [b]: SetEntry): number => byText(a, b);

/** Codes in the order of their code list (as the forms offer them); anything unknown last, by key. */
function inCodeOrder(list: readonly string[]): (a: SetEntry, b: SetEntry) => number {
  const rank = (key: string) => {
    const index = list.indexOf(key);
    return index === -1 ? list.length : index;
  };
  return (a, b) => rank(a[0]) - rank(b[0]) || byKey(a, b);
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * A set of plain values (strings or codes). Each is stored under itself *as its own value*, not as `true`: a
 * device still running a version that reads every Y.Map as the list of its values then sees the right list.
 */
const valueSet = (compare: KeyedSetField['compare']): KeyedSetField => ({ keyOf: text, compare });

/** A set of objects keyed by what identifies them; each entry holds the whole object (last writer wins). */
const objectSet = (
  keyOf: KeyedSetField['keyOf'],
  compare: KeyedSetField['compare'] = byKey,
): KeyedSetField => ({ keyOf, compare });

const linkKey = (item: unknown): string | null => {
  const kind = text(field(item, 'kind'));
  const id = text(field(item, 'id'));
  return kind && id ? `${kind}:${id}` : null;
};

const byTakenAt = (a: SetEntry, b: SetEntry): number =>
  String(field(a[1], 'takenAt') ?? '').localeCompare(String(field(b[1], 'takenAt') ?? '')) || byKey(a, b);

/*
 * Which list fields merge, and why:
 * - tags, themes, sdgs, sendai: unordered sets of strings or codes; the forms toggle chips or split typed text,
 *   so order carries no meaning. Stored value → value; read in code-list order, tags and SDGs by text.
 * - photos (by hash), links (by target kind and id), sectors (by sector code: the form offers each sector once):
 *   sets of objects with a natural key; an entry is replaced whole when edited.
 * Left as plain arrays, written whole (last writer wins):
 * - priorities: ranked, at most three; the form moves slots up and down, so the order is the content and a
 *   set would lose it.
 * - team: rows the user edits in place without an id; keying by name would turn a renamed member into a
 *   removal plus an addition and duplicate them when merged with a concurrent edit of the same row.
 */
const KEYED_SETS: Readonly<Record<string, KeyedSetField>> = {
  photos: objectSet((item) => text(field(item, 'sha256')), byTakenAt),
  links: objectSet(linkKey),
  sectors: objectSet((item) => text(field(item, 'sector')), inCodeOrder(SECTORS)),
  tags: valueSet(byKey),
  themes: valueSet(inCodeOrder(THEMES)),
  sdgs: valueSet(byKey),
  sendai: valueSet(inCodeOrder(SENDAI_PRIORITIES)),
};

export function keyedSetField(name: string): KeyedSetField | null {
  return Object.hasOwn(KEYED_SETS, name) ? KEYED_SETS[name]! : null;
}
