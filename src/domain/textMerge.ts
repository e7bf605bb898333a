// Character-level three-way merge of long texts (rule M3) and the minimal hunks that write a text into a Y.Text.
import diff from 'fast-diff';

/** One hunk: at `index`, remove `remove` UTF-16 units, then insert `insert`. */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/** A hunk seen from both sides: `from[start, end)` became `to[toStart, toEnd)`. */
interface Span {
  start: number;
  end: number;
  toStart: number;
  toEnd: number;
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Hunks in ascending order, never touching each other and never cutting a surrogate pair. */
function spans(from: string, to: string): Span[] {
  const raw: Span[] = [];
  let open: Span | undefined;
  let i = 0;
  let j = 0;
  for (const [op, text] of diff(from, to)) {
    if (op === 0) {
      // An empty equality separates nothing; closing the hunk there would leave two touching hunks.
      if (text.length > 0) open = undefined;
      i += text.length;
      j += text.length;
      continue;
    }
    if (!open) {
      open = { start: i, end: i, toStart: j, toEnd: j };
      raw.push(open);
    }
    if (op === -1) open.end = i += text.length;
    else open.toEnd = j += text.length;
  }
  const out: Span[] = [];
  for (const span of raw) {
    // The neighbours of a hunk lie in an equality, so one step outwards is the same unit in both strings:
    // widening there keeps an emoji whole in what is removed and in what is inserted.
    if (span.start > 0 && isHigh(from.charCodeAt(span.start - 1))) {
      span.start--;
      span.toStart--;
    }
    if (span.end < from.length && isLow(from.charCodeAt(span.end))) {
      span.end++;
      span.toEnd++;
    }
    const prev = out.at(-1);
    // Widening may eat a one-unit equality; the two hunks then form one, as the equal gap between them is gone.
    if (prev && span.start <= prev.end) {
      prev.end = span.end;
      prev.toEnd = span.toEnd;
    } else out.push(span);
  }
  return out;
}

/** The hunks turning `from` into `to`, last first, so applying them in order never shifts a later index. */
export function textEdits(from: string, to: string): TextEdit[] {
  if (from === to) return [];
  return spans(from, to)
    .map((s) => ({ index: s.start, remove: s.end - s.start, insert: to.slice(s.toStart, s.toEnd) }))
    .reverse();
}

/** Applies hunks one after the other, exactly as a Y.Text would with delete + insert. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of edits) out = out.slice(0, e.index) + e.insert + out.slice(e.index + e.remove);
  return out;
}

interface Hunk {
  start: number;
  end: number;
  insert: string;
  theirs: boolean;
}

function hunks(base: string, other: string, theirs: boolean): Hunk[] {
  // No semantic cleanup: it would fuse nearby edits into one hunk, turning edits that sit close to the
  // colleague's into a conflict that duplicates text both typed.
  return spans(base, other).map((s) => ({
    start: s.start,
    end: s.end,
    insert: other.slice(s.toStart, s.toEnd),
    theirs,
  }));
}

/**
 * Merges the user's edits (`base` → `mine`) with the colleague's (`base` → `theirs`). Edits in different places
 * both apply; edits of the same place remove everything either side removed and keep both insertions,
 * theirs first, so no one's typing is lost and every device computes the same text.
 */
export function mergeText(base: string, mine: string, theirs: string): string {
  if (mine === base || mine === theirs) return theirs;
  if (theirs === base) return mine;
  const all = [...hunks(base, theirs, true), ...hunks(base, mine, false)];
  // A point insertion sorts before a range starting there, so it opens the region the range then joins.
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  let k = 0;
  while (k < all.length) {
    const first = all[k]!;
    let end = first.end;
    // Whether the region ends in a point insertion: something else starting right there is the same spot.
    let pointAtEnd = first.start === first.end;
    let theirsText = '';
    let mineText = '';
    for (; k < all.length; k++) {
      const h = all[k]!;
      const isPoint = h.start === h.end;
      if (h !== first && !(h.start < end || (h.start === end && (isPoint || pointAtEnd)))) break;
      if (h.end > end) {
        end = h.end;
        pointAtEnd = false;
      } else if (isPoint && h.end === end) pointAtEnd = true;
      if (h.theirs) theirsText += h.insert;
      else mineText += h.insert;
    }
    out += base.slice(pos, first.start) + (theirsText === mineText ? theirsText : theirsText + mineText);
    pos = end;
  }
  return out + base.slice(pos);
}
