// The coordinator's desk: what the projection keeps per mission, "new since I last looked" counted on rows
// computed by hand, and the table's sorting and filters.
import { describe, expect, it } from 'vitest';
import {
  countNew,
  countNewsSince,
  deskFacts,
  deskRows,
  newsOf,
  filterDesk,
  nextSort,
  NO_DESK_FILTER,
  reviewFacts,
  sortDesk,
  withArrivals,
  type DeskMissionInput,
  type DeskRow,
  type DeskSources,
} from '../../../../src/domain/desk/desk.ts';
import type { CommentId, ReviewComment } from '../../../../src/domain/review.ts';
import { NO_MARKS } from '../../../../src/domain/marks.ts';

const record = (id: string, updatedAt: string, updatedBy: string, deletedAt: string | null = null) => ({
  id,
  updatedAt,
  updatedBy,
  deletedAt,
});

const mission = (over: Partial<DeskMissionInput> = {}): DeskMissionInput => ({
  id: 'm1',
  title: 'Agua en Jama',
  status: 2,
  hostCanton: 'EC1320',
  themes: ['coastal_risk'],
  startDate: '2016-06-01',
  endDate: '2016-06-10',
  deleted: 0,
  searchText: 'Agua en Jama',
  ...over,
});

const row = (over: Partial<DeskRow>): DeskRow => ({
  id: 'x',
  title: 'x',
  status: 1,
  hostCanton: 'EC1301',
  themes: [],
  startDate: '',
  endDate: '',
  team: [],
  review: null,
  lastSync: null,
  newCount: 0,
  searchText: '',
  ...over,
});

const comment = (at: string, by: string, deletedAt: string | null = null): ReviewComment => ({
  id: `c-${at}` as CommentId,
  target: { kind: 'mission', id: 'm1' } as ReviewComment['target'],
  text: 'Revisad el pozo',
  by,
  at,
  deletedAt,
  schema: 2,
  marks: NO_MARKS,
});

describe('what the desk keeps of a mission', () => {
  it('keeps the team’s names and the last write of each live record, not of deleted ones', () => {
    const facts = deskFacts('m1', {
      mission: { team: [{ name: ' Anna Puig ' }, { name: '' }, { name: 'Jordi Mas' }] },
      assessments: [record('a1', '2016-06-02T10:00:00.000Z', 'Anna Puig')],
      notes: [
        record('n1', '2016-06-03T10:00:00.000Z', 'Jordi Mas'),
        record('n2', '2016-06-04T10:00:00.000Z', 'Jordi Mas', '2016-06-04T10:00:00.000Z'),
      ],
      actions: [record('p1', '', 'Anna Puig')],
    });
    expect(facts).toEqual({
      missionId: 'm1',
      team: ['Anna Puig', 'Jordi Mas'],
      changes: [
        { id: 'a1', at: '2016-06-02T10:00:00.000Z', by: 'Anna Puig' },
        { id: 'n1', at: '2016-06-03T10:00:00.000Z', by: 'Jordi Mas' },
      ],
    });
  });

  it('keeps nothing for a document without its mission', () => {
    expect(deskFacts('m1', { mission: null, assessments: [], notes: [], actions: [] })).toBeNull();
  });

  it('keeps a review’s decision and its live comments', () => {
    const facts = reviewFacts('m1', {
      decision: { decision: 'approved', by: 'Laia Ferrer', at: '2016-06-05T09:00:00.000Z', marks: NO_MARKS },
      comments: [
        comment('2016-06-05T08:00:00.000Z', 'Laia Ferrer'),
        comment('2016-06-05T07:00:00.000Z', 'Pau Soler', '2016-06-05T07:30:00.000Z'),
      ],
    });
    expect(facts).toEqual({
      missionId: 'm1',
      decision: 'approved',
      decided: { id: 'decision', at: '2016-06-05T09:00:00.000Z', by: 'Laia Ferrer' },
      comments: [{ id: 'c-2016-06-05T08:00:00.000Z', at: '2016-06-05T08:00:00.000Z', by: 'Laia Ferrer' }],
    });
    expect(reviewFacts('m1', { decision: null, comments: [] })).toEqual({
      missionId: 'm1',
      decision: null,
      decided: null,
      comments: [],
    });
  });
});

