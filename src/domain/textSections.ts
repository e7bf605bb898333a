// Long texts (a pasted document of megabytes) are edited a part at a time: a browser's text box relays out its whole
// text on every keystroke, so a 2 MB one takes most of a second per key. These are the parts' bounds.

/** From this length on, a text is edited a part at a time. */
export const LONG_TEXT_CHARS = 100_000;
/** About how long one part is; it ends at the next line break when one is near. */
export const SECTION_CHARS = 10_000;

export interface Section {
  start: number;
  end: number;
}

const isLow = (text: string, i: number) => (text.charCodeAt(i) & 0xfc00) === 0xdc00;
/** Moves a bound off the middle of a character made of two units. */
const whole = (text: string, i: number) => (i > 0 && i < text.length && isLow(text, i) ? i + 1 : i);

/** The end of a part starting at `start`: after the first line break past `start + size`, if one is near. */
function endFrom(text: string, start: number, size: number): number {
  const end = start + size;
  if (end >= text.length) return text.length;
  const lineBreak = text.indexOf('\n', end);
  return whole(text, lineBreak >= 0 && lineBreak - end < size / 2 ? lineBreak + 1 : end);
}

/** The part starting at `start`. */
export function sectionFrom(text: string, start: number, size = SECTION_CHARS): Section {
  const from = whole(text, Math.max(0, Math.min(start, text.length)));
  return { start: from, end: endFrom(text, from, size) };
}

/** The part that ends where `end` is (the one before a part starting there). */
export function sectionBefore(text: string, end: number, size = SECTION_CHARS): Section {
  const to = Math.max(0, Math.min(end, text.length));
  const from = to - size;
  if (from <= 0) return { start: 0, end: to };
  const lineBreak = text.lastIndexOf('\n', from);
  return {
    start: whole(text, lineBreak >= 0 && from - lineBreak < size / 2 ? lineBreak + 1 : from),
    end: to,
  };
}

/** A part holding `text[at, at + length)`, starting at a line break before it when one is near. */
export function sectionAround(text: string, at: number, length = 0, size = SECTION_CHARS): Section {
  const target = Math.max(0, Math.min(at, text.length));
  const before = Math.max(0, target - size / 4);
  const lineBreak = before > 0 ? text.lastIndexOf('\n', before) : -1;
  const start = lineBreak >= 0 && before - lineBreak < size / 4 ? lineBreak + 1 : before;
  const section = sectionFrom(text, start, size);
  return { start: section.start, end: Math.max(section.end, Math.min(text.length, target + length)) };
}
