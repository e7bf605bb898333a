// A note too long for one text box (a pasted document): edited a part at a time, each keystroke saved as the one
// edit it is, so typing stays as fast in a 2 MB note as in a short one.
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { sectionAround, sectionBefore, sectionFrom, type Section } from '../../../domain/textSections.ts';
import type { TextEdit } from '../../../domain/textMerge.ts';
import type { OpenMission } from '../../../storage/docStore.ts';
import { anchorWindow, windowRange, windowText, type TextWindow } from '../../../storage/textWindow.ts';
import { diffText, useTextBinding } from '../../hooks/useTextBinding.ts';
import { useI18n } from '../../i18n/context.tsx';

const isLow = (text: string, i: number) => (text.charCodeAt(i) & 0xfc00) === 0xdc00;

/** The edit turning `before` into `after`, widened so it never cuts a character made of two units. */
export function sectionEdit(before: string, after: string, offset: number): TextEdit | null {
  const change = diffText(before, after);
  let { start, endBefore, endAfter } = change;
  if (start === endBefore && start === endAfter) return null;
  if (start > 0 && isLow(before, start) && isLow(after, start)) start--;
  if (endBefore < before.length && isLow(before, endBefore)) {
    endBefore++;
    endAfter++;
  }
  return { index: offset + start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}

export function LongNoteText(props: {
  mission: OpenMission;
  noteId: string;
  /** The note's whole text as stored now. */
  text: string;
  readOnly: boolean;
  select: { start: number; length: number } | null;
  onEdit: (edit: TextEdit) => void;
}) {
  const { t, number } = useI18n();
  const id = useId();
  const { mission, noteId } = props;
  const anchor = (section: Section) => anchorWindow(mission, 'note', noteId, 'text', section);
  const [part, setPart] = useState<TextWindow | null>(() =>
    anchor(
      props.select
        ? sectionAround(props.text, props.select.start, props.select.length)
        : sectionFrom(props.text, 0),
    ),
  );
  const range = part ? windowRange(mission, part) : null;
  const { ref, take } = useTextBinding(part ? windowText(mission, part) : null);
  const selected = useRef(false);

  useLayoutEffect(() => {
    const field = ref.current;
    if (!field || selected.current || !range) return;
    selected.current = true;
    const at = props.select ? props.select.start - range.start : 0;
    field.setSelectionRange(at, at + (props.select?.length ?? 0));
    // Focusing again scrolls the selection into view.
    field.blur();
    if (!field.readOnly || props.select) field.focus();
  });

  const onInput = () => {
    const now = part ? windowRange(mission, part) : null;
    const shown = part ? windowText(mission, part) : null;
    if (shown === null || !now) return;
    const next = take(shown);
    const edit = sectionEdit(shown, next, now.start);
    if (edit) props.onEdit(edit);
    // Re-anchored on the part as it is now: what was typed at its very start or end stays inside it.
    setPart(anchor({ start: now.start, end: now.start + next.length }));
  };
  const move = (section: Section) => {
    selected.current = true;
    setPart(anchor(section));
  };

  if (!range) return null;
  return (
    <div class="field long-text">
      <label for={id}>{t('note.text')}</label>
      <p class="field__hint" id={`${id}-part`}>
        {t('longText.part', {
          from: number(range.start + 1),
          to: number(range.end),
          total: number(props.text.length),
        })}
      </p>
      <textarea
        id={id}
        ref={ref}
        name="text"
        class="note-text"
        rows={12}
        aria-describedby={`${id}-part`}
        readOnly={props.readOnly}
        onInput={onInput}
      />
      <div class="form-actions">
        <button
          type="button"
          class="button"
          disabled={range.start === 0}
          onClick={() => move(sectionBefore(props.text, range.start))}
        >
          {t('longText.previous')}
        </button>
        <button
          type="button"
          class="button"
          disabled={range.end >= props.text.length}
          onClick={() => move(sectionFrom(props.text, range.end))}
        >
          {t('longText.next')}
        </button>
      </div>
    </div>
  );
}
