// Captions of photos merge per photo between devices (docs/merge.md M2, M6, M11).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  readRecord,
  recordsRoot,
  updateRecord,
  type Stamp,
} from '../../../src/storage/missionDoc.ts';
import { captionSave, captionsByPhoto, type PhotoCaption } from '../../../src/domain/photoCaptions.ts';
import type { Sha256 } from '../../../src/domain/ids.ts';
import type { PhotoRef } from '../../../src/domain/model.ts';

const stamp = (name: string, now: string): Stamp => ({ actor: { name, device: `device-${name}` }, now });
const sha = (n: number) => n.toString(16).padStart(2, '0').repeat(32) as Sha256;
const photo = (n: number): PhotoRef => ({
  sha256: sha(n),
  mime: 'image/jpeg',
  bytes: 1000,
  width: 640,
  height: 480,
  takenAt: `2016-04-1${n}T10:00:00.000Z`,
  location: null,
});
const PHOTOS = [photo(1), photo(2)];

type Edit = (doc: Y.Doc) => void;

/** Two phones start from one document, edit offline, then exchange updates; returns both phones afterwards. */
function offlineThenMerge(setUp: Edit, onA: Edit, onB: Edit): Y.Doc[] {
  const origin = new Y.Doc();
  setUp(origin);
  const base = Y.encodeStateAsUpdate(origin);
  const phone = (edit: Edit) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    const before = Y.encodeStateVector(doc);
    edit(doc);
    return { doc, update: Y.encodeStateAsUpdate(doc, before) };
  };
  const a = phone(onA);
  const b = phone(onB);
  Y.applyUpdate(a.doc, b.update);
  Y.applyUpdate(b.doc, a.update);
  return [a.doc, b.doc];
}

const read = (doc: Y.Doc, kind: 'note' | 'assessment') =>
  readRecord(kind, recordsRoot(doc, kind).get('r1')!, 'r1');

/** Captions the record as the caption editor does: only this photo's caption, against what the user saw. */
function caption(kind: 'note' | 'assessment', n: number, text: string, who: string, now: string): Edit {
  return (doc) => {
    const stored: PhotoCaption[] = read(doc, kind).captions;
    const shown = captionsByPhoto(PHOTOS, stored).get(sha(n)) ?? '';
    const save = captionSave(stored, sha(n), text, shown);
    if (save)
      updateRecord(doc, kind, 'r1', { captions: save.captions }, stamp(who, now), { captions: save.base });
  };
}

const setUp =
  (kind: 'note' | 'assessment'): Edit =>
  (doc) =>
    createRecord(
      doc,
      kind,
      'r1',
      kind === 'note' ? { text: '', photos: PHOTOS } : { title: 'Escuela', photos: PHOTOS },
      stamp('Anna', '2024-03-01T00:00:00.000Z'),
    );

