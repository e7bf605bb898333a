// The static server against a throwaway dist/ on a free port: headers, SPA fallback, 404, traversal, health.
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../src/server/static.ts';

const INDEX_HTML = '<!doctype html><title>Minga test shell</title><div id="app"></div>';
const SECRET = 'TOP-SECRET-OUTSIDE-DIST';
const BIG_JS = 'export const places = ["Portoviejo", "Manta", "Pedernales"];\n'.repeat(200);

let tmp: string;
let server: RunningServer;
let base: string;

/** Sends the request target exactly as written (fetch would normalise `..` away before sending). */
function rawGet(target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: target, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'minga-static-'));
  const dist = path.join(tmp, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(tmp, 'secret.txt'), SECRET);
  const files: Record<string, string | Buffer> = {
    'index.html': INDEX_HTML,
    'sw.js': 'self.addEventListener("install", () => {});',
    'registerSW.js': 'navigator.serviceWorker.register("/sw.js");',
    'manifest.webmanifest': '{"name":"Minga"}',
    'other.webmanifest': '{"name":"Other"}',
    'assets/index-AbC123.js': 'console.log("app");',
    'assets/index-AbC123.css': 'body{margin:0}',
    'assets/big-QwE789.js': BIG_JS,
    'assets/inter-XyZ.woff2': Buffer.from([0x77, 0x4f, 0x46, 0x32]),
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'favicon.ico': Buffer.from([0, 0, 1, 0]),
    'icon-192.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    'robots.txt': 'User-agent: *\n',
    'version.json': '{"v":1}',
  };
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(dist, name), content);
  }
  server = await startStaticServer({ port: 0, host: '127.0.0.1', distDir: dist });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('static server', () => {
  it('binds a free port when asked for port 0', () => {
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers /healthz with JSON status ok', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['/index.html', 'text/html'],
    ['/sw.js', 'text/javascript'],
    ['/registerSW.js', 'text/javascript'],
    ['/manifest.webmanifest', 'application/manifest+json'],
    ['/other.webmanifest', 'application/manifest+json'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/favicon.ico', 'image/x-icon'],
    ['/icon-192.png', 'image/png'],
    ['/robots.txt', 'text/plain'],
    ['/version.json', 'application/json'],
  ])('serves %s with no-cache and content type %s', async (urlPath, type) => {
    const res = await fetch(`${base}${urlPath}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toMatch(new RegExp(`^${type.replace('+', '\\+')}`));
    await res.arrayBuffer();
  });

  it.each([
    ['/assets/index-AbC123.js', 'text/javascript', 'console.log("app");'],
    ['/assets/index-AbC123.css', 'text/css', 'body{margin:0}'],
    ['/assets/inter-XyZ.woff2', 'font/woff2', 'wOF2'],
  ])('serves hashed %s as immutable (%s)', async (urlPath, type, body) => {
    const res = await fetch(`${base}${urlPath}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(new RegExp(`^${type}`));
    expect(await res.text()).toBe(body);
  });

  it.each(['/', '/missions', '/missions/0b6c3f0e-1234/assessments/new', '/settings?tab=sync', '/assets'])(
    'falls back to index.html for the app route %s',
    async (urlPath) => {
      const res = await fetch(`${base}${urlPath}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX_HTML);
    },
  );

  it.each(['/missing.js', '/assets/index-gone.js', '/nope/icon.png', '/deep/route/file.webmanifest'])(
    'answers 404 for the missing file %s',
    async (urlPath) => {
      const res = await fetch(`${base}${urlPath}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Minga test shell');
    },
  );

  it.each(['/api', '/api/blobs/abc', '/api/missions', '/sync'])(
    'does not answer %s with the app shell',
    async (urlPath) => {
      const res = await fetch(`${base}${urlPath}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Minga test shell');
    },
  );

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses the traversal or malformed path %s', async (target) => {
    const res = await rawGet(target);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain(SECRET);
  });

  it('supports HEAD with headers and no body', async () => {
    const res = await fetch(`${base}/assets/index-AbC123.js`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String('console.log("app");'.length));
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('');

    const route = await fetch(`${base}/missions/1`, { method: 'HEAD' });
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await route.text()).toBe('');
  });

  it('gzips text assets for clients that accept it, and only for them', async () => {
    const zipped = await fetch(`${base}/assets/big-QwE789.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(BIG_JS.length / 10);
    expect(await zipped.text()).toBe(BIG_JS); // fetch inflates it
    const plain = await fetch(`${base}/assets/big-QwE789.js`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BIG_JS);
  });

  it('revalidates no-cache files with ETag and 304', async () => {
    const first = await fetch(`${base}/sw.js`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    await first.text();
    const second = await fetch(`${base}/sw.js`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(second.status).toBe(304);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(`${base}/index.html`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});
