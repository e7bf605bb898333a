// Gzip for text assets, compressed once per file version and kept in memory: the phone's first load is
// mostly JavaScript, and on a hotel's Wi-Fi every kilobyte counts.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg\+xml)/;
const MIN_BYTES = 1024;
const cache = new Map<string, { etag: string; body: Buffer }>();

export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b/.test(header);
}

export function isCompressible(contentType: string, size: number): boolean {
  return size >= MIN_BYTES && COMPRESSIBLE.test(contentType);
}

/** The gzipped bytes of a file version (keyed by its ETag, so a rebuilt file is compressed anew). */
export async function gzippedFile(filePath: string, etag: string): Promise<Buffer> {
  const cached = cache.get(filePath);
  if (cached?.etag === etag) return cached.body;
  const body = await gzipAsync(await readFile(filePath), { level: 9 });
  cache.set(filePath, { etag, body });
  return body;
}
