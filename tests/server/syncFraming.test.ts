// Frames whose Hocuspocus framing is broken (found by the fuzz, tests/server/fuzzSync.test.ts): each is refused on
// its own socket, and the server process, its other sockets and /healthz go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFuzzServer, type FuzzServer } from './fuzzServer.ts';
import { rawClient, varString } from './rawSync.ts';
import { waitFor } from './syncHarness.ts';

let server: FuzzServer;

beforeAll(async () => {
  server = await startFuzzServer();
}, 60_000);

afterAll(async () => {
  await server.remove();
});

/** Sends the frame on a fresh socket (after authenticating if `authenticated`) and resolves with the close code. */
async function closeCodeAfter(frame: number[], authenticated: boolean): Promise<number> {
  const url = `ws://127.0.0.1:${server.port}/sync`;
  const name = `mission:${server.missions[0]}`;
  let ws: WebSocket;
  if (authenticated) ws = (await rawClient(url, server.tokens.technician, name)).ws;
  else {
    ws = new WebSocket(url);
    await waitFor(() => ws.readyState === WebSocket.OPEN, 10_000, 'the socket to open');
  }
  const code = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)));
  ws.send(new Uint8Array(frame));
  return code;
}

describe('broken framing', () => {
  // 1007: a frame that cannot be read; 4403: not even a document name, refused as one (wire.ts).
  const cases: [string, number[], number][] = [
    ['a document name and no message type', [...varString('abc')], 1007],
    ['a document name cut short', [10, 0x6d, 0x69], 1007],
    ['a message type whose varint never ends', [...varString('abc'), 0xff, 0xff], 1007],
    ['an empty frame', [], 4403],
  ];
  for (const [what, frame, code] of cases) {
    for (const authenticated of [false, true]) {
      it(`${what}${authenticated ? ', after authenticating' : ', from a stranger'}: refused, the server goes on`, async () => {
        expect(await closeCodeAfter(frame, authenticated)).toBe(code);
        await server.healthz();
        expect(server.alive()).toBe(true);
        // Another device still syncs.
        const other = await rawClient(
          `ws://127.0.0.1:${server.port}/sync`,
          server.tokens.coordinator,
          `mission:${server.missions[1]}`,
        );
        other.ws.close();
      }, 30_000);
    }
  }
});
