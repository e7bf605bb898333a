// `npm run admin -- check`: the server reads stored missions by the app's own record schema and lists what needs a
// person: fields changed on two devices, values the schema refuses, entries that are not records.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../src/server/db.ts';
import { sqliteDocumentStore } from '../../src/server/documents.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import {
  createMission,
  createRecord,
  recordsRoot,
  updateRecord,
  type Stamp,
} from '../../src/storage/missionDoc.ts';
import { removeDir, tempDir } from './syncHarness.ts';

const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

const stamp = (name: string, now: string): Stamp => ({ actor: { name, device: `device-${name}` }, now });

/** A mission whose severity two phones changed offline, with a hostile GPS value and a broken action. */
function troubledMission(): Uint8Array {
  const a = new Y.Doc();
  createMission(
    a,
    { title: 'Jama', hostCanton: 'EC1320', startDate: '2016-06-01' },
    stamp('Anna', '2016-06-01T08:00:00.000Z'),
  );
  const sector = { sector: 'shelter' as const, severity: 3 as const, affected: 100, inNeed: null, notes: '' };
  createRecord(
    a,
    'assessment',
    'a1',
    { title: 'El Matal', sectors: [sector] },
    stamp('Anna', '2016-06-01T09:00:00.000Z'),
  );
  createRecord(a, 'note', 'n1', { text: 'Visita' }, stamp('Anna', '2016-06-01T09:05:00.000Z'));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  updateRecord(
    a,
    'assessment',
    'a1',
    { sectors: [{ ...sector, severity: 4 }] },
    stamp('Anna', '2016-06-02T10:00:00.000Z'),
  );
  updateRecord(
    b,
    'assessment',
    'a1',
    { sectors: [{ ...sector, severity: 5 }] },
    stamp('Jordi', '2016-06-02T11:00:00.000Z'),
  );
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  // What a broken or hostile device could write.
  const note = recordsRoot(a, 'note').get('n1')!;
  a.transact(() => {
    note.set('gps', { lat: 'a', lon: -80.2, accuracy: 5, capturedAt: '' });
    (recordsRoot(a, 'action') as Y.Map<unknown>).set('x1', 42);
  });
  return Y.encodeStateAsUpdate(a);
}

describe('admin check', () => {
  it('lists the conflicts, invalid values and broken entries of every stored mission', async () => {
    const dataDir = await tempDir('minga-check-');
    dirs.push(dataDir);
    const db = openDatabase(dataDir);
    const troubled = randomUUID();
    const healthy = randomUUID();
    const store = sqliteDocumentStore(db);
    await store.store(`mission:${troubled}`, troubledMission());
    const clean = new Y.Doc();
    createMission(
      clean,
      { title: 'Manta', hostCanton: 'EC1308', startDate: '2016-06-01' },
      stamp('Laia', '2016-06-01T08:00:00.000Z'),
    );
    await store.store(`mission:${healthy}`, Y.encodeStateAsUpdate(clean));
    db.close();

    const { stdout } = await promisify(execFile)(NODE, ['src/server/admin.ts', 'check'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain(
      `mission ${healthy}: 1 records, 0 changed on two devices, 0 invalid, 0 not records`,
    );
    expect(lines).toContain(
      `mission ${troubled}: 4 records, 1 changed on two devices, 1 invalid, 1 not records`,
    );
    expect(lines).toContain(
      '  conflict\tassessment\ta1\tsectors.shelter.severity\t' +
        '5 (Jordi, 2016-06-02T11:00:00.000Z, device-Jordi) | 4 (Anna, 2016-06-02T10:00:00.000Z, device-Anna)',
    );
    expect(lines).toContain('  invalid\tnote\tn1\tgps.lat\t"a"');
    expect(lines).toContain('  broken\taction\tx1');

    const only = await promisify(execFile)(NODE, ['src/server/admin.ts', 'check', '--mission', healthy], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
    });
    expect(only.stdout.trimEnd().split('\n')).toEqual([
      `mission ${healthy}: 1 records, 0 changed on two devices, 0 invalid, 0 not records`,
    ]);
  });
});
