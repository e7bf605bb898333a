// Limits that keep one client from locking others out or wearing the server down: authentication deadline,
// per-address counts of authenticated sockets, trusted proxies, write rate, no awareness relay, HTTP timeouts.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authOutcome, rawClient, varBytes, varString, varUint } from './rawSync.ts';
import { removeDir, startTestServer, waitFor, type TestServer } from './syncHarness.ts';
import type { MingaServerOptions } from '../../src/server/app.ts';
import { openDatabase, revokeToken } from '../../src/server/db.ts';

const servers: TestServer[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.close();
  for (const t of servers.splice(0)) {
    await t.stop();
    await removeDir(t.dataDir);
  }
});

async function server(options: Partial<MingaServerOptions>): Promise<TestServer> {
  const t = await startTestServer(options);
  servers.push(t);
  return t;
}

async function attempt(t: TestServer, token: string, headers: Record<string, string> = {}): Promise<string> {
  const { outcome, ws } = await authOutcome(t.url, token, `mission:${randomUUID()}`, headers);
  sockets.push(ws);
  return outcome;
}

describe('connection limits', () => {
  it('idle unauthenticated sockets neither lock out a coordinator nor stay open past the deadline', async () => {
    const t = await server({ limits: { maxConnectionsPerIp: 4, authTimeoutMs: 2000 } });
    const idle = Array.from({ length: 32 }, () => new WebSocket(t.url));
    sockets.push(...idle);
    const closes: number[] = [];
    let opened = 0;
    for (const ws of idle) {
      ws.addEventListener('open', () => (opened += 1));
      ws.addEventListener('close', (e) => closes.push(e.code));
    }
    await waitFor(() => opened === 32, 10_000, 'idle sockets open');
    expect(closes).toEqual([]);
    expect(await attempt(t, t.token('coordinator').token)).toBe('authenticated');
    await waitFor(() => closes.length === 32, 10_000, 'idle sockets closed');
    expect(new Set(closes)).toEqual(new Set([4408]));
    expect(t.logs.some((l) => l.refusal === 'authentication-timeout')).toBe(true);
  }, 20_000);

  it('counts authenticated sockets per address', async () => {
    const t = await server({ limits: { maxConnectionsPerIp: 2 } });
    expect(await attempt(t, t.token('coordinator').token)).toBe('authenticated');
    expect(await attempt(t, t.token('coordinator').token)).toBe('authenticated');
    expect(await attempt(t, t.token('coordinator').token)).toBe('Too many connections');
  });

  it('caps sockets still authenticating per address', async () => {
    const t = await server({ limits: { maxUnauthenticatedPerIp: 2 } });
    const outcome = (ws: WebSocket) =>
      new Promise<string>((resolve) => {
        ws.addEventListener('open', () => resolve('open'));
        ws.addEventListener('error', () => resolve('refused'));
      });
    const three = [0, 1, 2].map(() => new WebSocket(t.url));
    sockets.push(...three);
    const outcomes = await Promise.all(three.map(outcome));
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(1);
    expect(t.logs.some((l) => l.refusal === 'too-many-unauthenticated-for-ip')).toBe(true);
  });

  it('reads X-Forwarded-For only from a trusted proxy', async () => {
    const behind = await server({ limits: { maxConnectionsPerIp: 1 }, trustedProxies: ['127.0.0.1'] });
    const coordinator = behind.token('coordinator').token;
    const other = behind.token('coordinator').token;
    expect(await attempt(behind, coordinator, { 'X-Forwarded-For': '203.0.113.1' })).toBe('authenticated');
    expect(await attempt(behind, other, { 'X-Forwarded-For': '203.0.113.2' })).toBe('authenticated');
    expect(await attempt(behind, other, { 'X-Forwarded-For': '203.0.113.2' })).toBe('Too many connections');

    const direct = await server({ limits: { maxConnectionsPerIp: 1 } });
    expect(
      await attempt(direct, direct.token('coordinator').token, { 'X-Forwarded-For': '203.0.113.1' }),
    ).toBe('authenticated');
    // Not from a trusted proxy: the header is ignored, the peer's address counts.
    expect(
      await attempt(direct, direct.token('coordinator').token, { 'X-Forwarded-For': '203.0.113.2' }),
    ).toBe('Too many connections');
  });
});

/** Sends 40 updates at once on one socket of `token` and waits for the 4429 that closes it. */
async function floodUntilClosed(t: TestServer, token: string, name: string) {
  const raw = await rawClient(t.url, token, name);
  sockets.push(raw.ws);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 40; i++) doc.getText('text').insert(i, 'x');
  for (const update of updates) raw.sendUpdate(update);
  await waitFor(() => raw.closed() === 4429, 5000, 'close 4429');
  return raw;
}