describe('what is new since the user last looked', () => {
  const changes = [
    { id: 'n1', at: '2016-06-02T10:00:00.000Z', by: 'Anna Puig' },
    { id: 'n2', at: '2016-06-03T10:00:00.000Z', by: 'Laia Ferrer' },
    { id: 'n3', at: '2016-06-04T10:00:00.000Z', by: 'Anna Puig' },
    { id: 'n4', at: '2016-06-05T10:00:00.000Z', by: 'Jordi Mas' },
  ];

  it('counts every change by others when the mission was never looked at', () => {
    expect(countNew(changes, null, 'Laia Ferrer')).toBe(3);
  });

  it('counts only what others changed after the last look', () => {
    expect(countNew(changes, '2016-06-03T12:00:00.000Z', 'Laia Ferrer')).toBe(2);
    expect(countNew(changes, '2016-06-04T10:00:00.000Z', 'Laia Ferrer')).toBe(1);
    expect(countNew(changes, '2016-06-06T00:00:00.000Z', 'Laia Ferrer')).toBe(0);
  });

  it('counts the same from the compact news rows, at every last look, for everyone', () => {
    const arrived = [
      ...changes,
      { id: 'n5', at: '2016-06-01T10:00:00.000Z', by: 'Jordi Mas', arrived: '2016-06-07T10:00:00.000Z' },
      { id: 'n6', at: 'not a date', by: 'Anna Puig' },
    ];
    const news = newsOf({ missionId: 'm1', team: [], changes: arrived });
    const looks = [null, '2016-06-01T00:00:00.000Z', '2016-06-03T10:00:00.000Z', '2016-06-04T10:00:00.001Z'];
    for (const seenAt of [...looks, '2016-06-06T00:00:00.000Z', '2016-06-08T00:00:00.000Z'])
      for (const me of ['Laia Ferrer', 'Anna Puig', 'Jordi Mas', 'Pau Soler'])
        expect([seenAt, me, countNewsSince(news, seenAt, me)]).toEqual([
          seenAt,
          me,
          countNew(arrived, seenAt, me),
        ]);
  });

  it('counts a write that reached this device after the last look, however old its own time', () => {
    // Looked at on the 4th; a note Anna wrote offline on the 2nd arrives on the 6th, and Jordi's clock runs
    // behind: his edit of the 3rd by his clock reached the device on the 7th.
    const before = withArrivals(changes.slice(0, 1), undefined, '2016-06-02T11:00:00.000Z');
    expect(before).toEqual([{ ...changes[0], arrived: '2016-06-02T10:00:00.000Z' }]);
    const later = withArrivals(
      [...changes.slice(0, 1), { id: 'n5', at: '2016-06-02T08:00:00.000Z', by: 'Anna Puig' }],
      before,
      '2016-06-06T09:00:00.000Z',
    );
    expect(later.map((change) => change.arrived)).toEqual([
      '2016-06-02T10:00:00.000Z',
      '2016-06-06T09:00:00.000Z',
    ]);
    expect(countNew(later, '2016-06-04T00:00:00.000Z', 'Laia Ferrer')).toBe(1);
    const edited = withArrivals(
      [...later.slice(0, 1), { ...later[1]!, at: '2016-06-03T00:00:00.000Z', by: 'Jordi Mas' }],
      later,
      '2016-06-07T09:00:00.000Z',
    );
    expect(edited[1]!.arrived).toBe('2016-06-07T09:00:00.000Z');
    expect(countNew(edited, '2016-06-06T12:00:00.000Z', 'Laia Ferrer')).toBe(1);
  });

  it('adds comments and the decision by others to the records’ changes, per mission', () => {
    const sources: DeskSources = {
      news: new Map([['m1', newsOf({ missionId: 'm1', team: ['Anna Puig'], changes })]]),
      reviews: new Map([
        [
          'm1',
          {
            missionId: 'm1',
            decision: 'changesRequested' as const,
            decided: { id: 'decision', at: '2016-06-06T09:00:00.000Z', by: 'Pau Soler' },
            comments: [
              { id: 'c1', at: '2016-06-01T09:00:00.000Z', by: 'Pau Soler' },
              { id: 'c2', at: '2016-06-06T08:00:00.000Z', by: 'Laia Ferrer' },
            ],
          },
        ],
      ]),
      seen: new Map([['m1', '2016-06-03T12:00:00.000Z']]),
      synced: new Map([['m1', 1_465_000_000_000]]),
      me: 'Laia Ferrer',
    };
    const rows = deskRows([mission(), mission({ id: 'm2', deleted: 1 }), mission({ id: 'm3' })], sources);
    // m1: records by Anna (06-04) and Jordi (06-05), Pau's decision (06-06); not Laia's own comment, not the
    // comment before the last look. m2 is deleted. m3 has no facts yet.
    expect(rows.map((r) => [r.id, r.newCount])).toEqual([
      ['m1', 3],
      ['m3', 0],
    ]);
    expect(rows[0]).toMatchObject({
      team: ['Anna Puig'],
      review: 'changesRequested',
      lastSync: 1_465_000_000_000,
    });
    expect(rows[1]).toMatchObject({ team: [], review: null, lastSync: null });
  });
});

