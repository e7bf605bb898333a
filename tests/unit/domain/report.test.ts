// The mission report's pure rules: days on site, the order of assessments, sectors and notes, and which photos.
import { describe, expect, it } from 'vitest';
import type { AssessmentId, NoteId, Sha256 } from '../../../src/domain/ids.ts';
import {
  NO_MARKS,
  type Assessment,
  type Note,
  type PhotoRef,
  type SectorEntry,
} from '../../../src/domain/model.ts';
import {
  assessmentsInOrder,
  daysOnSite,
  defaultPhotoChoice,
  notesInOrder,
  reportPhotos,
  sectorsBySeverity,
} from '../../../src/domain/report.ts';

const meta = (createdAt: string, deletedAt: string | null = null) => ({
  schema: 1,
  createdAt,
  createdBy: 'Anna',
  updatedAt: createdAt,
  updatedBy: 'Anna',
  deletedAt,
  deletedBy: deletedAt ? 'Anna' : null,
  marks: NO_MARKS,
});

const photo = (n: number, location: PhotoRef['location'] = null): PhotoRef => ({
  sha256: String(n).repeat(64).slice(0, 64) as Sha256,
  mime: 'image/jpeg',
  bytes: 1000,
  width: 1600,
  height: 1200,
  takenAt: `2016-05-0${n}T10:00:00.000Z`,
  location,
});

const gps = (lat: number) => ({ lat, lon: -80.05, accuracy: 10, capturedAt: '2016-05-02T10:00:00.000Z' });

function assessment(id: string, fields: Partial<Assessment> & { createdAt?: string } = {}): Assessment {
  return {
    ...meta(fields.createdAt ?? '2016-05-02T10:00:00.000Z', fields.deletedAt ?? null),
    id: id as AssessmentId,
    title: id,
    date: '',
    method: 'kii',
    informantRole: '',
    siteReason: '',
    canton: 'EC1317',
    parish: '',
    gps: null,
    sectors: [],
    breakdown: { women: null, men: null, children: null, elderly: null },
    priorities: [],
    gaps: '',
    recommendations: '',
    inspection: null,
    photos: [],
    captions: [],
    ...fields,
  };
}

function note(id: string, createdAt: string, fields: Partial<Note> = {}): Note {
  return {
    ...meta(createdAt, fields.deletedAt ?? null),
    id: id as NoteId,
    text: id,
    tags: [],
    gps: null,
    photos: [],
    captions: [],
    links: [],
    ...fields,
  };
}

const sector = (code: SectorEntry['sector'], severity: SectorEntry['severity']): SectorEntry => ({
  sector: code,
  severity,
  affected: null,
  inNeed: null,
  notes: '',
});

describe('days on site', () => {
  it.each([
    ['2016-05-02', '2016-05-16', 15],
    ['2016-05-02', '2016-05-02', 1],
    ['2016-02-28', '2016-03-01', 3], // across a leap day
    ['2016-03-26', '2016-03-28', 3], // across a clock change: calendar days, not hours
    ['2016-05-02', '', null], // no end date yet
    ['', '2016-05-16', null],
    ['2016-05-16', '2016-05-02', null], // an end before the start is a typing error
    ['16/05/2016', '2016-05-20', null],
  ] as const)('%s to %s → %s', (start, end, days) => {
    expect(daysOnSite(start, end)).toBe(days);
  });
});

describe('report order', () => {
  it('lists live assessments by date, undated last, then by title', () => {
    const ordered = assessmentsInOrder([
      assessment('undated'),
      assessment('b', { date: '2016-05-04' }),
      assessment('a', { date: '2016-05-04' }),
      assessment('first', { date: '2016-05-03' }),
      assessment('trashed', { date: '2016-05-01', deletedAt: '2016-05-05T00:00:00.000Z' }),
    ]);
    expect(ordered.map((a) => a.id)).toEqual(['first', 'a', 'b', 'undated']);
  });

  it('puts the most severe sector first, ties in the clusters’ order', () => {
    const sectors = [sector('wash', 3), sector('shelter', 4), sector('health', 3), sector('education', 1)];
    expect(sectorsBySeverity(sectors).map((s) => s.sector)).toEqual([
      'shelter',
      'health',
      'wash',
      'education',
    ]);
    expect(sectors[0]!.sector).toBe('wash'); // the record's own list is left as it was
  });

  it('reads live notes oldest first', () => {
    const ordered = notesInOrder([
      note('later', '2016-05-04T09:00:00.000Z'),
      note('gone', '2016-05-01T09:00:00.000Z', { deletedAt: '2016-05-02T00:00:00.000Z' }),
      note('earlier', '2016-05-03T09:00:00.000Z'),
    ]);
    expect(ordered.map((n) => n.id)).toEqual(['earlier', 'later']);
  });
});

describe('report photos', () => {
  const kept = gps(0.5);
  const assessments = [
    assessment('tarqui', {
      date: '2016-05-03',
      gps: gps(0.07),
      photos: [photo(1), photo(2, kept)],
      captions: [
        { photo: photo(2).sha256, text: 'Cracked column' },
        { photo: photo(9).sha256, text: 'a removed photo' },
      ],
    }),
    assessment('trashed', { deletedAt: '2016-05-05T00:00:00.000Z', photos: [photo(7)] }),
  ];
  const notes = [note('n', '2016-05-03T12:00:00.000Z', { photos: [photo(3), photo(1)] })];

  it('lists each photo once, assessments first, with its caption and where it was taken', () => {
    const photos = reportPhotos(assessments, notes);
    expect(photos.map((p) => [p.photo.sha256[0], p.caption, p.gps?.lat ?? null, p.source.kind])).toEqual([
      ['1', '', 0.07, 'assessment'],
      ['2', 'Cracked column', 0.5, 'assessment'],
      ['3', '', null, 'note'],
    ]);
  });

  it('chooses the captioned photos, or else the first few', () => {
    const photos = reportPhotos(assessments, notes);
    expect([...defaultPhotoChoice(photos)]).toEqual([photo(2).sha256]);
    const uncaptioned = photos.map((p) => ({ ...p, caption: '' }));
    expect([...defaultPhotoChoice(uncaptioned, 2)]).toEqual([photo(1).sha256, photo(2).sha256]);
    expect(defaultPhotoChoice([]).size).toBe(0);
  });
});
