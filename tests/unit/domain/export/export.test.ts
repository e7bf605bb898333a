// Exports parsed back: CSV with the same library, HXL's two header rows, GeoJSON's structure and coordinates.
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildExport, zipFiles, type ExportFile } from '../../../../src/domain/export/index.ts';
import type { LabelOf } from '../../../../src/domain/export/labels.ts';
import { GONE, MANTA, PEDERNALES, programme } from './fixtures.ts';

const HASHTAG = /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/;
const labels: LabelOf = (list, code) => `${list}:${code}`;

function parse(file: ExportFile): Record<string, string>[] {
  expect(file.text.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<Record<string, string>>(file.text.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(result.errors).toEqual([]);
  return result.data;
}

function byName(files: ExportFile[], name: string): ExportFile {
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name} in ${files.map((f) => f.name).join(', ')}`);
  return file;
}

describe('CSV export', () => {
  const files = buildExport(programme(), { format: 'csv', labels });

  it('carries the mission’s budget, person-days, products and people met, by role and organisation', () => {
    const [pedernales] = parse(byName(files, 'missions.csv')).filter((m) => m.id === PEDERNALES);
    expect(pedernales).toMatchObject({
      budget_planned_eur: '12000.5',
      budget_executed_eur: '',
      planned_person_days: '20',
      products_planned: '2',
      products_delivered: '1',
    });
    const products = parse(byName(files, 'products.csv'));
    expect(products.map((p) => [p.title, p.kind_label, p.planned, p.delivered_on])).toEqual([
      ['Diagnóstico urbano', 'productKind:diagnostic', 'yes', '2016-05-14'],
      ["'+Plan de mejora", 'productKind:plan', 'yes', ''],
    ]);
    expect(parse(byName(files, 'people-met.csv'))).toEqual([
      expect.objectContaining({
        role: 'Técnicos de planificación',
        organisation: 'GAD Pedernales',
        count: '4',
      }),
    ]);
  });

  it('writes one file per kind of record, with CRLF line ends', () => {
    expect(files.map((f) => f.name)).toEqual([
      'missions.csv',
      'assessments.csv',
      'assessment-sectors.csv',
      'notes.csv',
      'actions.csv',
      'team.csv',
      'products.csv',
      'people-met.csv',
    ]);
    for (const file of files) {
      expect(file.text.endsWith('\r\n')).toBe(true);
      expect(file.text.replace(/\r\n/g, '')).not.toMatch(/\r(?!\n)/);
    }
  });

  it('keeps accents and leaves deleted missions and records out', () => {
    const missions = parse(byName(files, 'missions.csv'));
    expect(missions.map((m) => m.title)).toEqual(['Pedernales — reconstrucción', 'Manta 2017']);
    expect(missions[0]).toMatchObject({
      host_canton: 'Pedernales',
      status: '2',
      status_label: 'missionStatus:2',
      themes: 'urban_planning; coastal_risk',
      notes: '1',
    });
    const notes = parse(byName(files, 'notes.csv'));
    expect(notes.map((n) => n.id).sort()).toEqual(['n1', 'n3']);
    expect(notes.find((n) => n.id === 'n1')?.tags).toBe('reunión');
    expect(JSON.stringify(files)).not.toContain(GONE);
  });

  it('neutralises text cells a spreadsheet would run, even over several lines; numbers stay numbers', () => {
    const notes = parse(byName(files, 'notes.csv'));
    expect(notes.find((n) => n.id === 'n1')?.text).toBe(
      `'=HYPERLINK("http://x","clic")\nReunión con el GAD: señalética`,
    );
    expect(notes.find((n) => n.id === 'n3')?.text).toBe(`'-Seguimiento remoto`);
    expect(notes.find((n) => n.id === 'n1')).toMatchObject({ latitude: '-0.5', longitude: '-80.4' });
    expect(parse(byName(files, 'actions.csv'))[0]?.activity).toBe(`'@Taller de planificación`);
    expect(parse(byName(files, 'team.csv')).map((m) => m.name)).toEqual(['Núria Pàmies', "'=cmd|calc"]);
    const sectors = parse(byName(files, 'assessment-sectors.csv'));
    expect(sectors.map((s) => [s.sector, s.sector_label, s.severity, s.in_need, s.notes])).toEqual([
      ['shelter', 'sector:shelter', '4', '800', "'+34 casas sin techo"],
      ['wash', 'sector:wash', '3', '', ''],
    ]);
    for (const file of files)
      for (const row of parse(file))
        for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+@\t\r]/);
  });

  it('leaves label columns out when no labels are given', () => {
    const plain = buildExport(programme(), { format: 'csv' });
    const header = Object.keys(parse(byName(plain, 'missions.csv'))[0]!);
    expect(header).toContain('status');
    expect(header).not.toContain('status_label');
  });

  it('filters by mission and by year', () => {
    const one = buildExport(programme(), { format: 'csv', scope: { missions: [MANTA] } });
    expect(parse(byName(one, 'missions.csv')).map((m) => m.id)).toEqual([MANTA]);
    expect(parse(byName(one, 'assessments.csv'))).toEqual([]);
    const year = buildExport(programme(), { format: 'csv', scope: { year: 2017 } });
    expect(parse(byName(year, 'missions.csv')).map((m) => m.id)).toEqual([MANTA]);
    expect(parse(byName(year, 'notes.csv')).map((n) => n.id)).toEqual(['n3']);
    const y2016 = buildExport(programme(), { format: 'csv', scope: { year: 2016 } });
    expect(parse(byName(y2016, 'missions.csv')).map((m) => m.id)).toEqual([PEDERNALES]);
    expect(parse(byName(y2016, 'actions.csv')).map((a) => a.id)).toEqual(['x1']);
  });

  it('zips the files with their names', () => {
    const entries = unzipSync(zipFiles(files));
    expect(Object.keys(entries).sort()).toEqual(files.map((f) => f.name).sort());
    // The byte-order mark is kept in the file (a plain TextDecoder would hide it).
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(entries['notes.csv']);
    expect(text).toBe(byName(files, 'notes.csv').text);
  });
});

