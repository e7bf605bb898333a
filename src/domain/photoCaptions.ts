// Reading and changing the captions of a record's photos: one caption per photo hash, beside the photo set.
import type { Sha256 } from './ids.ts';
import type { PhotoRef } from './model.ts';
import { MAX_CAPTION } from './schema/records.ts';

export interface PhotoCaption {
  photo: Sha256;
  text: string;
}

/** Captions of the photos the record holds now; a caption left behind by a removed photo is not shown. */
export function captionsByPhoto(
  photos: readonly PhotoRef[],
  captions: readonly PhotoCaption[],
): Map<Sha256, string> {
  const present = new Set(photos.map((p) => p.sha256));
  const shown = new Map<Sha256, string>();
  for (const caption of captions) {
    if (present.has(caption.photo) && caption.text !== '') shown.set(caption.photo, caption.text);
  }
  return shown;
}

/** What a caption is saved as: surrounding space trimmed, cut to the longest caption the schema accepts. */
export function tidyCaption(text: string): string {
  return text.trim().slice(0, MAX_CAPTION);
}

/**
 * The captions to save when one photo's caption becomes `text`: every other member as it was, so the record
 * writer writes only this photo's register (docs/merge.md M6, M11). Null when nothing changes.
 */
function withCaption(captions: readonly PhotoCaption[], photo: Sha256, text: string): PhotoCaption[] | null {
  const tidy = tidyCaption(text);
  const existing = captions.find((c) => c.photo === photo);
  if (existing ? existing.text === tidy : tidy === '') return null;
  return existing
    ? captions.map((c) => (c.photo === photo ? { photo, text: tidy } : c))
    : [...captions, { photo, text: tidy }];
}

export interface CaptionSave {
  captions: PhotoCaption[];
  /** What the user's edit started from: a caption a colleague wrote meanwhile is kept beside it (M2, M11). */
  base: PhotoCaption[];
}

/**
 * What to save when the user changed one photo's caption from `startedFrom` (as it was shown when they began)
 * to `text`, given the captions stored now. Null when the caption as stored already reads so.
 */
export function captionSave(
  stored: readonly PhotoCaption[],
  photo: Sha256,
  text: string,
  startedFrom: string,
): CaptionSave | null {
  const captions = withCaption(stored, photo, text);
  if (!captions) return null;
  const others = stored.filter((c) => c.photo !== photo);
  const seen = stored.some((c) => c.photo === photo) || startedFrom !== '';
  return { captions, base: seen ? [...others, { photo, text: startedFrom }] : others };
}
