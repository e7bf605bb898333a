// The part of a record's long text on screen, anchored in its Y.Text: text others insert before it or inside it
// moves its bounds with it, so the part stays the same text without the whole text ever being compared.
import * as Y from 'yjs';
import type { RecordKind } from '../domain/ids.ts';
import type { Section } from '../domain/textSections.ts';
import type { OpenMission } from './docStore.ts';
import { recordsRoot } from './missionDoc.ts';

/** Opaque to the UI: resolve it with `windowRange`. */
export interface TextWindow {
  readonly text: Y.Text;
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
}

function yText(mission: OpenMission, kind: RecordKind, id: string, field: string): Y.Text | null {
  const record: unknown = recordsRoot(mission.doc, kind).get(id);
  const text: unknown = record instanceof Y.Map ? record.get(field) : null;
  return text instanceof Y.Text ? text : null;
}

export function anchorWindow(
  mission: OpenMission,
  kind: RecordKind,
  id: string,
  field: string,
  section: Section,
): TextWindow | null {
  const text = yText(mission, kind, id, field);
  if (!text) return null;
  return {
    text,
    start: Y.createRelativePositionFromTypeIndex(text, section.start),
    // Bound to the character before the end: text someone inserts right after the part stays outside it.
    end: Y.createRelativePositionFromTypeIndex(text, section.end, -1),
  };
}

/** Where the part is in the text now; null when the text is gone. */
export function windowRange(mission: OpenMission, window: TextWindow): Section | null {
  const start = Y.createAbsolutePositionFromRelativePosition(window.start, mission.doc);
  const end = Y.createAbsolutePositionFromRelativePosition(window.end, mission.doc);
  if (!start || !end) return null;
  return { start: start.index, end: Math.max(start.index, end.index) };
}

/**
 * The part's text now, read from the Y.Text's pieces: only the part is copied. (Reading the whole text and then
 * slicing it would copy all of it, megabytes on every keystroke.)
 */
export function windowText(mission: OpenMission, window: TextWindow): string | null {
  const range = windowRange(mission, window);
  if (!range) return null;
  const parts: string[] = [];
  let index = 0;
  for (let item = window.text._start; item !== null && index < range.end; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const next = index + item.length;
    if (next > range.start && item.content instanceof Y.ContentString) {
      parts.push(item.content.str.slice(Math.max(0, range.start - index), range.end - index));
    }
    index = next;
  }
  return parts.join('');
}
