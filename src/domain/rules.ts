// Pure rules the screens rely on: overdue actions, search matching, list filters, schema compatibility.
import type { ActionItem, RecordMeta } from './model.ts';
import { SCHEMA_VERSION } from './model.ts';

/** Today as an ISO date in the device's time zone; the clock is injectable for tests. */
export function todayIso(now: Date = new Date()): string {
  const offsetMs = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offsetMs).toISOString().slice(0, 10);
}

export function isOverdue(action: Pick<ActionItem, 'dueDate' | 'status'>, today: string): boolean {
  return (
    action.dueDate !== '' &&
    action.dueDate < today &&
    (action.status === 'planned' || action.status === 'in_progress')
  );
}

/** Written by a newer app version: shown, never rewritten into an older shape. */
export function isNewerSchema(record: Pick<RecordMeta, 'schema'>): boolean {
  return record.schema > SCHEMA_VERSION;
}

/** Accent- and case-insensitive key for search ("Jaramijó" matches "jaramijo"). */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function matchesQuery(haystack: string, query: string): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const key = searchKey(haystack);
  return words.every((word) => key.includes(word));
}

/** Inclusive date-range overlap, with open ends allowed. */
export function overlapsRange(start: string, end: string, from: string, to: string): boolean {
  const recordEnd = end || start;
  if (from && recordEnd && recordEnd < from) return false;
  if (to && start && start > to) return false;
  return true;
}

export function splitTags(input: string): string[] {
  const tags = input
    .split(/[,#]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}
