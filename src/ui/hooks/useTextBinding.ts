// Keeps an uncontrolled textarea in step with a shared text that others may edit, without moving the caret.
import { useLayoutEffect, useRef } from 'preact/hooks';

/** The changed middle between two strings: `before[start, endBefore)` became `after[start, endAfter)`. */
export interface TextChange {
  start: number;
  endBefore: number;
  endAfter: number;
}

export function diffText(before: string, after: string): TextChange {
  let start = 0;
  const min = Math.min(before.length, after.length);
  while (start < min && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { start, endBefore, endAfter };
}

/** Where a position in `before` lands in `after`: text inserted or removed before it shifts it. */
export function mapPosition(position: number, before: string, after: string): number {
  const change = diffText(before, after);
  if (position <= change.start) return position;
  if (position >= change.endBefore) return position + (change.endAfter - change.endBefore);
  // Inside text someone else replaced: stay at the end of their replacement.
  return change.endAfter;
}

/**
 * Replays the user's edit (`shown` → `typed`) on top of `stored`, the text that now also holds someone else's
 * change not yet on screen; typing over a remote change must never undo it.
 */
export function rebaseEdit(shown: string, typed: string, stored: string): string {
  if (stored === shown) return typed;
  const edit = diffText(shown, typed);
  const start = mapPosition(edit.start, shown, stored);
  const end = Math.max(start, mapPosition(edit.endBefore, shown, stored));
  return stored.slice(0, start) + typed.slice(edit.start, edit.endAfter) + stored.slice(end);
}

/** Replaces the field's text and puts the selection back where it was relative to the surrounding text. */
export function replaceKeepingCaret(field: HTMLTextAreaElement | HTMLInputElement, next: string): void {
  const before = field.value;
  if (before === next) return;
  const focused = field.ownerDocument.activeElement === field;
  const selStart = field.selectionStart ?? before.length;
  const selEnd = field.selectionEnd ?? selStart;
  field.value = next;
  if (focused)
    field.setSelectionRange(mapPosition(selStart, before, next), mapPosition(selEnd, before, next));
}

/**
 * Binds `value` (null while not loaded) to the returned textarea ref. The textarea stays uncontrolled so a
 * re-render never fights the keyboard; changes from elsewhere are written into it keeping the caret.
 * Call `take(stored)` in the input handler with the freshest stored text: it returns the text to save.
 */
export function useTextBinding(value: string | null) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // What the textarea showed after the last sync or save: the base the user's next keystroke applies to.
  const shown = useRef<string | null>(null);

  useLayoutEffect(() => {
    const field = ref.current;
    if (!field || value === null) return;
    replaceKeepingCaret(field, value);
    shown.current = value;
  }, [value]);

  const take = (stored: string | null): string => {
    const field = ref.current;
    if (!field) return stored ?? '';
    const typed = field.value;
    const next = stored === null ? typed : rebaseEdit(shown.current ?? stored, typed, stored);
    replaceKeepingCaret(field, next);
    shown.current = next;
    return next;
  };

  return { ref, take };
}
