// Severity across missions: what the projection keeps of each record, and the canton × sector matrix from it.
import { describe, expect, it } from 'vitest';
import {
  assessmentFacts,
  assessmentYears,
  assessmentsBehind,
  limitPoints,
  mapPoints,
  missionSeverityFacts,
  noteFacts,
  placePoint,
  severityMatrix,
  type MissionSeverityFacts,
} from '../../../../src/domain/desk/severity.ts';
import { isTileTemplate, tileCspSource, tileTemplateOr } from '../../../../src/domain/desk/tiles.ts';

const assessment = (over: Partial<Parameters<typeof assessmentFacts>[0]> = {}) => ({
  id: 'a1',
  title: 'Barrio Norte',
  canton: 'EC1317',
  parish: 'Pedernales',
  date: '2016-04-20',
  deletedAt: null,
  gps: { lat: 0.072, lon: -80.053, accuracy: 12 },
  sectors: [
    { sector: 'wash', severity: 4, affected: 1200, inNeed: 800 },
    { sector: 'shelter', severity: 3, affected: null, inNeed: null },
  ],
  ...over,
});

const note = (over: Partial<Parameters<typeof noteFacts>[0]> = {}) => ({
  id: 'n1',
  text: 'Reunión   con\nel GAD sobre el agua del barrio norte',
  createdAt: '2016-04-21T10:00:00.000Z',
  deletedAt: null,
  gps: { lat: 0.07, lon: -80.05, accuracy: 8 },
  ...over,
});

const mission = (
  missionId: string,
  assessments: ReturnType<typeof assessment>[],
  over: Partial<MissionSeverityFacts> = {},
): MissionSeverityFacts => ({
  ...missionSeverityFacts(missionId, {
    mission: { title: `Mission ${missionId}`, status: 2, deletedAt: null },
    assessments,
    notes: [note()],
  })!,
  ...over,
});

describe('assessmentFacts', () => {
  it('keeps place, date, sectors with figures, GPS and the highest severity', () => {
    expect(assessmentFacts(assessment())).toEqual({
      id: 'a1',
      title: 'Barrio Norte',
      canton: 'EC1317',
      parish: 'Pedernales',
      date: '2016-04-20',
      sectors: [
        { sector: 'wash', severity: 4, affected: 1200, inNeed: 800 },
        { sector: 'shelter', severity: 3, affected: null, inNeed: null },
      ],
      gps: { lat: 0.072, lon: -80.053, accuracy: 12 },
      highest: 4,
    });
  });

  it('leaves out a deleted assessment', () => {
    expect(assessmentFacts(assessment({ deletedAt: '2016-04-22T00:00:00Z' }))).toBeNull();
  });

  it('ignores hostile values: unknown sectors, severities out of range, repeated sectors, a bad canton', () => {
    const facts = assessmentFacts(
      assessment({
        canton: 'XX99',
        sectors: [
          { sector: 'bananas', severity: 5, affected: 1, inNeed: 1 },
          { sector: 'health', severity: 9, affected: 1, inNeed: 1 },
          { sector: 'health', severity: 2.5, affected: 1, inNeed: 1 },
          { sector: 'wash', severity: 2, affected: -4, inNeed: Number.NaN },
          { sector: 'wash', severity: 5, affected: 1, inNeed: 1 },
        ],
        gps: { lat: 95, lon: 10, accuracy: 1 },
      }),
    )!;
    expect(facts.canton).toBe('');
    expect(facts.sectors).toEqual([{ sector: 'wash', severity: 2, affected: null, inNeed: null }]);
    expect(facts.highest).toBe(2);
    expect(facts.gps).toBeNull();
  });

  it('has no highest severity when no sector was assessed', () => {
    expect(assessmentFacts(assessment({ sectors: [] }))!.highest).toBeNull();
  });
});

describe('noteFacts and placePoint', () => {
  it('keeps a geolocated note with its day and a short excerpt on one line', () => {
    const facts = noteFacts(note({ text: `${'agua '.repeat(40)}` }))!;
    expect(facts.date).toBe('2016-04-21');
    expect(facts.excerpt.length).toBeLessThanOrEqual(80);
    expect(facts.excerpt.endsWith('…')).toBe(true);
    expect(noteFacts(note())!.excerpt).toBe('Reunión con el GAD sobre el agua del barrio norte');
  });

  it('leaves out notes without a place and deleted ones', () => {
    expect(noteFacts(note({ gps: null }))).toBeNull();
    expect(noteFacts(note({ deletedAt: '2016-04-22T00:00:00Z' }))).toBeNull();
  });

  it('refuses positions out of range, not numbers, and the 0,0 of no fix', () => {
    expect(placePoint({ lat: 0, lon: 0, accuracy: 5 })).toBeNull();
    expect(placePoint({ lat: '1', lon: 2 })).toBeNull();
    expect(placePoint({ lat: 10, lon: 181 })).toBeNull();
    expect(placePoint({ lat: Number.POSITIVE_INFINITY, lon: 2 })).toBeNull();
    expect(placePoint({ lat: -1.05, lon: -80.45, accuracy: -3 })).toEqual({
      lat: -1.05,
      lon: -80.45,
      accuracy: 0,
    });
  });
});

