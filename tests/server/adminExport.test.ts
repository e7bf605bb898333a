// `npm run admin -- export`: the server writes the app's exports from the missions in its own store, read through
// the record schema; the files parse back and carry what the missions hold, deleted records left out.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../src/server/db.ts';
import { sqliteDocumentStore } from '../../src/server/documents.ts';
import { openPostgres } from '../../src/server/postgres.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import { postgresTokenStore } from '../../src/server/tokens.ts';
import { createMission, createRecord, setDeleted, type Stamp } from '../../src/storage/missionDoc.ts';
import pg from 'pg';
import { connect, removeDir, settled, startTestServer, tempDir } from './syncHarness.ts';

const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const run = promisify(execFile);
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `minga_export_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
  const pool = new pg.Pool({ connectionString: DATABASE_URL });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});

const stamp = (now: string): Stamp => ({ actor: { name: 'Anna', device: 'device-anna' }, now });

function mission(title: string, startDate: string, withRecords: boolean): Uint8Array {
  const doc = new Y.Doc();
  createMission(doc, { title, hostCanton: 'EC1320', startDate }, stamp(`${startDate}T08:00:00.000Z`));
  if (withRecords) {
    createRecord(
      doc,
      'assessment',
      'a1',
      {
        title: 'El Matal',
        date: startDate,
        canton: 'EC1320',
        gps: { lat: -0.2, lon: -80.26, accuracy: 8, capturedAt: '' },
        sectors: [{ sector: 'shelter', severity: 5, affected: 40, inNeed: 30, notes: '' }],
      },
      stamp(`${startDate}T09:00:00.000Z`),
    );
    createRecord(
      doc,
      'note',
      'n1',
      { text: '=SUM(A1) en Jama, señal débil' },
      stamp(`${startDate}T10:00:00.000Z`),
    );
    createRecord(doc, 'note', 'n2', { text: 'borrada' }, stamp(`${startDate}T10:05:00.000Z`));
    setDeleted(doc, 'note', 'n2', true, stamp(`${startDate}T10:06:00.000Z`));
  }
  return Y.encodeStateAsUpdate(doc);
}

async function admin(dataDir: string, args: string[], env: Record<string, string> = { DATABASE_URL: '' }) {
  return run(NODE, ['src/server/admin.ts', 'export', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, DATA_DIR: dataDir },
  });
}

function parse(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('admin export', () => {
  // Each step starts a Node process: generous time on a busy machine.
  it(
    'writes CSV, HXL and GeoJSON from the stored missions, filtered by year and mission',
    { timeout: 120_000 },
    async () => {
      const dataDir = await tempDir('minga-export-');
      dirs.push(dataDir);
      const jama = randomUUID();
      const manta = randomUUID();
      const db = openDatabase(dataDir);
      const store = sqliteDocumentStore(db);
      await store.store(`mission:${jama}`, mission('Jama, vivienda', '2016-06-01', true));
      // An update still in the log, not yet folded into the stored state: the export must read it too.
      await store.appendBatch([
        { name: `mission:${manta}`, update: mission('Manta 2017', '2017-03-01', false) },
      ]);
      db.close();

      const csvDir = path.join(dataDir, 'csv');
      const { stdout } = await admin(dataDir, ['--format', 'csv', '--out', csvDir]);
      expect(stdout).toContain(`Wrote ${path.join(csvDir, 'missions.csv')}`);
      expect((await readdir(csvDir)).sort()).toEqual([
        'actions.csv',
        'assessment-sectors.csv',
        'assessments.csv',
        'missions.csv',
        'notes.csv',
        'people-met.csv',
        'products.csv',
        'team.csv',
      ]);
      const missions = parse(await readFile(path.join(csvDir, 'missions.csv'), 'utf8'));
      expect(missions.map((m) => m.title).sort()).toEqual(['Jama, vivienda', 'Manta 2017']);
      const notes = parse(await readFile(path.join(csvDir, 'notes.csv'), 'utf8'));
      expect(notes.map((n) => n.text)).toEqual(["'=SUM(A1) en Jama, señal débil"]);

      const yearDir = path.join(dataDir, 'y2017');
      await admin(dataDir, ['--format', 'csv', '--year', '2017', '--out', yearDir]);
      expect(parse(await readFile(path.join(yearDir, 'missions.csv'), 'utf8')).map((m) => m.id)).toEqual([
        manta,
      ]);

      const hxlDir = path.join(dataDir, 'hxl');
      await admin(dataDir, ['--format', 'hxl', '--mission', jama, '--out', hxlDir]);
      const hxl = Papa.parse<string[]>(
        (await readFile(path.join(hxlDir, 'assessments-hxl.csv'), 'utf8')).slice(1),
        {
          skipEmptyLines: true,
        },
      ).data;
      for (const tag of hxl[1]!) expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
      expect(hxl).toHaveLength(3);
      expect(hxl[2]![hxl[1]!.indexOf('#severity')]).toBe('5');

      const geoDir = path.join(dataDir, 'geo');
      await admin(dataDir, ['--format', 'geojson', '--out', geoDir]);
      const geo = JSON.parse(await readFile(path.join(geoDir, 'minga.geojson'), 'utf8')) as {
        type: string;
        features: { geometry: { coordinates: number[] }; properties: { id: string } }[];
      };
      expect(geo.type).toBe('FeatureCollection');
      expect(geo.features.map((f) => [f.properties.id, f.geometry.coordinates])).toEqual([
        ['a1', [-80.26, -0.2]],
      ]);
    },
  );

  it('refuses an unknown format, a bad year or no output directory', { timeout: 60_000 }, async () => {
    const dataDir = await tempDir('minga-export-');
    dirs.push(dataDir);
    await expect(admin(dataDir, ['--format', 'xlsx', '--out', dataDir])).rejects.toMatchObject({ code: 2 });
    await expect(admin(dataDir, ['--format', 'csv', '--year', '16', '--out', dataDir])).rejects.toMatchObject(
      {
        code: 2,
      },
    );
    await expect(admin(dataDir, ['--format', 'csv'])).rejects.toMatchObject({ code: 2 });
  });

  it(
    'exports a mission a device wrote through the real server into PostgreSQL',
    { timeout: 120_000 },
    async () => {
      const server = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
      dirs.push(server.dataDir);
      // With PostgreSQL, tokens live there too.
      const pool = await openPostgres(DATABASE_URL, schema);
      const { token } = await postgresTokenStore(pool, schema).create({
        role: 'coordinator',
        name: 'Export',
      });
      await pool.end();
      const id = randomUUID();
      const device = connect(server.url, token, `mission:${id}`);
      try {
        await settled(device);
        expect(device.denied).toBeNull();
        Y.applyUpdate(device.doc, mission('Pedernales, señalética', '2016-05-02', true));
        await device.acknowledged(20_000);
      } finally {
        device.destroy();
        await server.stop();
      }
      const out = path.join(server.dataDir, 'pg');
      await admin(server.dataDir, ['--format', 'csv', '--out', out], {
        DATABASE_URL,
        DATABASE_SCHEMA: schema,
      });
      const missions = parse(await readFile(path.join(out, 'missions.csv'), 'utf8'));
      expect(missions.map((m) => [m.id, m.title])).toEqual([[id, 'Pedernales, señalética']]);
      const sectors = parse(await readFile(path.join(out, 'assessment-sectors.csv'), 'utf8'));
      expect(sectors.map((s) => [s.assessment_id, s.sector, s.severity])).toEqual([['a1', 'shelter', '5']]);
    },
  );
});
