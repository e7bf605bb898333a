// What the HTTP fuzz sends: requests to every route of the server (app.ts, blobs.ts, historyRoutes.ts,
// invites.ts, static.ts) with random methods, paths (traversal, encodings, huge), headers and bodies, some of them
// slow or never finished, written on a raw TCP socket so nothing on our side tidies them up.
import { createHash } from 'node:crypto';
import net from 'node:net';
import fc from 'fast-check';
import type { FuzzTokens } from './fuzzServer.ts';

type Caller = keyof FuzzTokens | 'none' | 'bad' | 'basic' | 'huge';

type Route =
  | 'healthz'
  | 'root'
  | 'index'
  | 'asset'
  | 'app-route'
  | 'api'
  | 'me'
  | 'missions'
  | 'invites'
  | 'blob'
  | 'history'
  | 'version'
  | 'restore'
  | 'sync'
  | 'favicon';

const ROUTES: readonly Route[] = [
  'healthz',
  'root',
  'index',
  'asset',
  'app-route',
  'api',
  'me',
  'missions',
  'invites',
  'blob',
  'history',
  'version',
  'restore',
  'sync',
  'favicon',
];

/** A mission id as a request may spell it. */
type IdChoice =
  | { k: 'known'; n: number }
  | { k: 'random'; n: number }
  | { k: 'upper'; n: number }
  | { k: 'junk'; s: string };

/** How the path is spoiled after it is built. */
type PathMutation =
  | 'none'
  | 'traversal'
  | 'encoded-traversal'
  | 'double-encoded'
  | 'nul'
  | 'bad-percent'
  | 'backslash'
  | 'double-slash'
  | 'unicode'
  | 'huge'
  | 'no-slash';

type Body =
  | { b: 'none' }
  | { b: 'bytes'; bytes: number[] }
  | { b: 'photo'; bytes: number[]; hashMatches: boolean }
  | { b: 'json'; value: unknown }
  | { b: 'big'; kib: number };

/** How the body travels: with its true length, chunked, a length that lies, or none at all. */
type Framing = 'length' | 'chunked' | 'short-length' | 'long-length' | 'no-length';

/** Whether the request arrives in pieces, stops halfway, or comes all at once. */
type Pace =
  | { p: 'at-once' }
  | { p: 'slow'; pieces: number; gapMs: number }
  | { p: 'stall-body' }
  | { p: 'stall-headers' };

export interface HttpCase {
  method: string;
  route: Route;
  id: IdChoice;
  version: number;
  query: string;
  mutation: PathMutation;
  caller: Caller;
  headers: [string, string][];
  body: Body;
  framing: Framing;
  pace: Pace;
}

const idChoice: fc.Arbitrary<IdChoice> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('known' as const), n: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('random' as const), n: fc.nat(1_000_000) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('upper' as const), n: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('junk' as const), s: fc.string({ maxLength: 40 }) }) },
);

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ b: 'none' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      b: fc.constant('bytes' as const),
      bytes: fc.array(fc.nat(255), { maxLength: 300 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      b: fc.constant('photo' as const),
      bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 2000 }),
      hashMatches: fc.constantFrom(true, true, true, false),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      b: fc.constant('json' as const),
      value: fc.oneof(
        fc.record({
          role: fc.constantFrom('technician', 'observer', 'coordinator', 'admin', ''),
          name: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('x'.repeat(500)), fc.integer()),
          missions: fc.oneof(
            fc.array(fc.uuid(), { maxLength: 3 }),
            fc.array(fc.string(), { maxLength: 3 }),
            fc.constant('all'),
          ),
        }),
        fc.record({
          record: fc.oneof(
            fc.record({
              kind: fc.constantFrom('note', 'assessment', 'action', 'mission', 'x'),
              id: fc.string({ maxLength: 20 }),
            }),
            fc.string(),
            fc.constant(null),
          ),
        }),
        fc.jsonValue({ maxDepth: 3 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ b: fc.constant('big' as const), kib: fc.constantFrom(65, 70, 200, 1100) }),
  },
);

