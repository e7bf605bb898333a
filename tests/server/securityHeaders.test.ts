// Every response carries the security headers: the app, its routes, the API, errors and the health check.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, tempDir, type TestServer } from './syncHarness.ts';

let t: TestServer;
let hsts: TestServer;
let dist: string;

beforeAll(async () => {
  dist = await tempDir('minga-dist-');
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Minga</title>');
  await writeFile(path.join(dist, 'assets', 'app-1234.js'), 'export {};');
  t = await startTestServer({ distDir: dist });
  hsts = await startTestServer({ distDir: dist, hsts: true });
});

afterAll(async () => {
  for (const s of [t, hsts]) {
    await s?.stop();
    if (s) await removeDir(s.dataDir);
  }
  await removeDir(dist);
});

const paths = [
  '/',
  '/missions/x',
  '/assets/app-1234.js',
  '/missing.png',
  '/healthz',
  '/api/me',
  '/api/blobs/x',
];

describe('security headers', () => {
  it.each(paths)('%s carries the policy headers, without HSTS unless configured', async (urlPath) => {
    const res = await fetch(`http://127.0.0.1:${t.server.port}${urlPath}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('permissions-policy')).toContain('camera=(self)');
    expect(res.headers.get('permissions-policy')).toContain('geolocation=(self)');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends Strict-Transport-Security when configured', async () => {
    const res = await fetch(`http://127.0.0.1:${hsts.server.port}/`);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
