// Static HTTP server for the built PWA (dist/): health check, SPA fallback, cache headers.
// The request handler is exported on its own so the sync server (Hocuspocus on /sync, the /api routes) can
// later be mounted on the same node:http server in front of it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { acceptsGzip, gzippedFile, isCompressible } from './compress.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's location (not from the working directory). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where `vite build` writes the app. */
export const DEFAULT_DIST_DIR = path.join(REPO_ROOT, 'dist');

/** Paths the static handler never answers with the SPA shell: they belong to the API and the sync socket. */
export const RESERVED_PREFIXES: readonly string[] = ['/api', '/sync'];

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface StaticHandlerOptions {
  /** Absolute path of the built app. */
  distDir: string;
}

export interface StartStaticServerOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 0.0.0.0. */
  host?: string;
  /** Default: dist/ at the repository root. */
  distDir?: string;
  /** Replaces the static handler, e.g. with one that answers /api first and delegates the rest. */
  handler?: RequestHandler;
  /** A request whose headers, or whose whole body, take longer is answered 408 and closed. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Sends Strict-Transport-Security (only behind HTTPS). */
  hsts?: boolean;
}

export interface RunningServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  /** The underlying server, to mount WebSocket upgrades on. */
  server: Server;
  /** Stops listening and drops open connections (keep-alive included). */
  close(): Promise<void>;
}

const CACHE_NO_CACHE = 'no-cache';
const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Hashed build output lives under /assets/ and never changes; everything else must be revalidated. */
export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? CACHE_IMMUTABLE : CACHE_NO_CACHE;
}

function isReserved(urlPath: string): boolean {
  return RESERVED_PREFIXES.some((prefix) => urlPath === prefix || urlPath.startsWith(`${prefix}/`));
}

/**
 * Decodes the path of a request target. Returns null for anything that is not a plain absolute path or that
 * tries to climb out of the served directory (`..` segments, raw or percent-encoded, backslashes, NUL).
 */
export function safeUrlPath(rawUrl: string | undefined): string | null {
  if (rawUrl === undefined || !rawUrl.startsWith('/')) return null;
  const end = rawUrl.search(/[?#]/);
  const rawPath = end === -1 ? rawUrl : rawUrl.slice(0, end);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  return decoded;
}

function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  sendText(req, res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

async function statFile(filePath: string): Promise<Stats | null> {
  try {
    const stats = await stat(filePath);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string,
  stats: Stats,
  cacheControl: string,
): Promise<void> {
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': contentTypeFor(filePath),
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': stats.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  };
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (isCompressible(headers['Content-Type'], stats.size)) {
    res.setHeader('Vary', 'Accept-Encoding');
    if (acceptsGzip(req)) {
      const body = await gzippedFile(filePath, etag);
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
  }
  res.writeHead(200, { ...headers, 'Content-Length': stats.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(filePath), res);
}

/** Answers GET/HEAD for the built app: /healthz, files from distDir, and index.html for app routes. */
export function createStaticHandler({ distDir }: StaticHandlerOptions): RequestHandler {
  const root = path.resolve(distDir);
  const indexFile = path.join(root, 'index.html');

  return async (req, res) => {
    try {
      const urlPath = safeUrlPath(req.url);
      if (urlPath === null) {
        sendText(req, res, 400, 'Bad request path\n');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        sendText(req, res, 405, 'Method not allowed\n');
        return;
      }
      if (urlPath === '/healthz') {
        sendJson(req, res, 200, { status: 'ok' });
        return;
      }
      if (isReserved(urlPath)) {
        sendJson(req, res, 404, { error: 'not_found' });
        return;
      }

      const filePath = path.join(root, urlPath);
      if (filePath !== root && !filePath.startsWith(root + path.sep)) {
        sendText(req, res, 403, 'Forbidden\n');
        return;
      }
      const fileStats = await statFile(filePath);
      if (fileStats !== null) {
        await sendFile(req, res, filePath, fileStats, cacheControlFor(urlPath));
        return;
      }

      const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
      if (path.extname(lastSegment) !== '') {
        sendText(req, res, 404, 'Not found\n');
        return;
      }
      // An app route (/, /missions/123, …): the client-side router takes it from index.html.
      const indexStats = await statFile(indexFile);
      if (indexStats === null) {
        sendText(req, res, 503, 'The app is not built: run npm run build\n');
        return;
      }
      await sendFile(req, res, indexFile, indexStats, CACHE_NO_CACHE);
    } catch (error) {
      if (!res.headersSent) {
        sendText(req, res, 500, 'Internal server error\n');
      } else {
        res.destroy(error instanceof Error ? error : undefined);
      }
    }
  };
}

/** Starts a node:http server with the static handler (or the given one). Resolves once it listens. */
export function startStaticServer(options: StartStaticServerOptions = {}): Promise<RunningServer> {
  const { port = 8080, host = '0.0.0.0', distDir = DEFAULT_DIST_DIR } = options;
  const handler = options.handler ?? createStaticHandler({ distDir });
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 120_000,
      // How often those are checked (Node's default, 30 s, would let a slow body stay that much longer).
      connectionsCheckingInterval: 1000,
    },
    (req, res) => {
      setSecurityHeaders(res, options.hsts ?? false);
      void handler(req, res);
    },
  );

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const boundPort = typeof address === 'object' && address !== null ? address.port : port;
      resolve({
        port: boundPort,
        server,
        close: () =>
          new Promise<void>((resolveClose, rejectClose) => {
            server.close((error) => (error ? rejectClose(error) : resolveClose()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