const pace: fc.Arbitrary<Pace> = fc.oneof(
  { weight: 40, arbitrary: fc.constant({ p: 'at-once' as const }) },
  {
    weight: 6,
    arbitrary: fc.record({
      p: fc.constant('slow' as const),
      pieces: fc.integer({ min: 2, max: 4 }),
      gapMs: fc.integer({ min: 5, max: 120 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ p: 'stall-body' as const }) },
  { weight: 1, arbitrary: fc.constant({ p: 'stall-headers' as const }) },
);

const headerPair: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(
    fc.constant('Content-Type'),
    fc.constantFrom('image/jpeg', 'text/html', 'application/json', 'image/svg+xml', '', 'x/y; charset=a'),
  ),
  fc.tuple(fc.constant('X-Forwarded-For'), fc.constantFrom('203.0.113.9', '1.1.1.1, 2.2.2.2', 'junk', '')),
  fc.tuple(fc.constant('Accept-Encoding'), fc.constantFrom('gzip', 'br', '*', 'gzip;q=0')),
  fc.tuple(fc.constant('If-None-Match'), fc.constantFrom('*', 'W/"1-2"', '"x"', ',,,')),
  fc.tuple(fc.constant('Range'), fc.constantFrom('bytes=0-1', 'bytes=-5', 'bytes=9999999-', 'lines=1')),
  fc.tuple(fc.constant('Expect'), fc.constantFrom('100-continue', 'nothing')),
  fc.tuple(fc.constant('Upgrade'), fc.constantFrom('websocket', 'h2c')),
  fc.tuple(
    fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcdefxyz-_'.split('')) }),
    fc.string({ maxLength: 40 }),
  ),
  fc.tuple(fc.constant('X-Big'), fc.constantFrom('a'.repeat(8000), 'b'.repeat(20_000))),
);

const anyCase: fc.Arbitrary<HttpCase> = fc.record({
  method: fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom('GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'PATCH') },
    { weight: 1, arbitrary: fc.constantFrom('TRACE', 'CONNECT', 'get', 'PROPFIND', 'BREW', 'G ET', '') },
  ),
  route: fc.constantFrom(...ROUTES),
  id: idChoice,
  version: fc.oneof(fc.nat(5), fc.constant(999_999_999_999_999), fc.constant(0)),
  query: fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.constant('?mission=KNOWN') },
    { weight: 1, arbitrary: fc.constant('?mission=RANDOM') },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 30 }).map((s) => `?${encodeURIComponent(s)}=%zz&mission=`),
    },
  ),
  mutation: fc.oneof(
    { weight: 10, arbitrary: fc.constant<PathMutation>('none') },
    {
      weight: 4,
      arbitrary: fc.constantFrom<PathMutation>(
        'traversal',
        'encoded-traversal',
        'double-encoded',
        'nul',
        'bad-percent',
        'backslash',
        'double-slash',
        'unicode',
        'huge',
        'no-slash',
      ),
    },
  ),
  caller: fc.constantFrom<Caller>(
    'coordinator',
    'coordinator',
    'technician',
    'stranger',
    'observer',
    'revoked',
    'none',
    'bad',
    'basic',
    'huge',
  ),
  headers: fc.array(headerPair, { maxLength: 3 }),
  body,
  framing: fc.oneof(
    { weight: 8, arbitrary: fc.constant<Framing>('length') },
    { weight: 2, arbitrary: fc.constantFrom<Framing>('chunked', 'short-length', 'no-length') },
    { weight: 1, arbitrary: fc.constant<Framing>('long-length') },
  ),
  pace,
});

/** The method each route answers, for requests shaped as a client would send them. */
const METHOD: Record<Route, string> = {
  healthz: 'GET',
  root: 'GET',
  index: 'GET',
  asset: 'GET',
  'app-route': 'GET',
  api: 'GET',
  me: 'GET',
  missions: 'GET',
  invites: 'POST',
  blob: 'PUT',
  history: 'GET',
  version: 'GET',
  restore: 'POST',
  sync: 'GET',
  favicon: 'GET',
};

