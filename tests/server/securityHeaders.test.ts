// Every response carries the security headers: the app, its routes, the API, errors and the health check.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, tempDir, type TestServer } from './syncHarness.ts';
import { contentSecurityPolicy, tileSource } from '../../src/server/securityHeaders.ts';

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

  it('lets the app show and keep map tiles from the configured tile host only', async () => {
    const before = process.env.VITE_TILE_URL;
    try {
      process.env.VITE_TILE_URL = 'https://{s}.tiles.example.org/base/{z}/{x}/{y}.png';
      const csp = (await fetch(`http://127.0.0.1:${t.server.port}/`)).headers.get('content-security-policy');
      expect(csp).toContain("img-src 'self' blob: data: https://*.tiles.example.org;");
      expect(csp).toContain("connect-src 'self' https: wss: https://*.tiles.example.org;");
    } finally {
      if (before === undefined) delete process.env.VITE_TILE_URL;
      else process.env.VITE_TILE_URL = before;
    }
    expect(tileSource({})).toBe('https://tile.openstreetmap.org');
    // A value that is not a tile template never reaches the policy.
    expect(tileSource({ VITE_TILE_URL: "https://x.org; script-src * 'unsafe-inline'/{z}/{x}/{y}" })).toBe(
      'https://tile.openstreetmap.org',
    );
    expect(contentSecurityPolicy(tileSource({}))).not.toContain('unsafe-inline');
  });
});