describe('sorting the desk', () => {
  const rows = [
    row({ id: 'a', title: 'Bahía', newCount: 2, status: 3, hostCanton: 'EC1320', startDate: '2016-05-01' }),
    row({ id: 'b', title: 'agua', newCount: 0, status: 1, hostCanton: 'EC1301', review: 'approved' }),
    row({ id: 'c', title: 'Chone', newCount: 5, status: 2, hostCanton: 'EC1303', startDate: '2016-04-01' }),
  ];
  const ids = (sorted: DeskRow[]) => sorted.map((r) => r.id);

  it('sorts titles without regard to case, either way', () => {
    expect(ids(sortDesk(rows, { key: 'title', direction: 'ascending' }))).toEqual(['b', 'a', 'c']);
    expect(ids(sortDesk(rows, { key: 'title', direction: 'descending' }))).toEqual(['c', 'a', 'b']);
  });

  it('sorts by what is new, by status and by canton name', () => {
    expect(ids(sortDesk(rows, { key: 'new', direction: 'descending' }))).toEqual(['c', 'a', 'b']);
    expect(ids(sortDesk(rows, { key: 'status', direction: 'ascending' }))).toEqual(['b', 'c', 'a']);
    // Chone, Jama, Portoviejo.
    expect(ids(sortDesk(rows, { key: 'canton', direction: 'ascending' }))).toEqual(['c', 'a', 'b']);
  });

  it('puts empty cells last in either direction', () => {
    expect(ids(sortDesk(rows, { key: 'dates', direction: 'ascending' }))).toEqual(['c', 'a', 'b']);
    expect(ids(sortDesk(rows, { key: 'dates', direction: 'descending' }))).toEqual(['a', 'c', 'b']);
  });

  it('puts missions not reviewed before those with a decision', () => {
    expect(ids(sortDesk(rows, { key: 'review', direction: 'ascending' }))[2]).toBe('b');
  });

  it('reverses the same column and starts another ascending', () => {
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'title')).toEqual({
      key: 'title',
      direction: 'descending',
    });
    expect(nextSort({ key: 'title', direction: 'descending' }, 'canton')).toEqual({
      key: 'canton',
      direction: 'ascending',
    });
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'new').direction).toBe('descending');
  });
});

describe('filtering the desk', () => {
  const rows = [
    row({
      id: 'a',
      searchText: 'Agua en Jama',
      status: 2,
      hostCanton: 'EC1320',
      themes: ['coastal_risk'],
      newCount: 1,
    }),
    row({ id: 'b', searchText: 'Escuelas de Chone', status: 3, hostCanton: 'EC1303', review: 'approved' }),
  ];
  const ids = (filtered: DeskRow[]) => filtered.map((r) => r.id);

  it('filters by status, canton, theme, review state and what is new', () => {
    expect(ids(filterDesk(rows, { ...NO_DESK_FILTER, status: '3' }))).toEqual(['b']);
    expect(ids(filterDesk(rows, { ...NO_DESK_FILTER, canton: 'EC1320' }))).toEqual(['a']);
    expect(ids(filterDesk(rows, { ...NO_DESK_FILTER, theme: 'coastal_risk' }))).toEqual(['a']);
    expect(ids(filterDesk(rows, { ...NO_DESK_FILTER, review: 'none' }))).toEqual(['a']);
    expect(ids(filterDesk(rows, { ...NO_DESK_FILTER, review: 'approved' }))).toEqual(['b']);
    expect(ids(filterDesk(rows, { ...NO_DESK_FILTER, onlyNew: true }))).toEqual(['a']);
  });

  it('matches the query in the mission or, once the search answered, in its records', () => {
    expect(ids(filterDesk(rows, { ...NO_DESK_FILTER, query: 'chone' }))).toEqual(['b']);
    expect(ids(filterDesk(rows, { ...NO_DESK_FILTER, query: 'pozo' }))).toEqual([]);
    expect(ids(filterDesk(rows, { ...NO_DESK_FILTER, query: 'pozo' }, new Set(['a'])))).toEqual(['a']);
  });
});