/**
 * Half the requests are shaped as the app sends them (the route's method, a photo for a mission it names),
 * so the fuzz reaches the handlers behind the checks, not only the refusals in front of them.
 */
export const httpCase: fc.Arbitrary<HttpCase> = fc
  .tuple(anyCase, fc.boolean(), fc.nat(255))
  .map(([c, shaped, n]) => {
    if (!shaped) return c;
    const method = METHOD[c.route];
    if (c.route === 'blob' && c.body.b !== 'photo') {
      const bytes = [n, ...c.method.split('').map((ch) => ch.charCodeAt(0))];
      return {
        ...c,
        method,
        query: '?mission=KNOWN',
        body: { b: 'photo' as const, bytes, hashMatches: true },
      };
    }
    return { ...c, method };
  });

const uuidOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function missionIdOf(id: IdChoice, missions: readonly string[]): string {
  switch (id.k) {
    case 'known':
      return missions[id.n % missions.length] ?? '';
    case 'random':
      return uuidOf(id.n);
    case 'upper':
      return (missions[id.n % missions.length] ?? '').toUpperCase();
    case 'junk':
      return encodeURIComponent(id.s);
  }
}

function bodyBytes(c: HttpCase): Buffer {
  switch (c.body.b) {
    case 'none':
      return Buffer.alloc(0);
    case 'bytes':
    case 'photo':
      return Buffer.from(c.body.bytes);
    case 'json':
      return Buffer.from(JSON.stringify(c.body.value) ?? 'null', 'utf8');
    case 'big':
      return Buffer.alloc(c.body.kib * 1024, 7);
  }
}

function pathOf(c: HttpCase, missions: readonly string[], body: Buffer): string {
  const mission = missionIdOf(c.id, missions);
  const sha =
    c.body.b === 'photo' && c.body.hashMatches
      ? createHash('sha256').update(body).digest('hex')
      : c.id.k === 'junk'
        ? encodeURIComponent(c.id.s)
        : createHash('sha256').update(String(c.version)).digest('hex');
  const paths: Record<Route, string> = {
    healthz: '/healthz',
    root: '/',
    index: '/index.html',
    asset: '/assets/app-1234.js',
    'app-route': `/missions/${mission}`,
    api: '/api',
    me: '/api/me',
    missions: '/api/missions',
    invites: '/api/invites',
    blob: `/api/blobs/${sha}`,
    history: `/api/missions/${mission}/history`,
    version: `/api/missions/${mission}/history/${c.version}`,
    restore: `/api/missions/${mission}/history/${c.version}/restore`,
    sync: '/sync',
    favicon: '/favicon.ico',
  };
  const path = paths[c.route];
  const query = c.query
    .replace('KNOWN', missions[c.id.k === 'known' ? c.id.n % missions.length : 0] ?? '')
    .replace('RANDOM', uuidOf(c.version));
  switch (c.mutation) {
    case 'none':
      return path + query;
    case 'traversal':
      return `${path}/../../../../etc/passwd${query}`;
    case 'encoded-traversal':
      return `/assets/..%2f..%2f..%2fpackage.json${query}`;
    case 'double-encoded':
      return `${path}/%252e%252e/%252e%252e/package.json`;
    case 'nul':
      return `${path}%00.html${query}`;
    case 'bad-percent':
      return `${path}%${query}`;
    case 'backslash':
      return `${path}\\..\\..\\package.json`;
    case 'double-slash':
      return `//${path}${query}`;
    case 'unicode':
      return `${path}/%C3%A9%E2%80%AE%F0%9F%98%80${query}`;
    case 'huge':
      return `${path}/${'a/'.repeat(9000)}`;
    case 'no-slash':
      return `${path.slice(1)}${query}`;
  }
}

