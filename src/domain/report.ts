// What the mission report shows and in which order: pure rules, so the printed page and its tests agree.
import { SECTORS } from './codes.ts';
import type { AssessmentId, NoteId, Sha256 } from './ids.ts';
import type { Assessment, GeoPoint, Note, PhotoRef, SectorEntry } from './model.ts';
import { captionsByPhoto } from './photoCaptions.ts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How many photos are chosen for the report when none has a caption to say it matters. */
export const DEFAULT_PHOTO_COUNT = 4;

function dayNumber(iso: string): number | null {
  if (!ISO_DATE.test(iso)) return null;
  const at = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(at) ? null : Math.round(at / DAY_MS);
}

/**
 * Days on site, counting the first and the last day: 2 to 16 May is 15 days. Null while the mission has no end
 * date yet, or when the dates cannot be a stay (an end before the start is a typing error, not a length).
 */
export function daysOnSite(startDate: string, endDate: string): number | null {
  const start = dayNumber(startDate);
  const end = dayNumber(endDate);
  if (start === null || end === null || end < start) return null;
  return end - start + 1;
}

const live = <T extends { deletedAt: string | null }>(records: readonly T[]): T[] =>
  records.filter((record) => record.deletedAt === null);

/** Assessments as they happened: by date (undated last), then by title, then as they were created. */
export function assessmentsInOrder(assessments: readonly Assessment[]): Assessment[] {
  return live(assessments).sort(
    (a, b) =>
      (a.date === b.date ? 0 : !a.date ? 1 : !b.date ? -1 : a.date.localeCompare(b.date)) ||
      a.title.localeCompare(b.title) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/** The most severe sector first; equal severities in the clusters' own order, so every reader sees one table. */
export function sectorsBySeverity(sectors: readonly SectorEntry[]): SectorEntry[] {
  const rank = (entry: SectorEntry) => SECTORS.indexOf(entry.sector);
  return [...sectors].sort((a, b) => b.severity - a.severity || rank(a) - rank(b));
}

/** Field notes as a diary: oldest first. */
export function notesInOrder(notes: readonly Note[]): Note[] {
  return live(notes).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export interface ReportPhoto {
  photo: PhotoRef;
  caption: string;
  /** Where it was taken: kept with the photo on purpose, or else the position of the record it belongs to. */
  gps: GeoPoint | null;
  source:
    { kind: 'assessment'; id: AssessmentId; title: string } | { kind: 'note'; id: NoteId; createdAt: string };
}

/**
 * Every photo of the mission's live records, assessments first (in report order) then notes; a photo attached
 * to two records is listed once, where it first appears.
 */
export function reportPhotos(assessments: readonly Assessment[], notes: readonly Note[]): ReportPhoto[] {
  const seen = new Set<Sha256>();
  const found: ReportPhoto[] = [];
  const add = (
    record: { photos: PhotoRef[]; captions: Assessment['captions']; gps: GeoPoint | null },
    source: ReportPhoto['source'],
  ) => {
    const captions = captionsByPhoto(record.photos, record.captions);
    for (const photo of record.photos) {
      if (seen.has(photo.sha256)) continue;
      seen.add(photo.sha256);
      const caption = captions.get(photo.sha256) ?? '';
      found.push({ photo, caption, gps: photo.location ?? record.gps, source });
    }
  };
  for (const a of assessmentsInOrder(assessments)) add(a, { kind: 'assessment', id: a.id, title: a.title });
  for (const n of notesInOrder(notes)) add(n, { kind: 'note', id: n.id, createdAt: n.createdAt });
  return found;
}

/** The photos chosen before the reader chooses: the captioned ones (someone said what they show), else the first few. */
export function defaultPhotoChoice(
  photos: readonly ReportPhoto[],
  count: number = DEFAULT_PHOTO_COUNT,
): Set<Sha256> {
  const captioned = photos.filter((p) => p.caption !== '');
  return new Set((captioned.length > 0 ? captioned : photos.slice(0, count)).map((p) => p.photo.sha256));
}
