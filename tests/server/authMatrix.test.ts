// The authorization matrix: every document kind and every HTTP route × every role, read and write attempted
// against the real server. The tables below are the spec (docs/threat-model.md, "Actors" and "What the server
// promises"); each cell is one test that checks the server against it.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, revokeToken } from '../../src/server/db.ts';
import { varBytes, varString } from './rawSync.ts';
import { removeDir, startTestServer, tempDir, waitFor, type TestServer } from './syncHarness.ts';

const ROLES = [
  'coordinator',
  'technician member',
  'technician non-member',
  'observer member',
  'observer non-member',
  'revoked token',
  'no token',
  'bad token',
] as const;
type Role = (typeof ROLES)[number];

const KINDS = ['mission', 'review', 'programme', 'feed', 'unknown mission'] as const;
type Kind = (typeof KINDS)[number];

/**
 * read-write: opens it, reads what is stored, its writes are applied and stored. read-only: opens and reads,
 * its writes are answered "not saved" and never stored. forbidden: refused ("Forbidden"), nothing read or
 * written. unauthorized: refused as no live token (4401).
 */
type Outcome = 'read-write' | 'read-only' | 'forbidden' | 'unauthorized';

const RW = 'read-write';
const RO = 'read-only';
const NO = 'forbidden';
const UN = 'unauthorized';

// "unknown mission": an id nobody has opened, assigned or written — a technician's mission made offline.
const DOCUMENTS: Record<Role, Record<Kind, Outcome>> = {
  coordinator: { mission: RW, review: RW, programme: RW, feed: RO, 'unknown mission': RW },
  'technician member': { mission: RW, review: RO, programme: NO, feed: RO, 'unknown mission': RW },
  'technician non-member': { mission: NO, review: NO, programme: NO, feed: RO, 'unknown mission': RW },
  'observer member': { mission: RO, review: RO, programme: NO, feed: RO, 'unknown mission': NO },
  'observer non-member': { mission: NO, review: NO, programme: NO, feed: RO, 'unknown mission': NO },
  'revoked token': { mission: UN, review: UN, programme: UN, feed: UN, 'unknown mission': UN },
  'no token': { mission: UN, review: UN, programme: UN, feed: UN, 'unknown mission': UN },
  'bad token': { mission: UN, review: UN, programme: UN, feed: UN, 'unknown mission': UN },
};

const ROUTES = [
  'GET /healthz',
  'GET / (the app)',
  'GET /api/me',
  'GET /api/missions',
  'POST /api/invites',
  'PUT /api/blobs/:sha256?mission',
  'GET /api/blobs/:sha256',
  'GET /api/missions/:id/history',
  'GET /api/missions/:id/history/:version',
  'POST /api/missions/:id/history/:version/restore',
] as const;
type Route = (typeof ROUTES)[number];

/** Expected status; for GET /api/missions, whether the list names the mission (its "read"). */
type HttpOutcome = number | { status: 200; listsMission: boolean };
const LISTS = { status: 200, listsMission: true } as const;
const HIDES = { status: 200, listsMission: false } as const;

// Revoked, missing and bad tokens are one row each in the matrix; /api answers them all 401.
const ROUTES_TABLE: Record<Role, Record<Route, HttpOutcome>> = {
  coordinator: row([200, 200, 200, LISTS, 201, 201, 200, 200, 200, 200]),
  'technician member': row([200, 200, 200, LISTS, 403, 201, 200, 403, 403, 403]),
  'technician non-member': row([200, 200, 200, HIDES, 403, 403, 404, 403, 403, 403]),
  'observer member': row([200, 200, 200, LISTS, 403, 403, 200, 403, 403, 403]),
  'observer non-member': row([200, 200, 200, HIDES, 403, 403, 404, 403, 403, 403]),
  'revoked token': row([200, 200, 401, 401, 401, 401, 401, 401, 401, 401]),
  'no token': row([200, 200, 401, 401, 401, 401, 401, 401, 401, 401]),
  'bad token': row([200, 200, 401, 401, 401, 401, 401, 401, 401, 401]),
};

function row(outcomes: HttpOutcome[]): Record<Route, HttpOutcome> {
  return Object.fromEntries(ROUTES.map((route, i) => [route, outcomes[i] as HttpOutcome])) as Record<
    Route,
    HttpOutcome
  >;
}

let t: TestServer;
let distDir: string;
const mission = crypto.randomUUID();
const programme = crypto.randomUUID();
const tokens = {} as Record<Role, string>;
/** The photo every role reads, uploaded to the mission by the coordinator. */
const photo = Buffer.from('a photo of the mission');
const photoSha = createHash('sha256').update(photo).digest('hex');