describe('write rate and awareness', () => {
  it('closes a socket that writes faster than its budget, before applying the excess', async () => {
    const t = await server({ limits: { writesPerSecond: 1, writeBurst: 10 } });
    const coordinator = t.token('coordinator').token;
    const name = `mission:${randomUUID()}`;
    const raw = await floodUntilClosed(t, coordinator, name);
    expect(raw.acknowledgements()).toBeLessThanOrEqual(11);
    expect(t.logs.some((l) => l.refusal === 'too-many-writes' && l.document === name)).toBe(true);
  });

  it('makes a token refused for its rate wait before it may connect again, doubling on a repeat', async () => {
    const t = await server({ limits: { writesPerSecond: 1, writeBurst: 10, offenceWaitMs: 1500 } });
    const flooder = t.token('coordinator').token;
    const flood = () => floodUntilClosed(t, flooder, `mission:${randomUUID()}`);
    await flood();
    const refusedAt = Date.now();
    expect(await attempt(t, flooder)).toBe('Wait before reconnecting');
    // Anyone else is let in meanwhile.
    expect(await attempt(t, t.token('coordinator').token)).toBe('authenticated');
    expect(t.logs.some((l) => l.refusal === 'offence-wait')).toBe(true);
    await waitFor(async () => (await attempt(t, flooder)) === 'authenticated', 5000, 'the wait over');
    expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(1000);
    // Again at once: the bucket is still empty, and this time the wait is twice as long.
    await flood();
    const again = Date.now();
    await waitFor(async () => (await attempt(t, flooder)) === 'authenticated', 8000, 'the second wait over');
    expect(Date.now() - again).toBeGreaterThanOrEqual(2500);
  }, 20_000);

  it('relays no awareness state to the other members', async () => {
    const t = await server({});
    const name = `mission:${randomUUID()}`;
    const sender = await rawClient(t.url, t.token('coordinator').token, name);
    const listener = await rawClient(t.url, t.token('coordinator').token, name);
    sockets.push(sender.ws, listener.ws);
    // An awareness update: one client (id 1234, clock 1) with a 64 KiB state.
    const state = JSON.stringify({ filler: 'A'.repeat(64 * 1024) });
    const awareness = new Uint8Array([...varUint(1), ...varUint(1234), ...varUint(1), ...varString(state)]);
    sender.ws.send(new Uint8Array([...varString(name), 1, ...varBytes(awareness)]));
    // A normal update afterwards: once the listener has it, the awareness message would have arrived too.
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'after');
    sender.sendUpdate(Y.encodeStateAsUpdate(doc));
    await waitFor(() => sender.acknowledgements() === 1, 5000, 'acknowledgement');
    await waitFor(
      () => listener.received.some((m) => m[varString(name).length] === 0),
      5000,
      'update relayed',
    );
    expect(listener.received.some((m) => m[varString(name).length] === 1 && m.length > 1024)).toBe(false);
  });
});

describe('HTTP timeouts', () => {
  it('closes a request whose body does not arrive in time', async () => {
    const t = await server({ httpTimeouts: { headersTimeoutMs: 1000, requestTimeoutMs: 1000 } });
    const token = t.token('coordinator').token;
    const socket = net.connect(t.server.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    let closed = false;
    socket.on('close', () => {
      closed = true;
    });
    socket.write(
      `PUT /api/blobs/${'a'.repeat(64)}?mission=${randomUUID()} HTTP/1.1\r\nHost: x\r\n` +
        `Authorization: Bearer ${token}\r\nContent-Type: image/jpeg\r\nContent-Length: 100000\r\n\r\n`,
    );
    socket.write('partial');
    await waitFor(() => closed, 8000, 'the slow request to be closed');
    expect(answer).toMatch(/^(HTTP\/1\.1 408|$)/);
  });
});

describe('revocation', () => {
  it('refuses the first write after a token is revoked, without waiting for the sweep', async () => {
    const t = await server({ limits: { revocationCheckMs: 60_000 } });
    const tech = t.token('technician');
    const name = `mission:${randomUUID()}`;
    const raw = await rawClient(t.url, tech.token, name);
    sockets.push(raw.ws);
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'before');
    raw.sendUpdate(Y.encodeStateAsUpdate(doc));
    await waitFor(() => raw.acknowledgements() === 1, 5000, 'first write acknowledged');
    const admin = openDatabase(t.dataDir);
    try {
      expect(revokeToken(admin, tech.id)).toBe(tech.id);
    } finally {
      admin.close();
    }
    const before = Y.encodeStateVector(doc);
    doc.getText('text').insert(0, 'after ');
    raw.sendUpdate(Y.encodeStateAsUpdate(doc, before));
    await waitFor(() => raw.closed() === 4401, 5000, 'close 4401');
    expect(raw.acknowledgements()).toBe(1);
    expect(t.logs.some((l) => l.refusal === 'revoked-token-write' && l.tokenId === tech.id)).toBe(true);
  });
});
