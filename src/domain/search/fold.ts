// Text folding for search: accents and case do not matter ("malecon" finds "malecón", "JAMA" finds "Jama").
//
// The fold keeps every UTF-16 unit in place (one unit in, one unit out), so a position found in the folded text is
// the same position in the text it came from: a snippet can highlight the original characters without a map.
// Texts are put in NFC first, so an accent typed as a separate combining mark sits on its letter and folds with it.

const folded = new Map<number, number>();

/** One unit folded: its letter without accent, lower case; a unit that would not stay one unit is kept as is. */
function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  // Surrogates are halves of a character: folding one alone would break it.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  let out = folded.get(code);
  if (out === undefined) {
    const base = String.fromCharCode(code).normalize('NFD').charAt(0).toLowerCase();
    out = base.length === 1 ? base.charCodeAt(0) : code;
    folded.set(code, out);
  }
  return out;
}

/** The text as search compares it; same length as `text`, unit for unit. Call on NFC text (see `searchable`). */
export function fold(text: string): string {
  const CHUNK = 8192;
  const parts: string[] = [];
  const units = new Array<number>(Math.min(CHUNK, text.length));
  for (let start = 0; start < text.length; start += CHUNK) {
    const end = Math.min(text.length, start + CHUNK);
    units.length = end - start;
    for (let i = start; i < end; i++) units[i - start] = foldUnit(text.charCodeAt(i));
    parts.push(String.fromCharCode(...units));
  }
  return parts.join('');
}

/** A text as it is kept for search: composed (NFC), so `fold` maps it unit for unit. */
export function searchable(text: string): string {
  return text.normalize('NFC');
}

/** The words of a query, folded; empty when there is nothing to look for. */
export function queryTerms(query: string): string[] {
  const words = fold(searchable(query)).split(/\s+/u).filter(Boolean);
  return [...new Set(words)];
}