describe('HXL export', () => {
  it('has a header row, then a row of well-formed hashtags, then one row per sector per site', () => {
    const [file] = buildExport(programme(), { format: 'hxl', labels });
    expect(file?.name).toBe('assessments-hxl.csv');
    const rows = Papa.parse<string[]>(file!.text.slice(1), { skipEmptyLines: true }).data;
    const [header, tags, ...data] = rows;
    expect(header?.slice(0, 3)).toEqual(['Assessment', 'Date', 'Province']);
    expect(tags).toHaveLength(header!.length);
    for (const tag of tags!) expect(tag).toMatch(HASHTAG);
    expect(tags).toEqual(
      expect.arrayContaining(['#meta+id', '#adm2+code', '#geo+lat', '#inneed', '#affected+f']),
    );
    expect(data).toHaveLength(2);
    const row = Object.fromEntries(tags!.map((tag, i) => [tag, data[0]![i]]));
    expect(row).toMatchObject({
      '#meta+id': 'a1',
      '#date': '2016-05-03',
      '#adm1+name': 'Manabí',
      '#adm1+code': 'EC13',
      '#adm2+name': 'Pedernales',
      '#adm2+code': 'EC1317',
      '#org+name': 'Ajuntament de Girona',
      '#sector': 'shelter',
      '#severity': '4',
      '#affected': '1200',
      '#affected+f': '600',
      '#affected+children': '300',
      '#indicator+priority+num': '3',
      '#meta+method': 'kii',
      '#inneed': '800',
    });
    expect(Object.fromEntries(tags!.map((tag, i) => [tag, data[1]![i]]))['#indicator+priority+num']).toBe(
      '1',
    );
  });
});

describe('GeoJSON export', () => {
  it('is a FeatureCollection of points, longitude first, in range, 6 decimals at most', () => {
    const [file] = buildExport(programme(), { format: 'geojson' });
    expect(file?.mime).toBe('application/geo+json');
    const json = JSON.parse(file!.text) as {
      type: string;
      crs?: unknown;
      features: {
        type: string;
        geometry: { type: string; coordinates: number[] };
        properties: Record<string, unknown>;
      }[];
    };
    expect(json.type).toBe('FeatureCollection');
    expect(json.crs).toBeUndefined();
    expect(json.features.map((f) => [f.properties.kind, f.properties.id])).toEqual([
      ['assessment', 'a1'],
      ['note', 'n1'],
    ]);
    for (const feature of json.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.geometry.type).toBe('Point');
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      expect(feature.geometry.coordinates).toHaveLength(2);
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      for (const c of [lon, lat]) expect(String(c).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
    }
    expect(json.features[0]?.geometry.coordinates).toEqual([-80.053123, 0.072123]);
    expect(json.features[0]?.properties).toMatchObject({ mission: PEDERNALES, highestSeverity: 4 });
    expect(json.features[1]?.properties.text).toBe(
      '=HYPERLINK("http://x","clic") Reunión con el GAD: señalética',
    );
  });
});
