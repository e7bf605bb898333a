// Bad input against the real server: malformed updates, over-limit messages and documents, connection caps.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connect,
  readBack,
  removeDir,
  settled,
  startTestServer,
  waitFor,
  type Client,
  type TestServer,
} from './syncHarness.ts';

let t: TestServer;
let coordinator: string;
const open: Client[] = [];
const raws: WebSocket[] = [];

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
function varBytes(bytes: Uint8Array): number[] {
  return [...varUint(bytes.length), ...bytes];
}
function varString(s: string): number[] {
  return varBytes(new TextEncoder().encode(s));
}

/** A bare WebSocket speaking the Hocuspocus protocol by hand, to send what no provider would. */
async function rawClient(token: string, name: string) {
  const ws = new WebSocket(t.url);
  ws.binaryType = 'arraybuffer';
  raws.push(ws);
  const received: Uint8Array[] = [];
  let closed: number | null = null;
  ws.addEventListener('message', (e) => received.push(new Uint8Array(e.data as ArrayBuffer)));
  ws.addEventListener('close', (e) => {
    closed = e.code;
  });
  await waitFor(() => ws.readyState === WebSocket.OPEN, 5000, 'raw socket open');
  // Auth message: name, type Auth (2), Token (0), token.
  ws.send(new Uint8Array([...varString(name), 2, 0, ...varString(token)]));
  const authenticated = new Uint8Array([...varString(name), 2, 2]);
  await waitFor(
    () => received.some((m) => authenticated.every((b, i) => m[i] === b)),
    5000,
    'raw authentication',
  );
  return {
    ws,
    closed: () => closed,
    /** A sync "update" message around the given bytes (framing correct, content as given). */
    sendUpdate: (update: Uint8Array) =>
      ws.send(new Uint8Array([...varString(name), 0, 2, ...varBytes(update)])),
  };
}

async function seed(name: string, text: string): Promise<void> {
  const c = connect(t.url, coordinator, name);
  open.push(c);
  await settled(c);
  c.doc.getText('text').insert(0, text);
  await c.acknowledged();
  c.destroy();
}

beforeAll(async () => {
  t = await startTestServer({
    limits: {
      maxMessageBytes: 64 * 1024,
      maxDocumentBytes: 16 * 1024,
      maxConnectionsPerToken: 2,
      maxConnectionsPerIp: 10,
      // The same token goes on after each refusal: the wait imposed on it then is tested in syncAbuse.test.ts.
      offenceWaitMs: 0,
    },
  });
  coordinator = t.token('coordinator').token;
});

afterAll(async () => {
  for (const c of open) c.destroy();
  for (const ws of raws) ws.close();
  await t?.stop();
  if (t) await removeDir(t.dataDir);
});

describe('bad input', () => {
  it('closes the connection on a truncated update, keeps serving, leaves the document unchanged', async () => {
    const name = `mission:${randomUUID()}`;
    await seed(name, 'intact');
    // A truncation that Yjs would half apply (structs integrated, delete set unreadable).
    const source = new Y.Doc();
    source.getText('text').insert(0, 'garbage that must not land');
    source.getText('text').delete(0, 3);
    const full = Y.encodeStateAsUpdate(source);
    const truncated = full.subarray(0, full.length - 1);
    expect(() => Y.applyUpdate(new Y.Doc(), truncated)).toThrow();

    const raw = await rawClient(coordinator, name);
    raw.sendUpdate(truncated);
    await waitFor(() => raw.closed() === 1007, 5000, 'close 1007');
    expect(t.logs.some((l) => l.refusal === 'malformed-update' && l.document === name)).toBe(true);

    const garbage = await rawClient(coordinator, name);
    garbage.sendUpdate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]));
    await waitFor(() => garbage.closed() === 1007, 5000, 'close 1007 for garbage');

    expect(await readBack(t.url, coordinator, name)).toBe('intact');
    const res = await fetch(`http://127.0.0.1:${t.server.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('closes a socket whose message exceeds the maximum size (1009)', async () => {
    const name = `mission:${randomUUID()}`;
    const raw = await rawClient(coordinator, name);
    raw.sendUpdate(new Uint8Array(100 * 1024));
    await waitFor(() => raw.closed() === 1009, 5000, 'close 1009');
  });

  it('refuses an update that would grow the document past the limit and keeps what was there', async () => {
    const name = `mission:${randomUUID()}`;
    await seed(name, 'small');
    const c = connect(t.url, coordinator, name);
    open.push(c);
    await settled(c);
    await waitFor(() => c.provider.synced, 5000, 'sync');
    c.doc.getText('text').insert(0, 'x'.repeat(20 * 1024));
    await waitFor(() => t.logs.some((l) => l.refusal === 'document-too-large' && l.document === name), 5000);
    c.destroy();
    expect(await readBack(t.url, coordinator, name)).toBe('small');
  });
});

describe('connection limits', () => {
  it('caps open sockets per token', async () => {
    const tech = t.token('technician');
    const clients = [0, 1, 2].map(() => connect(t.url, tech.token, `mission:${randomUUID()}`));
    open.push(...clients);
    for (const c of clients) await settled(c);
    const denied = clients.filter((c) => c.denied !== null);
    expect(denied.map((c) => c.denied)).toEqual(['Too many connections']);
    await waitFor(() => denied[0]?.closeCodes.includes(4429), 5000, 'close 4429');
    for (const c of clients) c.destroy();
  });

  it('refuses upgrades on any path but /sync', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.server.port}/elsewhere`);
    raws.push(ws);
    let failed = false;
    ws.addEventListener('close', () => {
      failed = true;
    });
    await waitFor(() => failed, 5000, 'refused upgrade');
    expect(t.logs.some((l) => l.refusal === 'upgrade-path')).toBe(true);
  });

  it('caps sockets per IP address: authenticated ones, and separately those still authenticating', async () => {
    const capped = await startTestServer({ limits: { maxConnectionsPerIp: 2, maxUnauthenticatedPerIp: 2 } });
    try {
      const url = capped.url;
      const sockets = [0, 1, 2].map(() => new WebSocket(url));
      raws.push(...sockets);
      const outcome = (ws: WebSocket) =>
        new Promise<string>((resolve) => {
          ws.addEventListener('open', () => resolve('open'));
          ws.addEventListener('error', () => resolve('refused'));
        });
      const outcomes = await Promise.all(sockets.map(outcome));
      expect(outcomes.filter((o) => o === 'open')).toHaveLength(2);
      expect(outcomes.filter((o) => o === 'refused')).toHaveLength(1);
      expect(capped.logs.some((l) => l.refusal === 'too-many-unauthenticated-for-ip')).toBe(true);
      for (const ws of sockets) ws.close();
    } finally {
      await capped.stop();
      await removeDir(capped.dataDir);
    }
  });
});