describe('severityMatrix', () => {
  const missions = [
    mission('m1', [
      assessment(),
      assessment({ id: 'a2', sectors: [{ sector: 'wash', severity: 5, affected: null, inNeed: null }] }),
      assessment({
        id: 'a3',
        canton: 'EC1301',
        sectors: [{ sector: 'health', severity: 2, affected: 1, inNeed: 0 }],
      }),
    ]),
    mission('m2', [
      assessment({ id: 'b1', sectors: [{ sector: 'shelter', severity: 1, affected: null, inNeed: null }] }),
    ]),
  ];

  it('gives the highest severity per canton and sector, cantons in P-code order', () => {
    const rows = severityMatrix(missions);
    expect(rows.map((r) => r.pcode)).toEqual(['EC1301', 'EC1317']);
    expect(rows[0]!.cells).toEqual({ health: { highest: 2, assessments: 1 } });
    expect(rows[1]!.name).toBe('Pedernales');
    expect(rows[1]!.cells).toEqual({
      wash: { highest: 5, assessments: 2 },
      shelter: { highest: 3, assessments: 2 },
    });
  });

  it('leaves out deleted missions, and filters by mission status and year', () => {
    const deleted = [
      ...missions,
      mission('m3', [assessment({ id: 'c1', canton: 'EC1308' })], { deleted: 1 }),
    ];
    expect(severityMatrix(deleted).map((r) => r.pcode)).toEqual(['EC1301', 'EC1317']);
    const closed = [
      mission('m4', [assessment({ id: 'd1', canton: 'EC1308' })], { missionStatus: 4 }),
      ...missions,
    ];
    expect(severityMatrix(closed, { status: '4', year: '' }).map((r) => r.pcode)).toEqual(['EC1308']);
    expect(severityMatrix(missions, { status: '', year: '2017' })).toEqual([]);
    expect(assessmentYears(closed)).toEqual(['2016']);
  });

  it('ignores rows a broken device or an older reader could hold', () => {
    const hostile = [
      ...missions,
      { ...mission('m5', []), assessments: 'nope' } as unknown as MissionSeverityFacts,
      mission('m6', [
        {
          ...assessment({ id: 'e1', canton: 'EC1303' }),
          sectors: [{ sector: 'wash', severity: 7, affected: null, inNeed: null }],
        },
      ]),
    ];
    const forged = hostile.map((m) =>
      m.missionId === 'm6'
        ? {
            ...m,
            assessments: m.assessments.map((a) => ({ ...a, sectors: [{ sector: 'wash', severity: 7 }] })),
          }
        : m,
    ) as unknown as MissionSeverityFacts[];
    const rows = severityMatrix(forged);
    expect(rows.find((r) => r.pcode === 'EC1303')?.cells).toEqual({});
  });

  it('lists the assessments behind a cell, most severe first', () => {
    const behind = assessmentsBehind(missions, 'EC1317', 'shelter');
    expect(behind.map((b) => [b.missionId, b.assessment.id, b.severity])).toEqual([
      ['m1', 'a1', 3],
      ['m2', 'b1', 1],
    ]);
    expect(assessmentsBehind(missions, 'EC1317', 'health')).toEqual([]);
  });
});

describe('mapPoints', () => {
  it('places geolocated assessments with their highest severity and notes without one', () => {
    const points = mapPoints([
      mission('m1', [assessment(), assessment({ id: 'a2', gps: null })]),
      mission('m9', [assessment({ id: 'z' })], { deleted: 1 }),
    ]);
    expect(points).toEqual([
      {
        kind: 'assessment',
        missionId: 'm1',
        id: 'a1',
        label: 'Barrio Norte',
        lat: 0.072,
        lon: -80.053,
        accuracy: 12,
        severity: 4,
      },
      {
        kind: 'note',
        missionId: 'm1',
        id: 'n1',
        label: 'Reunión con el GAD sobre el agua del barrio norte',
        lat: 0.07,
        lon: -80.05,
        accuracy: 8,
        severity: null,
      },
    ]);
  });
});

describe('tile templates', () => {
  it('accepts http(s) templates with z, x and y and gives the CSP source of their host', () => {
    expect(isTileTemplate('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(true);
    expect(tileCspSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileCspSource('http://127.0.0.1:4321/tiles/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:4321');
  });

  it('refuses anything else, and falls back to the default', () => {
    for (const bad of [
      'javascript:alert(1)//{z}{x}{y}',
      'https://tile.example.org/{z}/{x}.png',
      "https://evil.org; script-src *'/{z}/{x}/{y}",
      'https://a b.org/{z}/{x}/{y}',
    ])
      expect(isTileTemplate(bad)).toBe(false);
    expect(tileTemplateOr('nope')).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  });
});

describe('limitPoints', () => {
  it('keeps every point under the limit, and the most severe assessments first over it', () => {
    const point = (id: string, kind: 'assessment' | 'note', severity: 1 | 2 | 3 | 4 | 5 | null) => ({
      kind,
      missionId: 'm',
      id,
      label: id,
      lat: 0.1,
      lon: -80,
      accuracy: 0,
      severity,
    });
    const points = [
      point('n', 'note', null),
      point('a', 'assessment', 2),
      point('b', 'assessment', 5),
      point('c', 'assessment', null),
    ];
    expect(limitPoints(points, 10)).toEqual(points);
    expect(limitPoints(points, 2).map((p) => p.id)).toEqual(['b', 'a']);
    expect(limitPoints(points, 3).map((p) => p.id)).toEqual(['b', 'a', 'c']);
  });
});