describe.each(['note', 'assessment'] as const)('photo captions of a %s', (kind) => {
  it('[M6] two devices captioning two different photos offline both keep their caption', () => {
    const docs = offlineThenMerge(
      setUp(kind),
      caption(kind, 1, 'Crack above the door', 'Anna', '2024-03-02T10:00:00.000Z'),
      caption(kind, 2, 'Water tank, north side', 'Jordi', '2024-03-02T09:00:00.000Z'),
    );
    for (const doc of docs) {
      const record = read(doc, kind);
      const shown = captionsByPhoto(record.photos, record.captions);
      expect(shown.get(sha(1))).toBe('Crack above the door');
      expect(shown.get(sha(2))).toBe('Water tank, north side');
      expect(record.marks.conflicts).toEqual({});
    }
  });

  it('[M2] both devices captioning the same photo keep both captions, the later shown, marked as a conflict', () => {
    const docs = offlineThenMerge(
      setUp(kind),
      caption(kind, 1, 'Crack above the door', 'Anna', '2024-03-02T10:00:00.000Z'),
      caption(kind, 1, 'Diagonal crack, 4 mm', 'Jordi', '2024-03-02T11:00:00.000Z'),
    );
    for (const doc of docs) {
      const record = read(doc, kind);
      expect(captionsByPhoto(record.photos, record.captions).get(sha(1))).toBe('Diagonal crack, 4 mm');
      const conflict = record.marks.conflicts[`captions.${sha(1)}.text`];
      expect(conflict?.map((c) => [c.value, c.by])).toEqual([
        ['Diagonal crack, 4 mm', 'Jordi'],
        ['Crack above the door', 'Anna'],
      ]);
    }
  });

  it('[M11] settling the conflict by saving a caption replaces both values on every device', () => {
    const [a, b] = offlineThenMerge(
      setUp(kind),
      caption(kind, 1, 'Crack above the door', 'Anna', '2024-03-02T10:00:00.000Z'),
      caption(kind, 1, 'Diagonal crack, 4 mm', 'Jordi', '2024-03-02T11:00:00.000Z'),
    );
    const before = Y.encodeStateVector(a!);
    caption(kind, 1, 'Diagonal crack above the door, 4 mm', 'Anna', '2024-03-03T08:00:00.000Z')(a!);
    Y.applyUpdate(b!, Y.encodeStateAsUpdate(a!, before));
    for (const doc of [a!, b!]) {
      const record = read(doc, kind);
      expect(captionsByPhoto(record.photos, record.captions).get(sha(1))).toBe(
        'Diagonal crack above the door, 4 mm',
      );
      expect(record.marks.conflicts).toEqual({});
    }
  });
});

describe('a caption field left open while a colleague captions the same photo', () => {
  it("[M11] keeps the colleague's caption beside the user's, since the user never saw it", () => {
    const doc = new Y.Doc();
    setUp('note')(doc);
    // The user opened the caption field while the photo had none.
    const startedFrom = '';
    caption('note', 1, 'Crack above the door', 'Jordi', '2024-03-02T09:00:00.000Z')(doc);
    const save = captionSave(read(doc, 'note').captions, sha(1), 'Wall crack', startedFrom)!;
    updateRecord(doc, 'note', 'r1', { captions: save.captions }, stamp('Anna', '2024-03-02T10:00:00.000Z'), {
      captions: save.base,
    });
    const record = read(doc, 'note');
    expect(captionsByPhoto(record.photos, record.captions).get(sha(1))).toBe('Wall crack');
    expect(record.marks.conflicts[`captions.${sha(1)}.text`]?.map((c) => c.value)).toEqual([
      'Wall crack',
      'Crack above the door',
    ]);
  });
});

describe('reading captions', () => {
  it('shows no caption for a photo the record no longer holds, and none for an empty caption', () => {
    const stored: PhotoCaption[] = [
      { photo: sha(1), text: '' },
      { photo: sha(3), text: 'Removed photo' },
      { photo: sha(2), text: 'Kept' },
    ];
    expect([...captionsByPhoto(PHOTOS, stored)]).toEqual([[sha(2), 'Kept']]);
  });

  it('saves nothing when the caption is unchanged once trimmed', () => {
    expect(captionSave([{ photo: sha(1), text: 'Door' }], sha(1), '  Door ', 'Door')).toBeNull();
    expect(captionSave([], sha(1), '   ', '')).toBeNull();
  });

  it('a caption from a file or another device longer than the schema allows reads as invalid, not as text', () => {
    const doc = new Y.Doc();
    setUp('note')(doc);
    const tooLong = 'x'.repeat(501);
    updateRecord(
      doc,
      'note',
      'r1',
      { captions: [{ photo: sha(1), text: tooLong }] },
      stamp('Eve', '2024-03-04T00:00:00.000Z'),
    );
    const record = read(doc, 'note');
    expect(captionsByPhoto(record.photos, record.captions).get(sha(1))).toBeUndefined();
    expect(record.marks.invalid[`captions.${sha(1)}.text`]).toBe(tooLong);
  });
});
