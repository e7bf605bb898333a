// A JSON body that stops halfway (found by the fuzz, tests/server/fuzzHttp.test.ts): the request ends with the
// server's 408, and nothing is logged as an internal error, for invites and for restores.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, waitFor, type TestServer } from './syncHarness.ts';

let t: TestServer;
let coordinator: string;

beforeAll(async () => {
  t = await startTestServer({ httpTimeouts: { headersTimeoutMs: 1000, requestTimeoutMs: 1000 } });
  coordinator = t.token('coordinator').token;
});

afterAll(async () => {
  await t.stop();
  await removeDir(t.dataDir);
});

/** Sends the head and half the declared body; resolves with what the server answered once it closed. */
async function halfBody(urlPath: string, hangUp: boolean): Promise<string> {
  const socket = net.connect(t.server.port, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(
    `POST ${urlPath} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${coordinator}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"role":"obs',
  );
  if (hangUp) {
    // The device loses its connection halfway.
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
  }
  await closed;
  return answer;
}

describe('a JSON body that never finishes', () => {
  const mission = crypto.randomUUID();
  for (const urlPath of ['/api/invites', `/api/missions/${mission}/history/1/restore`]) {
    it(`${urlPath}: the server answers 408 and logs no internal error`, async () => {
      const answer = await halfBody(urlPath, false);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      await waitFor(() => t.logs.some((l) => l.refusal === 'incomplete-body'), 5000, 'the refusal logged');
      expect(t.logs.filter((l) => l.event === 'error')).toEqual([]);
    }, 20_000);

    it(`${urlPath}: a device that hangs up halfway leaves no internal error`, async () => {
      const before = t.logs.filter((l) => l.refusal === 'incomplete-body').length;
      await halfBody(urlPath, true);
      await waitFor(
        () => t.logs.filter((l) => l.refusal === 'incomplete-body').length > before,
        5000,
        'the refusal logged',
      );
      expect(t.logs.filter((l) => l.event === 'error')).toEqual([]);
    }, 20_000);
  }
});
