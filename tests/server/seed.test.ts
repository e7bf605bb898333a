// `npm run seed`: a demo programme written into an empty store is served by the real server as if devices had
// synced it, in SQLite and in PostgreSQL; the same seed gives the same programme; a store with missions is refused.
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import jpeg from 'jpeg-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MissionId } from '../../src/domain/ids.ts';
import { seedMission } from '../../src/server/seed/programme.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import { MissionView, type MissionSnapshot } from '../../src/storage/missionView.ts';
import { readReview } from '../../src/storage/reviewDoc.ts';
import {
  connect,
  NODE,
  removeDir,
  startTestServer,
  tempDir,
  waitFor,
  type TestServer,
} from './syncHarness.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SEED = ['--missions', '3', '--seed', 'manabi-test', '--photos', '2'];

interface Seeded {
  code: number;
  stdout: string;
  stderr: string;
  /** Per mission line: id and title. */
  missions: { id: string; title: string }[];
  /** The coordinator's token, alone on the last line. */
  token: string;
}

async function seed(env: Record<string, string>, ...args: string[]): Promise<Seeded> {
  const result = await promisify(execFile)(NODE, ['src/server/seed.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', DATABASE_SCHEMA: '', ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  const lines = result.stdout.trim().split('\n');
  const missions = lines
    .map((line) => line.split('\t'))
    .filter((cells) => cells.length === 4)
    .map((cells) => ({ id: cells[0] as string, title: cells[3] as string }));
  return { ...result, missions, token: lines.at(-1) ?? '' };
}

const api = (t: TestServer, path: string, token: string) =>
  fetch(`http://127.0.0.1:${t.server.port}${path}`, { headers: { Authorization: `Bearer ${token}` } });

/** A document as a device receives it over /sync. */
async function synced(t: TestServer, token: string, name: string) {
  const client = connect(t.url, token, name);
  await waitFor(() => client.provider.synced, 5000, `sync of ${name}`);
  client.destroy();
  return client.doc;
}

async function snapshot(t: TestServer, token: string, id: string): Promise<MissionSnapshot> {
  const view = new MissionView(await synced(t, token, `mission:${id}`), id as MissionId);
  const read = view.snapshot();
  view.destroy();
  return read;
}

/** What a newcomer's coordinator device sees of the seeded programme. */
async function expectServed(t: TestServer, seeded: Seeded): Promise<void> {
  const listed = await api(t, '/api/missions', seeded.token);
  expect(listed.status).toBe(200);
  const ids = seeded.missions.map((m) => m.id).sort();
  expect(((await listed.json()) as { missions: string[] }).missions.sort()).toEqual(ids);

  const first = seeded.missions[0] as { id: string; title: string };
  const read = await snapshot(t, seeded.token, first.id);
  expect(read.mission?.title).toBe(first.title);
  expect(read.mission?.team.length).toBeGreaterThanOrEqual(1);
  expect(read.assessments.length).toBeGreaterThanOrEqual(2);
  expect(read.notes.length).toBeGreaterThanOrEqual(5);
  expect(read.actions.length).toBeGreaterThanOrEqual(3);
  const records = [read.mission, ...read.assessments, ...read.notes, ...read.actions];
  // Every value is one the record schema accepts.
  expect(records.flatMap((r) => Object.keys(r?.marks.invalid ?? {}))).toEqual([]);

  const photos = [...read.notes, ...read.assessments].flatMap((r) => r.photos);
  expect(photos).toHaveLength(2);
  const photo = photos[0]!;
  const blob = await api(t, `/api/blobs/${photo.sha256}`, seeded.token);
  expect(blob.status).toBe(200);
  expect(blob.headers.get('content-type')).toBe('image/jpeg');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo.sha256);
  expect(bytes.length).toBe(photo.bytes);
  const decoded = jpeg.decode(bytes, { useTArray: true });
  expect([decoded.width, decoded.height]).toEqual([photo.width, photo.height]);
}

/** Comments of a reviewed mission point at records of that mission. */
async function expectReviews(t: TestServer, seeded: Seeded): Promise<void> {
  let reviewed = 0;
  for (const { id } of seeded.missions) {
    const review = readReview(await synced(t, seeded.token, `review:${id}`));
    if (review.comments.length === 0 && review.decision === null) continue;
    reviewed += 1;
    const read = await snapshot(t, seeded.token, id);
    const known = new Set([id, ...[...read.assessments, ...read.notes, ...read.actions].map((r) => r.id)]);
    for (const comment of review.comments) expect(known.has(comment.target.id)).toBe(true);
  }
  expect(reviewed).toBeGreaterThan(0);
}

const schema = `minga_seed_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const dirs: string[] = [];
/** Both stores are seeded at once, each by its own process: the test waits for the slower one only. */
let seeding: Promise<[Seeded, Seeded]>;

beforeAll(async () => {
  dirs.push(await tempDir('minga-seed-'), await tempDir('minga-seed-pg-'));
  seeding = Promise.all([
    seed({ DATA_DIR: dirs[0]! }, ...SEED),
    seed({ DATABASE_URL, DATABASE_SCHEMA: schema }, ...SEED),
  ]);
  await seeding;
}, 20_000);

afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
  const pool = new pg.Pool({ connectionString: DATABASE_URL });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});

describe('npm run seed into a data directory (SQLite)', () => {
  let dataDir: string;
  let seeded: Seeded;
  let t: TestServer;

  beforeAll(async () => {
    dataDir = dirs[0]!;
    seeded = (await seeding)[0];
    t = await startTestServer({}, dataDir);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('prints the missions and an invite link for a coordinator', () => {
    expect(seeded.code).toBe(0);
    expect(seeded.missions).toHaveLength(3);
    expect(seeded.stdout).toContain(`/join#token=${seeded.token}`);
  });

  it('is served to the coordinator: missions listed, records read through the schema, photos downloaded', async () => {
    await expectServed(t, seeded);
    await expectReviews(t, seeded);
  });

  it('gives the same missions for the same seed, and others for another seed', () => {
    const options = { missions: 3, seed: 'manabi-test', photos: 0, from: '2016-04-20', to: '2017-12-10' };
    const titles = [0, 1, 2].map((i) => seedMission(options, i).title);
    expect(titles).toEqual(seeded.missions.map((m) => m.title));
    expect([0, 1, 2].map((i) => seedMission(options, i).id)).toEqual(seeded.missions.map((m) => m.id));
    const other = [0, 1, 2].map((i) => seedMission({ ...options, seed: 'other' }, i).title);
    expect(other).not.toEqual(titles);
  });

  it('refuses a store that already holds missions; --force adds beside them and leaves stored ones', async () => {
    const again = await seed({ DATA_DIR: dataDir }, ...SEED);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already holds 3 missions');
    expect(again.stdout).toBe('');
    const before = await snapshot(t, seeded.token, seeded.missions[0]!.id);

    const forced = await seed(
      { DATA_DIR: dataDir },
      ...SEED,
      '--missions',
      '4',
      '--force',
      '--photos',
      'off',
    );
    expect(forced.code).toBe(0);
    expect(forced.stdout.match(/already stored, left as it is/g)).toHaveLength(3);
    expect(forced.missions).toHaveLength(1);
    const listed = (await (await api(t, '/api/missions', seeded.token)).json()) as { missions: string[] };
    expect(listed.missions).toHaveLength(4);
    const after = await snapshot(t, seeded.token, seeded.missions[0]!.id);
    expect(after.notes.map((n) => n.id).sort()).toEqual(before.notes.map((n) => n.id).sort());
  }, 20_000);
});

describe('npm run seed into PostgreSQL (DATABASE_URL)', () => {
  let seeded: Seeded;
  let t: TestServer;

  beforeAll(async () => {
    seeded = (await seeding)[1];
    t = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema }, dirs[1]);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is served from PostgreSQL as from SQLite', async () => {
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain(`PostgreSQL schema ${schema}`);
    await expectServed(t, seeded);
  });
});