const nameOf = (kind: Kind, unknownId: string): string =>
  kind === 'mission'
    ? `mission:${mission}`
    : kind === 'review'
      ? `review:${mission}`
      : kind === 'programme'
        ? `programme:${programme}`
        : kind === 'feed'
          ? 'feed'
          : `mission:${unknownId}`;

/** One document opened on a raw socket, as a device would, with the outcome of its authentication. */
interface Opened {
  outcome: string;
  /** The document as the server sent it in answer to an empty state vector. */
  read(): Promise<Y.Doc>;
  /** Sends an update writing `text`; resolves with the server's "saved" flag, or null if it sent none. */
  write(text: string): Promise<boolean | null>;
  close(): Promise<void>;
}

async function open(token: string, name: string): Promise<Opened> {
  const ws = new WebSocket(t.url);
  ws.binaryType = 'arraybuffer';
  const received: Uint8Array[] = [];
  let closeCode: number | null = null;
  ws.addEventListener('message', (e) => received.push(new Uint8Array(e.data as ArrayBuffer)));
  const closed = new Promise<void>((resolve) =>
    ws.addEventListener('close', (e) => {
      closeCode = e.code;
      resolve();
    }),
  );
  await waitFor(() => ws.readyState === WebSocket.OPEN, 10_000, 'socket open');
  const prefix = varString(name);
  const mine = (m: Uint8Array, ...bytes: number[]) => [...prefix, ...bytes].every((b, i) => m[i] === b);
  ws.send(new Uint8Array([...prefix, 2, 0, ...varString(token)]));
  const outcome = await waitFor(
    () => {
      const auth = received.find((m) => mine(m, 2));
      if (auth?.[prefix.length + 1] === 2) return 'authenticated';
      if (auth?.[prefix.length + 1] === 1) return new TextDecoder().decode(auth.subarray(prefix.length + 3));
      return closeCode === null ? null : `closed ${closeCode}`;
    },
    10_000,
    `authentication outcome for ${name}`,
  );
  return {
    outcome,
    async read() {
      const before = received.length;
      ws.send(new Uint8Array([...prefix, 0, 0, ...varBytes(new Uint8Array([0]))]));
      const reply = await waitFor(
        () => received.slice(before).find((m) => mine(m, 0, 1)),
        10_000,
        `the state of ${name}`,
      );
      const doc = new Y.Doc();
      // The reply is [name, Sync, Step2, update with its length].
      const body = reply.subarray(prefix.length + 2);
      let length = 0;
      let shift = 1;
      let pos = 0;
      for (;;) {
        const byte = body[pos++] ?? 0;
        length += (byte & 0x7f) * shift;
        shift *= 128;
        if (byte < 0x80) break;
      }
      Y.applyUpdate(doc, body.subarray(pos, pos + length));
      return doc;
    },
    async write(text) {
      const doc = new Y.Doc();
      let update: Uint8Array = new Uint8Array();
      doc.on('update', (u: Uint8Array) => (update = u));
      doc.getText('text').insert(0, text);
      const before = received.length;
      if (ws.readyState === WebSocket.OPEN) ws.send(new Uint8Array([...prefix, 0, 2, ...varBytes(update)]));
      const status = await waitFor(
        () => received.slice(before).find((m) => mine(m, 8)) ?? (closeCode !== null ? 'closed' : null),
        3000,
        'a sync status',
      ).catch(() => null);
      return status instanceof Uint8Array ? status[prefix.length + 1] === 1 : null;
    },
    async close() {
      ws.close();
      await closed;
    },
  };
}

/** The text of a stored document, read by the coordinator. */
async function storedText(name: string): Promise<string> {
  const reader = await open(tokens.coordinator, name);
  try {
    return (await reader.read()).getText('text').toString();
  } finally {
    await reader.close();
  }
}

async function request(role: Role, method: string, urlPath: string, body?: BodyInit): Promise<Response> {
  const headers: Record<string, string> = {};
  if (tokens[role] !== '') headers.Authorization = `Bearer ${tokens[role]}`;
  if (typeof body === 'string') headers['Content-Type'] = 'application/json';
  return fetch(`http://127.0.0.1:${t.server.port}${urlPath}`, { method, headers, body });
}