function authorization(c: HttpCase, tokens: FuzzTokens): string | null {
  switch (c.caller) {
    case 'none':
      return null;
    case 'bad':
      return 'Bearer not-a-token';
    case 'basic':
      return 'Basic dXNlcjpwYXNz';
    case 'huge':
      return `Bearer ${'t'.repeat(12_000)}`;
    default:
      return `Bearer ${tokens[c.caller]}`;
  }
}

export interface Sent {
  /** The request head and body exactly as written. */
  head: string;
  body: Buffer;
}

/** The request's bytes: head (with a lying or missing length, or chunked) and body. */
export function requestOf(c: HttpCase, missions: readonly string[], tokens: FuzzTokens): Sent {
  const raw = bodyBytes(c);
  const lines = [`${c.method} ${pathOf(c, missions, raw)} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  const auth = authorization(c, tokens);
  if (auth !== null) lines.push(`Authorization: ${auth}`);
  for (const [name, value] of c.headers) {
    // A header Node's parser rejects outright is still sent: its answer must be a 400, not a crash.
    lines.push(`${name}: ${value}`);
  }
  let body = raw;
  if (raw.length > 0 || c.framing !== 'length') {
    if (c.framing === 'length') lines.push(`Content-Length: ${raw.length}`);
    else if (c.framing === 'short-length') lines.push(`Content-Length: ${Math.floor(raw.length / 2)}`);
    else if (c.framing === 'long-length') lines.push(`Content-Length: ${raw.length + 1000}`);
    else if (c.framing === 'chunked') {
      lines.push('Transfer-Encoding: chunked');
      body = Buffer.concat([
        raw.length > 0 ? Buffer.from(`${raw.length.toString(16)}\r\n`) : Buffer.alloc(0),
        raw,
        Buffer.from(raw.length > 0 ? '\r\n0\r\n\r\n' : '0\r\n\r\n'),
      ]);
    }
  }
  return { head: `${lines.join('\r\n')}\r\n\r\n`, body };
}

export interface Answer {
  /** The status of the first response, or null if the server closed without one. */
  status: number | null;
  text: string;
  /** The server closed the connection by itself within the wait. */
  closed: boolean;
  ms: number;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes the request on its own TCP connection at the case's pace and reads until the server closes it or
 * `waitMs` passes. A stalled request is left unfinished: the server must answer or close it by itself.
 */
export async function send(port: number, c: HttpCase, sent: Sent, waitMs: number): Promise<Answer> {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  let closed = false;
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => {
    socket.once('close', () => {
      closed = true;
      resolve();
    });
  });
  socket.on('error', () => undefined);
  const start = performance.now();
  await new Promise<void>((resolve) => {
    socket.once('connect', resolve);
    socket.once('error', () => resolve());
  });
  const write = (bytes: Buffer | string) => {
    if (!socket.destroyed) socket.write(bytes);
  };
  const whole = Buffer.concat([Buffer.from(sent.head, 'latin1'), sent.body]);
  if (c.pace.p === 'stall-headers') write(whole.subarray(0, Math.max(1, Math.floor(sent.head.length / 2))));
  else if (c.pace.p === 'stall-body')
    write(whole.subarray(0, sent.head.length + Math.floor(sent.body.length / 2)));
  else if (c.pace.p === 'slow') {
    const size = Math.ceil(whole.length / c.pace.pieces);
    for (let i = 0; i < whole.length && !closed; i += size) {
      write(whole.subarray(i, i + size));
      await wait(c.pace.gapMs);
    }
  } else write(whole);
  await Promise.race([ended, wait(waitMs)]);
  const ms = performance.now() - start;
  socket.destroy();
  const text = Buffer.concat(chunks).toString('latin1');
  // The final answer: a "100 Continue" before it (Expect: 100-continue) is not one.
  const statuses = [...text.matchAll(/(?:^|\r\n)HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
  const status = statuses.find((s) => s >= 200) ?? null;
  return { status, text: text.slice(0, 2000), closed, ms };
}
