// `npm start` reads its limits from the environment: a setting it cannot honour stops it at once with a message
// that names the variables, before anything listens.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/server/static.ts';
import { NODE, removeDir, tempDir } from './syncHarness.ts';

function start(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(NODE, ['src/server/start.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('server settings from the environment', () => {
  it('refuses a request deadline shorter than the headers deadline, naming both', async () => {
    const dataDir = await tempDir('minga-start-');
    try {
      const { status, stderr } = start({ DATA_DIR: dataDir, REQUEST_TIMEOUT_MS: '1000' });
      expect(status).toBe(1);
      expect(stderr).toContain('REQUEST_TIMEOUT_MS (1000) must be at least HEADERS_TIMEOUT_MS (10000)');
    } finally {
      await removeDir(dataDir);
    }
  }, 40_000);

  it('refuses a limit that is not a positive integer', async () => {
    const dataDir = await tempDir('minga-start-');
    try {
      const { status, stderr } = start({ DATA_DIR: dataDir, WRITE_BURST: '-3' });
      expect(status).toBe(1);
      expect(stderr).toContain('WRITE_BURST must be a positive integer');
    } finally {
      await removeDir(dataDir);
    }
  }, 40_000);
});
