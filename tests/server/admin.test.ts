// The admin command line: tokens that a shell or an argument parser could misread are still managed.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken, newTokenSecret, openDatabase } from '../../src/server/db.ts';
import { REPO_ROOT } from '../../src/server/static.ts';
import { removeDir, tempDir } from './syncHarness.ts';

const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

async function admin(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(NODE, ['src/server/admin.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
  });
  return stdout;
}

describe('admin tokens', () => {
  it('issues no token that starts with "-" (it would read as an option)', () => {
    // Each draw starts with "-" one time in 64: 2,000 draws would hold about 31 such tokens.
    const tokens = Array.from({ length: 2000 }, newTokenSecret);
    expect(tokens.filter((token) => token.startsWith('-'))).toEqual([]);
    expect(new Set(tokens).size).toBe(2000);
    expect(tokens.every((token) => /^[A-Za-z0-9_][A-Za-z0-9_-]{42}$/.test(token))).toBe(true);
  });

  it('revokes a token that starts with "-", given as it is', async () => {
    const dataDir = await tempDir('minga-admin-');
    dirs.push(dataDir);
    const db = openDatabase(dataDir);
    const legacy = `-${'x'.repeat(42)}`;
    const id = randomUUID();
    db.prepare('INSERT INTO tokens (id, hash, name, role, created_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      hashToken(legacy),
      'Anna',
      'technician',
      new Date().toISOString(),
    );
    db.close();
    expect(await admin(dataDir, 'token', 'revoke', legacy)).toBe(`Revoked ${id}\n`);
    expect(await admin(dataDir, 'token', 'list')).toMatch(
      new RegExp(`^${id}\\ttechnician\\t"Anna"\\t.*\\trevoked `),
    );
  });
});
