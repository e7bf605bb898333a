// Which texts of a record match a query, and the snippet that shows where: pure, so it is tested alone.
import { fold } from './fold.ts';

/** One searchable text of a record: which field it is, and its NFC text. */
export interface SearchField {
  field: string;
  text: string;
}

/** A field as the matcher reads it: its text and the text folded once. */
export interface FoldedField extends SearchField {
  folded: string;
}

export interface FieldMatch {
  field: string;
  /** Where the first term found starts, in the field's text, and how long it is. */
  start: number;
  length: number;
}

export function foldFields(fields: readonly SearchField[]): FoldedField[] {
  return fields.map((f) => ({ ...f, folded: fold(f.text) }));
}

/**
 * Whether every term occurs in some field of the record (not necessarily the same one), and where to show it:
 * the earliest occurrence of the first term that occurs in the earliest field. Null when a term is missing.
 */
export function matchRecord(fields: readonly FoldedField[], terms: readonly string[]): FieldMatch | null {
  if (terms.length === 0) return null;
  let best: FieldMatch | null = null;
  for (const term of terms) {
    let found = false;
    for (const field of fields) {
      const at = field.folded.indexOf(term);
      if (at < 0) continue;
      found = true;
      best ??= { field: field.field, start: at, length: term.length };
      break;
    }
    if (!found) return null;
  }
  return best;
}

/** A piece of text around a match: `before` and `after` are cut at word boundaries and marked as cut. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
  cutBefore: boolean;
  cutAfter: boolean;
}

const SPACE = /\s/u;

export function snippet(text: string, start: number, length: number, radius = 60): Snippet {
  const end = Math.min(text.length, start + length);
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  // Start and end on a word boundary when one is near, so the snippet does not open in half a word.
  if (from > 0) {
    const space = text.slice(from, start).search(SPACE);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(end, to);
    const lastSpace = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (lastSpace > 0) to = end + lastSpace;
  }
  // Never cut a character made of two units in half.
  const isLow = (i: number) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  if (isLow(from)) from--;
  if (isLow(to)) to++;
  const flat = (s: string) => s.replace(/\s+/gu, ' ');
  return {
    before: flat(text.slice(from, start)).trimStart(),
    match: text.slice(start, end),
    after: flat(text.slice(end, to)).trimEnd(),
    cutBefore: from > 0,
    cutAfter: to < text.length,
  };
}