beforeAll(async () => {
  distDir = await tempDir('minga-matrix-dist-');
  await mkdir(distDir, { recursive: true });
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>Minga</title>');
  t = await startTestServer({ distDir });
  tokens.coordinator = t.token('coordinator').token;
  tokens['technician member'] = t.token('technician', [mission]).token;
  tokens['technician non-member'] = t.token('technician').token;
  tokens['observer member'] = t.token('observer', [mission]).token;
  tokens['observer non-member'] = t.token('observer').token;
  const revoked = t.token('technician', [mission]).token;
  const admin = openDatabase(t.dataDir);
  revokeToken(admin, revoked);
  admin.close();
  tokens['revoked token'] = revoked;
  tokens['no token'] = '';
  tokens['bad token'] = 'not-a-token';
  // The mission, its review and the programme exist, each holding a known text.
  for (const kind of ['mission', 'review', 'programme'] as const) {
    const doc = await open(tokens.coordinator, nameOf(kind, ''));
    expect(await doc.write(`seed ${kind}`)).toBe(true);
    await doc.close();
  }
  const put = await request('coordinator', 'PUT', `/api/blobs/${photoSha}?mission=${mission}`, photo);
  expect(put.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await t.stop();
  await removeDir(t.dataDir);
  await removeDir(distDir);
});

describe('documents × roles (read and write over /sync)', () => {
  for (const role of ROLES) {
    for (const kind of KINDS) {
      const expected = DOCUMENTS[role][kind];
      it(`${role} · ${kind}: ${expected}`, async () => {
        const unknownId = crypto.randomUUID();
        const name = nameOf(kind, unknownId);
        const before = kind === 'feed' ? '' : await storedText(name);
        const mark = `write by ${role}`;
        const doc = await open(tokens[role], name);
        try {
          if (expected === UN) expect(doc.outcome).toMatch(/^(Unauthorized|closed 4401)$/);
          else if (expected === NO) expect(doc.outcome).toBe('Forbidden');
          else expect(doc.outcome).toBe('authenticated');
          if (expected === RW || expected === RO) {
            // Read: the document as stored, whatever it holds.
            if (kind !== 'feed') expect((await doc.read()).getText('text').toString()).toBe(before);
            expect(await doc.write(mark)).toBe(expected === RW);
          } else {
            expect(await doc.write(mark)).toBeNull();
          }
        } finally {
          await doc.close();
        }
        if (kind === 'feed') return;
        const after = await storedText(name);
        if (expected === RW) expect(after).toContain(mark);
        else expect(after).toBe(before);
      }, 30_000);
    }
  }
});

describe('HTTP routes × roles', () => {
  const paths = (version: number): Record<Route, [string, string, BodyInit?]> => ({
    'GET /healthz': ['GET', '/healthz'],
    'GET / (the app)': ['GET', '/'],
    'GET /api/me': ['GET', '/api/me'],
    'GET /api/missions': ['GET', '/api/missions'],
    'POST /api/invites': ['POST', '/api/invites', JSON.stringify({ role: 'observer', name: 'Invited' })],
    'PUT /api/blobs/:sha256?mission': ['PUT', '', undefined],
    'GET /api/blobs/:sha256': ['GET', `/api/blobs/${photoSha}`],
    'GET /api/missions/:id/history': ['GET', `/api/missions/${mission}/history`],
    'GET /api/missions/:id/history/:version': ['GET', `/api/missions/${mission}/history/${version}`],
    'POST /api/missions/:id/history/:version/restore': [
      'POST',
      `/api/missions/${mission}/history/${version}/restore`,
    ],
  });

  for (const role of ROLES) {
    for (const route of ROUTES) {
      const expected = ROUTES_TABLE[role][route];
      const status = typeof expected === 'number' ? expected : expected.status;
      it(`${role} · ${route}: ${status}`, async () => {
        const versions = (await (
          await request('coordinator', 'GET', `/api/missions/${mission}/history`)
        ).json()) as {
          versions: { version: number }[];
        };
        const version = versions.versions[0]?.version ?? 1;
        const [method, ...rest] = paths(version)[route];
        let [urlPath, body] = rest;
        if (route === 'PUT /api/blobs/:sha256?mission') {
          // A photo of its own, so a refusal cannot pass for an upload someone else made.
          const bytes = Buffer.from(`photo by ${role} ${crypto.randomUUID()}`);
          const sha = createHash('sha256').update(bytes).digest('hex');
          body = bytes;
          urlPath = `/api/blobs/${sha}?mission=${mission}`;
        }
        const response = await request(role, method, urlPath, body);
        const text = await response.text();
        expect(response.status, text).toBe(status);
        if (route === 'GET /api/me' && status === 200)
          expect(JSON.parse(text)).toMatchObject({ role: role.split(' ')[0] });
        if (typeof expected === 'object')
          expect((JSON.parse(text) as { missions: string[] }).missions.includes(mission)).toBe(
            expected.listsMission,
          );
        if (route === 'GET /api/blobs/:sha256' && status === 200) expect(text).toBe(photo.toString());
        if (route === 'PUT /api/blobs/:sha256?mission' && status !== 201) {
          // Not stored: the coordinator cannot read it either.
          const sha = urlPath.slice('/api/blobs/'.length, urlPath.indexOf('?'));
          expect((await request('coordinator', 'GET', `/api/blobs/${sha}`)).status).toBe(404);
        }
      }, 30_000);
    }
  }
});
